/**
 * The data contract, enforced on read. Before a source is computed on, its files are checked:
 * every declared column present, every value of its declared type, `required` columns filled,
 * `unique` columns without repeats, `values` respected. A problem is reported at the file, line
 * and column where it is, and at the column's declaration in the catalog.
 *
 * By default any problem is an error and the caller must not compute. With a quarantine file, the
 * rows that break the contract go to its text (with their line and the reason; the caller writes
 * it once the run succeeded), are left out of the source's relation, and the problems become
 * warnings.
 *
 * Cost: counting runs on every `kpic run`, so it is one scan for CSV/JSON and, for Parquet, footer
 * statistics plus narrow scans (see check-queries.ts); only non-zero counts trigger the slower
 * detail queries that find line numbers.
 */
import { diagnostic, hasErrors, type Diagnostic, type PhaseResult, type Severity } from '../diagnostics/diagnostic.js';
import type { SourceDef } from '../model/types.js';
import { stringLiteral } from '../sql/quote.js';
import { checkFingerprint, type CheckCache } from './check-cache.js';
import { partitionProblems } from './check-partitions.js';
import { isOutOfMemory } from './out-of-memory.js';
import { partitionRanges } from './hive-partitions.js';
import {
  countQueries,
  planChecks,
  provesUnique,
  problemDetailQuery,
  uniqueDetailQuery,
  type CheckCounts,
  type ColumnChecks,
  type RowProblem,
} from './check-queries.js';
import { problemDiagnostics, uniqueDiagnostics, type ProblemGroup, type RepeatGroup } from './check-messages.js';
import type { Database, Row } from './duckdb.js';
import { readLayouts } from './file-layout.js';
import { duckdbReason, locateCsvProblems, malformedFromError } from './malformed.js';
import { quarantineRows, type OutputFile } from './quarantine.js';
import { PlaceLocator, placeUnit, type Place } from './record-lines.js';
import { sourceRelationSql } from './source-sql.js';
import type { SourceFiles } from './source-files.js';

export { checkJoinKeys } from './check-join-keys.js';
export { memoryCheckCache, type CheckCache } from './check-cache.js';

/** Options of {@link checkSourceData}. */
export interface CheckOptions {
  /** Write rows that break the contract to this CSV file and leave them out, instead of failing. */
  readonly quarantine?: string | undefined;
  /** Remembers clean results so unchanged files are not checked again (see check-cache.ts). */
  readonly cache?: CheckCache | undefined;
  /**
   * The data folder: files below it in `year=`/`quarter=`/`month=`/`day=` folders are checked to
   * hold only rows of their folder's dates (check-partitions.ts).
   */
  readonly dataDir?: string | undefined;
}

/** A source whose data passed the checks (or whose bad rows were quarantined). */
export interface CheckedSource {
  readonly source: string;
  /** The files, with the layouts the checks read (pass these to `sourceRelationSql`). */
  readonly files: SourceFiles;
  /** Rows in the files. */
  readonly rows: number;
  /** Rows written to the quarantine file and left out of {@link CheckedSource.sql}. */
  readonly quarantined: number;
  /**
   * A `SELECT` of the clean rows with every declared column, to compute on. Selecting only some
   * of its columns is cheap: DuckDB pushes the projection down into the file scan. When nothing
   * was quarantined it equals `sourceRelationSql(source, files, { checked: true })`.
   */
  readonly sql: string;
  /** The quarantine file to write once the run succeeds (only when rows were quarantined). */
  readonly quarantineFile?: OutputFile | undefined;
}

/** Checks one source's files against its data contract; see the module comment. */
export async function checkSourceData(
  db: Database,
  source: SourceDef,
  files: SourceFiles,
  options: CheckOptions = {},
): Promise<PhaseResult<CheckedSource>> {
  const fingerprint = options.cache === undefined || options.quarantine !== undefined ? undefined : checkFingerprint(source, files);
  const key = fingerprint === undefined || options.dataDir === undefined ? fingerprint : `${fingerprint}:partitions`;
  const hit = key === undefined ? undefined : options.cache?.get(key);
  if (hit !== undefined) return { value: hit.checked, diagnostics: hit.diagnostics };
  const checked = await checkUncached(db, source, files, options);
  const ranges = options.dataDir === undefined || hasErrors(checked.diagnostics) ? undefined : partitionRanges(files, options.dataDir);
  const result =
    ranges === undefined || ranges.size === 0
      ? checked
      : { ...checked, diagnostics: [...checked.diagnostics, ...(await partitionProblems(db, source, checked.value.files, ranges))] };
  if (key !== undefined && !hasErrors(result.diagnostics))
    options.cache?.set(key, { checked: result.value, diagnostics: result.diagnostics });
  return result;
}

async function checkUncached(
  db: Database,
  source: SourceDef,
  files: SourceFiles,
  options: CheckOptions,
): Promise<PhaseResult<CheckedSource>> {
  if (files.paths.length === 0)
    throw new Error(`source ${source.id} has no files; report locateSourceFiles' diagnostics instead of checking`);
  const failed = (diagnostics: readonly Diagnostic[]): PhaseResult<CheckedSource> => ({
    value: { source: source.id, files, rows: 0, quarantined: 0, sql: sourceRelationSql(source, files) },
    diagnostics,
  });
  const formatProblems = await checkFormats(db, source);
  if (formatProblems.length > 0) return failed(formatProblems);

  const layouts = await readLayouts(db, source, files);
  if (hasErrors(layouts.diagnostics)) return failed(layouts.diagnostics);
  const laid: SourceFiles = { ...files, layouts: layouts.value };
  const checks = planChecks(source, laid);

  let counts: CheckCounts;
  try {
    counts = await runCounts(db, source, laid, checks);
  } catch (error) {
    return failed(readFailure(source, laid, error));
  }

  const severity: Severity = options.quarantine === undefined ? 'error' : 'warning';
  const locator = new PlaceLocator(source, laid);
  const diagnostics: Diagnostic[] = [...layouts.diagnostics, ...nullTimeWarnings(source, checks, counts)];

  const wanted: { kind: RowProblem; c: ColumnChecks }[] = [];
  for (const c of checks) {
    if ((counts.bad.get(c.i) ?? 0) > 0) wanted.push({ kind: 'bad', c });
    if (c.required && (counts.nulls.get(c.i) ?? 0) > 0) wanted.push({ kind: 'required', c });
    if ((counts.notIn.get(c.i) ?? 0) > 0) wanted.push({ kind: 'values', c });
  }
  const uniqueSuspects = checks.filter((c) => (counts.repeats.get(c.i) ?? 0) > 0);

  const problems = wanted.length === 0 ? [] : (await db.query(problemDetailQuery(source, laid, checks, wanted))).map(toProblemGroup);
  const repeats =
    uniqueSuspects.length === 0 ? [] : (await db.query(uniqueDetailQuery(source, laid, checks, uniqueSuspects))).map(toRepeatGroup);
  locator.prepare([...problems.flatMap((g) => g.firsts), ...repeats.flatMap((g) => g.firsts)]);
  diagnostics.push(
    ...problemDiagnostics(checks, problems, counts, locator, placeUnit(laid), severity),
    ...uniqueDiagnostics(checks, repeats, locator, placeUnit(laid), severity),
  );

  const clean: CheckedSource = {
    source: source.id,
    files: laid,
    rows: counts.rows,
    quarantined: 0,
    sql: sourceRelationSql(source, laid, { checked: problems.length === 0 }),
  };
  const confirmedRepeats = new Set(repeats.map((g) => g.col));
  if (problems.length === 0 && confirmedRepeats.size === 0) return { value: clean, diagnostics };
  if (options.quarantine === undefined) return { value: clean, diagnostics };

  const flagged = {
    bad: checks.filter((c) => (counts.bad.get(c.i) ?? 0) > 0),
    required: checks.filter((c) => c.required && (counts.nulls.get(c.i) ?? 0) > 0),
    values: checks.filter((c) => (counts.notIn.get(c.i) ?? 0) > 0),
    unique: checks.filter((c) => confirmedRepeats.has(c.i)),
  };
  const result = await quarantineRows(db, source, laid, checks, flagged, options.quarantine);
  diagnostics.push(
    diagnostic(
      'data/quarantined',
      source.idSpan,
      `${result.rows.toLocaleString('en-US')} of ${counts.rows.toLocaleString('en-US')} rows of source \`${source.id}\` break its data contract; they were written to \`${result.display}\` and are left out of the results`,
    ),
  );
  return { value: { ...clean, quarantined: result.rows, sql: result.sql, quarantineFile: result.file }, diagnostics };
}

/** Every `format:` must be a strptime format DuckDB understands; a bad one stops the source. */
async function checkFormats(db: Database, source: SourceDef): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  for (const column of source.columns.values()) {
    const format = column.format;
    if (format === undefined) continue;
    try {
      await db.query(`SELECT try_strptime('2000-01-01', ${stringLiteral(format.value)})`);
    } catch (error) {
      out.push(
        diagnostic('data/bad-format', format.span, `\`${format.value}\` is not a date format: ${duckdbReason(error)}`, {
          hint: 'use strptime codes, e.g. `%m/%d/%Y` or `%d.%m.%Y %H:%M`',
        }),
      );
    }
  }
  return out;
}

/** Runs the counting queries and gathers their numbers by column. */
async function runCounts(db: Database, source: SourceDef, files: SourceFiles, checks: readonly ColumnChecks[]): Promise<CheckCounts> {
  const queries = countQueries(source, files, checks);
  const merged = new Map<string, number>();
  for (const sql of queries.sums) {
    const row = (await db.query(sql))[0];
    for (const [key, value] of Object.entries(row ?? {})) merged.set(key, Number(value ?? 0));
  }
  const notIn = new Map<number, number>();
  if (queries.values !== undefined) {
    for (const row of await db.query(queries.values)) notIn.set(Number(row['col']), Number(row['rows']));
  }
  const byPrefix = (prefix: string): Map<number, number> => {
    const out = new Map<number, number>();
    for (const [key, value] of merged) {
      if (key.startsWith(prefix) && /^\d+$/.test(key.slice(prefix.length)) && value > 0) out.set(Number(key.slice(prefix.length)), value);
    }
    return out;
  };
  for (const [i, n] of byPrefix('notin')) notIn.set(i, n);
  const repeats = byPrefix('dup');
  for (const [i, unique] of queries.unique) {
    if (provesUnique(await db.query(unique.sorted))) continue;
    const n = Number((await db.query(unique.hashed))[0]?.['n'] ?? 0);
    if (n > 0) repeats.set(i, n);
  }
  return { rows: merged.get('rows') ?? 0, bad: byPrefix('bad'), nulls: byPrefix('null'), notIn, repeats };
}

/** DuckDB errors that mean the SQL is wrong (a kpic bug), not that the data is. */
const BUG_ERRORS = /^(Binder|Parser|Catalog|Not implemented|INTERNAL) Error/;

function readFailure(source: SourceDef, files: SourceFiles, error: unknown): Diagnostic[] {
  const message = error instanceof Error ? error.message : String(error);
  if (BUG_ERRORS.test(message) || isOutOfMemory(error)) throw error;
  if (files.format === 'csv') {
    const located = locateCsvProblems(source, files);
    if (located.length > 0) return located;
  }
  return [malformedFromError(source, files, undefined, error)];
}

/**
 * A warning for rows without a default time anchor: they belong to no period. Not when the column
 * says `required: false`: the catalog then states that such rows are expected (open deals
 * without a close date), and the hint must not ask for the opposite.
 */
function nullTimeWarnings(source: SourceDef, checks: readonly ColumnChecks[], counts: CheckCounts): Diagnostic[] {
  const c = checks.find((x) => x.time && !x.required);
  const n = c === undefined ? 0 : (counts.nulls.get(c.i) ?? 0);
  if (c === undefined || n === 0 || source.time === undefined || c.column.optional === true) return [];
  return [
    diagnostic(
      'data/null-time-anchor',
      source.time.span,
      `${n.toLocaleString('en-US')} of ${counts.rows.toLocaleString('en-US')} rows of source \`${source.id}\` have no \`${c.column.name}\`, so they belong to no period`,
      {
        hint: `if rows without \`${c.column.name}\` are expected, say so with \`required: false\` on the column (this warning then stays quiet); if not, fill it in the export or refuse such rows with \`required: true\``,
      },
    ),
  ];
}

function places(value: unknown): Place[] {
  if (!Array.isArray(value)) return [];
  return value.map((p: Row) => ({ path: String(p['path']), row: Number(p['row']) }));
}

function toProblemGroup(row: Row): ProblemGroup {
  return {
    kind: String(row['kind']) as RowProblem,
    col: Number(row['col']),
    value: row['value'] === null ? null : String(row['value']),
    count: Number(row['n']),
    firsts: places(row['firsts']),
  };
}

function toRepeatGroup(row: Row): RepeatGroup {
  return {
    col: Number(row['col']),
    value: String(row['value']),
    count: Number(row['n']),
    firsts: places(row['firsts']),
    repeatedValues: Number(row['repeated']),
    rows: Number(row['rows']),
  };
}
