/**
 * Visiting row expressions: every sub-expression, in order. Used to find the columns (and so the
 * joins) and the lookups a scan needs; and rebuilding one with its sub-expressions rewritten.
 */
import type { RowExpr } from '../resolve/types.js';

/** Calls `visit` on `expr` and every expression inside it. */
export function forEachRow(expr: RowExpr | undefined, visit: (e: RowExpr) => void): void {
  if (expr === undefined) return;
  visit(expr);
  switch (expr.kind) {
    case 'binary':
      forEachRow(expr.left, visit);
      forEachRow(expr.right, visit);
      break;
    case 'unary':
    case 'is-null':
      forEachRow(expr.operand, visit);
      break;
    case 'in':
      forEachRow(expr.operand, visit);
      expr.list.forEach((e) => forEachRow(e, visit));
      break;
    case 'between':
      forEachRow(expr.operand, visit);
      forEachRow(expr.low, visit);
      forEachRow(expr.high, visit);
      break;
    case 'call':
      expr.args.forEach((e) => forEachRow(e, visit));
      break;
    case 'lookup':
      forEachRow(expr.key, visit);
      break;
    case 'map':
      forEachRow(expr.operand, visit);
      break;
    case 'literal':
    case 'column':
    case 'dimension':
      break;
    default: {
      const never: never = expr;
      return never;
    }
  }
}

/** `expr` with each of its direct sub-expressions replaced by `f` of it (a lookup's key included). */
export function mapRowChildren(expr: RowExpr, f: (e: RowExpr) => RowExpr): RowExpr {
  switch (expr.kind) {
    case 'binary':
      return { ...expr, left: f(expr.left), right: f(expr.right) };
    case 'unary':
    case 'is-null':
    case 'map':
      return { ...expr, operand: f(expr.operand) };
    case 'in':
      return { ...expr, operand: f(expr.operand), list: expr.list.map(f) };
    case 'between':
      return { ...expr, operand: f(expr.operand), low: f(expr.low), high: f(expr.high) };
    case 'call':
      return { ...expr, args: expr.args.map(f) };
    case 'lookup':
      return { ...expr, key: f(expr.key) };
    case 'literal':
    case 'column':
    case 'dimension':
      return expr;
    default: {
      const never: never = expr;
      return never;
    }
  }
}
