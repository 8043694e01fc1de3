/**
 * A thin wrapper over `@duckdb/node-api`: an in-memory database whose query results are plain
 * JavaScript rows. This module and duckdb-connection.ts (loaded lazily) are the only ones that
 * touch DuckDB; everything else sees `Database`.
 *
 * Value conversion (DuckDB type → JavaScript):
 * - DECIMAL → {@link Decimal}, exact (money values never pass through a double on the way out).
 * - every integer type, HUGEINT, FLOAT, DOUBLE → `number`. Integers beyond ±2^53 lose precision;
 *   counts stay far below that.
 * - DATE → `'YYYY-MM-DD'`; TIMESTAMP (any precision) → `'YYYY-MM-DD HH:MM:SS'` with a fraction
 *   only when it is non-zero; TIMESTAMPTZ → the same in UTC, suffixed `+00`.
 * - VARCHAR, ENUM, UUID → `string`; BOOLEAN → `boolean`; NULL → `null`; LIST/ARRAY → arrays and
 *   STRUCT → objects (null-prototype), converted recursively; anything else → its text form.
 */
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Decimal } from '../model/decimal.js';

/** A converted value of one result cell. */
export type Value = string | number | boolean | null | Decimal | readonly Value[] | { readonly [key: string]: Value };

/**
 * One result row: column name → value. The object has no prototype, so a column named like an
 * `Object.prototype` member (`constructor`, `__proto__`) is an ordinary key.
 */
export type Row = Readonly<Record<string, Value>>;

/** A result column: its name and its DuckDB type as SQL text (`BIGINT`, `DECIMAL(18,2)`). */
export interface ColumnInfo {
  readonly name: string;
  readonly type: string;
}

/** A whole query result. Repeated column names are made unique (`x`, `x:1`), as node-api does. */
export interface QueryResult {
  readonly columns: readonly ColumnInfo[];
  readonly rows: readonly Row[];
}

/** An open in-memory DuckDB database with one connection. */
export interface Database {
  /** Runs one statement (or several separated by `;`) and returns the last one's rows. */
  query(sql: string): Promise<Row[]>;
  /**
   * Like {@link Database.query}, but streams: `onRows` gets the rows a chunk (about 2,048) at a
   * time as DuckDB produces them, so a result of millions of rows is never held whole.
   */
  queryEach(sql: string, onRows: (rows: readonly Row[]) => void): Promise<void>;
  /** Like {@link Database.query}, with the result's column names and types. */
  queryResult(sql: string): Promise<QueryResult>;
  /** Runs statements for their effect (DDL, COPY, SET), discarding any result. */
  run(sql: string): Promise<void>;
  /**
   * Appends rows to an existing table of VARCHAR, DOUBLE and BOOLEAN columns, in column order,
   * without SQL text (DuckDB's appender): the fast way to load many rows.
   */
  append(table: string, rows: Iterable<readonly (string | number | boolean | null)[]>): Promise<void>;
  /** Closes the connection and the database; later calls fail. Safe to call twice. */
  close(): void;
}

/** Options of {@link openDatabase}. */
export interface OpenOptions {
  /** Worker threads (DuckDB's default: one per core). */
  readonly threads?: number;
  /** DuckDB memory limit, e.g. `'4GB'`; beyond it, DuckDB spills to a temporary folder of its own. */
  readonly memoryLimit?: string | undefined;
}

/** Opens a fresh in-memory database. */
export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  const settings: Record<string, string> = {};
  if (options.threads !== undefined) settings['threads'] = String(options.threads);
  if (options.memoryLimit !== undefined) {
    settings['memory_limit'] = options.memoryLimit;
    // What does not fit spills to a folder of this process's own (DuckDB's default is `.tmp` in
    // the working directory); DuckDB removes its files when the database closes.
    settings['temp_directory'] = path.join(tmpdir(), `kpic-spill-${process.pid}-${randomBytes(4).toString('hex')}`);
  }
  // DuckDB (a native module, ~0.1 s to load) is loaded only by commands that open a database.
  const { connectInMemory } = await import('./duckdb-connection.js');
  return connectInMemory(settings);
}
