/**
 * Writes a small table of plain values to a Parquet file through DuckDB (the only module that
 * may talk to it). Rows are loaded with DuckDB's appender into a staging table of a fresh
 * in-memory database (dates and decimals as text, numbers as doubles) and copied out, cast to
 * their types, with `COPY … (FORMAT parquet)`. (Loading them as SQL literals, 1,000 rows per
 * INSERT, made 2M rows take more than three times as long as writing CSV: the time went to
 * printing, parsing and binding the literals.)
 */
import { Decimal } from '../model/decimal.js';
import { quoteIdentifier, stringLiteral } from '../sql/quote.js';
import { openDatabase } from './duckdb.js';

/** Column types a Parquet result file can have (a DECIMAL holds exact decimals of at most that scale). */
export type ParquetType = 'VARCHAR' | 'DATE' | 'DOUBLE' | 'BOOLEAN' | `DECIMAL(${18 | 38},${number})`;

/** One column of the file. */
export interface ParquetColumn {
  readonly name: string;
  readonly type: ParquetType;
}

/** A cell value. */
export type ParquetValue = string | number | boolean | Decimal | null;

/** How a value is loaded: DATE and DECIMAL columns as their text (cast exactly by DuckDB). */
function loaded(value: ParquetValue, type: ParquetType): string | number | boolean | null {
  if (value === null) return null;
  if (value instanceof Decimal) return value.toString();
  if (typeof value === 'number') return type === 'DOUBLE' && !Number.isFinite(value) ? null : value;
  return value;
}

/** The staging type of a column: what the appender writes before the final cast. */
function stagingType(type: ParquetType): 'VARCHAR' | 'DOUBLE' | 'BOOLEAN' {
  return type === 'DOUBLE' || type === 'BOOLEAN' ? type : 'VARCHAR';
}

/** Writes `rows` (one value per column, in column order) to `file`, replacing it. */
export async function writeParquet(
  file: string,
  columns: readonly ParquetColumn[],
  rows: readonly (readonly ParquetValue[])[],
): Promise<void> {
  const db = await openDatabase({ threads: 1 });
  try {
    const table = 'kpic_results';
    const staged = columns.map((_, i) => quoteIdentifier(`c${i}`));
    await db.run(`CREATE TABLE ${quoteIdentifier(table)} (${columns.map((c, i) => `${staged[i]} ${stagingType(c.type)}`).join(', ')})`);
    await db.append(
      table,
      rows.map((row) => columns.map((c, k) => loaded(row[k] ?? null, c.type))),
    );
    const select = columns.map((c, i) => `CAST(${staged[i]} AS ${c.type}) AS ${quoteIdentifier(c.name)}`).join(', ');
    await db.run(`COPY (SELECT ${select} FROM ${quoteIdentifier(table)}) TO ${stringLiteral(file)} (FORMAT parquet)`);
  } finally {
    db.close();
  }
}
