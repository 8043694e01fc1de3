/**
 * The SQL that reads a source: one column per declared column, named by its declared name and
 * typed by its declared type, from the source's CSV, Parquet or JSON files. File paths, headers,
 * delimiters and formats enter the SQL only through `stringLiteral` and `quoteIdentifier`.
 *
 * With the files' layouts known (after the data check), CSV files are read with an explicit list
 * of text columns named by position (`f1`, `f2`, …) — no sniffing, so a malformed row can never
 * make DuckDB guess another dialect, and no header text ever becomes SQL — and Parquet columns
 * whose physical type fits are used without a cast, so a Parquet scan is exactly what a
 * hand-written query would do (projection and filter pushdown included).
 */
import type { ColumnDef, SourceDef } from '../model/types.js';
import { quoteIdentifier, stringLiteral } from '../sql/quote.js';
import { columnRead, type ColumnRead } from './column-read.js';
import { moneyFromJson } from './money-read.js';
import { isTsvPath, type FileLayout, type SourceFiles } from './source-files.js';

/** Options of {@link sourceRelationSql}. */
export interface RelationOptions {
  /** Only these declared columns (by declared name), in declaration order; default: all. */
  readonly columns?: ReadonlySet<string> | undefined;
  /** The files passed the data check: values are converted without being validated again. */
  readonly checked?: boolean | undefined;
}

/** One table function call over files that share a layout, and how each column is read from it. */
export interface ReadPart {
  /** The `read_csv(…)` / `read_parquet(…)` / `read_json(…)` call. */
  readonly from: string;
  readonly columns: readonly PartColumn[];
  /** How a numbered read finds a row's record number: Parquet's own, or a running number. */
  readonly rowNumber: 'file_row_number' | 'window';
}

/** A declared column as one {@link ReadPart} reads it. */
interface PartColumn {
  readonly column: ColumnDef;
  /** The file's value: text for CSV and JSON, the physical type for Parquet. */
  readonly raw: string;
  readonly read: ColumnRead;
}

/** Column name of a row's file in numbered relations. */
export const PATH_COLUMN = '$path';
/** Column name of a row's 1-based record number within its file in numbered relations. */
export const ROW_COLUMN = '$row';

/** The one column of a relation read with no declared column selected (rows can still be counted). */
const NO_COLUMNS = '$none';

/**
 * A `SELECT` producing the source's declared columns (or `options.columns` of them), each named
 * by its declared name and typed by its declared type. Undeclared file columns are not read.
 * With an empty `options.columns`, the rows have a single constant column {@link NO_COLUMNS}.
 */
export function sourceRelationSql(source: SourceDef, files: SourceFiles, options: RelationOptions = {}): string {
  const columns = selectColumns(source, options.columns);
  return readParts(source, files, columns, false, options.checked ?? false)
    .map((part) => {
      const list = part.columns.map((c) => `  ${c.read.typed} AS ${quoteIdentifier(c.column.name)}`);
      if (list.length === 0) list.push(`  NULL AS ${quoteIdentifier(NO_COLUMNS)}`);
      return `SELECT\n${list.join(',\n')}\nFROM ${part.from}`;
    })
    .join('\nUNION ALL\n');
}

/**
 * The relation the data checks read: per row, for the i-th of `columns` (0-based), the file
 * value as text in `"r<i>"` and the typed value in `"v<i>"`; with `numbered`, also the row's
 * file (`"$path"`) and 1-based record number within that file (`"$row"`). Without `numbered`, a
 * column whose read has a `valid` test also has `"ok<i>"`: whether its file value converts.
 */
export function checkRelationSql(source: SourceDef, files: SourceFiles, columns: readonly ColumnDef[], numbered: boolean): string {
  const parts = readParts(source, files, columns, numbered);
  const tested = new Set(columns.flatMap((_, i) => (!numbered && parts.some((p) => p.columns[i]?.read.valid !== undefined) ? [i] : [])));
  return parts
    .map((part) => {
      const list = part.columns.flatMap((c, i) => [
        `${rawText(c, files)} AS ${quoteIdentifier(`r${i}`)}`,
        `${c.read.typed} AS ${quoteIdentifier(`v${i}`)}`,
        ...(tested.has(i) ? [`${c.read.valid ?? `${c.read.typed} IS NOT NULL`} AS ${quoteIdentifier(`ok${i}`)}`] : []),
      ]);
      if (!numbered) return `SELECT ${list.join(', ')} FROM ${part.from}`;
      const path = quoteIdentifier(PATH_COLUMN);
      if (part.rowNumber === 'file_row_number') {
        return `SELECT ${path}, file_row_number + 1 AS ${quoteIdentifier(ROW_COLUMN)}, ${list.join(', ')} FROM ${part.from}`;
      }
      // The CSV and JSON readers return rows in file order, files in list order (DuckDB keeps
      // insertion order), so a running number minus the file's first one is the record number.
      const g = quoteIdentifier('$g');
      const inner = `SELECT ${path}, row_number() OVER () AS ${g}, ${list.join(', ')} FROM ${part.from}`;
      const outer = part.columns.flatMap((_, i) => [quoteIdentifier(`r${i}`), quoteIdentifier(`v${i}`)]);
      return `SELECT ${path}, ${g} - min(${g}) OVER (PARTITION BY ${path}) + 1 AS ${quoteIdentifier(ROW_COLUMN)}, ${outer.join(', ')} FROM (${inner})`;
    })
    .join('\nUNION ALL\n');
}

/**
 * The file value of a Parquet column that may fail to convert is made text only when files of
 * several layouts are read as one (so their values share a type); otherwise it keeps its type,
 * which spares a text conversion of every value when counting (reports cast the few shown).
 */
function rawText(c: PartColumn, files: SourceFiles): string {
  const layouts = files.layouts?.length ?? 1;
  return files.format === 'parquet' && c.read.fallible && layouts > 1 ? `CAST(${c.raw} AS VARCHAR)` : c.raw;
}

/** The declared columns to read, in declaration order. */
function selectColumns(source: SourceDef, names: ReadonlySet<string> | undefined): ColumnDef[] {
  const all = [...source.columns.values()];
  if (names === undefined) return all;
  for (const name of names) if (!source.columns.has(name)) throw new Error(`source ${source.id} has no column ${name}`);
  return all.filter((c) => names.has(c.name));
}

/** The name a column has in the file: its `from:` header, else its declared name. */
export function fileName(column: ColumnDef): string {
  return column.from?.value ?? column.name;
}

/** The CSV field delimiter: declared, else a tab for `.tsv` files, else a comma. */
export function csvDelimiter(source: SourceDef, files: SourceFiles): string {
  if (source.delimiter !== undefined) return source.delimiter.value;
  return files.paths.length > 0 && files.paths.every(isTsvPath) ? '\t' : ',';
}

/** One read per layout (or a single read when the layouts are not known); `checked` as in {@link RelationOptions}. */
export function readParts(
  source: SourceDef,
  files: SourceFiles,
  columns: readonly ColumnDef[],
  numbered: boolean,
  checked = false,
): ReadPart[] {
  if (files.paths.length === 0) throw new Error(`source ${source.id} has no files to read`);
  const layouts: readonly (FileLayout | undefined)[] = files.layouts ?? [undefined];
  return layouts.map((layout) => {
    const paths = layout?.paths ?? files.paths;
    const list = `[${paths.map(stringLiteral).join(', ')}]`;
    const filename = numbered ? `, filename = ${stringLiteral(PATH_COLUMN)}` : '';
    switch (files.format) {
      case 'csv':
        return csvPart(source, files, columns, list, filename, layout, checked);
      case 'parquet':
        return parquetPart(columns, list, numbered, filename, layout, checked);
      case 'json':
        return jsonPart(columns, list, filename, checked);
      default: {
        const never: never = files.format;
        throw new Error(`unexpected format ${String(never)}`);
      }
    }
  });
}

function csvPart(
  source: SourceDef,
  files: SourceFiles,
  columns: readonly ColumnDef[],
  list: string,
  filename: string,
  layout: FileLayout | undefined,
  checked: boolean,
): ReadPart {
  const dialect = `header = true, delim = ${stringLiteral(csvDelimiter(source, files))}, quote = '"', escape = '"'`;
  if (layout === undefined) {
    return {
      from: `read_csv(${list}, ${dialect}, comment = '', all_varchar = true${filename})`,
      columns: columns.map((column) => textColumn(column, quoteIdentifier(fileName(column)), checked)),
      rowNumber: 'window',
    };
  }
  const fields = layout.columns.map((_, i) => `${stringLiteral(`f${i + 1}`)}: 'VARCHAR'`);
  return {
    from: `read_csv(${list}, ${dialect}, auto_detect = false, strict_mode = true, columns = {${fields.join(', ')}}${filename})`,
    columns: columns.map((column) => textColumn(column, quoteIdentifier(`f${fieldIndex(layout, column) + 1}`), checked)),
    rowNumber: 'window',
  };
}

function parquetPart(
  columns: readonly ColumnDef[],
  list: string,
  numbered: boolean,
  filename: string,
  layout: FileLayout | undefined,
  checked: boolean,
): ReadPart {
  const rowNumbers = numbered ? ', file_row_number = true' : '';
  return {
    from: `read_parquet(${list}${filename}${rowNumbers})`,
    columns: columns.map((column) => {
      const raw = quoteIdentifier(fileName(column));
      const physical = layout === undefined ? undefined : layout.columns[fieldIndex(layout, column)]?.type;
      return { column, raw, read: columnRead(column, raw, physical, checked) };
    }),
    rowNumber: 'file_row_number',
  };
}

function jsonPart(columns: readonly ColumnDef[], list: string, filename: string, checked: boolean): ReadPart {
  // A key read only by money columns keeps its JSON type, so a number can be told from a string
  // (numbers pass through a double on the way in: money-read.ts).
  const asJson = new Set(columns.filter((c) => c.type.value === 'money').map(fileName));
  for (const c of columns) if (c.type.value !== 'money') asJson.delete(fileName(c));
  const keys = [...new Set(columns.map(fileName))];
  const struct = keys.map((k) => `${stringLiteral(k)}: ${asJson.has(k) ? "'JSON'" : "'VARCHAR'"}`);
  const structSql = struct.length > 0 ? `, columns = {${struct.join(', ')}}` : '';
  return {
    from: `read_json(${list}, format = 'auto'${structSql}${filename})`,
    // An empty JSON string counts as missing, as an empty CSV field does.
    columns: columns.map((column) => {
      const key = quoteIdentifier(fileName(column));
      if (!asJson.has(fileName(column))) return textColumn(column, `nullif(${key}, '')`, checked);
      const raw = `nullif(${key} ->> '$', '')`;
      return { column, raw, read: { typed: moneyFromJson(column, key, raw, checked), fallible: true } };
    }),
    rowNumber: 'window',
  };
}

function textColumn(column: ColumnDef, raw: string, checked: boolean): PartColumn {
  return { column, raw, read: columnRead(column, raw, 'VARCHAR', checked) };
}

/** The 0-based position of a column's header in a layout (first occurrence). */
function fieldIndex(layout: FileLayout, column: ColumnDef): number {
  const name = fileName(column);
  const index = layout.columns.findIndex((c) => c.name === name);
  if (index < 0) throw new Error(`column ${name} is not in the files ${layout.paths.join(', ')}; check the data first`);
  return index;
}
