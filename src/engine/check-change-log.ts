/**
 * The values of a change log checked against the columns they change. A log's old and new values
 * are text (docs/language.md, "Change logs"); `as at` reads them as values of the changed column
 * with a plain conversion (src/sql/emit-states.ts), so every non-empty logged value of a column of
 * another type than text must be one such conversion reads exactly: an amount with no more decimal
 * places than the column's scale (never rounded), a whole number, a plain number or fraction, a
 * boolean, an ISO date or timestamp. Anything else is a `data/bad-value` at its file, line and
 * column, and the run stops: a rounded amount or a date that fails mid-query would be worse.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ColumnDef, ColumnType, SourceDef } from '../model/types.js';
import { trackedFields } from '../resolve/point-in-time.js';
import { quoteIdentifier as q, stringLiteral } from '../sql/quote.js';
import { expectedText, textToType } from './column-read.js';
import { showValue } from './data-location.js';
import type { Database } from './duckdb.js';
import { moneyProblem } from './money-read.js';
import { PlaceLocator, type Place } from './record-lines.js';
import { checkRelationSql, PATH_COLUMN, ROW_COLUMN } from './source-sql.js';
import type { SourceFiles } from './source-files.js';

/** Bad values reported one by one; the rest are counted. */
const MAX_SHOWN = 10;

/** SQL true when the text `x` is a value of `column` as a change log writes it. */
function loggedValueSql(column: ColumnDef, x: string): string {
  const plain = (type: string): string => `TRY_CAST(${x} AS ${type}) IS NOT NULL`;
  const type: ColumnType = column.type.value;
  switch (type) {
    case 'string':
      return 'true';
    case 'money':
      return `${textToType(column, x)} IS NOT NULL`;
    case 'integer':
      return `(${textToType({ ...column, format: undefined }, x)} IS NOT NULL AND ${plain('INTEGER')})`;
    case 'number':
    case 'percent':
      return `isfinite(TRY_CAST(${x} AS DOUBLE))`;
    case 'boolean':
      return plain('BOOLEAN');
    case 'date':
      return plain('DATE');
    case 'timestamp':
      return plain('TIMESTAMP');
    default: {
      const never: never = type;
      return never;
    }
  }
}

/** What a logged value of `column` looks like, for the message. */
function loggedText(column: ColumnDef): string {
  switch (column.type.value) {
    case 'percent':
      return 'a plain fraction (0.15, not 15%)';
    case 'date':
      return 'an ISO date (YYYY-MM-DD)';
    case 'timestamp':
      return 'an ISO timestamp (YYYY-MM-DD HH:MM:SS)';
    default:
      return expectedText({ ...column, format: undefined });
  }
}

/**
 * Checks the logged values of `log` (a source with `changes:`) against the columns of `target`
 * they change; `files` are the log's files as its data check laid them out.
 */
export async function checkLoggedValues(db: Database, log: SourceDef, target: SourceDef, files: SourceFiles): Promise<Diagnostic[]> {
  const changes = log.changes;
  const fieldCol = changes === undefined ? undefined : log.columns.get(changes.field.value);
  const oldCol = changes === undefined ? undefined : log.columns.get(changes.old.value);
  const newCol = changes === undefined ? undefined : log.columns.get(changes.new.value);
  if (fieldCol === undefined || oldCol === undefined || newCol === undefined) return [];
  const typed = (trackedFields(log) ?? []).flatMap((f) => {
    const column = target.columns.get(f.value);
    return column === undefined || column.type.value === 'string' ? [] : [column];
  });
  if (typed.length === 0) return [];
  const relation = checkRelationSql(log, files, [fieldCol, oldCol, newCol], true);
  const side = (i: number, which: string): string =>
    `SELECT ${q(PATH_COLUMN)} AS p, ${q(ROW_COLUMN)} AS r, CAST(v0 AS VARCHAR) AS f, ${stringLiteral(which)} AS w, CAST(v${i} AS VARCHAR) AS x FROM rel`;
  const bad = typed.map((c) => `(f = ${stringLiteral(c.name)} AND NOT ${loggedValueSql(c, 'x')})`).join(' OR ');
  const rows = await db.query(
    `WITH rel AS (${relation}) SELECT p, r, f, w, x, count(*) OVER () AS n FROM (${side(1, 'old')} UNION ALL ${side(2, 'new')}) ` +
      `WHERE x IS NOT NULL AND (${bad}) ORDER BY p, r, w DESC LIMIT ${MAX_SHOWN}`,
  );
  if (rows.length === 0) return [];
  const places: Place[] = rows.map((row) => ({ path: String(row['p']), row: Number(row['r']) }));
  const locator = new PlaceLocator(log, files);
  locator.prepare(places);
  const out = rows.map((row, i) => {
    const column = target.columns.get(String(row['f']));
    const logColumn = row['w'] === 'old' ? oldCol : newCol;
    const value = String(row['x']);
    const money = column?.type.value === 'money' ? moneyProblem(column, value) : undefined;
    const expected = column === undefined ? 'a value of its type' : loggedText(column);
    return diagnostic(
      'data/bad-value',
      logColumn.span,
      `${showValue(value)} in column \`${logColumn.name}\`, a logged \`${String(row['f'])}\` of \`${target.id}\`, ${money?.message ?? `is not ${expected}`}`,
      {
        hint: money?.hint ?? `a change log's values are read as the column they change; write ${expected}`,
        location: places[i] === undefined ? undefined : locator.locate(places[i], logColumn),
        related: column === undefined ? undefined : [{ message: `\`${target.id}.${column.name}\` is declared here`, span: column.span }],
      },
    );
  });
  const total = Number(rows[0]?.['n'] ?? rows.length);
  if (total > rows.length)
    out.push(
      diagnostic(
        'data/bad-value',
        newCol.span,
        `and ${total - rows.length} more logged values of \`${log.id}\` that are not of their column's type`,
      ),
    );
  return out;
}
