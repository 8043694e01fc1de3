/**
 * Visiting KPI expressions: every sub-expression, in order, without following references to other
 * KPIs (a visitor that needs them looks the KPI up itself).
 */
import type { KpiExpr } from './types.js';

/** Calls `visit` on `expr` and every KPI-level expression inside it. */
export function forEachKpi(expr: KpiExpr, visit: (e: KpiExpr) => void): void {
  visit(expr);
  switch (expr.kind) {
    case 'binary':
      forEachKpi(expr.left, visit);
      forEachKpi(expr.right, visit);
      break;
    case 'unary':
      forEachKpi(expr.operand, visit);
      break;
    case 'window':
    case 'total':
    case 'per':
      forEachKpi(expr.expr, visit);
      break;
    case 'call':
      expr.args.forEach((a) => forEachKpi(a, visit));
      break;
    case 'predicate':
      forEachKpi(expr.operand, visit);
      expr.args.forEach((a) => forEachKpi(a, visit));
      break;
    case 'literal':
    case 'aggregate':
    case 'kpi':
      break;
    default: {
      const never: never = expr;
      return never;
    }
  }
}
