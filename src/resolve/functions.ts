/**
 * The function table of the formula language: which names are row functions, aggregates, or
 * KPI-level functions, and how many arguments each takes.
 */
import type { AggregateFunction, PerFunction, RowFunction } from './types.js';

/** Row functions with their argument counts (max Infinity = variadic). */
export const ROW_FUNCTIONS = new Map<RowFunction, { readonly min: number; readonly max: number }>([
  ['if', { min: 3, max: 3 }],
  ['coalesce', { min: 1, max: Infinity }],
  ['nullif', { min: 2, max: 2 }],
  ['abs', { min: 1, max: 1 }],
  ['round', { min: 1, max: 2 }],
  ['least', { min: 1, max: Infinity }],
  ['greatest', { min: 1, max: Infinity }],
  ['days_between', { min: 2, max: 2 }],
  ['months_between', { min: 2, max: 2 }],
  ['year', { min: 1, max: 1 }],
  ['quarter', { min: 1, max: 1 }],
  ['month', { min: 1, max: 1 }],
  ['lower', { min: 1, max: 1 }],
  ['upper', { min: 1, max: 1 }],
  ['date', { min: 1, max: 1 }],
  ['number', { min: 1, max: 1 }],
  ['quarter_start', { min: 1, max: 1 }],
  ['quarter_end', { min: 1, max: 1 }],
]);

/** Aggregates over rows. */
export const AGGREGATE_FUNCTIONS: ReadonlySet<string> = new Set<AggregateFunction>([
  'count',
  'count_distinct',
  'sum',
  'avg',
  'min',
  'max',
  'median',
  'percentile',
]);

/** Aggregates that also combine `E per key`. */
export const PER_FUNCTIONS: ReadonlySet<string> = new Set<PerFunction>(['avg', 'sum', 'min', 'max', 'median', 'count', 'hhi', 'top_share']);

/** KPI-level functions (work on aggregated values at the evaluated grain). */
export const KPI_FUNCTIONS: ReadonlySet<string> = new Set([
  'prior',
  'change',
  'growth',
  'rolling',
  'to_date',
  'total',
  'last',
  'hhi',
  'top_share',
  'pass_rate',
]);

/** Every function name, for did-you-mean on unknown functions. */
export const ALL_FUNCTION_NAMES: readonly string[] = [...ROW_FUNCTIONS.keys(), ...AGGREGATE_FUNCTIONS, ...KPI_FUNCTIONS];

/** Whether `name` is a row function. */
export function isRowFunction(name: string): name is RowFunction {
  return ROW_FUNCTIONS.has(name as RowFunction);
}
