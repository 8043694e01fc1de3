/**
 * What differs between SQL engines. The emitter writes one SQL shape over the query plan using
 * only portable SQL — CTEs, LEFT and CROSS JOIN, GROUP BY GROUPING SETS, CASE, COALESCE, UNION,
 * VALUES and scalar functions every engine has — and asks the dialect for everything else. A new
 * dialect is one file implementing this interface plus its line in `dialects.ts`; the contract is
 * spelled out in docs/architecture.md.
 *
 * Every method returns SQL text and receives SQL text (already quoted where it holds user text);
 * only `quoteIdentifier`, `stringLiteral`, `numberLiteral` and `dateLiteral` see raw values.
 */
import type { MeasureFunction, Calendar, Grain, TimeUnit } from '../query/ir.js';

/** The SQL types the emitter casts to (`bigint`, `timestamp` and `boolean` type the columns of a source read from a table). */
export type SqlType = 'string' | 'real' | 'integer' | 'bigint' | 'date' | 'timestamp' | 'boolean';

/** An SQL dialect. */
export interface Dialect {
  /** The name `--dialect` takes and golden files are filed under. */
  readonly name: string;

  /** User text as an identifier (always quoted: reserved words and letter case survive). */
  quoteIdentifier(name: string): string;
  /** User text as a string literal (any character, including quotes and NUL, stays exact). */
  stringLiteral(text: string): string;
  /** A finite number literal that keeps its value exactly (no integer overflow). */
  numberLiteral(value: number): string;
  /** A DATE literal from an ISO date. */
  dateLiteral(iso: string): string;

  /** `expr` converted to `type`, written with the engine's name of the type (a timestamp to a date drops the time). */
  cast(expr: string, type: SqlType): string;
  /** Text read as a DATE (`YYYY-MM-DD`, a timestamp's date) or an exact number; null when it is not one. */
  parseText(expr: string, as: 'date' | 'number'): string;
  /** `expr` (text or a number) converted to an exact decimal of 38 digits, `scale` of them after the point. */
  decimal(expr: string, scale: number): string;
  /** `value` rounded half away from zero, to `digits` decimal places (an SQL integer) or to a whole number. */
  round(value: string, digits: string | undefined): string;
  /** Real division (also of two integers), null when `b` is 0. */
  divide(a: string, b: string): string;
  /**
   * `if`, `coalesce`, `least` or `greatest` over numbers (every argument a number or null, but the
   * condition of `if`), typed so that exact decimals of different scales keep all their digits.
   */
  numberChoice(fn: 'if' | 'coalesce' | 'least' | 'greatest', args: readonly string[]): string;

  /** The start (DATE) of the period of `unit` containing the DATE `expr`, on the catalog's calendar. */
  periodStart(expr: string, unit: TimeUnit, calendar: Calendar): string;
  /** DATE `expr` plus `amount` units (amount may be negative; 0 returns `expr`). */
  addToDate(expr: string, amount: number, unit: TimeUnit): string;
  /**
   * A SELECT with one DATE column `period`: every period start of `grain` from the DATE `from` to
   * the DATE `to` (both period starts, inclusive), for each row of the relation `relation`.
   */
  periodSeries(from: string, to: string, grain: Grain, relation: string): string;
  /** `b − a` in days: whole days for dates, fractional days when either side is a timestamp. */
  daysBetween(a: string, b: string, fractional: boolean): string;
  /** Whole months from `a` to `b`. */
  monthsBetween(a: string, b: string): string;
  /** Fiscal year label (the calendar year in which the fiscal year starts). */
  fiscalYear(expr: string, calendar: Calendar): string;
  /** Fiscal quarter 1–4. */
  fiscalQuarter(expr: string, calendar: Calendar): string;
  /** Calendar month 1–12. */
  month(expr: string): string;

  /** Null-safe equality for joins on breakdown values and keys (null matches null). */
  sameValue(a: string, b: string): string;
  /**
   * An aggregate; `value` undefined counts rows, `filter` (an SQL boolean) limits the rows it
   * reads, `fraction` is the percentile's. `median` and `percentile` are continuous (interpolated).
   */
  aggregate(fn: MeasureFunction, value: string | undefined, filter: string | undefined, fraction?: number): string;
  /**
   * In a GROUP BY GROUPING SETS query: the bitmask of which of `columns` the current grouping set
   * leaves out (the first column is the highest bit).
   */
  groupingMask(columns: readonly string[]): string;
  /**
   * A window function: the last non-null `value` among the rows of the `partitionBy` partition up
   * to the current one, in `orderBy` order — ascending with nulls first (`forward`), or descending
   * with nulls last (`backward`: the first non-null value from the current row on). How a change
   * log's values are carried to the versions that follow them.
   */
  carryForward(value: string, partitionBy: string, orderBy: string, direction: 'forward' | 'backward'): string;
  /** An aggregate: true when `condition` holds for some row of the group. */
  anyTrue(condition: string): string;
  /** An aggregate: the share of `sum(value)` held by the n largest values. */
  topShare(value: string, n: number): string;

  /**
   * A SELECT of every column of `relation` (a FROM item aliased `alias`), keeping only the rows
   * whose `column` equals its maximum among the rows with the same `partitionBy` values.
   */
  keepLast(relation: string, alias: string, column: string, partitionBy: readonly string[]): string;
  /**
   * A select list of the columns `all` of `qualifier` (a FROM alias, or undefined for the only
   * FROM item) except `excluded`.
   */
  allColumnsExcept(qualifier: string | undefined, all: readonly string[], excluded: readonly string[]): string;
  /**
   * One common table expression, `name AS (sql)`. With `inline`, the engine should inline it
   * wherever it is read rather than materialise it (source rows: reading them twice costs less
   * than holding them in memory); an engine without the choice ignores it.
   */
  cte(name: string, sql: string, inline: boolean): string;
  /**
   * A select list that turns each row into one row per position of the lists (all of one
   * length): column `name` takes the list's value at that position. One expression per column,
   * whatever the length, where a UNION ALL of one SELECT per position costs the planner far more
   * than linear time.
   */
  spread(columns: readonly { readonly name: string; readonly values: readonly string[] }[]): string;
}
