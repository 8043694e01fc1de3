/**
 * Seasonal thresholds apply to point-in-time KPIs (docs/language.md, "Seasonal thresholds"),
 * judged through the real scorecard pipeline on a hand-made pipeline history (the scorecard
 * fixture's organisation, calendar quarters):
 *
 * - p1 (r1, 100, created 1 Dec 2024): open throughout.
 * - p2 (r3, 50, created 10 Jan 2025): won on 10 May 2025.
 * - p3 (r1, created 1 Dec 2024): 200 until 23:00 on 30 Jun 2025, then 80 (the export's value).
 *
 * Open pipeline at the end of Q1 2025: 100 + 50 + 200 = 350; of Q2: 100 + 80 = 180. The largest
 * deal's share: Q1 200 / 350, Q2 100 / 180.
 */
import { describe, expect, it } from 'vitest';
import { makeWorkspace, type Workspace } from '../helpers/workspace.js';
import { evaluate, kpi } from '../scorecard/helpers.js';
import { BASE_CATALOG, DATA } from '../scorecard/fixture.js';

const PIPELINE = `source: pipeline_deals
file: pipeline_deals.csv
key: id
time: created_date
interval: { from: created_date }
columns:
  id: { type: string, required: true, unique: true }
  owner_id: { type: string }
  stage: { type: string, values: [Open, Won, Lost] }
  amount: { type: money }
  created_date: { type: date }
joins:
  owner: { to: reps, on: owner_id }
definitions:
  open: stage = 'Open'
dimensions:
  rep: owner_id
  region: owner.region
---
source: pipeline_history
file: pipeline_history.csv
time: changed_at
changes: { of: pipeline_deals, key: id, at: changed_at, field: field, old: old_value, new: new_value }
columns:
  id: { type: string, required: true }
  changed_at: { type: timestamp, required: true }
  field: { type: string, values: [stage, amount] }
  old_value: { type: string }
  new_value: { type: string }
---
kpi: pipe_eop
title: Open pipeline at period end
formula: sum(amount where open as at end)
unit: money
perspective: internal_process
target: 300
# Value thresholds scaled by the quarter's seasonal index (share × 4): Q1 1.6, Q2 0.4.
thresholds: { green: 300, amber: 150, on: value }
seasonal: { q1: 40%, q2: 10%, q3: 25%, q4: 25% }
---
kpi: top_deal_share_eop
title: Largest deal's share of the pipeline at period end
formula: max(amount where open as at end) / sum(amount where open as at end)
unit: percent
direction: down
perspective: internal_process
target: 0.5
thresholds: { green: 1.0, amber: 0.8 }
overrides:
  - period: 2025-Q2
    thresholds: { green: 1.0, amber: 0.95 }
---
scorecard: pit
title: Pipeline health
hierarchy: org
levels: [enterprise]
perspectives:
  internal_process:
    weight: 100%
    kpis:
      - kpi: pipe_eop
      - kpi: top_deal_share_eop
`;

const PIPELINE_DATA = {
  'pipeline_deals.csv':
    'id,owner_id,stage,amount,created_date\np1,r1,Open,100,2024-12-01\np2,r3,Won,50,2025-01-10\np3,r1,Open,80,2024-12-01\n',
  'pipeline_history.csv':
    'id,changed_at,field,old_value,new_value\np2,2025-05-10 10:00:00,stage,Open,Won\np3,2025-06-30 23:00:00,amount,200,80\n',
};

const workspace = (): Workspace => makeWorkspace({ ...BASE_CATALOG, 'pipeline.yaml': PIPELINE }, { ...DATA, ...PIPELINE_DATA });

describe('seasonal thresholds of point-in-time KPIs in a scorecard', () => {
  it('scales value thresholds and targets by the seasonal index of the quarter', async () => {
    const ws = workspace();
    // Q1: index 1.6 → target 480, green at 480, amber at 240: 350 is amber (green unscaled).
    const q1 = kpi((await evaluate(ws, { scorecard: 'pit', period: '2025-Q1' })).node, 'pipe_eop');
    expect([q1.value, q1.status]).toEqual([350, 'amber']);
    expect(q1.target).toBeCloseTo(480, 9);
    // Q2: index 0.4 → target 120, green at 120: 180 is green (amber unscaled).
    const q2 = kpi((await evaluate(ws, { scorecard: 'pit', period: '2025-Q2' })).node, 'pipe_eop');
    expect([q2.value, q2.status]).toEqual([180, 'green']);
    expect(q2.target).toBeCloseTo(120, 9);
  });

  it('applies per-period threshold overrides in the quarters they name', async () => {
    const ws = workspace();
    // Q1: 0.5 / (200/350) = 0.875 of target (lower is better) → amber at the KPI's 80%.
    const q1 = kpi((await evaluate(ws, { scorecard: 'pit', period: '2025-Q1' })).node, 'top_deal_share_eop');
    expect(q1.attainment).toBeCloseTo(0.875, 12);
    expect(q1.status).toBe('amber');
    // Q2: 0.5 / (100/180) = 0.9 → red under the override's amber at 95% (amber otherwise).
    const q2 = kpi((await evaluate(ws, { scorecard: 'pit', period: '2025-Q2' })).node, 'top_deal_share_eop');
    expect(q2.attainment).toBeCloseTo(0.9, 12);
    expect(q2.status).toBe('red');
  });
});
