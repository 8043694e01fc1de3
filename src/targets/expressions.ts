/**
 * The KPI-level expressions judging evaluates besides the KPIs themselves: a KPI with its
 * exception rules applied, baseline targets (the trailing history before the fiscal year or the
 * period, spread per period and grown), and the count and sum of the rows an exception rule hits.
 * All are plain resolved expressions, so they run on the same grid and rollup as the KPI.
 */
import type { Span } from '../diagnostics/span.js';
import type { CalendarDef } from '../model/types.js';
import { grainMonths, periodsIntoYear, type Period } from '../periods/period.js';
import type { ResolvedCatalog } from '../resolve/resolved.js';
import type { AggregateFunction, KpiAggregate, KpiExpr, RowExpr } from '../resolve/types.js';
import type { ExceptionSpec, TargetSpec } from './settings.js';

/** An exception rule with its limit known for the evaluated period. */
export interface BoundException {
  readonly spec: ExceptionSpec;
  readonly limit: number;
}

const num = (value: number): KpiExpr => ({ kind: 'literal', value, type: 'number' });
const rowNum = (value: number): RowExpr => ({ kind: 'literal', value, type: 'number' });
const FALSE: RowExpr = { kind: 'literal', value: false, type: 'boolean' };

/** The rows a rule hits: its candidates whose tested value is above the limit (never null). */
function hitCondition(e: BoundException): RowExpr {
  const above: RowExpr = { kind: 'binary', op: '>', left: e.spec.value, right: rowNum(e.limit), type: 'boolean' };
  const cond: RowExpr =
    e.spec.where === undefined ? above : { kind: 'binary', op: 'and', left: e.spec.where, right: above, type: 'boolean' };
  // A null comparison must count as "not hit", or `not cond` would drop the row too.
  return { kind: 'call', fn: 'coalesce', args: [cond, FALSE], type: 'boolean' };
}

const SCALABLE: ReadonlySet<AggregateFunction> = new Set(['sum', 'avg', 'min', 'max', 'median', 'percentile']);

function applyToAggregate(agg: KpiAggregate, rules: readonly BoundException[]): KpiAggregate {
  let { filter, value } = agg;
  for (const e of rules) {
    if (e.spec.source !== agg.source) continue;
    const hit = hitCondition(e);
    if (e.spec.action === 'exclude') {
      const keep: RowExpr = { kind: 'unary', op: 'not', operand: hit, type: 'boolean' };
      filter = filter === undefined ? keep : { kind: 'binary', op: 'and', left: filter, right: keep, type: 'boolean' };
    } else if (value !== undefined && SCALABLE.has(agg.fn)) {
      // Capping scales the row so that its tested value becomes the limit; the row still counts once.
      const factor: RowExpr = { kind: 'binary', op: '/', left: rowNum(e.limit), right: e.spec.value, type: 'number' };
      const capped: RowExpr = { kind: 'binary', op: '*', left: value, right: factor, type: value.type, unit: value.unit };
      value = { kind: 'call', fn: 'if', args: [hit, capped, value], type: value.type, unit: value.unit };
    }
  }
  return { ...agg, filter, value };
}

/**
 * `expr` with every referenced KPI inlined and the rules applied to each aggregate over a rule's
 * source: excluded rows are filtered out, capped rows count at the limit.
 */
export function applyExceptions(resolved: ResolvedCatalog, expr: KpiExpr, rules: readonly BoundException[], depth = 0): KpiExpr {
  if (rules.length === 0) return expr;
  if (depth > 64) throw new Error('KPI references nest too deep (a cycle the resolver should have refused)');
  const again = (e: KpiExpr): KpiExpr => applyExceptions(resolved, e, rules, depth + 1);
  switch (expr.kind) {
    case 'literal':
      return expr;
    case 'aggregate':
      return applyToAggregate(expr, rules);
    case 'kpi': {
      const target = resolved.kpis.get(expr.id);
      return target === undefined ? expr : again(target.expr);
    }
    case 'binary':
      return { ...expr, left: again(expr.left), right: again(expr.right) };
    case 'unary':
      return { ...expr, operand: again(expr.operand) };
    case 'call':
      return { ...expr, args: expr.args.map(again) };
    case 'predicate':
      return { ...expr, operand: again(expr.operand), args: expr.args.map(again) };
    case 'window':
    case 'total':
    case 'per':
      return { ...expr, expr: again(expr.expr) };
    default: {
      const never: never = expr;
      return never;
    }
  }
}

/** Count (`count`) or total value (`sum`) of the rows a rule hits in a cell. */
export function exceptionReportExpr(e: BoundException, what: 'count' | 'sum', anchor: string | undefined, span: Span): KpiExpr {
  return {
    kind: 'aggregate',
    fn: what,
    source: e.spec.source,
    anchor,
    value: what === 'sum' ? e.spec.value : undefined,
    filter: hitCondition(e),
    last: false,
    span,
    type: 'number',
    unit: what === 'count' ? 'count' : e.spec.value.unit,
  };
}

/**
 * A target as an expression for period `p`, before the seasonal index: the target formula, or
 * the baseline — `history` ending at the fiscal year's start (or the period's start), spread over
 * its periods when it is a total, times (1 + growth).
 */
export function targetExpr(target: TargetSpec, p: Period, calendar: CalendarDef, span: Span): KpiExpr {
  if (target.kind === 'expr') return target.expr;
  const unit = target.expr.unit;
  const rolling: KpiExpr = {
    kind: 'window',
    window: { kind: 'rolling', length: target.history },
    expr: target.expr,
    span,
    type: 'number',
    unit,
  };
  const back = target.ending === 'year_start' ? periodsIntoYear(p, calendar) + 1 : 1;
  const shifted: KpiExpr = {
    kind: 'window',
    window: { kind: 'shift', offset: { amount: back, unit: p.grain } },
    expr: rolling,
    span,
    type: 'number',
    unit,
  };
  const historyMonths = target.history.amount * (target.history.unit === 'year' ? 12 : target.history.unit === 'quarter' ? 3 : 1);
  const perPeriod = target.as === 'total' ? grainMonths(p.grain) / historyMonths : 1;
  const factor = perPeriod * (1 + target.growth);
  return factor === 1 ? shifted : { kind: 'binary', op: '*', left: shifted, right: num(factor), type: 'number', unit };
}
