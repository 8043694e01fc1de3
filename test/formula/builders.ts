/**
 * Compact builders for expected formula trees (spans stripped), so test tables read like the
 * formulas they check.
 */
import type { BinaryOperator, CallArgument, DurationUnit, Expr } from '../../src/formula/ast.js';
import type { WithoutSpans } from '../../src/formula/strip-spans.js';
import { childrenOf } from '../../src/formula/children.js';

/** A stripped expression. */
export type S = WithoutSpans<Expr>;
/** A stripped call argument. */
export type SA = WithoutSpans<CallArgument>;

export const num = (value: number, percent = false): S => ({ kind: 'number', value, percent });
export const str = (value: string): S => ({ kind: 'string', value });
export const date = (value: string): S => ({ kind: 'date', value });
export const bool = (value: boolean): S => ({ kind: 'boolean', value });
export const nul = (): S => ({ kind: 'null' });
export const dur = (amount: number, unit: DurationUnit): S => ({ kind: 'duration', amount, unit });
export const err = (): S => ({ kind: 'error' });

/** `n('account', 'segment')` is the dotted name `account.segment`. */
export const n = (...parts: string[]): S => ({ kind: 'name', parts: parts.map((name) => ({ name })) });

export const bin = (op: BinaryOperator, left: S, right: S): S => ({ kind: 'binary', op, left, right });
export const neg = (operand: S): S => ({ kind: 'unary', op: '-', operand });
export const pos = (operand: S): S => ({ kind: 'unary', op: '+', operand });
export const not = (operand: S): S => ({ kind: 'unary', op: 'not', operand });
export const idx = (target: string, index: S): S => ({ kind: 'index', target: n(...target.split('.')) as never, index });
export const inList = (operand: S, list: S[], negated = false): S => ({ kind: 'in', operand, negated, list });
export const between = (operand: S, low: S, high: S, negated = false): S => ({ kind: 'between', operand, negated, low, high });
export const isNull = (operand: S, negated = false): S => ({ kind: 'is-null', operand, negated });

/** An argument with clauses: `arg(n('amount'), { where: n('won') })`. */
export const arg = (value: S, clauses: { where?: S; on?: S; per?: S } = {}): SA => ({ value, ...clauses });

/** A call; plain expressions are wrapped as clause-less arguments. */
export const call = (name: string, ...args: (S | SA)[]): S => ({
  kind: 'call',
  name,
  args: args.map((a) => ('kind' in a ? { value: a } : a)),
});

/** True when the tree holds an error node anywhere. */
export function hasErrorNode(e: Expr): boolean {
  return e.kind === 'error' || childrenOf(e).some(hasErrorNode);
}

/** The direct sub-expressions of a node. */
export const children = childrenOf;
