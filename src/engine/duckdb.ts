/**
 * A thin wrapper over `@duckdb/node-api`: an in-memory database whose query results are plain
 * JavaScript rows. The only module of kpic that imports DuckDB; everything else sees `Database`.
 *
 * Value conversion (DuckDB type → JavaScript):
 * - every integer type, HUGEINT, DECIMAL, FLOAT, DOUBLE → `number`. Integers beyond ±2^53 and
 *   DECIMALs with more than ~15 significant digits lose precision; KPI values (sums of money,
 *   counts) stay far below that, and one numeric type keeps every consumer simple.
 * - DATE → `'YYYY-MM-DD'`; TIMESTAMP (any precision) → `'YYYY-MM-DD HH:MM:SS'` with a fraction
 *   only when it is non-zero; TIMESTAMPTZ → the same in UTC, suffixed `+00`.
 * - VARCHAR, ENUM, UUID → `string`; BOOLEAN → `boolean`; NULL → `null`; LIST/ARRAY → arrays and
 *   STRUCT → objects (null-prototype), converted recursively; anything else → its text form.
 */
import {
  DuckDBInstance,
  DuckDBTypeId,
  DuckDBListType,
  DuckDBArrayType,
  DuckDBStructType,
  DuckDBDateValue,
  DuckDBDecimalValue,
  DuckDBListValue,
  DuckDBArrayValue,
  DuckDBStructValue,
  type DuckDBConnection,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';

/** A converted value of one result cell. */
export type Value = string | number | boolean | null | readonly Value[] | { readonly [key: string]: Value };

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
  /** Like {@link Database.query}, with the result's column names and types. */
  queryResult(sql: string): Promise<QueryResult>;
  /** Runs statements for their effect (DDL, COPY, SET), discarding any result. */
  run(sql: string): Promise<void>;
  /** Closes the connection and the database; later calls fail. Safe to call twice. */
  close(): void;
}

/** Options of {@link openDatabase}. */
export interface OpenOptions {
  /** Worker threads (DuckDB's default: one per core). */
  readonly threads?: number;
  /** DuckDB memory limit, e.g. `'4GB'`. */
  readonly memoryLimit?: string;
}

/** Opens a fresh in-memory database. */
export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  const settings: Record<string, string> = {};
  if (options.threads !== undefined) settings['threads'] = String(options.threads);
  if (options.memoryLimit !== undefined) settings['memory_limit'] = options.memoryLimit;
  const instance = await DuckDBInstance.create(':memory:', settings);
  const connection = await instance.connect();
  return new DuckDatabase(instance, connection);
}

class DuckDatabase implements Database {
  private closed = false;

  constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  async query(sql: string): Promise<Row[]> {
    return [...(await this.queryResult(sql)).rows];
  }

  async queryResult(sql: string): Promise<QueryResult> {
    const reader = await this.connection.runAndReadAll(sql);
    const names = reader.deduplicatedColumnNames();
    const types = reader.columnTypes();
    const rows: Row[] = [];
    for (const cells of reader.getRows()) {
      const row = Object.create(null) as Record<string, Value>;
      for (let i = 0; i < names.length; i++) {
        const type = types[i];
        row[names[i] ?? ''] = type === undefined ? null : toJs(cells[i] ?? null, type);
      }
      rows.push(row);
    }
    return { columns: names.map((name, i) => ({ name, type: String(types[i]) })), rows };
  }

  async run(sql: string): Promise<void> {
    await this.connection.run(sql);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

/** Converts one DuckDB value of the given type to a plain JavaScript value. */
export function toJs(value: DuckDBValue, type: DuckDBType): Value {
  if (value === null) return null;
  switch (type.typeId) {
    case DuckDBTypeId.BOOLEAN:
      return Boolean(value);
    case DuckDBTypeId.TINYINT:
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.UTINYINT:
    case DuckDBTypeId.USMALLINT:
    case DuckDBTypeId.UINTEGER:
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UHUGEINT:
    case DuckDBTypeId.BIGNUM:
    case DuckDBTypeId.FLOAT:
    case DuckDBTypeId.DOUBLE:
      return Number(value);
    case DuckDBTypeId.DECIMAL:
      return value instanceof DuckDBDecimalValue ? value.toDouble() : Number(value);
    case DuckDBTypeId.DATE:
      return value instanceof DuckDBDateValue ? value.toString() : String(value);
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_S:
    case DuckDBTypeId.TIMESTAMP_MS:
    case DuckDBTypeId.TIMESTAMP_NS:
    case DuckDBTypeId.TIMESTAMP_TZ:
      // The value classes print `YYYY-MM-DD HH:MM:SS[.fraction][+00]`, fraction only if non-zero.
      return String(value);
    case DuckDBTypeId.LIST:
    case DuckDBTypeId.ARRAY:
      return listToJs(value, type);
    case DuckDBTypeId.STRUCT:
      return structToJs(value, type);
    default:
      return String(value);
  }
}

function listToJs(value: DuckDBValue, type: DuckDBType): Value {
  const items = value instanceof DuckDBListValue || value instanceof DuckDBArrayValue ? value.items : undefined;
  const itemType = type instanceof DuckDBListType || type instanceof DuckDBArrayType ? type.valueType : undefined;
  if (items === undefined || itemType === undefined) return String(value);
  return items.map((item) => toJs(item, itemType));
}

function structToJs(value: DuckDBValue, type: DuckDBType): Value {
  if (!(value instanceof DuckDBStructValue) || !(type instanceof DuckDBStructType)) return String(value);
  const out = Object.create(null) as Record<string, Value>;
  for (const [key, item] of Object.entries(value.entries)) out[key] = toJs(item, type.typeForEntry(key));
  return out;
}
