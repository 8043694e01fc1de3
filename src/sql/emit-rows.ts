/**
 * SQL for a rows query (src/query/rows-ir.ts): the typed rows of one source, LEFT JOINed to the
 * sources its columns reach, filtered by the aggregate's condition, its dates and the
 * restrictions, in a stable order, one page at a time; and the count of all matching rows. Like
 * the main emitter it reads only the plan and writes user text only through the dialect.
 */
import type { Calendar } from '../query/ir.js';
import type { RowsQuery } from '../query/rows-ir.js';
import type { Dialect } from './dialect.js';
import { rowSql, type RowLeaves } from './emit-expr.js';
import { sqlNames } from './names.js';
import type { SourceReader } from './source-reader.js';

/** The two statements of a listing. */
export interface RowsSql {
  /** One page of rows, with the query's columns under their names. */
  readonly rows: string;
  /** One row with the number of matching rows in column `n`. */
  readonly count: string;
}

/** Emits a rows query in `dialect`; `calendar` serves the calendar functions of its expressions. */
export function emitRowsSql(query: RowsQuery, options: { dialect: Dialect; sources: SourceReader; calendar: Calendar }): RowsSql {
  const { dialect: d, sources } = options;
  if (sources.dialect !== d.name) throw new Error(`a ${sources.dialect} source reader cannot serve a ${d.name} query`);
  const q = d.quoteIdentifier;
  const names = sqlNames(d);
  const ctx = { dialect: d, calendar: options.calendar };
  const aliasOf = new Map<string, string>([['', 't0']]);
  for (const j of query.joins) aliasOf.set(j.path.join('.'), j.alias);
  const leaves: RowLeaves = {
    column: (path, column) => `${aliasOf.get(path.join('.')) ?? 't0'}.${q(column)}`,
    lookup: () => {
      throw new Error('a rows query never reads a lookup');
    },
  };
  const ids = [...new Set([query.source, ...query.joins.map((j) => j.target)])].sort();
  const ctes = ids.map((id) => d.cte(names.sourceCte(id), sources.relation(id), true));
  const from = [`${q(names.sourceCte(query.source))} AS t0`];
  for (const j of query.joins)
    from.push(`LEFT JOIN ${q(names.sourceCte(j.target))} AS ${j.alias} ON ${j.fromAlias}.${q(j.on)} = ${j.alias}.${q(j.targetKey)}`);
  const where: string[] = [];
  if (query.range !== undefined) {
    const anchor = d.cast(`t0.${q(query.range.anchor)}`, 'date');
    where.push(`${anchor} >= ${d.dateLiteral(query.range.from)}`, `${anchor} < ${d.dateLiteral(query.range.before)}`);
  }
  if (query.filter !== undefined) where.push(`COALESCE(${rowSql(ctx, query.filter, leaves)}, FALSE)`);
  for (const r of query.restrictions) {
    where.push(
      r.values.length === 0
        ? 'FALSE'
        : `${d.cast(rowSql(ctx, r.expr, leaves), 'string')} IN (${r.values.map((v) => d.stringLiteral(v)).join(', ')})`,
    );
  }
  const body = `FROM ${from.join('\n  ')}${where.length === 0 ? '' : `\nWHERE ${where.join('\n  AND ')}`}`;
  const select = query.columns.map((c) => {
    const sql = rowSql(ctx, c.expr, leaves);
    return `${c.asText ? d.cast(sql, 'string') : sql} AS ${q(c.name)}`;
  });
  const order = query.order.map((c) => `${q(c)} NULLS LAST`);
  const head = `WITH\n${ctes.join(',\n')}\n`;
  const rows =
    `${head}SELECT ${select.length === 0 ? 'NULL AS _none' : select.join(', ')}\n${body}` +
    `${order.length === 0 ? '' : `\nORDER BY ${order.join(', ')}`}\nLIMIT ${Math.max(0, Math.trunc(query.limit))} OFFSET ${Math.max(0, Math.trunc(query.offset))}`;
  return { rows, count: `${head}SELECT count(*) AS n\n${body}` };
}
