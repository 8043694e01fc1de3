/**
 * The DuckDB side of {@link Database}: loaded on first use by `openDatabase`, so commands that
 * never open a database (validate, compile) never load the native module.
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
import { Decimal } from '../model/decimal.js';
import type { Database, QueryResult, Row, Value } from './duckdb.js';

/** Opens an in-memory DuckDB database with one connection. */
export async function connectInMemory(settings: Record<string, string>): Promise<Database> {
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
    const rows = reader.getRows().map((cells) => rowOf(cells, names, types));
    return { columns: names.map((name, i) => ({ name, type: String(types[i]) })), rows };
  }

  async queryEach(sql: string, onRows: (rows: readonly Row[]) => void): Promise<void> {
    const result = await this.connection.stream(sql);
    const names = result.deduplicatedColumnNames();
    const types = result.columnTypes();
    for (;;) {
      const chunk = await result.fetchChunk();
      if (chunk === null || chunk.rowCount === 0) return;
      onRows(chunk.getRows().map((cells) => rowOf(cells, names, types)));
    }
  }

  async run(sql: string): Promise<void> {
    await this.connection.run(sql);
  }

  async append(table: string, rows: Iterable<readonly (string | number | boolean | null)[]>): Promise<void> {
    const appender = await this.connection.createAppender(table);
    try {
      for (const row of rows) {
        for (const v of row) {
          if (v === null) appender.appendNull();
          else if (typeof v === 'string') appender.appendVarchar(v);
          else if (typeof v === 'number') appender.appendDouble(v);
          else appender.appendBoolean(v);
        }
        appender.endRow();
      }
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

/** One result row as a plain object by column name. */
function rowOf(cells: readonly DuckDBValue[], names: readonly string[], types: readonly DuckDBType[]): Row {
  const row = Object.create(null) as Record<string, Value>;
  for (let i = 0; i < names.length; i++) {
    const type = types[i];
    row[names[i] ?? ''] = type === undefined ? null : toJs(cells[i] ?? null, type);
  }
  return row;
}

/** Converts one DuckDB value of the given type to a plain JavaScript value. */
function toJs(value: DuckDBValue, type: DuckDBType): Value {
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
      return value instanceof DuckDBDecimalValue ? new Decimal(value.value, value.scale) : Number(value);
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
