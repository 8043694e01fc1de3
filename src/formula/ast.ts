/**
 * The formula AST: what the parser produces and the printer prints. Plain readonly data tagged by
 * `kind`; every node has the span of its text in the catalog file. The AST records syntax only:
 * whether `sum` is an aggregate or `won` a definition is decided by `resolve`.
 */
import type { Span } from '../diagnostics/span.js';

/** Duration units; plurals are accepted and normalised to these. */
export type DurationUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** Binary operators. */
export type BinaryOperator = '+' | '-' | '*' | '/' | '=' | '!=' | '<' | '<=' | '>' | '>=' | 'and' | 'or';

/** A numeric literal. `15%` is `{ value: 15, percent: true }` and means 0.15. */
export interface NumberLiteral {
  readonly kind: 'number';
  readonly value: number;
  readonly percent: boolean;
  readonly span: Span;
}

/** `'text'` (a quote inside is written twice: `'it''s'`). */
export interface StringLiteral {
  readonly kind: 'string';
  readonly value: string;
  readonly span: Span;
}

/** `date '2025-01-31'`; `value` is the ISO text, checked to be a real calendar date. */
export interface DateLiteral {
  readonly kind: 'date';
  readonly value: string;
  readonly span: Span;
}

/** `true` / `false`. */
export interface BooleanLiteral {
  readonly kind: 'boolean';
  readonly value: boolean;
  readonly span: Span;
}

/** `null`. */
export interface NullLiteral {
  readonly kind: 'null';
  readonly span: Span;
}

/** `30 days`, `1 quarter`. */
export interface DurationLiteral {
  readonly kind: 'duration';
  readonly amount: number;
  readonly unit: DurationUnit;
  readonly span: Span;
}

/** One segment of a dotted name. */
export interface NamePart {
  readonly name: string;
  readonly span: Span;
}

/** `amount`, `account.segment`, `opportunities.amount`, `account.parent.segment`. */
export interface NameRef {
  readonly kind: 'name';
  /** At least one part; names are case-sensitive ids, kept as written. */
  readonly parts: readonly NamePart[];
  readonly span: Span;
}

/** `stage_probability[stage]`. */
export interface IndexExpr {
  readonly kind: 'index';
  readonly target: NameRef;
  readonly index: Expr;
  readonly span: Span;
}

/** `-x`, `+x`, `not x`. */
export interface UnaryExpr {
  readonly kind: 'unary';
  readonly op: '-' | '+' | 'not';
  readonly operand: Expr;
  readonly span: Span;
}

/** `a + b`, `a and b`, `a <= b`. */
export interface BinaryExpr {
  readonly kind: 'binary';
  readonly op: BinaryOperator;
  readonly left: Expr;
  readonly right: Expr;
  readonly span: Span;
}

/** `x in ('a', 'b')`, `x not in (…)`. */
export interface InExpr {
  readonly kind: 'in';
  readonly operand: Expr;
  readonly negated: boolean;
  readonly list: readonly Expr[];
  readonly span: Span;
}

/** `x between a and b`, `x not between a and b`. */
export interface BetweenExpr {
  readonly kind: 'between';
  readonly operand: Expr;
  readonly negated: boolean;
  readonly low: Expr;
  readonly high: Expr;
  readonly span: Span;
}

/** `x is null`, `x is not null`. */
export interface IsNullExpr {
  readonly kind: 'is-null';
  readonly operand: Expr;
  readonly negated: boolean;
  readonly span: Span;
}

/** Where in each period an `as at` clause evaluates rows: its end, its start, or the end of its Nth day, week or month. */
export type PointAnchor = 'end' | 'start' | 'day' | 'week' | 'month';

/**
 * `as at end`, `as at start`, `as at week 3`: a point of each evaluated period. `n` (1 or more) is
 * set for `day`, `week` and `month`.
 */
export interface PointSpec {
  readonly at: PointAnchor;
  readonly n?: number | undefined;
  readonly span: Span;
}

/**
 * One argument of a call, with the clauses written after it. `sum(amount where won on
 * created_date)` has one argument with `where` and `on`; `top_share(E per key, n)` has `per` on
 * its first argument; `percentile(x, 0.9 where c)` has `where` on its second.
 */
export interface CallArgument {
  readonly value: Expr;
  readonly where?: Expr | undefined;
  readonly on?: Expr | undefined;
  readonly per?: Expr | undefined;
  /** `as at …`: the rows as they stood at a point of each period. */
  readonly asAt?: PointSpec | undefined;
  readonly span: Span;
}

/** `name(arg, …)`: functions, aggregates, KPI-level functions alike. */
export interface CallExpr {
  readonly kind: 'call';
  /** The function name, lower-cased (function names are case-insensitive). */
  readonly name: string;
  readonly nameSpan: Span;
  readonly args: readonly CallArgument[];
  readonly span: Span;
}

/** Stands in for a part that did not parse, so later phases can go on. */
export interface ErrorExpr {
  readonly kind: 'error';
  readonly span: Span;
}

/** Any formula expression. */
export type Expr =
  | NumberLiteral
  | StringLiteral
  | DateLiteral
  | BooleanLiteral
  | NullLiteral
  | DurationLiteral
  | NameRef
  | IndexExpr
  | UnaryExpr
  | BinaryExpr
  | InExpr
  | BetweenExpr
  | IsNullExpr
  | CallExpr
  | ErrorExpr;

/** The kinds of {@link Expr}. */
export type ExprKind = Expr['kind'];

/** A literal value written in a formula: a leaf that names nothing. */
export type LiteralExpr = NumberLiteral | StringLiteral | DateLiteral | BooleanLiteral | NullLiteral | DurationLiteral;

/**
 * The kinds of {@link LiteralExpr}: the one list of them, so walkers handle literals with
 * {@link isLiteral} and switch only over the other kinds.
 */
export const LITERAL_KINDS: ReadonlySet<string> = new Set(
  Object.keys({ number: true, string: true, date: true, boolean: true, null: true, duration: true } satisfies Record<
    LiteralExpr['kind'],
    true
  >),
);

/** Whether `e` is a literal. */
export function isLiteral(e: Expr): e is LiteralExpr {
  return LITERAL_KINDS.has(e.kind);
}
