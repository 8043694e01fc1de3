/**
 * Removes positions from a formula AST, so tests (and the printer's round-trip check) can compare
 * trees by shape alone.
 */
import type { Expr } from './ast.js';

/** `T` without its `span` and `nameSpan` fields, all the way down. */
export type WithoutSpans<T> = T extends readonly (infer U)[]
  ? readonly WithoutSpans<U>[]
  : T extends object
    ? { readonly [K in keyof T as K extends 'span' | 'nameSpan' ? never : K]: WithoutSpans<T[K]> }
    : T;

/** A copy of `expr` with every `span` and `nameSpan` removed (and absent clauses left out). */
export function stripSpans(expr: Expr): WithoutSpans<Expr> {
  return strip(expr) as WithoutSpans<Expr>;
}

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === 'span' || key === 'nameSpan' || v === undefined) continue;
    out[key] = strip(v);
  }
  return out;
}
