/**
 * The resolved tree: formulas with every name bound, every aggregate tied to one source and time
 * anchor, and a type and unit on every node. Two layers: row expressions (evaluated per row of one
 * source) and KPI expressions (evaluated per grid cell: period × breakdown values). Plain,
 * JSON-serialisable data; the planner's only input besides the catalog settings.
 */
import type { Span } from '../diagnostics/span.js';
import type { DurationUnit } from '../formula/ast.js';
import type { Unit } from '../model/types.js';

/** Value types of the formula language. `error` stands in for a part that failed to resolve. */
export type ValueType = 'number' | 'string' | 'date' | 'timestamp' | 'boolean' | 'null' | 'error';

/** Type and unit of an expression; `unit` is set for numbers only (undefined for bare literals). */
export interface Typed {
  readonly type: ValueType;
  readonly unit?: Unit | undefined;
}

/** A literal value. Dates are ISO strings. */
export interface RowLiteral extends Typed {
  readonly kind: 'literal';
  readonly value: number | string | boolean | null;
}

/** A column of the aggregate's source, or of a source reached through `path` (join names). */
export interface RowColumn extends Typed {
  readonly kind: 'column';
  /** Inside `at_start(…)` of an `as at` aggregate: the value as at the start of the period. */
  readonly atStart?: true | undefined;
  /** Join names followed from the aggregate's source, hop by hop (empty for its own columns). */
  readonly path: readonly string[];
  /** The source that holds the column (the end of `path`). */
  readonly source: string;
  readonly column: string;
}

/** Row operators. */
export type RowOperator = '+' | '-' | '*' | '/' | '=' | '!=' | '<' | '<=' | '>' | '>=' | 'and' | 'or';

/** `a op b` on row values. */
export interface RowBinary extends Typed {
  readonly kind: 'binary';
  readonly op: RowOperator;
  readonly left: RowExpr;
  readonly right: RowExpr;
}

/** `-a`, `not a`. */
export interface RowUnary extends Typed {
  readonly kind: 'unary';
  readonly op: '-' | 'not';
  readonly operand: RowExpr;
}

/** `a [not] in (…)`. */
export interface RowIn extends Typed {
  readonly kind: 'in';
  readonly operand: RowExpr;
  readonly negated: boolean;
  readonly list: readonly RowExpr[];
}

/** `a [not] between lo and hi`. */
export interface RowBetween extends Typed {
  readonly kind: 'between';
  readonly operand: RowExpr;
  readonly negated: boolean;
  readonly low: RowExpr;
  readonly high: RowExpr;
}

/** `a is [not] null`. */
export interface RowIsNull extends Typed {
  readonly kind: 'is-null';
  readonly operand: RowExpr;
  readonly negated: boolean;
}

/** Row functions of LANGUAGE.md §5. */
export type RowFunction =
  | 'if'
  | 'coalesce'
  | 'nullif'
  | 'abs'
  | 'round'
  | 'least'
  | 'greatest'
  | 'days_between'
  | 'months_between'
  | 'year'
  | 'quarter'
  | 'month'
  | 'lower'
  | 'upper'
  | 'date'
  | 'number'
  | 'quarter_start'
  | 'quarter_end'
  | PointFunction;

/** Row functions that read the evaluated period, only inside `as at` aggregates (no arguments). */
export type PointFunction = 'period_start' | 'period_end' | 'point_date';

/** A row function call. */
export interface RowCall extends Typed {
  readonly kind: 'call';
  readonly fn: RowFunction;
  readonly args: readonly RowExpr[];
}

/** `lookup[key]`: the lookup's value for the row's key, as of the row's period. */
export interface RowLookup extends Typed {
  readonly kind: 'lookup';
  readonly lookup: string;
  readonly key: RowExpr;
}

/** A breakdown dimension by name (only in scope conditions such as a KPI override's `where`). */
export interface RowDimension extends Typed {
  readonly kind: 'dimension';
  readonly name: string;
}

/**
 * A value mapped through a fixed table (compared as text): how org levels known only as of a
 * period (a rep's team) become breakdown values. Built by consumers such as scorecards, never by
 * formulas.
 */
export interface RowMap extends Typed {
  readonly kind: 'map';
  readonly operand: RowExpr;
  readonly entries: readonly (readonly [string, string | null])[];
}

/** Any row-level expression. */
export type RowExpr =
  RowLiteral | RowColumn | RowBinary | RowUnary | RowIn | RowBetween | RowIsNull | RowCall | RowLookup | RowDimension | RowMap;

/** Aggregate functions over rows. */
export type AggregateFunction = 'count' | 'count_distinct' | 'sum' | 'avg' | 'min' | 'max' | 'median' | 'percentile';

/**
 * An aggregate over the rows of one source: `fn(value where filter on anchor)`. With `last`, only
 * the rows on the cell's last anchor date that has rows are aggregated (a balance at period end).
 */
export interface KpiAggregate extends Typed {
  readonly kind: 'aggregate';
  readonly fn: AggregateFunction;
  readonly source: string;
  /** The time anchor column; undefined for a source without `time:` (a timeless aggregate). */
  readonly anchor: string | undefined;
  /** Undefined for `count(source …)` (count rows). */
  readonly value: RowExpr | undefined;
  readonly filter: RowExpr | undefined;
  /** For `percentile`: the fraction in [0, 1]. */
  readonly fraction?: number | undefined;
  /** Semi-additive: aggregate only the rows at the last anchor date of the cell. */
  readonly last: boolean;
  /** `as at`: the rows as they stood at this point of each period (not placed by the anchor). */
  readonly point?: AsAtPoint | undefined;
  /** Set on the two counts of `pass_rate(check)`: the check whose rows they count (for lineage). */
  readonly check?: string | undefined;
  readonly span: Span;
}

/** A point of each period: its end, its start, or the end of its Nth day, week or month. */
export interface AsAtPoint {
  readonly at: 'end' | 'start' | 'day' | 'week' | 'month';
  readonly n?: number | undefined;
}

/** A numeric, string, boolean or null literal at KPI level. */
export interface KpiLiteral extends Typed {
  readonly kind: 'literal';
  readonly value: number | string | boolean | null;
}

/** Another KPI's value in the same cell (inlined by the planner). */
export interface KpiRef extends Typed {
  readonly kind: 'kpi';
  readonly id: string;
  readonly span: Span;
}

/** `a op b` on aggregated values. */
export interface KpiBinary extends Typed {
  readonly kind: 'binary';
  readonly op: RowOperator;
  readonly left: KpiExpr;
  readonly right: KpiExpr;
}

/** `-a`, `not a`. */
export interface KpiUnary extends Typed {
  readonly kind: 'unary';
  readonly op: '-' | 'not';
  readonly operand: KpiExpr;
}

/** A scalar function on aggregated values (`if`, `coalesce`, `round`, …, and comparisons). */
export interface KpiCall extends Typed {
  readonly kind: 'call';
  readonly fn: RowFunction;
  readonly args: readonly KpiExpr[];
}

/** `x [not] in (…)`, `between`, `is null` on aggregated values. */
export interface KpiPredicate extends Typed {
  readonly kind: 'predicate';
  readonly test: 'in' | 'between' | 'is-null';
  readonly negated: boolean;
  readonly operand: KpiExpr;
  readonly args: readonly KpiExpr[];
}

/** A calendar duration. */
export interface Duration {
  readonly amount: number;
  readonly unit: DurationUnit;
}

/**
 * A time window around each evaluated period. `shift`: the period `offset` earlier (prior);
 * `rolling`: the trailing `length` ending with the period; `to_date`: from the start of the
 * enclosing `unit` through the period's end.
 */
export type TimeWindow =
  | { readonly kind: 'shift'; readonly offset: Duration }
  | { readonly kind: 'rolling'; readonly length: Duration }
  | { readonly kind: 'to_date'; readonly unit: DurationUnit };

/** E evaluated over a time window (every aggregate inside re-aggregated over it). */
export interface KpiWindow extends Typed {
  readonly kind: 'window';
  readonly window: TimeWindow;
  readonly expr: KpiExpr;
  readonly span: Span;
}

/** `total(E, keep…)`: E with every breakdown dimension removed except `keep`. */
export interface KpiTotal extends Typed {
  readonly kind: 'total';
  readonly keep: readonly string[];
  readonly expr: KpiExpr;
  readonly span: Span;
}

/** Functions over `E per key`. */
export type PerFunction = 'avg' | 'sum' | 'min' | 'max' | 'median' | 'count' | 'hhi' | 'top_share';

/**
 * `fn(E per key)`: E evaluated per value of `key` within the cell, then combined by fn over the
 * keys that have at least one row matching E's filters. `key` is resolved in each source that E
 * aggregates.
 */
export interface KpiPer extends Typed {
  readonly kind: 'per';
  readonly fn: PerFunction;
  readonly expr: KpiExpr;
  /** The key expression, resolved in each source that E aggregates. */
  readonly keys: readonly PerKey[];
  /** For top_share: how many of the largest keys. */
  readonly n?: number | undefined;
  readonly span: Span;
}

/** A `per` key resolved in one source. */
export interface PerKey {
  readonly source: string;
  readonly key: RowExpr;
}

/** Any KPI-level expression. */
export type KpiExpr = KpiLiteral | KpiAggregate | KpiRef | KpiBinary | KpiUnary | KpiCall | KpiPredicate | KpiWindow | KpiTotal | KpiPer;
