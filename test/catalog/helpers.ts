/**
 * Shared by the catalog tests: where the shipped catalog and the committed example data are, a
 * DuckDB database with the example CSVs as typed views (for hand-written SQL), and cell-by-cell
 * comparison of kpic results with expected values.
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { expect } from 'vitest';
import { openDatabase, type Database } from '../../src/engine/duckdb.js';
import { TABLES, TABLE_NAMES, type ColumnType } from '../../generator/schema.js';
import { checkCatalog, type CheckedCatalog } from '../../src/check-catalog.js';
import type { QueryRequest } from '../../src/query/request.js';
import { assertValid, runChecked, type PlainRow } from '../helpers/workspace.js';

/** The shipped catalog folder. */
export const CATALOG_DIR = fileURLToPath(new URL('../../catalog', import.meta.url));
/** The committed example data (the catalog's `data:`). */
export const DATA_DIR = fileURLToPath(new URL('../../examples/data', import.meta.url));

let checked: CheckedCatalog | undefined;

/**
 * The shipped catalog, loaded, validated and resolved once per test process (its files do not
 * change while tests run; every test reads the result, none changes it).
 */
export function checkShippedCatalog(): CheckedCatalog {
  checked ??= checkCatalog(CATALOG_DIR);
  return checked;
}

/** Runs the shipped catalog on the example data (failing with its diagnostics if anything is invalid). */
export function runCatalog(request: QueryRequest): Promise<PlainRow[]> {
  const catalog = checkShippedCatalog();
  assertValid(catalog);
  return runChecked(catalog, request, DATA_DIR);
}

const SQL_TYPES = {
  string: 'VARCHAR',
  integer: 'BIGINT',
  money: 'DOUBLE',
  fraction: 'DOUBLE',
  date: 'DATE',
  timestamp: 'TIMESTAMP',
} as const satisfies Record<ColumnType, string>;

/**
 * A database with one table per example table, read once with `read_csv` and the column types of
 * the generator's data dictionary (so the hand-written SQL does not depend on type sniffing, and
 * each query does not parse the CSVs again).
 */
export async function openExampleData(dataDir: string = DATA_DIR): Promise<Database> {
  const db = await openDatabase();
  for (const name of TABLE_NAMES) {
    const columns = TABLES[name].map((c) => `'${c.name}': '${SQL_TYPES[c.type]}'`).join(', ');
    const file = path.join(dataDir, `${name}.csv`).replaceAll("'", "''");
    await db.run(`CREATE TABLE ${name} AS SELECT * FROM read_csv('${file}', header = true, columns = {${columns}})`);
  }
  return db;
}

/** The key of a result cell: period and breakdown values. */
function cellKey(period: string, dims: readonly (string | number | boolean | null | undefined)[]): string {
  return [period, ...dims.map((d) => (d === null || d === undefined ? '∅' : String(d)))].join('|');
}

/** Expected values by {@link cellKey}, from SQL rows with `period`, the `by` columns and `value`. */
export function expectedCells(rows: readonly Record<string, unknown>[], by: readonly string[]): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const r of rows) {
    const v = r['value'];
    out.set(
      cellKey(
        String(r['period']),
        by.map((b) => r[b] as string | null),
      ),
      v === null || v === undefined ? null : Number(v),
    );
  }
  return out;
}

/** `a` and `b` agree within 1e-9 relative (exactly, for nulls and zeros). */
export function close(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  if (a === b) return true;
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

/**
 * Compares every kpic cell of `kpi` with the expected values. A cell the SQL has no row for is
 * expected to be `empty` (0 for counts and sums, null for ratios and averages); every SQL row
 * must be a kpic cell. Reports all mismatches at once.
 */
export function expectCells(
  rows: readonly PlainRow[],
  kpi: string,
  by: readonly string[],
  expected: ReadonlyMap<string, number | null>,
  empty: 0 | null,
): void {
  const mine = rows.filter((r) => r['kpi'] === kpi);
  expect(mine.length, `${kpi} has no rows`).toBeGreaterThan(0);
  const seen = new Set<string>();
  const wrong: string[] = [];
  for (const r of mine) {
    const key = cellKey(
      String(r['period']),
      by.map((b) => r[b] as string | null),
    );
    seen.add(key);
    const want = expected.has(key) ? (expected.get(key) ?? null) : empty;
    const got = r['value'] as number | null;
    if (!close(got, want)) wrong.push(`${key}: kpic ${String(got)}, SQL ${String(want)}`);
  }
  for (const [key, value] of expected) {
    if (!seen.has(key) && value !== empty && value !== null) wrong.push(`${key}: missing in kpic, SQL ${String(value)}`);
  }
  expect(wrong, `${kpi} by [${by.join(', ')}]`).toEqual([]);
}
