/**
 * What the planner carries while it walks KPI expressions: the tables registered so far and the
 * evaluation context of the expression being walked.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/span.js';
import type { ResolvedCatalog } from '../resolve/resolved.js';
import type { Grain, PerTable, ScanPurpose, WindowSpec } from './ir.js';
import type { IrCellExpr, Level } from './ir-expr.js';
import { QueryRegistry } from './registry.js';

/** The planner's state for one query. */
export interface PlannerState {
  readonly resolved: ResolvedCatalog;
  readonly grain: Grain;
  /** The breakdown: the dimensions of the base level. */
  readonly by: readonly string[];
  readonly registry: QueryRegistry;
  readonly pers: PerTable[];
  /** Every window a measure is computed over, with its purpose (how far back scans must read). */
  readonly windowsUsed: { readonly purpose: ScanPurpose; readonly window: WindowSpec }[];
  /** Problems found while planning (windows with no meaning at the grain). */
  readonly diagnostics: Diagnostic[];
}

/** Where an expression is evaluated. */
export interface WalkContext {
  readonly purpose: ScanPurpose;
  readonly window: WindowSpec;
  readonly level: Level;
  /** The KPI being planned, for messages. */
  readonly kpi: string;
  /** What set the current window (a window function, a lookup, else the KPI), for messages. */
  readonly windowSpan: Span;
}

/** A fresh state. */
export function newPlannerState(resolved: ResolvedCatalog, grain: Grain, by: readonly string[]): PlannerState {
  return { resolved, grain, by, registry: new QueryRegistry(), pers: [], windowsUsed: [], diagnostics: [] };
}

/** Records a problem, once however many measures of the same window run into it. */
export function reportOnce(state: PlannerState, d: Diagnostic): void {
  const same = (o: Diagnostic): boolean =>
    o.code === d.code &&
    o.message === d.message &&
    o.span.file === d.span.file &&
    o.span.start === d.span.start &&
    o.span.end === d.span.end;
  if (!state.diagnostics.some(same)) state.diagnostics.push(d);
}

/** Stands in for a part that could not be planned (a diagnostic says why; no SQL is emitted). */
export const UNPLANNED: IrCellExpr = { kind: 'literal', value: null, type: 'null' };
