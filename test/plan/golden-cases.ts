/**
 * The plan snapshot cases: the IR for representative requests as JSON, so changes to the planner
 * show up as reviewable diffs. Read by test/plan/plans.test.ts, written by `npm run golden:update`.
 */
import path from 'node:path';
import { checkCatalogFiles } from '../../src/pipeline.js';
import { planRun, type PlanRequest } from '../../src/plan/planner.js';
import type { Golden } from '../helpers/golden.js';
import { assertValid } from '../helpers/workspace.js';
import { catalogFiles, kpiDocs } from '../semantics/fixture.js';

/** The catalog the plans are made for. */
export function planCatalog(): ReturnType<typeof checkCatalogFiles> {
  return checkCatalogFiles(
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
}

const CASES: Readonly<Record<string, PlanRequest>> = {
  'derived-ratio': { kpis: ['win_rate'] },
  'rolling-by-region': { kpis: ['rolling_win_rate'], by: ['region'], from: '2025-03-01', to: '2025-03-31' },
  'per-and-fan-out': { kpis: ['avg_rep', 'employees'] },
};

/** The folder of the plan snapshots. */
export const GOLDEN_PLAN_DIR = path.join(import.meta.dirname, 'golden');

/** A planned case: its golden file, the plan as JSON text, and the plan itself. */
export interface PlanGolden extends Golden {
  readonly plan: unknown;
}

/** Every plan snapshot with the plan made for it now. */
export function goldenPlans(checked = planCatalog()): PlanGolden[] {
  assertValid(checked);
  return Object.entries(CASES).map(([name, request]) => {
    const planned = planRun(checked.resolved, request);
    if (!planned.ok) throw new Error(`${name}: ${planned.message}`);
    return { file: path.join(GOLDEN_PLAN_DIR, `${name}.json`), text: `${JSON.stringify(planned.plan, null, 2)}\n`, plan: planned.plan };
  });
}
