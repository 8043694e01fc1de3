/**
 * What differs between SQL engines. The emitter writes one SQL shape over the plan; a dialect
 * supplies quoting, literals, calendar arithmetic and the few aggregates engines spell
 * differently. DuckDB is the first; a second engine is one more file implementing this.
 */
import type { DurationUnit } from '../formula/ast.js';
import type { CalendarDef } from '../model/types.js';
import type { Grain } from '../plan/calendar.js';

/** An SQL dialect. */
export interface Dialect {
  readonly name: string;
  /** User text as an identifier (always quoted). */
  quoteIdentifier(name: string): string;
  /** User text as a string literal. */
  stringLiteral(text: string): string;
  /** A number literal (finite). */
  numberLiteral(value: number): string;
  /** A date literal from an ISO date. */
  dateLiteral(iso: string): string;
  /** A DATE expression from a date or timestamp expression. */
  toDate(expr: string): string;
  /** The start (DATE) of the period of `unit` containing the DATE `expr`. */
  periodStart(expr: string, unit: Grain | DurationUnit, calendar: CalendarDef): string;
  /** DATE `expr` plus `amount` units (amount may be negative). */
  addToDate(expr: string, amount: number, unit: DurationUnit): string;
  /** An interval of one grain, for generating period series. */
  periodSeries(from: string, to: string, grain: Grain): string;
  /** `b − a` in days: whole days for dates, fractional days when either side is a timestamp. */
  daysBetween(a: string, b: string, fractional: boolean): string;
  /** Whole months from `a` to `b`. */
  monthsBetween(a: string, b: string): string;
  /** Fiscal year label (the calendar year in which the fiscal year starts). */
  fiscalYear(expr: string, calendar: CalendarDef): string;
  /** Fiscal quarter 1–4. */
  fiscalQuarter(expr: string, calendar: CalendarDef): string;
  /** Calendar month 1–12. */
  month(expr: string): string;
  /** Null-safe equality for joins on breakdown values (null matches null). */
  sameValue(a: string, b: string): string;
  /** Aggregates. `filter` is an SQL boolean or undefined. */
  aggregate(
    fn: 'count' | 'count_distinct' | 'sum' | 'min' | 'max' | 'median' | 'percentile' | 'avg',
    value: string | undefined,
    filter: string | undefined,
    fraction?: number,
  ): string;
  /** Share of `sum(value)` held by the n largest values. */
  topShare(value: string, n: number): string;
  /**
   * `if`, `coalesce`, `least` or `greatest` over numbers (every argument a number or null, but the
   * condition of `if`), typed so that decimals of different scales keep all their digits.
   */
  numberChoice(fn: 'if' | 'coalesce' | 'least' | 'greatest', args: readonly string[]): string;
}
