/**
 * Maps every span of a formula AST through a function: the parser works in offsets of the formula
 * text, and `parseFormula`'s `locate` turns them into positions in the catalog file.
 */
import type { Span } from '../diagnostics/span.js';
import { isLiteral, type CallArgument, type Expr, type NamePart } from './ast.js';

/** A copy of `expr` with `f` applied to every span (nodes, name parts, arguments, call names). */
export function relocateExpr(expr: Expr, f: (span: Span) => Span): Expr {
  const span = f(expr.span);
  if (isLiteral(expr)) return { ...expr, span };
  switch (expr.kind) {
    case 'error':
      return { ...expr, span };
    case 'name':
      return { ...expr, parts: expr.parts.map((p): NamePart => ({ name: p.name, span: f(p.span) })), span };
    case 'index':
      return { ...expr, target: relocateExpr(expr.target, f) as typeof expr.target, index: relocateExpr(expr.index, f), span };
    case 'unary':
      return { ...expr, operand: relocateExpr(expr.operand, f), span };
    case 'binary':
      return { ...expr, left: relocateExpr(expr.left, f), right: relocateExpr(expr.right, f), span };
    case 'in':
      return { ...expr, operand: relocateExpr(expr.operand, f), list: expr.list.map((e) => relocateExpr(e, f)), span };
    case 'between':
      return {
        ...expr,
        operand: relocateExpr(expr.operand, f),
        low: relocateExpr(expr.low, f),
        high: relocateExpr(expr.high, f),
        span,
      };
    case 'is-null':
      return { ...expr, operand: relocateExpr(expr.operand, f), span };
    case 'call':
      return { ...expr, nameSpan: f(expr.nameSpan), args: expr.args.map((a) => relocateArgument(a, f)), span };
    default: {
      const never: never = expr;
      return never;
    }
  }
}

function relocateArgument(arg: CallArgument, f: (span: Span) => Span): CallArgument {
  return {
    value: relocateExpr(arg.value, f),
    ...(arg.where !== undefined ? { where: relocateExpr(arg.where, f) } : {}),
    ...(arg.on !== undefined ? { on: relocateExpr(arg.on, f) } : {}),
    ...(arg.per !== undefined ? { per: relocateExpr(arg.per, f) } : {}),
    ...(arg.asAt !== undefined ? { asAt: { ...arg.asAt, span: f(arg.asAt.span) } } : {}),
    span: f(arg.span),
  };
}
