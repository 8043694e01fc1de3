/**
 * The depth of a formula tree, measured without recursion: the parser builds long operator chains
 * and sign runs in loops, so a tree can be deeper than the call stack of a recursive walker
 * allows. `parseFormula` refuses trees deeper than {@link MAX_TREE_DEPTH}, which lets every later
 * phase walk trees recursively.
 */
import type { Expr } from './ast.js';
import { childrenOf } from './children.js';

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
