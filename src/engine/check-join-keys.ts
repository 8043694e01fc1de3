/**
 * Joins are many-to-one lookups, which only holds if the joined-to key is unique: with a repeated
 * key, every matching row of the source would be counted once per copy. This check runs on the
 * target's clean rows (after its own data check), once per target key.
 */
import { diagnostic, type Diagnostic, type PhaseResult } from '../diagnostics/diagnostic.js';
import type { SourceDef } from '../model/types.js';
import { quoteIdentifier as q } from '../sql/quote.js';
import type { CheckedSource } from './check-data.js';
import { provesUnique, sortedProofQuery } from './check-queries.js';
import { showValue } from './data-location.js';
import type { Database } from './duckdb.js';

const MAX_EXAMPLES = 5;

/**
 * Checks that every join of `source` reaches a unique key. `sources` are the catalog's sources;
 * `checked` the results of `checkSourceData` for the targets (a target missing there, or one
 * without a `key:`, is skipped: other phases report that). A key column declared `unique: true`
 * was already checked by `checkSourceData` and costs nothing here.
 */
export async function checkJoinKeys(
  db: Database,
  source: SourceDef,
  sources: ReadonlyMap<string, SourceDef>,
  checked: ReadonlyMap<string, CheckedSource>,
): Promise<PhaseResult<void>> {
  const diagnostics: Diagnostic[] = [];
  const verdicts = new Map<string, { repeated: number; rows: number; examples: string[] } | undefined>();
  for (const join of source.joins.values()) {
    const target = sources.get(join.to.value);
    const data = checked.get(join.to.value);
    const key = target?.key?.value;
    const keyColumn = key === undefined ? undefined : target?.columns.get(key);
    if (target === undefined || data === undefined || key === undefined || keyColumn === undefined || keyColumn.unique) continue;
    const id = `${target.id}\u0000${key}`;
    if (!verdicts.has(id)) verdicts.set(id, await repeats(db, data.sql, key));
    const verdict = verdicts.get(id);
    if (verdict === undefined) continue;
    diagnostics.push(
      diagnostic(
        'data/unique',
        join.span,
        `join \`${join.name}\` of source \`${source.id}\` looks up \`${target.id}\` by \`${key}\`, but ${verdict.repeated.toLocaleString('en-US')} value${verdict.repeated === 1 ? '' : 's'} of \`${key}\` occur more than once there (${verdict.rows.toLocaleString('en-US')} rows): ${verdict.examples.join(', ')}${verdict.repeated > verdict.examples.length ? ', …' : ''}`,
        {
          hint: `each \`${source.id}\` row would be counted once per matching \`${target.id}\` row; make \`${key}\` unique in the export (and declare \`unique: true\` on it)`,
          related: [{ span: keyColumn.span, message: `\`${key}\` is declared here` }],
        },
      ),
    );
  }
  return { value: undefined, diagnostics };
}

/** Repeats of `key` in the relation `sql`, or undefined when every value is unique. */
async function repeats(
  db: Database,
  sql: string,
  key: string,
): Promise<{ repeated: number; rows: number; examples: string[] } | undefined> {
  const k = q(key);
  // Cheapest first: a sorted key proves itself; then hashes (exact when none repeats); then
  // the exact groups only if some hash repeats.
  if (provesUnique(await db.query(sortedProofQuery(sql, k)))) return undefined;
  const [bound] = await db.query(`SELECT count(*) - count(DISTINCT hash(${k})) AS n FROM (${sql}) WHERE ${k} IS NOT NULL`);
  if (Number(bound?.['n'] ?? 0) === 0) return undefined;
  const groups = await db.query(
    `SELECT CAST(${k} AS VARCHAR) AS value, count(*) AS n, count(*) OVER () AS repeated, sum(count(*)) OVER () AS total ` +
      `FROM (${sql}) WHERE ${k} IS NOT NULL GROUP BY ${k} HAVING count(*) > 1 ORDER BY n DESC, value LIMIT ${MAX_EXAMPLES}`,
  );
  const first = groups[0];
  if (first === undefined) return undefined;
  return {
    repeated: Number(first['repeated']),
    rows: Number(first['total']),
    examples: groups.map((g) => `${showValue(String(g['value']))} ×${Number(g['n'])}`),
  };
}
