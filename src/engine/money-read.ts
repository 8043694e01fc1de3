/**
 * How `money` columns are read: as exact decimals, DuckDB `DECIMAL(38, scale)`, never through a
 * binary double. The scale is the column's `scale:` (decimal places, default 2); a value needs at
 * most 38 − scale digits before the point. A value with more decimal places than the scale is a
 * bad value (a data-contract error at its file, line and column), unless the extra digits are
 * zeros (`12.500` fits scale 2): nothing is ever rounded. (DuckDB keeps the width of arithmetic on
 * narrower decimals at 18 digits and fails past it; at 38, `amount * 0.125` is safe for any amount.)
 *
 * - Text (CSV fields, JSON strings, Parquet strings) is a decimal number: an optional sign,
 *   digits with an optional decimal point (`1234.50`, `-3`, `.5`), spaces around it allowed, no
 *   thousands separator or currency sign; exponent notation (`1.5e3`) with at most 15 significant
 *   digits, as spreadsheets write it.
 * - JSON numbers: DuckDB's JSON reader parses them as doubles, which hold 15 significant digits
 *   exactly; a number whose double has more is refused (write such amounts as JSON strings).
 * - Parquet DECIMAL and integer columns convert exactly (a DECIMAL of a larger scale only when the
 *   extra digits are zeros); FLOAT and DOUBLE values are accepted when the float is the one nearest
 *   to a decimal with at most `scale` places — what the exporter meant by `1234.56` — and that
 *   decimal has at most 15 significant digits (FLOAT: 6), beyond which several amounts share one
 *   double; others are refused (`0.30000000000000004` is not an amount in cents).
 *
 * Once the data check has passed, the values are known to convert exactly, and the relation the
 * KPIs read converts them without checking again (`checked`).
 */
import { moneyScale } from '../model/money-scale.js';
import type { ColumnDef } from '../model/types.js';
import type { ColumnRead } from './column-read.js';

/** Total digits of a money value. */
export const MONEY_PRECISION = 38;
/** The largest `scale:` a money column may declare. */
const MAX_SCALE = 12;
/** Significant digits that every double (and every float) holds exactly. */
const DOUBLE_DIGITS = 15;
const FLOAT_DIGITS = 6;

/** The DuckDB type of a money column. */
function moneySqlType(column: ColumnDef): string {
  return `DECIMAL(${MONEY_PRECISION},${moneyScale(column)})`;
}

/**
 * A plain decimal with at most `scale` significant decimal places (trailing zeros beyond them are
 * fine), as a regular expression (RE2) for a full match.
 */
function plainPattern(scale: number): string {
  const decimals = scale === 0 ? '' : `\\d{0,${scale}}`;
  return `\\s*[+-]?(\\d+(\\.${decimals}0*)?|\\.${decimals}0*)\\s*`;
}

/** A number in exponent notation (`1.5e3`), for a full match. */
const EXPONENT_PATTERN = '\\s*[+-]?(\\d+\\.?\\d*|\\.\\d+)[eE][+-]?\\d+\\s*';

/** SQL: the significant digits of the number text `t` (its mantissa's, zeros at either end left out). */
function significantDigits(t: string): string {
  return `length(trim(regexp_replace(${t}, '[eE].*|[^0-9]', '', 'g'), '0'))`;
}

/**
 * SQL converting the text `t` (non-empty or NULL) to the column's decimal; NULL when it is not one.
 * Exponent notation (`1.5e3`, as spreadsheets write) is read when its mantissa has at most 15
 * significant digits: then its double tells whether rounding to the scale changed it.
 */
export function moneyFromText(column: ColumnDef, t: string, checked = false): string {
  const type = moneySqlType(column);
  const decimal = `TRY_CAST(${t} AS ${type})`;
  if (checked) return decimal;
  return (
    `CASE WHEN regexp_full_match(${t}, '${plainPattern(moneyScale(column))}') THEN ${decimal} ` +
    `WHEN regexp_full_match(${t}, '${EXPONENT_PATTERN}') AND ${significantDigits(t)} <= ${DOUBLE_DIGITS} ` +
    `AND CAST(${decimal} AS DOUBLE) = TRY_CAST(${t} AS DOUBLE) THEN ${decimal} END`
  );
}

/**
 * SQL converting a JSON value `json` (DuckDB type JSON) whose text is `t` to the column's decimal:
 * as text, except that a JSON number with more significant digits than a double holds is refused.
 */
export function moneyFromJson(column: ColumnDef, json: string, t: string, checked = false): string {
  if (checked) return moneyFromText(column, t, true);
  return `CASE WHEN json_type(${json}) = 'DOUBLE' AND ${significantDigits(t)} > ${DOUBLE_DIGITS} THEN NULL ELSE ${moneyFromText(column, t)} END`;
}

const INTEGER_DIGITS: ReadonlyMap<string, number> = new Map([
  ['TINYINT', 3],
  ['UTINYINT', 3],
  ['SMALLINT', 5],
  ['USMALLINT', 5],
  ['INTEGER', 10],
  ['UINTEGER', 10],
  ['BIGINT', 19],
  ['UBIGINT', 20],
  ['HUGEINT', 39],
  ['UHUGEINT', 39],
]);

/** Digits before the point and decimal places of a physical numeric type; undefined for floats. */
function exactShape(physical: string): { whole: number; scale: number } | undefined {
  const integer = INTEGER_DIGITS.get(physical);
  if (integer !== undefined) return { whole: integer, scale: 0 };
  const decimal = /^DECIMAL\((\d+),\s*(\d+)\)$/.exec(physical);
  if (decimal === null) return undefined;
  const width = Number(decimal[1]);
  const scale = Number(decimal[2]);
  return { whole: width - scale, scale };
}

/** Whether a file column of a non-text DuckDB type can hold money values (else it is read as text). */
export function isNumericType(physical: string): boolean {
  return exactShape(physical) !== undefined || physical === 'FLOAT' || physical === 'DOUBLE';
}

/**
 * The read of a money column from a numeric file value `ref` of DuckDB type `physical`
 * (undefined: not known, as for `kpic compile`). Infallible when every value of the type fits.
 */
export function moneyFromNumber(column: ColumnDef, ref: string, physical: string | undefined, checked = false): ColumnRead {
  const type = moneySqlType(column);
  const scale = moneyScale(column);
  if (physical === type) return { typed: ref, fallible: false };
  const shape = physical === undefined ? undefined : exactShape(physical);
  if (shape !== undefined && shape.scale <= scale && shape.whole <= MONEY_PRECISION - scale) {
    return { typed: `CAST(${ref} AS ${type})`, fallible: false };
  }
  if (checked) return { typed: `TRY_CAST(${ref} AS ${type})`, fallible: true };
  const valid = exactlyConverts(ref, physical, type, scale);
  return { typed: `CASE WHEN ${valid} THEN TRY_CAST(${ref} AS ${type}) END`, fallible: true, valid };
}

/** The digits of a number text before and after the point, written out (`1.5e3` → 1500, ''); undefined if not a number. */
function writtenOut(text: string): { whole: string; decimals: string; significant: number } | undefined {
  const m = /^\s*[+-]?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?\s*$/.exec(text);
  if (m === null || `${m[1] ?? ''}${m[2] ?? ''}` === '') return undefined;
  const digits = `${m[1] ?? ''}${m[2] ?? ''}`;
  const point = (m[1] ?? '').length + Number(m[3] ?? '0');
  const padded = point < 0 ? `${'0'.repeat(-point)}${digits}` : digits.padEnd(point, '0');
  const at = Math.max(point, 0);
  return {
    whole: padded.slice(0, at).replace(/^0+/, ''),
    decimals: padded.slice(at).replace(/0+$/, ''),
    significant: digits.replace(/^0+/, '').replace(/0+$/, '').length,
  };
}

/**
 * SQL true when the numeric `ref` converts to the decimal `type` of `scale` with no digit lost. A
 * float holds 15 (FLOAT: 6) significant digits exactly — beyond, several amounts share one — and
 * must be the one nearest to the amount: for a double below 10^(15 − scale), that is when
 * round(x · 10^scale) / 10^scale gives x back (a few float operations, where a round trip through
 * the decimal costs several times more on every row of a large export).
 */
function exactlyConverts(ref: string, physical: string | undefined, type: string, scale: number): string {
  if (physical === 'DOUBLE') return `abs(${ref}) < 1e${DOUBLE_DIGITS - scale} AND round(${ref} * 1e${scale}) / 1e${scale} = ${ref}`;
  const back = physical === undefined ? `TRY_CAST(${ref} AS ${type})` : `CAST(TRY_CAST(${ref} AS ${type}) AS ${physical})`;
  return physical === 'FLOAT' ? `abs(${ref}) < 1e${FLOAT_DIGITS - scale} AND ${back} = ${ref}` : `${back} = ${ref}`;
}

/**
 * Why a money value that was refused is not an amount, for the bad-value message; undefined when
 * the text is simply not a number (the generic message says what is expected).
 */
export function moneyProblem(column: ColumnDef, text: string): { message: string; hint?: string } | undefined {
  const scale = moneyScale(column);
  const number = writtenOut(text);
  if (number === undefined) return undefined;
  const exponent = /[eE]/.test(text);
  if (number.decimals.length > scale) {
    const declared = column.scale === undefined ? `the default scale of ${scale}` : `its \`scale: ${scale}\``;
    return {
      message: `has ${number.decimals.length} decimal places, more than ${declared} allows`,
      hint:
        number.decimals.length <= MAX_SCALE
          ? `amounts are never rounded: declare \`scale: ${number.decimals.length}\` on the column if such amounts are right, or round them in the export`
          : 'amounts are never rounded: round them in the export, or declare the column `number` if it holds computed values',
    };
  }
  if (number.whole.length > MONEY_PRECISION - scale) {
    return {
      message: `has ${number.whole.length} digits before the decimal point; at scale ${scale} an amount has at most ${MONEY_PRECISION - scale}`,
    };
  }
  if (exponent && number.significant > DOUBLE_DIGITS) {
    return { message: `has more than ${DOUBLE_DIGITS} significant digits in exponent notation`, hint: 'write the amount out in digits' };
  }
  return {
    message: `has more significant digits than a binary floating-point number holds exactly (${DOUBLE_DIGITS})`,
    hint: 'export amounts as decimals: a Parquet DECIMAL, or text (in JSON, a string such as "1234567890123456.78")',
  };
}
