/**
 * The test runner's only contact with the evaluation pipeline: KPI values through `runKpis` and
 * scorecards through `evaluateScorecard`, on one database per case. Kept in one small file so a
 * change in those entry points (their module, or returning diagnostics instead of failing) is
 * absorbed here and nowhere else in `src/testing/`.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { memoryCheckCache } from '../engine/check-data.js';
import { openDatabase, type Database } from '../engine/duckdb.js';
import { Decimal } from '../model/decimal.js';
import { runKpis } from '../pipeline.js';
import type { ResolvedCatalog } from '../resolve/resolved.js';
import { checkPlans } from '../plans/check.js';
import { evaluatePayouts } from '../plans/evaluate.js';
import type { PayoutReport } from '../plans/report.js';
import { checkScorecards } from '../scorecard/check.js';
import { evaluateScorecard } from '../scorecard/evaluate.js';
import type { ScorecardReport } from '../scorecard/report.js';

export type { NodeScore, ScorecardReport } from '../scorecard/report.js';

/** Why an evaluation gave no result: a sentence, and the diagnostics behind it. */
export interface EvaluationFailure {
  readonly ok: false;
  readonly message: string;
  readonly diagnostics: readonly Diagnostic[];
}

/** One value of a KPI in one cell. `value` is whatever the engine returns (a number, an exact decimal…). */
export interface KpiCell {
  readonly kpi: string;
  readonly period: string;
  readonly by: readonly (string | number | boolean | null)[];
  readonly value: unknown;
}

/** What the test runner asks for. */
export interface KpiRequest {
  readonly kpis: readonly string[];
  readonly grain: string;
  readonly by: readonly string[];
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

/** Runs `fn` with a fresh in-memory database, closed afterwards. */
export async function withDatabase<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase();
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}

/** KPI values on the data folder (data checks never cached beyond this run). */
export async function evaluateKpis(
  resolved: ResolvedCatalog,
  request: KpiRequest,
  dataDir: string,
  db: Database,
): Promise<{ readonly ok: true; readonly rows: readonly KpiCell[]; readonly diagnostics: readonly Diagnostic[] } | EvaluationFailure> {
  const result = await runKpis(resolved, request, { dataDir, db, checkCache: memoryCheckCache() });
  if (!result.ok) return { ok: false, message: result.message, diagnostics: result.diagnostics };
  // Exact results (money) are compared through their exact decimal, never the nearest double; a
  // money breakdown value is its exact text.
  const rows = result.rows.map((r) => ({
    kpi: r.kpi,
    period: r.period,
    by: r.by.map((v) => (v instanceof Decimal ? v.toString() : v)),
    value: r.exact ?? r.value,
  }));
  return { ok: true, rows, diagnostics: result.diagnostics };
}

/** A scorecard or role for one node and period. */
export async function evaluateScorecardAt(
  resolved: ResolvedCatalog,
  request: { readonly scorecard: string; readonly period: string; readonly at?: string | undefined },
  dataDir: string,
  db: Database,
): Promise<{ readonly ok: true; readonly report: ScorecardReport; readonly diagnostics: readonly Diagnostic[] } | EvaluationFailure> {
  const scorecards = checkScorecards(resolved);
  const result = await evaluateScorecard(resolved, scorecards.value, request, { dataDir, db });
  if (!result.ok) return { ok: false, message: result.message, diagnostics: result.diagnostics };
  return { ok: true, report: result.report, diagnostics: result.diagnostics };
}

/** A plan's payouts in one period (every rep). */
export async function evaluatePayoutsAt(
  resolved: ResolvedCatalog,
  request: { readonly plan: string; readonly period: string },
  dataDir: string,
  db: Database,
): Promise<{ readonly ok: true; readonly report: PayoutReport; readonly diagnostics: readonly Diagnostic[] } | EvaluationFailure> {
  const result = await evaluatePayouts(resolved, checkPlans(resolved).value, request, { dataDir, db });
  if (!result.ok) return { ok: false, message: result.message, diagnostics: result.diagnostics };
  return { ok: true, report: result.report, diagnostics: result.diagnostics };
}
