/**
 * CSV → Parquet conversion with DuckDB: each CSV is read with the column types given (never
 * guessed) and written with `COPY … TO … (FORMAT parquet)`. DuckDB streams the copy, so files of
 * any size convert in bounded memory.
 */
import { DuckDBInstance } from '@duckdb/node-api';

/** A DuckDB column type used by the conversion. */
export type ParquetColumnType = 'VARCHAR' | 'BIGINT' | 'DOUBLE' | 'DECIMAL(18,2)' | 'DATE' | 'TIMESTAMP';

/** One file to convert: its columns in file order, with the type to read each as. */
export interface CsvToParquetJob {
  readonly csvPath: string;
  readonly parquetPath: string;
  readonly columns: readonly { readonly name: string; readonly type: ParquetColumnType }[];
}

/**
 * Converts each CSV (header row, comma-separated, `"` quoting, empty field = null, ISO dates and
 * `YYYY-MM-DD HH:MM:SS` timestamps) to a Parquet file. Rejects on the first file that fails.
 */
export async function convertCsvToParquet(jobs: readonly CsvToParquetJob[]): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    for (const job of jobs) {
      const columns = job.columns.map((c) => `${stringLiteral(c.name)}: ${stringLiteral(c.type)}`).join(', ');
      await connection.run(
        `COPY (SELECT * FROM read_csv(${stringLiteral(job.csvPath)}, header = true, delim = ',', quote = '"', ` +
          `escape = '"', nullstr = '', auto_detect = false, dateformat = '%Y-%m-%d', ` +
          `timestampformat = '%Y-%m-%d %H:%M:%S', columns = {${columns}})) ` +
          `TO ${stringLiteral(job.parquetPath)} (FORMAT parquet, COMPRESSION zstd)`,
      );
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

function stringLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
