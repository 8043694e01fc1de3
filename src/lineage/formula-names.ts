/**
 * The names a formula mentions, without resolving it: the first part of every dotted name and the
 * table of every `[ ]` index. Used where a formula sits in a document kind whose meaning is not
 * modelled yet (plans, alerts) or only to find what a document depends on.
 */
import type { Expr } from '../formula/ast.js';
import { childrenOf } from '../formula/children.js';
import { parseFormula } from '../formula/parse.js';

/** The names `expr` mentions (first parts of dotted names), in order, without repeats. */
function namesIn(expr: Expr): string[] {
  const out = new Set<string>();
  const stack: Expr[] = [expr];
  while (stack.length > 0) {
    const e = stack.pop();
    if (e === undefined) break;
    if (e.kind === 'name') {
      const first = e.parts[0];
      if (first !== undefined) out.add(first.name);
    }
    stack.push(...childrenOf(e));
  }
  return [...out];
}

/** The names a formula text mentions, or none when it does not parse (it is then no formula). */
export function namesInText(text: string): string[] {
  const parsed = parseFormula(text);
  if (parsed.diagnostics.length > 0) return [];
  return namesIn(parsed.value);
}
