/**
 * How one declared column is read: the DuckDB type each column type becomes, and the SQL that
 * turns a file's value into it. Text (CSV fields, JSON values, Parquet strings) goes through
 * `TRY_` conversions that give NULL for a value that is not of the type, so a data check can
 * count failures as "text present, typed value NULL" in the same scan that reads the data.
 *
 * Decisions (users need to know these; the language reference should state them):
 * - `money` is an exact DECIMAL(18, scale), never rounded: see money-read.ts.
 * - `number` and `percent` are DOUBLE: exports carry floating values (ratios, rates, scores);
 *   Parquet DECIMAL columns are read as they are (exact), without a cast.
 * - `integer` accepts `12` and `12.0` (exports of nullable integer columns often write the
 *   latter) but not `12.5`: DuckDB's own cast would round it.
 * - Numbers must be finite: `NaN` and `inf` are bad values, because one of them poisons a sum.
 * - `percent` text may end in `%` (`15%` = 0.15); without it the value is already a fraction.
 * - `date` accepts ISO dates, also with a time (`2023-09-06 00:00:00`; the time is dropped), and
 *   nothing else without `format:` (not `2017/03/01`, `2017-3-2` or ` 2017-03-09`, which DuckDB would take);
 *   with `format:` it accepts that strptime format, the format followed by ` %H:%M:%S`, and ISO.
 * - `timestamp` accepts ISO timestamps and dates (midnight); with `format:` that format first.
 * - `boolean` accepts true/false, t/f, yes/no, y/n, 1/0 in any letter case.
 */
import type { ColumnDef, ColumnType } from '../model/types.js';
import { stringLiteral } from '../sql/quote.js';
import { moneyScale } from '../model/money-scale.js';
import { isNumericType, moneyFromNumber, moneyFromText } from './money-read.js';

/** The DuckDB type each declared column type is read as (money: with the column's scale, money-read.ts). */
const SQL_TYPES = {
  string: 'VARCHAR',
  integer: 'BIGINT',
  number: 'DOUBLE',
  money: 'DECIMAL(38,2)',
  percent: 'DOUBLE',
  boolean: 'BOOLEAN',
  date: 'DATE',
  timestamp: 'TIMESTAMP',
} as const satisfies Record<ColumnType, string>;

/** How a declared column is computed from the file's value. */
export interface ColumnRead {
  /** SQL of the typed value. */
  readonly typed: string;
  /** True when `typed` can be NULL for a non-NULL file value (a bad value is possible). */
  readonly fallible: boolean;
  /**
   * SQL true when a present file value converts, where testing is cheaper than converting (bad
   * values are counted with it on every row of a large export).
   */
  readonly valid?: string | undefined;
}

const INTEGER_TYPES = new Set(['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'UTINYINT', 'USMALLINT', 'UINTEGER']);
const NUMERIC_TYPES = new Set([...INTEGER_TYPES, 'UBIGINT', 'HUGEINT', 'FLOAT', 'DOUBLE']);
const TIMESTAMP_TYPES = new Set(['TIMESTAMP', 'TIMESTAMP_S', 'TIMESTAMP_MS', 'TIMESTAMP_NS', 'TIMESTAMP WITH TIME ZONE']);

/**
 * Whether a file column of DuckDB type `physical` can be used as the declared type without any
 * conversion (the fast path that keeps a Parquet scan as cheap as hand-written SQL).
 */
function fitsAsIs(type: ColumnType, physical: string): boolean {
  switch (type) {
    case 'string':
      return physical === 'VARCHAR';
    case 'integer':
      return INTEGER_TYPES.has(physical);
    case 'number':
    case 'percent':
      return NUMERIC_TYPES.has(physical) || physical.startsWith('DECIMAL');
    case 'money':
      return false; // money-read.ts decides
    case 'boolean':
      return physical === 'BOOLEAN';
    case 'date':
      return physical === 'DATE';
    case 'timestamp':
      return physical === 'TIMESTAMP';
    default: {
      const never: never = type;
      throw new Error(`unexpected column type ${String(never)}`);
    }
  }
}

/**
 * The read of a column whose file value is `ref` (an SQL expression) of DuckDB type `physical`;
 * `undefined` when the type is unknown (`kpic compile`, no data at hand), which gives a plain
 * cast to the declared type. `checked`: the data check passed, values need no validating again.
 */
export function columnRead(column: ColumnDef, ref: string, physical: string | undefined, checked = false): ColumnRead {
  const type = column.type.value;
  if (type === 'money') {
    if (physical === undefined || isNumericType(physical)) return moneyFromNumber(column, ref, physical, checked);
    const text = physical === 'VARCHAR' ? ref : `CAST(${ref} AS VARCHAR)`;
    return { typed: moneyFromText(column, text, checked), fallible: true };
  }
  if (physical === undefined) {
    if (column.format !== undefined) return { typed: textToType(column, `CAST(${ref} AS VARCHAR)`), fallible: true };
    return { typed: `CAST(${ref} AS ${SQL_TYPES[type]})`, fallible: true };
  }
  if (fitsAsIs(type, physical)) return { typed: ref, fallible: false };
  if (type === 'string') return { typed: `CAST(${ref} AS VARCHAR)`, fallible: false };
  if (column.format === undefined) {
    if (type === 'timestamp' && (physical === 'DATE' || TIMESTAMP_TYPES.has(physical))) {
      return { typed: `CAST(${ref} AS TIMESTAMP)`, fallible: false };
    }
    if (type === 'date' && TIMESTAMP_TYPES.has(physical)) return { typed: `CAST(${ref} AS DATE)`, fallible: false };
  }
  const text = physical === 'VARCHAR' ? ref : `CAST(${ref} AS VARCHAR)`;
  return { typed: textToType(column, text), fallible: true };
}

/** An ISO date, optionally with a time (`T` or a space, seconds, fraction and zone optional). */
const ISO_DATE_TIME = '\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}(:?\\d{2})?)?)?';

/** SQL converting the text `t` (non-empty or NULL) to the column's type; NULL when it is not one. */
export function textToType(column: ColumnDef, t: string): string {
  const type = column.type.value;
  switch (type) {
    case 'string':
      return t;
    case 'integer':
      return `CASE WHEN TRY_CAST(${t} AS DOUBLE) = trunc(TRY_CAST(${t} AS DOUBLE)) THEN TRY_CAST(${t} AS BIGINT) END`;
    case 'number':
      return finite(`TRY_CAST(${t} AS DOUBLE)`);
    case 'money':
      return moneyFromText(column, t);
    case 'percent':
      return finite(
        `CASE WHEN suffix(trim(${t}), '%') THEN TRY_CAST(rtrim(trim(${t}), '%') AS DOUBLE) / 100 ELSE TRY_CAST(${t} AS DOUBLE) END`,
      );
    case 'boolean':
      return `TRY_CAST(${t} AS BOOLEAN)`;
    case 'date':
    case 'timestamp': {
      const sqlType = SQL_TYPES[type];
      // Only ISO text: DuckDB's cast also takes `2017/03/01`, `2017-3-2` and ` 2017-03-09`.
      const iso = `CASE WHEN regexp_full_match(${t}, ${stringLiteral(ISO_DATE_TIME)}) THEN TRY_CAST(${t} AS ${sqlType}) END`;
      if (column.format === undefined) return iso;
      const formats = strptimeFormats(column.format.value, type);
      return `coalesce(TRY_CAST(try_strptime(${t}, ${formats}) AS ${sqlType}), ${iso})`;
    }
    default: {
      const never: never = type;
      throw new Error(`unexpected column type ${String(never)}`);
    }
  }
}

/** The strptime formats a date or timestamp column with `format:` accepts, as an SQL list. */
function strptimeFormats(format: string, type: 'date' | 'timestamp'): string {
  const withTime = `${format} %H:%M:%S`;
  if (type === 'timestamp' || /%[HIMSf]/.test(format)) return stringLiteral(format);
  return `[${stringLiteral(format)}, ${stringLiteral(withTime)}]`;
}

function finite(x: string): string {
  return `CASE WHEN isfinite(${x}) THEN ${x} END`;
}

/** What a value of the type looks like, for "… is not a date (expected …)" messages. */
export function expectedText(column: ColumnDef): string {
  const type = column.type.value;
  switch (type) {
    case 'string':
      return 'text';
    case 'integer':
      return 'an integer';
    case 'number':
      return 'a number';
    case 'money': {
      const scale = moneyScale(column);
      const example = scale === 0 ? '1234' : `1234.${'50'.padEnd(scale, '0').slice(0, scale)}`;
      return `an amount (a plain number with at most ${scale} decimal place${scale === 1 ? '' : 's'}, such as ${example})`;
    }
    case 'percent':
      return 'a percentage (0.15 or 15%)';
    case 'boolean':
      return 'a boolean (true or false)';
    case 'date':
      return column.format === undefined ? 'a date (expected YYYY-MM-DD)' : `a date (expected format ${column.format.value})`;
    case 'timestamp':
      return column.format === undefined
        ? 'a timestamp (expected YYYY-MM-DD HH:MM:SS)'
        : `a timestamp (expected format ${column.format.value})`;
    default: {
      const never: never = type;
      throw new Error(`unexpected column type ${String(never)}`);
    }
  }
}
