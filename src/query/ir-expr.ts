/**
 * The expressions of the query IR: plain, typed, JSON-serialisable data that an SQL dialect can
 * read without knowing anything of the formula language or of name resolution. Two layers share
 * their operators, functions and predicates and differ only in their leaves: *row* expressions
 * (evaluated per row of one source: columns, lookups, mapped values) and *cell* expressions
 * (evaluated per grid cell or level row: measures of the plan's tables).
 *
 * This file imports nothing: whoever reads the IR needs only it (and `ir.ts`).
 */

/** The value types of the IR. Dates and timestamps travel as ISO strings in literals. */
export type IrValueType = 'number' | 'string' | 'date' | 'timestamp' | 'boolean' | 'null';

/** Binary operators. Division by zero gives null (never an error, never infinity). */
export type IrOperator = '+' | '-' | '*' | '/' | '=' | '!=' | '<' | '<=' | '>' | '>=' | 'and' | 'or';

/**
 * Scalar functions. `year` and `quarter` are fiscal, on the plan's calendar. `period_start`,
 * `period_end` and `point_date` (no arguments) are the first and last day of the evaluated period
 * and the day of its point: they occur only in point scans. `days_between` is the
 * whole number of days between two dates; `fractional_days_between` the exact (fractional) number
 * of days between two instants, used as soon as a timestamp is involved. `date` and `number` read
 * text (null when it is not one); `quarter_start` and `quarter_end` are the first and last day of
 * the fiscal quarter of a date.
 */
export type IrFunction =
  | 'if'
  | 'coalesce'
  | 'nullif'
  | 'abs'
  | 'round'
  | 'least'
  | 'greatest'
  | 'days_between'
  | 'fractional_days_between'
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
  | 'period_start'
  | 'period_end'
  | 'point_date';

/** A literal value of a declared type (a date literal is an ISO date string of type `date`). */
export interface IrLiteral {
  readonly kind: 'literal';
  readonly value: number | string | boolean | null;
  readonly type: IrValueType;
}

/** `left op right`. */
export interface IrBinary<E> {
  readonly kind: 'binary';
  readonly op: IrOperator;
  readonly left: E;
  readonly right: E;
}

/** `-operand`, `not operand`. */
export interface IrUnary<E> {
  readonly kind: 'unary';
  readonly op: '-' | 'not';
  readonly operand: E;
}

/** A scalar function call. */
export interface IrCall<E> {
  readonly kind: 'call';
  readonly fn: IrFunction;
  readonly args: readonly E[];
  /**
   * The arguments' value types, one per argument: a choice between numbers (`if`, `coalesce`,
   * `least`, `greatest`) is written so that decimals of different scales keep every digit.
   */
  readonly types: readonly IrValueType[];
}

/**
 * `operand [not] in (args…)`, `operand [not] between args[0] and args[1]`, `operand is [not] null`
 * (no args).
 */
export interface IrPredicate<E> {
  readonly kind: 'predicate';
  readonly test: 'in' | 'between' | 'is-null';
  readonly negated: boolean;
  readonly operand: E;
  readonly args: readonly E[];
}

/** The nodes both layers share, with sub-expressions of type `E`. */
export type IrSharedNode<E> = IrLiteral | IrBinary<E> | IrUnary<E> | IrCall<E> | IrPredicate<E>;

/** A column of the scanned source, or of a source reached through `path` (join names, hop by hop). */
export interface IrColumn {
  readonly kind: 'column';
  readonly path: readonly string[];
  readonly column: string;
  /** In a point scan: the column's value as at the start of the period (null if the row did not hold then). */
  readonly atStart?: true | undefined;
}

/** A lookup's value for the row's key, as of the row's period (see the plan's lookup tables). */
export interface IrLookup {
  readonly kind: 'lookup';
  readonly lookup: string;
  readonly key: IrRowExpr;
}

/** A value compared as text and mapped through a fixed table (unmatched values give null). */
export interface IrMap {
  readonly kind: 'map';
  readonly operand: IrRowExpr;
  readonly entries: readonly (readonly [string, string | null])[];
}

/** Any row-level expression. */
export type IrRowExpr =
  IrLiteral | IrBinary<IrRowExpr> | IrUnary<IrRowExpr> | IrCall<IrRowExpr> | IrPredicate<IrRowExpr> | IrColumn | IrLookup | IrMap;

/** A level: which breakdown dimensions are kept, and which `per` keys are added. */
export interface Level {
  /** Kept breakdown dimensions, in the order of the plan's breakdown. */
  readonly dims: readonly string[];
  /** Ids of per keys (see `QueryPlan.keys`), outermost first. */
  readonly keys: readonly string[];
}

/** A column of one of the plan's tables (scan level, rollup, window or per table). */
export interface IrMeasure {
  readonly kind: 'measure';
  readonly table: string;
  readonly column: string;
  /** The level of the table's rows (to join it to the rows being computed). */
  readonly level: Level;
  /** The value of an absent row: 0 for counts and sums, null otherwise. */
  readonly empty: 0 | null;
}

/** Any cell-level expression. */
export type IrCellExpr = IrLiteral | IrBinary<IrCellExpr> | IrUnary<IrCellExpr> | IrCall<IrCellExpr> | IrPredicate<IrCellExpr> | IrMeasure;
