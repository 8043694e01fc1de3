/**
 * The depth of a formula tree, measured without recursion: the parser builds long operator chains
 * and sign runs in loops, so a tree can be deeper than the call stack of a recursive walker
 * allows. `parseFormula` refuses trees deeper than {@link MAX_TREE_DEPTH}, which lets every later
 * phase walk trees recursively.
 */
import type { Expr } from './ast.js';

/** The deepest tree `parseFormula` returns. */
export const MAX_TREE_DEPTH = 250;

/** True when `expr` is more than `limit` nodes deep. */
export function deeperThan(expr: Expr, limit: number): boolean {
  const stack: [Expr, number][] = [[expr, 1]];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const [e, depth] = item;
    if (depth > limit) return true;
    for (const child of childrenOf(e)) stack.push([child, depth + 1]);
  }
  return false;
}

function childrenOf(e: Expr): readonly Expr[] {
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
    case 'number':
    case 'string':
    case 'date':
    case 'boolean':
    case 'null':
    case 'duration':
    case 'name':
    case 'error':
      return [];
    default: {
      const never: never = e;
      return never;
    }
  }
}
