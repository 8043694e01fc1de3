/**
 * Plan snapshots: the IR for representative requests as JSON, so changes to the planner show up
 * as reviewable diffs. Regenerate with `UPDATE_GOLDEN=1`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCatalogFiles } from '../../src/check-catalog.js';
import { planRun } from '../../src/plan/planner.js';
import { catalogFiles, kpiDocs } from '../semantics/fixture.js';

const checked = checkCatalogFiles(
  new Map(
    Object.entries(
      catalogFiles(
        kpiDocs({
          bookings: 'sum(amount where won)',
          win_rate: 'count(opportunities where won) / count(opportunities where won or lost)',
          rolling_win_rate: 'rolling(win_rate, 3 months)',
          avg_rep: 'avg(sum(amount where won) per owner_id)',
          employees: 'sum(account.employees where won)',
        }),
      ),
    ),
  ),
);

const CASES = {
  'derived-ratio': { kpis: ['win_rate'] },
  'rolling-by-region': { kpis: ['rolling_win_rate'], by: ['region'], from: '2025-03-01', to: '2025-03-31' },
  'per-and-fan-out': { kpis: ['avg_rep', 'employees'] },
};

describe('plans', () => {
  it.each(Object.entries(CASES))('%s', (name, request) => {
    expect(checked.ok).toBe(true);
    const planned = planRun(checked.resolved, request);
    if (!planned.ok) throw new Error(planned.message);
    const json = `${JSON.stringify(planned.plan, null, 2)}\n`;
    // The plan is plain data: it survives a JSON round trip unchanged.
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(planned.plan)));
    const file = path.join(import.meta.dirname, 'golden', `${name}.json`);
    if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(file)) writeFileSync(file, json);
    expect(json).toBe(readFileSync(file, 'utf8'));
  });
  it('reuses one scan per source and anchor, whatever the number of KPIs', () => {
    const planned = planRun(checked.resolved, { kpis: ['bookings', 'win_rate', 'rolling_win_rate'], by: ['region'] });
    if (!planned.ok) throw new Error(planned.message);
    const partialScans = planned.plan.scans.filter((s) => s.mode === 'partials');
    expect(partialScans.map((s) => `${s.source}/${s.anchor}`)).toEqual(['opportunities/close_date']);
    // bookings, won count, closed count: three measures plus the row count, not one per KPI.
    expect(partialScans[0]?.measures.map((m) => m.fn).sort()).toEqual(['count', 'count', 'count', 'sum']);
  });
});
