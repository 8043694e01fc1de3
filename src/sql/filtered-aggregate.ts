/**
 * The plain aggregates — `count`, `count(DISTINCT …)`, `sum`, `min`, `max` — with a row filter as
 * the standard `FILTER (WHERE …)` clause, as PostgreSQL writes them (DuckDB puts the filter in a
 * CASE inside the aggregate instead: its FILTER costs grow with their number). Dialects write the
 * others (`avg`, `median`, `percentile`) themselves: engines type or spell them differently.
 */

/** The standard `FILTER (WHERE …)` clause of `filter`, or nothing. */
export function filterClause(filter: string | undefined): string {
  return filter === undefined ? '' : ` FILTER (WHERE ${filter})`;
}

/** `count`, `count_distinct`, `sum`, `min` or `max` of `value` (undefined: count rows) over the rows `filter` keeps. */
export function plainAggregate(
  fn: 'count' | 'count_distinct' | 'sum' | 'min' | 'max',
  value: string | undefined,
  filter: string | undefined,
): string {
  const v = value ?? '*';
  const call = fn === 'count_distinct' ? `count(DISTINCT ${v})` : `${fn}(${v})`;
  return `${call}${filterClause(filter)}`;
}
