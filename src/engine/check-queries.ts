/**
 * The SQL of the data checks. Counting is cheap and always runs: for CSV and JSON one aggregate
 * query in the same scan that parses the file; for Parquet a few narrow queries that DuckDB
 * answers from footer statistics (null counts) or with fast grouping on one column each (`values`,
 * `unique`). Detail queries, which number every row to find file lines, run only for the checks
 * whose count is not zero.
 *
 * Uniqueness is counted on 64-bit hashes: equal values have equal hashes, so "no repeated hash"
 * proves "no repeated value", at about 60% of the cost of an exact distinct count. A repeated hash
 * (a real duplicate, or a collision, odds ~10⁻⁶ at 10M rows) is confirmed exactly by the detail query.
 */
import type { ColumnDef, SourceDef } from '../model/types.js';
import { quoteIdentifier as q, stringLiteral } from '../sql/quote.js';
import { textToType } from './column-read.js';
import { checkRelationSql, PATH_COLUMN, readParts, ROW_COLUMN } from './source-sql.js';
import type { SourceFiles } from './source-files.js';

/** The checks that apply to one declared column (index `i` = its `r<i>`/`v<i>` pair). */
export interface ColumnChecks {
  readonly i: number;
  readonly column: ColumnDef;
  /** The file value may fail to convert (text, or a Parquet type that does not fit). */
  readonly convert: boolean;
  /** The counting relation tests conversion cheaply in `"ok<i>"` (see `checkRelationSql`). */
  readonly tested: boolean;
  readonly required: boolean;
  readonly values: readonly string[] | undefined;
  readonly unique: boolean;
  /** The source's default time anchor, whose empty values are worth a warning. */
  readonly time: boolean;
}

/** Per-column counts from the counting queries; absent keys mean zero. */
export interface CheckCounts {
  readonly rows: number;
  readonly bad: ReadonlyMap<number, number>;
  readonly nulls: ReadonlyMap<number, number>;
  readonly notIn: ReadonlyMap<number, number>;
  /** An upper bound on rows repeating an earlier value (exact when zero). */
  readonly repeats: ReadonlyMap<number, number>;
}

/** Which checks each declared column needs, given how the files are read. */
export function planChecks(source: SourceDef, files: SourceFiles): ColumnChecks[] {
  const columns = [...source.columns.values()];
  const parts = readParts(source, files, columns, false);
  return columns.map((column, i) => ({
    i,
    column,
    convert: parts.some((p) => p.columns[i]?.read.fallible === true),
    tested: parts.some((p) => p.columns[i]?.read.valid !== undefined),
    required: column.required,
    values: column.values?.map((v) => v.value),
    unique: column.unique,
    time: source.time?.value === column.name,
  }));
}

const r = (i: number): string => q(`r${i}`);
const v = (i: number): string => q(`v${i}`);

/**
 * SQL true when column `c`'s typed value is present but not one of its `values`. Non-string
 * columns compare typed values (so `1.0` matches `values: [1]`); a listed value that is not of
 * the column's type matches nothing rather than failing the query.
 */
export function notInValuesSql(c: ColumnChecks): string {
  const list = c.values ?? [];
  if (list.length === 0) return `${v(c.i)} IS NOT NULL`;
  if (c.column.type.value === 'string') return `(${v(c.i)} IS NOT NULL AND ${v(c.i)} NOT IN (${list.map(stringLiteral).join(', ')}))`;
  const typed = list.map((value) => textToType(c.column, stringLiteral(value)));
  return `(${v(c.i)} IS NOT NULL AND NOT list_contains([${typed.join(', ')}], ${v(c.i)}))`;
}

/** SQL true when column `c` has a value that is not of its type. */
export function badValueSql(c: ColumnChecks): string {
  return `(${r(c.i)} IS NOT NULL AND ${v(c.i)} IS NULL)`;
}

/** SQL true when column `c` is empty. */
export function emptySql(c: ColumnChecks): string {
  return `${r(c.i)} IS NULL`;
}

/** A named aggregate of the counting queries. */
interface Aggregate {
  readonly name: string;
  readonly sql: string;
}

function aggregates(checks: readonly ColumnChecks[], withValues: boolean): { scan: Aggregate[]; stats: Aggregate[]; unique: Aggregate[] } {
  const scan: Aggregate[] = [];
  const stats: Aggregate[] = [];
  const unique: Aggregate[] = [];
  for (const c of checks) {
    const bad = c.tested ? `(${r(c.i)} IS NOT NULL AND NOT ${q(`ok${c.i}`)})` : badValueSql(c);
    if (c.convert) scan.push({ name: `bad${c.i}`, sql: `count(*) FILTER (WHERE ${bad})` });
    if (c.required || c.time) stats.push({ name: `null${c.i}`, sql: `count(*) - count(${r(c.i)})` });
    if (withValues && c.values !== undefined) scan.push({ name: `notin${c.i}`, sql: `count(*) FILTER (WHERE ${notInValuesSql(c)})` });
    // hash(NULL) is not NULL: leave NULLs out of the distinct count, as count(v) does.
    if (c.unique)
      unique.push({ name: `dup${c.i}`, sql: `count(${v(c.i)}) - count(DISTINCT hash(${v(c.i)})) FILTER (WHERE ${v(c.i)} IS NOT NULL)` });
  }
  return { scan, stats, unique };
}

function select(list: readonly Aggregate[], from: string): string {
  return `SELECT ${list.map((a) => `${a.sql} AS ${q(a.name)}`).join(', ')} FROM (${from})`;
}

/**
 * The counting queries. Each returns one row whose columns are named `rows`, `bad<i>`,
 * `null<i>`, `notin<i>`, `dup<i>`, or (the Parquet `values` query) rows of `col`, `rows`.
 */
export function countQueries(
  source: SourceDef,
  files: SourceFiles,
  checks: readonly ColumnChecks[],
): { sums: string[]; values: string | undefined; unique: ReadonlyMap<number, UniqueQueries> } {
  const relation = checkRelationSql(
    source,
    files,
    checks.map((c) => c.column),
    false,
  );
  const rows: Aggregate = { name: 'rows', sql: 'count(*)' };
  if (files.format !== 'parquet') {
    const { scan, stats, unique } = aggregates(checks, true);
    // Reading every declared column makes DuckDB validate it (UTF-8, JSON), so a file that
    // would fail the KPI query fails here instead, where it is reported well.
    const seen = checks.map((c) => ({ name: `seen${c.i}`, sql: `count(${r(c.i)})` }));
    return { sums: [select([rows, ...stats, ...scan, ...unique, ...seen], relation)], values: undefined, unique: new Map() };
  }
  // Parquet: keep the statistics-answerable counts apart so DuckDB need not scan for them.
  const { scan, stats } = aggregates(checks, false);
  const sums = [select([rows, ...stats], relation)];
  if (scan.length > 0) sums.push(select(scan, relation));
  const unique = new Map<number, UniqueQueries>();
  for (const c of checks.filter((x) => x.unique)) {
    unique.set(c.i, {
      sorted: sortedProofQuery(relation, v(c.i)),
      // A WHERE (rather than a FILTER) lets DuckDB drop NULLs early: about twice as fast.
      hashed: `SELECT count(*) - count(DISTINCT hash(${v(c.i)})) AS n FROM (${relation}) WHERE ${v(c.i)} IS NOT NULL`,
    });
  }
  const valueChecks = checks.filter((c) => c.values !== undefined);
  if (valueChecks.length === 0) return { sums, values: undefined, unique };
  // The relation is repeated in each branch, not shared through a CTE: DuckDB would materialise a
  // CTE used twice (every row, every column), where each inline branch scans one column.
  const branches = valueChecks.map(
    (c) => `SELECT ${c.i} AS col, ${v(c.i)} AS value, count(*) AS n FROM (${relation}) GROUP BY ${v(c.i)} HAVING ${notInValuesSql(c)}`,
  );
  const values = `SELECT col, sum(n) AS ${q('rows')} FROM (${branches.join(' UNION ALL ')}) GROUP BY col`;
  return { sums, values, unique };
}

/** The two ways of counting repeats of a unique Parquet column (see {@link sortedProofQuery}). */
export interface UniqueQueries {
  /** Cheap proof of uniqueness for columns stored in increasing order (most exported keys). */
  readonly sorted: string;
  /** Upper bound on repeated rows (exact when zero), in a column `n`. */
  readonly hashed: string;
}

/**
 * Proves that `value` never repeats in `relation` when its non-NULL values, read in one
 * sequence, strictly increase: then they are all distinct, whatever order the sequence has, so
 * the proof does not rely on DuckDB's scan order (only its speed does). Returns at most two rows
 * of one column `start`; the proof holds iff no row has `start` false and at most one has it true
 * (the sequence's first value). A streaming window, stopped at the first value that does not
 * increase: a scan for sorted keys (~6× cheaper than hashing 10M strings), nearly free otherwise.
 */
export function sortedProofQuery(relation: string, value: string): string {
  const key = q('$key');
  const prev = q('$prev');
  return (
    `SELECT ${prev} IS NULL AS start FROM (SELECT ${value} AS ${key}, lag(${value}) OVER () AS ${prev} FROM (${relation}) WHERE ${value} IS NOT NULL) ` +
    `WHERE ${prev} IS NULL OR ${prev} >= ${key} LIMIT 2`
  );
}

/** Whether the rows of a {@link sortedProofQuery} prove uniqueness. */
export function provesUnique(rows: readonly { readonly [key: string]: unknown }[]): boolean {
  return rows.length <= 1 && rows.every((row) => row['start'] === true);
}

/** A kind of per-row problem the detail query looks for. */
export type RowProblem = 'bad' | 'required' | 'values';

/**
 * Rows with per-column problems, grouped by (kind, column, value): the count and the first 20
 * places (`{path, row}`) of each group, for the 20 groups of each kind and column that occur first.
 */
export function problemDetailQuery(
  source: SourceDef,
  files: SourceFiles,
  checks: readonly ColumnChecks[],
  wanted: readonly { kind: RowProblem; c: ColumnChecks }[],
): string {
  const relation = checkRelationSql(
    source,
    files,
    checks.map((c) => c.column),
    true,
  );
  const cases = wanted.map(({ kind, c }) => {
    const condition = kind === 'bad' ? badValueSql(c) : kind === 'required' ? emptySql(c) : notInValuesSql(c);
    const value = kind === 'required' ? 'NULL::VARCHAR' : kind === 'bad' ? `CAST(${r(c.i)} AS VARCHAR)` : `CAST(${v(c.i)} AS VARCHAR)`;
    return { condition, struct: `CASE WHEN ${condition} THEN {'k': ${stringLiteral(kind)}, 'c': ${c.i}, 'v': ${value}} END` };
  });
  const place = `{'path': ${q(PATH_COLUMN)}, 'row': ${q(ROW_COLUMN)}}`;
  const problems = `SELECT ${q(PATH_COLUMN)}, ${q(ROW_COLUMN)}, unnest([${cases.map((x) => x.struct).join(', ')}]) AS p FROM (${relation}) WHERE ${cases.map((x) => x.condition).join(' OR ')}`;
  return (
    `SELECT p.k AS kind, p.c AS col, p.v AS value, count(*) AS n, min(${place}, 20) AS firsts ` +
    `FROM (${problems}) WHERE p IS NOT NULL GROUP BY kind, col, value ` +
    `QUALIFY row_number() OVER (PARTITION BY kind, col ORDER BY firsts[1]) <= 20`
  );
}

/**
 * Repeated values of unique columns: per column, the total number of repeated values and of rows
 * holding them, and the 5 repeated values that occur first with their first 5 places.
 */
export function uniqueDetailQuery(
  source: SourceDef,
  files: SourceFiles,
  checks: readonly ColumnChecks[],
  columns: readonly ColumnChecks[],
): string {
  const relation = checkRelationSql(
    source,
    files,
    checks.map((c) => c.column),
    true,
  );
  const place = `{'path': ${q(PATH_COLUMN)}, 'row': ${q(ROW_COLUMN)}}`;
  const branches = columns.map(
    (c) =>
      `SELECT ${c.i} AS col, CAST(${v(c.i)} AS VARCHAR) AS value, count(*) AS n, min(${place}, 5) AS firsts ` +
      `FROM rel WHERE ${v(c.i)} IS NOT NULL GROUP BY ${v(c.i)} HAVING count(*) > 1`,
  );
  return (
    `WITH rel AS (${relation}) SELECT col, value, n, firsts, count(*) OVER (PARTITION BY col) AS repeated, ` +
    `sum(n) OVER (PARTITION BY col) AS ${q('rows')} FROM (${branches.join(' UNION ALL ')}) ` +
    `QUALIFY row_number() OVER (PARTITION BY col ORDER BY firsts[1]) <= 5`
  );
}
