/**
 * The direct sub-expressions of a formula node, in source order (a call's arguments with their
 * where/on/per clauses). The one place that knows the shape of every node, for walkers.
 */
import { isLiteral, type Expr } from './ast.js';

/** The direct sub-expressions of `e`. */
export function childrenOf(e: Expr): readonly Expr[] {
  if (isLiteral(e)) return [];
  switch (e.kind) {
    case 'binary':
      return [e.left, e.right];
    case 'unary':
    case 'is-null':
      return [e.operand];
    case 'in':
      return [e.operand, ...e.list];
    case 'between':
      return [e.operand, e.low, e.high];
    case 'index':
      return [e.target, e.index];
    case 'call':
      return e.args.flatMap((a) => [a.value, a.where, a.on, a.per].filter((x): x is Expr => x !== undefined));
    case 'name':
    case 'error':
      return [];
    default: {
      const never: never = e;
      return never;
    }
  }
}
