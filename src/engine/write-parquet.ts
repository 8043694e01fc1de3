/**
 * Writes a small table of plain values to a Parquet file through DuckDB (the only module that
 * may talk to it). Rows are inserted in batches of literals into a fresh in-memory database and
 * copied out with `COPY … (FORMAT parquet)`.
 */
import { Decimal } from '../model/decimal.js';
import { quoteIdentifier, stringLiteral } from '../sql/quote.js';
import { openDatabase } from './duckdb.js';

/** Column types a Parquet result file can have (a DECIMAL holds exact decimals of at most that scale). */
export type ParquetType = 'VARCHAR' | 'DATE' | 'DOUBLE' | 'BOOLEAN' | `DECIMAL(38,${number})`;

/** One column of the file. */
export interface ParquetColumn {
  readonly name: string;
  readonly type: ParquetType;
}

/** A cell value. */
export type ParquetValue = string | number | boolean | Decimal | null;

const BATCH = 1000;

function literal(value: ParquetValue, type: ParquetType): string {
  if (value === null) return 'NULL';
  if (value instanceof Decimal) return `CAST(${stringLiteral(value.toString())} AS ${type})`;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return Number.isFinite(value) ? `CAST(${String(value)} AS DOUBLE)` : 'NULL';
  return stringLiteral(value);
}

/** Writes `rows` (one value per column, in column order) to `file`, replacing it. */
export async function writeParquet(
  file: string,
  columns: readonly ParquetColumn[],
  rows: readonly (readonly ParquetValue[])[],
): Promise<void> {
  const db = await openDatabase({ threads: 1 });
  try {
    const table = quoteIdentifier('kpic_results');
    await db.run(`CREATE TABLE ${table} (${columns.map((c) => `${quoteIdentifier(c.name)} ${c.type}`).join(', ')})`);
    for (let i = 0; i < rows.length; i += BATCH) {
      const values = rows.slice(i, i + BATCH).map((row) => `(${columns.map((c, k) => literal(row[k] ?? null, c.type)).join(', ')})`);
      await db.run(`INSERT INTO ${table} VALUES ${values.join(', ')}`);
    }
    await db.run(`COPY ${table} TO ${stringLiteral(file)} (FORMAT parquet)`);
  } finally {
    db.close();
  }
}
