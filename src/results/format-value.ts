/**
 * Numbers as people read them, by unit: money with the catalog's currency, percent as `25.0%`,
 * counts as integers with thousands separators, days with one decimal. Always the `en-US`
 * conventions, so output does not change with the machine's locale. An exact decimal is rounded
 * for display from its exact digits (half away from zero), never through a double.
 */
import { Decimal } from '../model/decimal.js';
import type { Unit } from '../model/types.js';

/** What a missing value (null) looks like. */
export const NULL_TEXT = '—';

const formatters = new Map<number, Intl.NumberFormat>();

/** `1,234.5` with at most `digits` decimals (trailing zeros dropped); a string is an exact decimal. */
function grouped(value: number | string, digits: number, minimum = 0): string {
  const key = digits * 10 + minimum;
  let f = formatters.get(key);
  if (f === undefined) {
    f = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits, minimumFractionDigits: minimum });
    formatters.set(key, f);
  }
  // Avoid `-0` after rounding a tiny negative number. (Intl formats decimal text exactly.)
  const text = f.format(value as number);
  return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text;
}

/** Money: whole units from 1,000 up (or when whole), else cents. */
function formatMoney(value: number | Decimal, currency: string): string {
  const negative = value instanceof Decimal ? value.units < 0n : value < 0;
  const magnitude = value instanceof Decimal ? value.toString().replace(/^-/, '') : Math.abs(value);
  const whole =
    typeof magnitude === 'string' ? !magnitude.includes('.') || /^\d{4}/.test(magnitude) : magnitude >= 1000 || Number.isInteger(magnitude);
  const digits = whole ? 0 : 2;
  const amount = grouped(magnitude, digits, digits);
  const sign = negative && amount !== grouped(0, digits, digits) ? '-' : '';
  if (currency.toUpperCase() === 'USD') return `${sign}$${amount}`;
  return `${sign}${amount} ${currency}`;
}

/** A plain number: fewer decimals the larger it is (4 below 1, 2 below 1,000, none above). */
function formatNumber(value: number): string {
  const size = Math.abs(value);
  return grouped(value, size >= 1000 ? 0 : size >= 1 ? 2 : 4);
}

/** A value of a KPI with `unit`, as shown in tables and the demo summary. */
export function formatValue(exactOrValue: number | Decimal | null, unit: Unit | undefined, currency: string): string {
  if (unit === 'money' && exactOrValue instanceof Decimal) return formatMoney(exactOrValue, currency);
  const value = exactOrValue instanceof Decimal ? exactOrValue.toNumber() : exactOrValue;
  if (value === null || !Number.isFinite(value)) return NULL_TEXT;
  switch (unit) {
    case 'money':
      return formatMoney(value, currency);
    case 'percent':
      return `${grouped(value * 100, 1, 1)}%`;
    case 'count':
      return grouped(Math.round(value), 0);
    case 'days':
      return `${grouped(value, 1, 1)} d`;
    case 'ratio':
    case 'number':
    case undefined:
      return formatNumber(value);
    default: {
      const never: never = unit;
      return never;
    }
  }
}
