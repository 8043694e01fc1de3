/**
 * One aggregate at one level and window: which table computes it. The period itself reads a scan
 * level (or a rollup of a finer one, inside `total`); a window over whole periods re-aggregates
 * decomposable partials (a window table); anything else re-reads rows for every window (a
 * row-window scan).
 */
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { MeasureFunction, PeriodPoint, WindowSpec } from './ir.js';
import { checkPointWindow } from './point-scans.js';
import type { IrCellExpr, IrRowExpr, Level } from './ir-expr.js';
import type { PlannerState, WalkContext } from './planner-state.js';
import { UNPLANNED, reportOnce } from './planner-state.js';
import type { MeasureSpec, ScanShape } from './registry.js';
import { NO_WINDOW, checkWindow, isNoWindow } from './windows.js';

/** An aggregate over the rows of one source, in IR terms. */
export interface AggregateSpec {
  readonly source: string;
  /** The time anchor column; null for a source without time. */
  readonly anchor: string | null;
  readonly value?: IrRowExpr | undefined;
  readonly filter?: IrRowExpr | undefined;
  readonly fraction?: number | undefined;
  /** Aggregate only the rows at the last anchor date of the cell. */
  readonly last: boolean;
  /** Read the rows that hold at this point of each period (a point scan). */
  readonly point?: PeriodPoint | undefined;
}

const EMPTY_ZERO: ReadonlySet<MeasureFunction> = new Set(['count', 'count_distinct', 'sum']);

/** A partial: a column of a scan level, or of a rollup of the scan's finer level. */
interface Partial {
  readonly table: string;
  readonly column: string;
  readonly scan: string;
  readonly rollup?: string | undefined;
}

function shapeOf(agg: AggregateSpec, ctx: WalkContext, mode: ScanShape['mode'], window?: WindowSpec): ScanShape {
  return {
    purpose: ctx.purpose,
    source: agg.source,
    anchor: agg.anchor,
    mode,
    last: agg.last,
    ...(agg.point !== undefined ? { point: agg.point } : {}),
    window,
    lastLevel: agg.last ? ctx.level : undefined,
  };
}

/**
 * The partial of a decomposable (or any unwindowed) measure at the context's level. A measure at
 * a level with fewer breakdown dimensions (inside total()) is rolled up from the full breakdown's
 * partials, so the scan groups its rows once.
 */
function partialAt(state: PlannerState, agg: AggregateSpec, spec: MeasureSpec, ctx: WalkContext, decomposable: boolean): Partial {
  if (!(decomposable && ctx.level.dims.length < state.by.length)) {
    const m = state.registry.measure(shapeOf(agg, ctx, 'partials'), ctx.level, spec);
    return { table: m.scan, column: m.column, scan: m.scan };
  }
  const full: Level = { dims: state.by, keys: ctx.level.keys };
  const p = state.registry.measure(shapeOf(agg, ctx, 'partials'), full, spec);
  const r = state.registry.rollupMeasure(p.scan, full, ctx.level, reaggregation(spec.fn), p.column);
  return { table: r.table, column: r.column, scan: p.scan, rollup: r.table };
}

/** How partials of a decomposable function combine: sums of counts and sums, min of mins, max of maxes. */
function reaggregation(fn: MeasureFunction): 'sum' | 'min' | 'max' {
  return fn === 'min' || fn === 'max' ? fn : 'sum';
}

/** `fn` of the aggregate in the context's level and window, as a measure of the table computing it. */
export function measureAt(state: PlannerState, agg: AggregateSpec, fn: MeasureFunction, ctx: WalkContext): IrCellExpr {
  const window = agg.anchor === null && agg.point === undefined ? NO_WINDOW : ctx.window;
  const spec: MeasureSpec = { fn, value: agg.value, filter: agg.filter, fraction: agg.fraction };
  const measure = (table: string, column: string): IrCellExpr => ({
    kind: 'measure',
    table,
    column,
    level: ctx.level,
    empty: EMPTY_ZERO.has(fn) ? 0 : null,
  });
  const decomposable = (fn === 'count' || fn === 'sum' || fn === 'min' || fn === 'max') && !agg.last;
  if (agg.point !== undefined && !checkPointWindow(state, agg.point, window, decomposable, ctx)) return UNPLANNED;
  if (isNoWindow(window)) {
    const p = partialAt(state, agg, spec, ctx, decomposable);
    return measure(p.table, p.column);
  }
  const check = checkWindow(window, state.grain);
  if (typeof check === 'string') {
    const message = `KPI \`${ctx.kpi}\` at grain ${state.grain}: ${check}`;
    reportOnce(state, diagnostic('query/window-at-grain', ctx.windowSpan, message));
    return UNPLANNED;
  }
  state.windowsUsed.push({ purpose: ctx.purpose, window });
  if (decomposable && check.aligned) {
    const p = partialAt(state, agg, spec, ctx, decomposable);
    const m = state.registry.windowMeasure(p.scan, ctx.level, window, reaggregation(fn), p.column, p.rollup);
    return measure(m.table, m.column);
  }
  const m = state.registry.measure(shapeOf(agg, ctx, 'rows-window', window), ctx.level, spec);
  return measure(m.scan, m.column);
}
