/**
 * The planner's walk over a KPI expression: referenced KPIs are inlined, windows, totals and `per`
 * change the evaluation context, and every aggregate becomes a measure of the table that computes
 * it. The result is the KPI as an IR cell expression over those measures.
 */
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { ResolvedCatalog } from '../resolve/resolved.js';
import type { KpiAggregate, KpiExpr, KpiPer, KpiWindow } from '../resolve/types.js';
import { forEachKpi } from '../resolve/kpi-walk.js';
import { fanOutKey } from './fan-out.js';
import type { PerTable } from './ir.js';
import type { IrCellExpr, IrRowExpr, Level } from './ir-expr.js';
import { measureAt, type AggregateSpec } from './measure-at.js';
import { UNPLANNED, reportOnce, type PlannerState, type WalkContext } from './planner-state.js';
import { irType, rowToIr } from './row-to-ir.js';
import { composeWindow } from './windows.js';

/** A KPI expression in a context, as a cell expression. */
export function walkKpi(state: PlannerState, expr: KpiExpr, ctx: WalkContext): IrCellExpr {
  const sub = (e: KpiExpr): IrCellExpr => walkKpi(state, e, ctx);
  switch (expr.kind) {
    case 'literal':
      return { kind: 'literal', value: expr.value, type: irType(expr.type) };
    case 'kpi': {
      const target = state.resolved.kpis.get(expr.id);
      if (target === undefined) throw new Error(`unresolved KPI ${expr.id}`);
      return walkKpi(state, target.expr, ctx);
    }
    case 'aggregate':
      return planAggregate(state, expr, ctx);
    case 'binary':
      return { kind: 'binary', op: expr.op, left: sub(expr.left), right: sub(expr.right) };
    case 'unary':
      return { kind: 'unary', op: expr.op, operand: sub(expr.operand) };
    case 'call':
      // Cell values are never timestamps: days_between counts whole days.
      return { kind: 'call', fn: expr.fn, args: expr.args.map(sub), types: expr.args.map((a) => irType(a.type)) };
    case 'predicate':
      return { kind: 'predicate', test: expr.test, negated: expr.negated, operand: sub(expr.operand), args: expr.args.map(sub) };
    case 'window':
      return walkWindow(state, expr, ctx);
    case 'total': {
      const level: Level = { dims: ctx.level.dims.filter((d) => expr.keep.includes(d)), keys: ctx.level.keys };
      return walkKpi(state, expr.expr, { ...ctx, level });
    }
    case 'per':
      return planPer(state, { fn: expr.fn, inner: expr.expr, keys: expr.keys, n: expr.n }, ctx);
    default: {
      const never: never = expr;
      return never;
    }
  }
}

function walkWindow(state: PlannerState, expr: KpiWindow, ctx: WalkContext): IrCellExpr {
  const window = composeWindow(ctx.window, expr.window);
  if (typeof window !== 'string') return walkKpi(state, expr.expr, { ...ctx, window, windowSpan: expr.span });
  reportOnce(state, diagnostic('query/nested-window', expr.span, `KPI \`${ctx.kpi}\`: ${window}`));
  return UNPLANNED;
}

/** `fn(inner per keys)`, with the per key given by its expression in each source. */
interface PerRequest {
  readonly fn: PerTable['fn'];
  readonly inner: KpiExpr;
  readonly keys: KpiPer['keys'];
  readonly n?: number | undefined;
  readonly fraction?: number | undefined;
}

/** A per table: the inner expression at the level with one more key, combined per outer row. */
function planPer(state: PlannerState, per: PerRequest, ctx: WalkContext): IrCellExpr {
  const keyId = state.registry.key(per.keys.map((k) => ({ source: k.source, expr: rowToIr(k.key) })));
  const inner: Level = { dims: ctx.level.dims, keys: [...ctx.level.keys, keyId] };
  const innerCtx = { ...ctx, level: inner };
  const value = walkKpi(state, per.inner, innerCtx);
  const presence = presenceOf(state, per.inner, innerCtx);
  const id = `p${state.pers.length}`;
  state.pers.push({ id, fn: per.fn, n: per.n, fraction: per.fraction, outer: ctx.level, inner, value, presence });
  return { kind: 'measure', table: id, column: 'value', level: ctx.level, empty: per.fn === 'sum' || per.fn === 'count' ? 0 : null };
}

/**
 * Rows of a per's inner level count only when some aggregate of E has a matching row: the sum of
 * one row count per (source, anchor, balance or not) of E, filtered by any of E's filters there.
 * For a balance (`last`) the rows counted are those it reads — the key's rows at its last date,
 * carried over periods without rows — so a key keeps its balance where nothing moved.
 */
export function presenceOf(state: PlannerState, inner: KpiExpr, ctx: WalkContext): IrCellExpr {
  const groups = new Map<string, { agg: KpiAggregate; filters: (IrRowExpr | undefined)[] }>();
  for (const agg of aggregatesOf(inner, state.resolved)) {
    const k = `${agg.source}\u0000${agg.anchor ?? ''}\u0000${String(agg.last)}\u0000${agg.point === undefined ? '' : `${agg.point.at}${agg.point.n ?? ''}`}`;
    const g = groups.get(k) ?? { agg, filters: [] };
    g.filters.push(agg.filter === undefined ? undefined : rowToIr(agg.filter));
    groups.set(k, g);
  }
  let total: IrCellExpr | undefined;
  for (const { agg, filters } of groups.values()) {
    // Presence is a row count: it shares its column with any equal count(…) of the scan.
    const m = measureAt(state, { ...specOf(agg), value: undefined, filter: anyOf(filters) }, 'count', ctx);
    total = total === undefined ? m : { kind: 'binary', op: '+', left: total, right: m };
  }
  return total ?? { kind: 'literal', value: 1, type: 'number' };
}

/** Rows matching any of the filters; undefined (every row) when one of them is. */
function anyOf(filters: readonly (IrRowExpr | undefined)[]): IrRowExpr | undefined {
  let out: IrRowExpr | undefined;
  for (const f of filters) {
    if (f === undefined) return undefined;
    out = out === undefined ? f : { kind: 'binary', op: 'or', left: out, right: f };
  }
  return out;
}

/** An aggregate as IR. */
function specOf(agg: KpiAggregate): AggregateSpec {
  return {
    source: agg.source,
    anchor: agg.anchor ?? null,
    value: agg.value === undefined ? undefined : rowToIr(agg.value),
    filter: agg.filter === undefined ? undefined : rowToIr(agg.filter),
    fraction: agg.fraction,
    last: agg.last,
    ...(agg.point !== undefined ? { point: agg.point } : {}),
  };
}

const FAN_OUT: ReadonlySet<string> = new Set(['sum', 'avg', 'count', 'median', 'percentile']);

/** An aggregate in its context: per join key when it fans out, avg as sum ÷ count, else one measure. */
function planAggregate(state: PlannerState, agg: KpiAggregate, ctx: WalkContext): IrCellExpr {
  const key = fanOutKey(agg, state.resolved.catalog);
  if (key !== undefined && FAN_OUT.has(agg.fn)) {
    // Values reached through a join count each joined row once per cell: combine per join key.
    const inner: KpiAggregate = { ...agg, fn: 'max' };
    const fn = agg.fn as PerTable['fn'];
    return planPer(state, { fn, inner, keys: [{ source: agg.source, key }], fraction: agg.fraction }, ctx);
  }
  const spec = specOf(agg);
  if (agg.fn === 'avg') {
    const sum = measureAt(state, spec, 'sum', ctx);
    const count = measureAt(state, spec, 'count', ctx);
    return { kind: 'binary', op: '/', left: sum, right: count };
  }
  return measureAt(state, spec, agg.fn, ctx);
}

/** Every row aggregate inside an expression, through referenced KPIs. */
export function aggregatesOf(expr: KpiExpr, resolved: ResolvedCatalog, out: KpiAggregate[] = []): KpiAggregate[] {
  forEachKpi(expr, (e) => {
    if (e.kind === 'aggregate') out.push(e);
    else if (e.kind === 'kpi') {
      const target = resolved.kpis.get(e.id);
      if (target !== undefined) aggregatesOf(target.expr, resolved, out);
    }
  });
  return out;
}
