/**
 * Quarantine: the rows that break a source's contract are written to a CSV file — with their
 * data file, line, the reasons, and their values as the file had them — and the source's clean
 * rows are kept in a temporary table that the KPIs then read. The file's text is returned, not
 * written: the caller writes it only once the whole run succeeded, so a failed run leaves any
 * earlier quarantine file as it was.
 *
 * The first row holding a value of a unique column stays; later rows with that value go.
 */
import type { SourceDef } from '../model/types.js';
import { quoteIdentifier as q, stringLiteral } from '../sql/quote.js';
import { badValueSql, emptySql, notInValuesSql, type ColumnChecks } from './check-queries.js';
import { expectedText } from './column-read.js';
import { displayPath } from './data-location.js';
import type { Database } from './duckdb.js';
import { PlaceLocator } from './record-lines.js';
import { checkRelationSql, fileName, PATH_COLUMN, ROW_COLUMN } from './source-sql.js';
import type { SourceFiles } from './source-files.js';

/** The columns with problems of each kind (only those need a test per row). */
export interface FlaggedChecks {
  readonly bad: readonly ColumnChecks[];
  readonly required: readonly ColumnChecks[];
  readonly values: readonly ColumnChecks[];
  readonly unique: readonly ColumnChecks[];
}

/** A file a run writes once it succeeded: its absolute path and its whole text. */
export interface OutputFile {
  readonly path: string;
  readonly text: string;
}

/** What quarantining did. */
export interface QuarantineResult {
  /** Rows written to the quarantine file. */
  readonly rows: number;
  /** The quarantine file as the user would write its path. */
  readonly display: string;
  /** A `SELECT` of the clean rows, every declared column. */
  readonly sql: string;
  /** The quarantine file to write. */
  readonly file: OutputFile;
}

/** Puts the bad rows in the text of the quarantine file `target`, keeps the clean ones in a temporary table. */
export async function quarantineRows(
  db: Database,
  source: SourceDef,
  files: SourceFiles,
  checks: readonly ColumnChecks[],
  flagged: FlaggedChecks,
  target: string,
): Promise<QuarantineResult> {
  const relation = checkRelationSql(
    source,
    files,
    checks.map((c) => c.column),
    true,
  );
  const dup = (c: ColumnChecks): string => q(`$d${c.i}`);
  const windows = flagged.unique.map(
    (c) => `row_number() OVER (PARTITION BY ${q(`v${c.i}`)} ORDER BY ${q(PATH_COLUMN)}, ${q(ROW_COLUMN)}) AS ${dup(c)}`,
  );
  const reason = (condition: string, text: string): string => `CASE WHEN ${condition} THEN ${stringLiteral(text)} END`;
  const reasons = [
    ...flagged.bad.map((c) => reason(badValueSql(c), `${c.column.name} is not ${expectedText(c.column)}`)),
    ...flagged.required.map((c) => reason(emptySql(c), `${c.column.name} is empty but required`)),
    ...flagged.values.map((c) => reason(notInValuesSql(c), `${c.column.name} is not one of its values`)),
    ...flagged.unique.map((c) => reason(`${q(`v${c.i}`)} IS NOT NULL AND ${dup(c)} > 1`, `${c.column.name} repeats an earlier row`)),
  ];
  const rowsTable = q(`kpic_rows_${source.id}`);
  const cleanTable = q(`kpic_clean_${source.id}`);
  const withWindows = windows.length === 0 ? relation : `SELECT *, ${windows.join(', ')} FROM (${relation})`;
  await db.run(
    `CREATE OR REPLACE TEMP TABLE ${rowsTable} AS SELECT *, concat_ws('; ', ${reasons.join(', ')}) AS ${q('$reason')} FROM (${withWindows})`,
  );
  try {
    const raw = checks.map((c) => `CAST(${q(`r${c.i}`)} AS VARCHAR) AS ${q(`r${c.i}`)}`);
    const bad = await db.query(
      `SELECT ${q(PATH_COLUMN)}, ${q(ROW_COLUMN)}, ${q('$reason')}, ${raw.join(', ')} FROM ${rowsTable} ` +
        `WHERE ${q('$reason')} <> '' ORDER BY ${q(PATH_COLUMN)}, ${q(ROW_COLUMN)}`,
    );
    const locator = new PlaceLocator(source, files);
    const places = bad.map((row) => ({ path: String(row[PATH_COLUMN]), row: Number(row[ROW_COLUMN]) }));
    locator.prepare(places);
    const header = ['file', 'line', 'reason', ...checks.map((c) => fileName(c.column))];
    const lines = [header.map(csvField).join(',')];
    bad.forEach((row, k) => {
      const place = places[k] ?? { path: '', row: 0 };
      const values = checks.map((c) => row[`r${c.i}`]);
      const fields = [
        displayPath(place.path),
        String(locator.line(place)),
        String(row['$reason']),
        ...values.map((v) => (v === null || v === undefined ? '' : String(v))),
      ];
      lines.push(fields.map(csvField).join(','));
    });

    const columns = checks.map((c) => `${q(`v${c.i}`)} AS ${q(c.column.name)}`);
    await db.run(`CREATE OR REPLACE TEMP TABLE ${cleanTable} AS SELECT ${columns.join(', ')} FROM ${rowsTable} WHERE ${q('$reason')} = ''`);
    const file = { path: target, text: `${lines.join('\n')}\n` };
    return { rows: bad.length, display: displayPath(target), sql: `SELECT * FROM ${cleanTable}`, file };
  } finally {
    await db.run(`DROP TABLE IF EXISTS ${rowsTable}`);
  }
}

/** One CSV field, quoted when it holds a comma, a quote, a line break or edge spaces. */
function csvField(text: string): string {
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
