/**
 * What `kpic test` found: per case, per expectation, the expected rows with each cell's expected
 * and actual value — plain data that the pretty, JSON and JUnit renderers print.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/span.js';
import type { Decimal } from '../model/decimal.js';

/** One compared cell: a KPI value, or a field of a scorecard line. */
export interface CellResult {
  /** The KPI id or the field (`score`, `status`…). */
  readonly name: string;
  /** The expected value's position in the test file. */
  readonly span: Span;
  /** As written. */
  readonly expected: string;
  /** For display, exact; undefined when the result has no such row or line. */
  readonly actual: string | undefined;
  /** For machines: a number, an exact decimal (money), a status or null. */
  readonly actualValue: number | Decimal | string | null;
  readonly ok: boolean;
  /** How the values were compared (`exactly`, `within 1e-9 relative`, `within 0.01`). */
  readonly rule: string;
}

/** One expected row (or scorecard line) and its cells. */
export interface RowResult {
  readonly span: Span;
  /** One value per label column of the expectation (period and breakdown values; or the line's name). */
  readonly labels: readonly string[];
  readonly cells: readonly CellResult[];
  /** Why the row has no actual values (not in the result), when that is the case. */
  readonly missing?: string | undefined;
}

/** A row of the result that the expectation does not list (with `complete: true`). */
export interface UnexpectedRow {
  readonly labels: readonly string[];
  readonly name: string;
  readonly actual: string;
}

/** The outcome of one expectation. */
export interface ExpectationResult {
  readonly kind: 'values' | 'scorecard' | 'plan';
  readonly span: Span;
  /** `quarter by region`, `scorecard sales at region=EMEA, 2025-Q1`. */
  readonly title: string;
  /** Names of the label columns (`period`, `region`; or `line`). */
  readonly labelColumns: readonly string[];
  readonly rows: readonly RowResult[];
  readonly unexpected: readonly UnexpectedRow[];
  /** Why it could not be evaluated (then `rows` are empty). */
  readonly error?: string | undefined;
  readonly ok: boolean;
}

/** `passed`, `failed` (a value differs) or `error` (the case could not run: bad fixtures, a failed evaluation). */
export type CaseStatus = 'passed' | 'failed' | 'error';

/** The outcome of one case. */
export interface CaseResult {
  readonly test: string;
  readonly case: string;
  readonly file: string;
  /** The case's name in the test file. */
  readonly span: Span;
  readonly status: CaseStatus;
  readonly expectations: readonly ExpectationResult[];
  /** Fixture problems (errors) and engine warnings, positioned in the test files. */
  readonly diagnostics: readonly Diagnostic[];
  /** Wall time, for JUnit; never asserted on. */
  readonly seconds: number;
}

/** Which KPIs have a test. */
export interface Coverage {
  /** KPIs that are not deprecated. */
  readonly total: number;
  /** KPIs some expectation checks directly, sorted. */
  readonly tested: readonly string[];
  /** KPIs only reached through a tested KPI's formula, sorted. */
  readonly indirect: readonly string[];
  readonly untested: readonly string[];
}

/** The whole run. */
export interface TestRun {
  readonly cases: readonly CaseResult[];
  /** Cases left out by `--filter`. */
  readonly filteredOut: number;
  readonly coverage: Coverage;
}

/** Counts by status. */
export function countStatuses(run: TestRun): Readonly<Record<CaseStatus, number>> {
  const out: Record<CaseStatus, number> = { passed: 0, failed: 0, error: 0 };
  for (const c of run.cases) out[c.status]++;
  return out;
}
