/**
 * The PostgreSQL engine: a {@link SqlEngine} over one connection of the `pg` client, loaded only
 * when a command connects. Every value comes from the server as text and is converted here, by
 * the column's type, as DuckDB's results are (`src/engine/duckdb.ts`): NUMERIC → exact
 * {@link Decimal}, integers and floats → `number`, DATE → `'YYYY-MM-DD'`, TIMESTAMP →
 * `'YYYY-MM-DD HH:MM:SS[.fraction]'`, BOOLEAN → `boolean`, anything else → its text.
 */
import { Decimal } from '../model/decimal.js';
import { postgres } from '../sql/postgres.js';
import type { Value } from './duckdb.js';
import type { ColumnCategory, SqlEngine, TableColumn } from './sql-engine.js';

/** Type OIDs of PostgreSQL's built-in types that are not read as text. */
const OID = { bool: 16, int8: 20, int2: 21, int4: 23, oid: 26, float4: 700, float8: 701, numeric: 1700 } as const;

function convert(text: string | null, oid: number): Value {
  if (text === null) return null;
  switch (oid) {
    case OID.bool:
      return text === 't';
    case OID.int8:
    case OID.int2:
    case OID.int4:
    case OID.oid:
    case OID.float4:
    case OID.float8:
      return Number(text);
    case OID.numeric:
      return text === 'NaN' || text.includes('Infinity') ? Number(text) : Decimal.parse(text);
    default:
      return text;
  }
}

/** The contract's view of a type named by `format_type`. */
function category(type: string): { category: ColumnCategory; scale?: number } {
  if (/^(text|character varying|character|varchar|char|name|citext)\b/.test(type)) return { category: 'text' };
  if (/^(smallint|integer|bigint)$/.test(type)) return { category: 'integer', scale: 0 };
  const numeric = /^numeric(?:\((\d+)(?:,(\d+))?\))?$/.exec(type);
  if (numeric !== null) return numeric[1] === undefined ? { category: 'decimal' } : { category: 'decimal', scale: Number(numeric[2] ?? 0) };
  if (type === 'real' || type === 'double precision') return { category: 'real' };
  if (type === 'boolean') return { category: 'boolean' };
  if (type === 'date') return { category: 'date' };
  if (type.startsWith('timestamp') && type.endsWith('without time zone')) return { category: 'timestamp' };
  return { category: 'other' };
}

/** `postgres://user@host:port/db` without a password, for messages. */
function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    return `PostgreSQL at ${u.host}${u.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
}

/**
 * Connects to the PostgreSQL server at `url` (a `postgres://` URL; libpq's `PG*` variables and
 * `~/.pgpass` supply what it leaves out, such as the password). Returns the reason in words when
 * it cannot connect.
 */
export async function connectPostgres(url: string): Promise<SqlEngine | { readonly error: string }> {
  const { default: pg } = await import('pg');
  // Every value as text: converted by convert(), never by the client's own parsers (which would
  // turn DATEs into JavaScript Dates in the local time zone).
  const client = new pg.Client({ connectionString: url, types: { getTypeParser: () => (text: string) => text } });
  const where = describeUrl(url);
  try {
    await client.connect();
    // Dates and times as ISO text, whatever the server's defaults are. No JIT compilation: a KPI
    // query is one large statement of many small aggregates, whose estimated cost makes the
    // server compile ~1,600 functions (40 s measured for the shipped catalog) to save milliseconds.
    await client.query("SET DateStyle = 'ISO, YMD'; SET TimeZone = 'UTC'; SET IntervalStyle = 'postgres'; SET jit = off");
  } catch (e) {
    await client.end().catch(() => undefined);
    return { error: `cannot connect to ${where}: ${(e as Error).message}` };
  }
  let closed = false;
  return {
    kind: 'sql-engine',
    name: 'postgres',
    dialect: postgres,
    where,
    async query(sql) {
      const result = await client.query<(string | null)[]>({ text: sql, rowMode: 'array' });
      return result.rows.map((cells) => {
        const row: Record<string, Value> = Object.create(null) as Record<string, Value>;
        result.fields.forEach((f, i) => (row[f.name] = convert(cells[i] ?? null, f.dataTypeID)));
        return row;
      });
    },
    async describe(parts) {
      const name = parts.map((p) => postgres.quoteIdentifier(p)).join('.');
      const found = await client.query<{ oid: string | null }>('SELECT CAST(to_regclass($1) AS oid) AS oid', [name]);
      const oid = found.rows[0]?.oid ?? null;
      if (oid === null) return undefined;
      const columns = await client.query<{ name: string; type: string }>(
        'SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute WHERE attrelid = $1 AND attnum > 0 AND NOT attisdropped ORDER BY attnum',
        [oid],
      );
      return columns.rows.map((c): TableColumn => ({ name: c.name, type: c.type, ...category(c.type) }));
    },
    async close() {
      if (closed) return;
      closed = true;
      await client.end();
    },
  };
}
