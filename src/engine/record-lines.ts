/**
 * From DuckDB's record numbers to places a user can open: the physical line of a CSV record
 * (header = line 1, quoted line breaks counted), the line of a JSON record, or the row number
 * of a Parquet file (which has no lines).
 */
import type { ColumnDef, SourceDef } from '../model/types.js';
import { csvRecordLines } from './csv-scan.js';
import type { DataLocation } from '../diagnostics/diagnostic.js';
import { displayPath } from './data-location.js';
import { jsonRecordLines } from './json-scan.js';
import { csvDelimiter, fileName } from './source-sql.js';
import type { SourceFiles } from './source-files.js';

/** A row of a data file as the checks number it: its file and 1-based record number. */
export interface Place {
  readonly path: string;
  readonly row: number;
}

/** Finds lines for many places at once, reading each file at most once. */
export class PlaceLocator {
  private readonly lines = new Map<string, Map<number, { line: number; column: number }>>();

  constructor(
    private readonly source: SourceDef,
    private readonly files: SourceFiles,
  ) {}

  /** Reads the files to find every place given (call before {@link PlaceLocator.locate}). */
  prepare(places: Iterable<Place>): void {
    const byPath = new Map<string, number[]>();
    for (const p of places) {
      const rows = byPath.get(p.path) ?? [];
      rows.push(p.row);
      byPath.set(p.path, rows);
    }
    for (const [path, rows] of byPath) {
      const found = new Map<number, { line: number; column: number }>();
      if (this.files.format === 'csv') {
        for (const [row, line] of csvRecordLines(path, csvDelimiter(this.source, this.files), rows)) found.set(row, { line, column: 1 });
      } else if (this.files.format === 'json') {
        for (const [row, at] of jsonRecordLines(path, rows)) found.set(row, at);
      } else {
        for (const row of rows) found.set(row, { line: row, column: 1 });
      }
      this.lines.set(path, found);
    }
  }

  /** The line (or Parquet row) of a place. */
  line(place: Place): number {
    return this.lines.get(place.path)?.get(place.row)?.line ?? place.row;
  }

  /**
   * The data location of a column's value at a place: for CSV the column is the 1-based field
   * number of the column's header, for Parquet its 1-based position in the file schema, for JSON
   * the column where the record starts.
   */
  locate(place: Place, column: ColumnDef | undefined): DataLocation {
    const found = this.lines.get(place.path)?.get(place.row);
    const line = found?.line ?? place.row;
    let col = found?.column ?? 1;
    if (column !== undefined && this.files.format !== 'json') {
      const layout = this.files.layouts?.find((l) => l.paths.includes(place.path));
      const index = layout?.columns.findIndex((c) => c.name === fileName(column)) ?? -1;
      if (index >= 0) col = index + 1;
    }
    return { file: displayPath(place.path), line, column: col };
  }
}

/** `line` for CSV and JSON files, `row` for Parquet. */
export function placeUnit(files: SourceFiles): 'line' | 'row' {
  return files.format === 'parquet' ? 'row' : 'line';
}
