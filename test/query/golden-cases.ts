/**
 * The query plan snapshot cases: the IR for representative requests as JSON, so changes to the
 * planner show up as reviewable diffs. Read by test/query/plans.test.ts, written by
 * `npm run golden:update`.
 */
import path from 'node:path';
import { checkCatalogFiles, type CheckedCatalog } from '../../src/check-catalog.js';
import type { QueryPlan } from '../../src/query/ir.js';
import { planQuery } from '../../src/query/planner.js';
import type { QueryRequest } from '../../src/query/request.js';
import type { Golden } from '../helpers/golden.js';
import { assertValid } from '../helpers/workspace.js';
import { catalogFiles, kpiDocs } from '../semantics/fixture.js';

/** The catalog the plans are made for. */
export function planCatalog(): CheckedCatalog {
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

const CASES: Readonly<Record<string, QueryRequest>> = {
  'derived-ratio': { kpis: ['win_rate'] },
  'rolling-by-region': { kpis: ['rolling_win_rate'], by: ['region'], from: '2025-03-01', to: '2025-03-31' },
  'per-and-fan-out': { kpis: ['avg_rep', 'employees'] },
};

/** The folder of the query plan snapshots. */
export const GOLDEN_PLAN_DIR = path.join(import.meta.dirname, 'golden');

/** The query plan for a request on a checked catalog; throws with the planner's diagnostics when there is none. */
export function planOf(checked: CheckedCatalog, request: QueryRequest): QueryPlan {
  const planned = planQuery(checked.resolved, request);
  if (planned.value === undefined) throw new Error(planned.diagnostics.map((d) => d.message).join('\n'));
  return planned.value;
}

/** A planned case: its golden file, the plan as JSON text, and the plan itself. */
export interface PlanGolden extends Golden {
  readonly plan: QueryPlan;
}

/** Every query plan snapshot with the plan made for it now. */
export function goldenPlans(checked = planCatalog()): PlanGolden[] {
  assertValid(checked);
  return Object.entries(CASES).map(([name, request]) => {
    const plan = planOf(checked, request);
    return { file: path.join(GOLDEN_PLAN_DIR, `${name}.json`), text: `${JSON.stringify(plan, null, 2)}\n`, plan };
  });
}
