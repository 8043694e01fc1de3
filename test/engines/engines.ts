/**
 * The engines the conformance tests run on besides DuckDB, and how test data gets there. Each
 * engine is available when its test variable is set (`KPIC_TEST_POSTGRES`: a connection URL, as
 * .ci/postgres.sh prints); CI also sets `KPIC_REQUIRE_POSTGRES`, which turns a missing engine
 * into a failure instead of a skipped suite. The data is the catalog's own: read from its files by
 * DuckDB as the catalog types them, written to a fresh schema as tables, and the catalog's sources
 * re-pointed at those tables.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../../src/engine/duckdb.js';
import { connectPostgres } from '../../src/engine/postgres.js';
import { declaredFilesReader } from '../../src/engine/source-readers.js';
import type { SqlEngine } from '../../src/engine/sql-engine.js';
import { moneyScale } from '../../src/model/money-scale.js';
import type { ColumnType, SourceDef } from '../../src/model/types.js';
import type { ResolvedCatalog } from '../../src/resolve/resolved.js';

/** The PostgreSQL URL of the test server, or undefined (failing when CI requires one). */
export function postgresUrl(): string | undefined {
  const url = process.env['KPIC_TEST_POSTGRES'];
  if ((url === undefined || url === '') && process.env['KPIC_REQUIRE_POSTGRES'] !== undefined) {
    throw new Error('KPIC_REQUIRE_POSTGRES is set but KPIC_TEST_POSTGRES is not: start a server with .ci/postgres.sh');
  }
  return url === '' ? undefined : url;
}

const PG_TYPES: Readonly<Record<ColumnType, string>> = {
  string: 'TEXT',
  integer: 'BIGINT',
  number: 'DOUBLE PRECISION',
  percent: 'DOUBLE PRECISION',
  money: 'NUMERIC',
  boolean: 'BOOLEAN',
  date: 'DATE',
  timestamp: 'TIMESTAMP',
};

const q = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** A fresh schema name for one test file's tables. */
export function freshSchema(): string {
  return `kpic_${randomBytes(5).toString('hex')}`;
}

const lit = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/**
 * Creates `schema` on the PostgreSQL server at `url` with one table per source of `resolved`
 * (named by the source id, typed by the declared types), filled with the rows DuckDB reads from
 * the source's files in `dataDir`: DuckDB writes them as CSV, the server reads that file with
 * `COPY` (the test server is local and the test user a superuser, as .ci/postgres.sh makes it).
 */
export async function loadIntoPostgres(url: string, schema: string, resolved: ResolvedCatalog, dataDir: string): Promise<void> {
  const reader = declaredFilesReader(resolved.catalog.sources, dataDir);
  const db = await openDatabase({ threads: 1 });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const folder = mkdtempSync(path.join(tmpdir(), 'kpic-load-'));
  chmodSync(folder, 0o755);
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${q(schema)} CASCADE; CREATE SCHEMA ${q(schema)}`);
    for (const source of resolved.catalog.sources.values()) {
      const columns = [...source.columns.values()];
      const types = columns.map((c) => (c.type.value === 'money' ? `NUMERIC(38, ${moneyScale(c)})` : PG_TYPES[c.type.value]));
      const table = `${q(schema)}.${q(source.id)}`;
      await client.query(
        `CREATE TABLE ${table} (${columns.map((c, i) => `${q(c.from?.value ?? c.name)} ${types[i] ?? 'TEXT'}`).join(', ')})`,
      );
      if (columns.length === 0) continue;
      const file = path.join(folder, `${source.id}.csv`);
      await db.run(`COPY (${reader.relation(source.id)}) TO ${lit(file)} (FORMAT csv, HEADER false)`);
      chmodSync(file, 0o644);
      await client.query(`COPY ${table} FROM ${lit(file)} WITH (FORMAT csv)`);
    }
  } finally {
    db.close();
    await client.end();
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Drops a schema made by {@link loadIntoPostgres}. */
export async function dropPostgresSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${q(schema)} CASCADE`);
  } finally {
    await client.end();
  }
}

/** `resolved` with every source reading the table of its id in `schema` instead of its files. */
export function tableCatalog(resolved: ResolvedCatalog, schema: string): ResolvedCatalog {
  const sources = new Map<string, SourceDef>();
  for (const [id, s] of resolved.catalog.sources) {
    sources.set(id, {
      ...s,
      path: { value: '', span: s.kindSpan },
      format: undefined,
      delimiter: undefined,
      table: { value: `${schema}.${id}`, span: s.kindSpan },
    });
  }
  return { ...resolved, catalog: { ...resolved.catalog, sources } };
}

/** Connects to the test server (throwing when it cannot). */
export async function connectTestPostgres(url: string): Promise<SqlEngine> {
  const engine = await connectPostgres(url);
  if ('error' in engine) throw new Error(engine.error);
  return engine;
}
