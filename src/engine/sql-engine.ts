/**
 * A database server kpic runs a query on instead of its own in-memory DuckDB over files
 * (PostgreSQL): its dialect, how to run a query, and what it knows of a table. The
 * adapter (postgres.ts) is loaded only by commands that connect to one.
 */
import type { Dialect } from '../sql/dialect.js';
import type { Row } from './duckdb.js';

/** The engines a command can run on (`--engine`; the CLI lists them in src/cli/engine-spec.ts). */
export type EngineName = 'duckdb' | 'postgres';

/** What the engine's type of a table column can hold, as far as the data contract cares. */
export type ColumnCategory = 'text' | 'integer' | 'decimal' | 'real' | 'boolean' | 'date' | 'timestamp' | 'other';

/** A column of a table or view, as the engine describes it. */
export interface TableColumn {
  readonly name: string;
  /** The engine's own name of the type (`numeric(12,2)`, `text`), for messages. */
  readonly type: string;
  readonly category: ColumnCategory;
  /** Decimal places of an exact decimal type with a declared scale (integers: 0). */
  readonly scale?: number | undefined;
}

/** A connected engine. */
export interface SqlEngine {
  readonly kind: 'sql-engine';
  readonly name: EngineName;
  readonly dialect: Dialect;
  /** Where it runs, for messages (never with a password). */
  readonly where: string;
  /** Runs one query and returns its rows, converted as DuckDB's are (exact decimals as `Decimal`, dates as ISO text). */
  query(sql: string): Promise<Row[]>;
  /** The columns of a table or view (`parts`: schema and name as written), undefined when there is none. */
  describe(parts: readonly string[]): Promise<readonly TableColumn[] | undefined>;
  /** Disconnects; safe to call twice. */
  close(): Promise<void>;
}
