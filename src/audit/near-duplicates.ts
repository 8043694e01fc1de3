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
 * alphabetical order, among its own and those it is similar to. With `within` (a column of
 * `rows`), values are compared only with those of rows with an equal `within`, and that column is
 * left out of the result.
 */
export function nearDuplicateSql(rows: string, group: string, order: readonly string[], threshold: number, within?: string): string {
  const q = duckdb.quoteIdentifier;
  const n = q('$name');
  const a = q('$a');
  const b = q('$b');
  const w = within === undefined ? [] : [within];
  const lead = (cols: readonly string[]): string => cols.map((c) => `${c}, `).join('');
  const partition = within === undefined ? '' : `PARTITION BY ${within} `;
  const longer = `greatest(length(${a}), length(${b}))`;
  const neighbours = (orderBy: string): string[] =>
    Array.from(
      { length: NEIGHBOURS },
      (_, i) =>
        `SELECT ${lead(w)}${n} AS ${a}, lead(${n}, ${i + 1}) OVER (${partition}ORDER BY ${orderBy}, ${n}) AS ${b} FROM ${q('$names')}`,
    );
  const candidates = [...neighbours(n), ...neighbours(`reverse(${n})`)].join('\n  UNION ALL ');
  const t = duckdb.numberLiteral(threshold);
  const on = [`l.${a} = c.${group}`, ...w.map((c) => `l.${c} = c.${c}`)].join(' AND ');
  return `WITH ${q('$rows')} AS (${rows}),
${q('$names')} AS (SELECT DISTINCT ${lead(w)}${group} AS ${n} FROM ${q('$rows')} WHERE ${group} <> ''),
${q('$pairs')} AS (
  SELECT DISTINCT ${lead(w)}${a}, ${b} FROM (${candidates})
  WHERE ${b} IS NOT NULL AND ${a} <> ${b}
    AND abs(length(${a}) - length(${b})) <= (1 - ${t}) * ${longer}
    AND 1 - levenshtein(${a}, ${b}) / ${longer} >= ${t}
),
${q('$edges')} AS (SELECT ${lead(w)}${a}, ${b} FROM ${q('$pairs')} UNION SELECT ${lead(w)}${b}, ${a} FROM ${q('$pairs')}),
${q('$labels')} AS (SELECT ${lead(w)}${a}, least(${a}, min(${b})) AS ${q('$label')} FROM ${q('$edges')} GROUP BY ${lead(w)}${a}),
${q('$counted')} AS (SELECT *, count(*) OVER (PARTITION BY ${lead(w)}${group}) AS ${q('$n')} FROM ${q('$rows')})
SELECT c.* EXCLUDE (${[q('$n'), group, ...w].join(', ')}), coalesce(l.${q('$label')}, c.${group}) AS ${group}
FROM ${q('$counted')} AS c LEFT JOIN ${q('$labels')} AS l ON ${on}
WHERE c.${group} <> '' AND (c.${q('$n')} > 1 OR l.${a} IS NOT NULL)
ORDER BY ${[group, ...order].join(', ')}`;
}
