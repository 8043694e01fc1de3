/**
 * Near-duplicates in bounded time: each distinct normalised value is compared only with its
 * 8 neighbours ({@link nearDuplicateSql}) in alphabetical order and in the order of its reversed text
 * (sorted-neighbourhood blocking: a difference near the end of a name keeps it next to its twin
 * in the first order, one near the start in the second). The work grows with the number of
 * distinct values times the window, never with its square.
 */
import { duckdb } from '../sql/duckdb.js';

/** How many following values, in each order, a value is compared with. */
const NEIGHBOURS = 8;

/**
 * The rows of `rows` (a SELECT with the normalised value in column `group`) that share their
 * value with another row, or whose value is at least `threshold` similar to another value
 * (1 − edit distance / the longer length). `group` of a finding becomes the first value, in
 * alphabetical order, among its own and those it is similar to.
 */
export function nearDuplicateSql(rows: string, group: string, order: readonly string[], threshold: number): string {
  const q = duckdb.quoteIdentifier;
  const n = q('$name');
  const a = q('$a');
  const b = q('$b');
  const longer = `greatest(length(${a}), length(${b}))`;
  const neighbours = (orderBy: string): string[] =>
    Array.from(
      { length: NEIGHBOURS },
      (_, i) => `SELECT ${n} AS ${a}, lead(${n}, ${i + 1}) OVER (ORDER BY ${orderBy}, ${n}) AS ${b} FROM ${q('$names')}`,
    );
  const candidates = [...neighbours(n), ...neighbours(`reverse(${n})`)].join('\n  UNION ALL ');
  const t = duckdb.numberLiteral(threshold);
  return `WITH ${q('$rows')} AS (${rows}),
${q('$names')} AS (SELECT DISTINCT ${group} AS ${n} FROM ${q('$rows')} WHERE ${group} <> ''),
${q('$pairs')} AS (
  SELECT DISTINCT ${a}, ${b} FROM (${candidates})
  WHERE ${b} IS NOT NULL AND ${a} <> ${b}
    AND abs(length(${a}) - length(${b})) <= (1 - ${t}) * ${longer}
    AND 1 - levenshtein(${a}, ${b}) / ${longer} >= ${t}
),
${q('$edges')} AS (SELECT ${a}, ${b} FROM ${q('$pairs')} UNION SELECT ${b}, ${a} FROM ${q('$pairs')}),
${q('$labels')} AS (SELECT ${a}, least(${a}, min(${b})) AS ${q('$label')} FROM ${q('$edges')} GROUP BY ${a}),
${q('$counted')} AS (SELECT *, count(*) OVER (PARTITION BY ${group}) AS ${q('$n')} FROM ${q('$rows')})
SELECT c.* EXCLUDE (${q('$n')}, ${group}), coalesce(l.${q('$label')}, c.${group}) AS ${group}
FROM ${q('$counted')} AS c LEFT JOIN ${q('$labels')} AS l ON l.${a} = c.${group}
WHERE c.${group} <> '' AND (c.${q('$n')} > 1 OR l.${a} IS NOT NULL)
ORDER BY ${[group, ...order].join(', ')}`;
}
