/**
 * Pipeline health at the end of each past period: the three standard KPIs that catalog/README.md
 * once listed as "not expressible yet" (no value as at the period's end, no interval anchor),
 * now written with `as at` and checked on the smallest example that shows each.
 *
 * Deals: d1 created 2025-01-10, in Discovery, moved to Proposal on 2025-02-15, lost on 2025-03-20;
 * d2 created 2025-02-01, in Discovery, still open (an edit on 2025-03-31 kept its stage: the data
 * runs to the end of March). Stage stays follow the same dates.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { makeWorkspace, runWorkspace, series, type PlainRow } from '../helpers/workspace.js';

const CATALOG = {
  'catalog.yaml': 'catalog: limits\nversion: 1.0.0\ndata: ../data\n',
  'sources.yaml': `source: deals
file: deals.csv
key: id
time: close_date
interval: { from: created_date }
columns:
  id: { type: string }
  stage: { type: string }
  amount: { type: money }
  created_date: { type: date }
  close_date: { type: date }
definitions:
  open: stage not in ('Closed Won', 'Closed Lost')
---
source: deal_history
file: deal_history.csv
time: changed_at
changes: { of: deals, key: id, at: changed_at, field: field, old: old_value, new: new_value, fields: [stage] }
columns:
  id: { type: string }
  changed_at: { type: timestamp }
  field: { type: string }
  old_value: { type: string }
  new_value: { type: string }
---
source: stays
file: stays.csv
time: entered_date
interval: { from: entered_date, to: exited_date }
columns:
  id: { type: string }
  stage: { type: string }
  entered_date: { type: date }
  exited_date: { type: date }
definitions:
  open_stage: stage not in ('Closed Won', 'Closed Lost')
---
lookup: win_probability
key: stage
rows: { Discovery: 0.1, Proposal: 0.4 }
default: 0
`,
  'kpis.yaml': `kpi: pipeline_age_eop
formula: avg(days_between(created_date, point_date()) where open as at end)
---
kpi: stalled_deals_eop
formula: count(stays where open_stage and days_between(entered_date, point_date()) > 30 as at end)
---
kpi: weighted_pipeline_eop
formula: sum(amount * win_probability[stage] where open as at end)
`,
};

const DATA = {
  'deals.csv':
    'id,stage,amount,created_date,close_date\nd1,Closed Lost,1000,2025-01-10,2025-03-20\nd2,Discovery,500,2025-02-01,2025-06-30\n',
  'deal_history.csv':
    'id,changed_at,field,old_value,new_value\nd1,2025-02-15 10:00:00,stage,Discovery,Proposal\nd1,2025-03-20 10:00:00,stage,Proposal,Closed Lost\nd2,2025-03-31 12:00:00,stage,Discovery,Discovery\n',
  'stays.csv':
    'id,stage,entered_date,exited_date\nd1,Discovery,2025-01-10,2025-02-15\nd1,Proposal,2025-02-15,2025-03-20\nd1,Closed Lost,2025-03-20,\nd2,Discovery,2025-02-01,\n',
};

describe('pipeline health at the end of each past period', () => {
  let rows: PlainRow[];
  beforeAll(async () => {
    rows = await runWorkspace(makeWorkspace(CATALOG, DATA), { grain: 'month', from: '2025-01-01', to: '2025-03-31' });
  });

  it('pipeline_age_eop: mean age of the deals open at period end', () => {
    // Jan: d1, 21 days. Feb: d1 49, d2 27 → 38. Mar: d1 lost, d2 58.
    expect(series(rows, 'pipeline_age_eop')).toEqual({ '2025-01-01': 21, '2025-02-01': 38, '2025-03-01': 58 });
  });

  it('stalled_deals_eop: open deals in their stage for more than 30 days at period end', () => {
    // Jan: d1 in Discovery 21 days. Feb: d1 in Proposal 13 days, d2 in Discovery 27. Mar: d2 58.
    expect(series(rows, 'stalled_deals_eop')).toEqual({ '2025-01-01': 0, '2025-02-01': 0, '2025-03-01': 1 });
  });

  it('weighted_pipeline_eop: each deal open then × the probability of the stage it was in then', () => {
    // Jan: d1 Discovery 1000 × 0.1. Feb: d1 Proposal 1000 × 0.4 + d2 500 × 0.1. Mar: d2 500 × 0.1.
    expect(series(rows, 'weighted_pipeline_eop')).toEqual({ '2025-01-01': 100, '2025-02-01': 450, '2025-03-01': 50 });
  });
});
