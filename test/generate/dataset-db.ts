/**
 * Test helper: a DuckDB connection with one table per generated table, read once with the column
 * types of generator/schema.ts (never guessed), and a query function returning plain rows.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { join } from 'node:path';
import { TABLE_NAMES, TABLES, type ColumnType } from '../../generator/schema.js';

const SQL_TYPES: Record<ColumnType, string> = {
  string: 'VARCHAR',
  integer: 'BIGINT',
  money: 'DECIMAL(18,2)',
  fraction: 'DOUBLE',
  date: 'DATE',
  timestamp: 'TIMESTAMP',
};

/** A data set opened for SQL checks. */
export interface DatasetDb {
  /** Rows of a query, with BIGINT and DECIMAL as numbers and dates as `YYYY-MM-DD` strings. */
  rows(sql: string): Promise<Record<string, unknown>[]>;
  /** The single value of a one-row, one-column query. */
  value(sql: string): Promise<unknown>;
  close(): void;
}

/** Opens the CSV files of `dir`. */
export async function openDataset(dir: string): Promise<DatasetDb> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection: DuckDBConnection = await instance.connect();
  for (const table of TABLE_NAMES) {
    const columns = TABLES[table].map((c) => `'${c.name}': '${SQL_TYPES[c.type]}'`).join(', ');
    await connection.run(
      `CREATE TABLE ${table} AS SELECT * FROM read_csv('${join(dir, `${table}.csv`)}', header = true, ` +
        `auto_detect = false, nullstr = '', columns = {${columns}})`,
    );
  }
  const rows = async (sql: string): Promise<Record<string, unknown>[]> => {
    const reader = await connection.runAndReadAll(sql);
    return reader.getRowObjectsJson().map((row) => {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(row)) out[k] = typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
      return out;
    });
  };
  return {
    rows,
    async value(sql) {
      const [row] = await rows(sql);
      return row === undefined ? undefined : Object.values(row)[0];
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
