/**
 * The aggregates every SQL engine kpic runs on writes alike — `count`, `count(DISTINCT …)`, `sum`,
 * `min`, `max` — with a row filter as a `CASE` inside the aggregate: every one of them ignores
 * nulls, so `sum(CASE WHEN f THEN v END)` is `sum(v) FILTER (WHERE f)`, and it is standard SQL that
 * every engine plans well (DuckDB's cost for `FILTER` grows with the square of the number of
 * filtered aggregates of one GROUP BY: 400 of them over 2,000 rows took 10 s, against 0.3 s).
 * Dialects write the others (`avg`, `median`, `percentile`) themselves: engines type or spell them
 * differently.
 */

/** The standard `FILTER (WHERE …)` clause of `filter`, or nothing. */
export function filterClause(filter: string | undefined): string {
  return filter === undefined ? '' : ` FILTER (WHERE ${filter})`;
}

/** `value` on the rows `filter` keeps and null on the others (`value` itself without a filter). */
export function keptValue(value: string, filter: string | undefined): string {
  return filter === undefined ? value : `CASE WHEN ${filter} THEN ${value} END`;
}

/** `count`, `count_distinct`, `sum`, `min` or `max` of `value` (undefined: count rows) over the rows `filter` keeps. */
export function plainAggregate(
  fn: 'count' | 'count_distinct' | 'sum' | 'min' | 'max',
  value: string | undefined,
  filter: string | undefined,
): string {
  if (value === undefined) return filter === undefined ? 'count(*)' : `count(${keptValue('1', filter)})`;
  const v = keptValue(value, filter);
  return fn === 'count_distinct' ? `count(DISTINCT ${v})` : `${fn}(${v})`;
}
