/**
 * Query plan snapshots: the IR for representative requests as JSON, so changes to the planner
 * show up as reviewable diffs. Regenerate with `UPDATE_GOLDEN=1`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCatalogFiles } from '../../src/check-catalog.js';
import { planQuery } from '../../src/query/planner.js';
import type { QueryPlan } from '../../src/query/ir.js';
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

function plan(request: Parameters<typeof planQuery>[1]): QueryPlan {
  const planned = planQuery(checked.resolved, request);
  if (planned.value === undefined) throw new Error(planned.diagnostics.map((d) => d.message).join('\n'));
  return planned.value;
}

describe('query plans', () => {
  it.each(Object.entries(CASES))('%s', (name, request) => {
    expect(checked.ok).toBe(true);
    const planned = plan(request);
    const json = `${JSON.stringify(planned, null, 2)}\n`;
    // The plan is plain data: it survives a JSON round trip unchanged.
    expect(JSON.parse(json)).toEqual(planned);
    const file = path.join(import.meta.dirname, 'golden', `${name}.json`);
    if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(file)) writeFileSync(file, json);
    expect(json).toBe(readFileSync(file, 'utf8'));
  });
  it('reuses one scan per source and anchor, whatever the number of KPIs', () => {
    const partialScans = plan({ kpis: ['bookings', 'win_rate', 'rolling_win_rate'], by: ['region'] }).scans.filter(
      (s) => s.mode === 'partials',
    );
    expect(partialScans.map((s) => `${s.source}/${s.anchor}`)).toEqual(['opportunities/close_date']);
    // bookings, won count, closed count: three measures plus the row count, not one per KPI.
    expect(partialScans[0]?.measures.map((m) => m.fn).sort()).toEqual(['count', 'count', 'count', 'sum']);
  });
});
