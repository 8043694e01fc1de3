/**
 * The meaning of literal token text: numbers, strings, dates and duration units. Pure functions,
 * shared by the parser (reading) and the printer (writing back the canonical form).
 */
import type { DurationUnit } from './ast.js';

/** The numeric value of a number token (`1_000`, `0.25`, `1e6`, `15%` → 15); may be Infinity. */
export function numberValue(image: string): number {
  return Number(image.replace(/[_%]/g, ''));
}

/**
 * The fraction a percentage stands for (`1.1` → 0.011): the double nearest to the exact decimal,
 * which `1.1 / 100` (0.011000000000000001) is not — so `1.1%` of an amount stays exact.
 */
export function percentFraction(percent: number): number {
  if (!Number.isFinite(percent)) return percent / 100;
  const [mantissa, exponent = '0'] = String(percent).split('e');
  return Number(`${mantissa}e${Number(exponent) - 2}`);
}

/** The text of a single-quoted string token, without quotes and with `''` unescaped. */
export function singleQuotedValue(image: string, terminated: boolean): string {
  const body = image.slice(1, terminated ? -1 : undefined);
  return body.replace(/''/g, "'");
}

/** The text between double quotes, for the "use single quotes" recovery. */
export function doubleQuotedValue(image: string): string {
  const closed = image.length >= 2 && image.endsWith('"');
  return image.slice(1, closed ? -1 : undefined);
}

/** Writes a string literal: single quotes, a quote inside doubled. */
export function quoteString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

const UNITS: ReadonlyMap<string, DurationUnit> = new Map<string, DurationUnit>([
  ['day', 'day'],
  ['week', 'week'],
  ['month', 'month'],
  ['quarter', 'quarter'],
  ['year', 'year'],
]);

/** Every unit spelling a user may write, for "did you mean" hints. */
export const UNIT_SPELLINGS: readonly string[] = [...UNITS.keys()].flatMap((u) => [u, `${u}s`]);

/** The singular unit of `days`, `Month`, `YEARS`…; undefined if the word is not a unit. */
export function durationUnit(word: string): DurationUnit | undefined {
  const lower = word.toLowerCase();
  return UNITS.get(lower.endsWith('s') ? lower.slice(0, -1) : lower);
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Checks the text of a date literal: `undefined` when it is a real `YYYY-MM-DD` calendar date,
 * otherwise a sentence saying what is wrong with it.
 */
export function dateProblem(text: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m === null) return `a date is written as 'YYYY-MM-DD', e.g. date '2025-01-31'`;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12) return `there is no month ${m[2]}; months run from 01 to 12`;
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) {
    return `${MONTH_NAMES[month - 1] ?? ''} ${m[1]} has no day ${m[3]}; it has ${last} days`;
  }
  return undefined;
}
