/**
 * Numbers as people read them — one rule for every command (docs/cli.md, "How numbers are
 * shown"): money with the catalog's currency (whole units from 1,000 up, cents below; compact
 * `$4.5M` with one decimal where columns are narrow), percent with one decimal, counts whole (one
 * decimal when a count is not whole, such as a target from history), days with one decimal, and
 * ratios and plain numbers with the same decimals for every value of a KPI: two, or up to four
 * when its smallest value needs them to show two significant digits. A missing value is `—`, a
 * missing breakdown value `(none)`. Always the `en-US` conventions, whatever the locale. An exact
 * decimal (money) is rounded for display from its exact digits, never through a double.
 */
import { Decimal } from '../model/decimal.js';
import type { Unit } from '../model/types.js';

/** What a missing value (null) looks like. */
export const NULL_TEXT = '—';

/** What a missing breakdown value (rows whose dimension is empty) looks like. */
export const NO_VALUE_TEXT = '(none)';

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

/**
 * The decimals a ratio or plain number KPI is shown with, the same for all its values in one
 * output so they line up: two, or more (at most four) when the smallest non-zero value needs
 * them to show two significant digits (an HHI of 0.042 beside 0.051).
 */
export function decimalsFor(values: readonly (number | null)[]): number {
  // A loop, not a spread into Math.min: a KPI may have more rows than the call stack has room.
  let smallest = Infinity;
  for (const v of values) if (v !== null && Number.isFinite(v) && v !== 0 && Math.abs(v) < smallest) smallest = Math.abs(v);
  if (smallest === Infinity) return 2;
  const needed = Math.ceil(-Math.log10(smallest)) + 1;
  return Math.min(4, Math.max(2, needed));
}

/** A plain number with `digits` decimals, always (`0.04`, `2.50`, `1,234.57`). */
function formatNumber(value: number, digits = decimalsFor([value])): string {
  return grouped(value, digits, digits);
}

/** A count: whole, or with one decimal when it is not (a target from history: `23.8`). */
function formatCount(value: number): string {
  const whole = Math.abs(value - Math.round(value)) < 1e-9;
  return whole ? grouped(Math.round(value), 0) : grouped(value, 1, 1);
}

/** Money in the compact form of narrow columns: from 10,000 up, one decimal and K, M or B (`$633.6K`, `$1.0M`). */
export function formatCompactMoney(value: number, currency: string): string {
  const size = Math.abs(value);
  if (size < 10_000) return formatMoney(value, currency);
  const [scale, suffix] = size >= 1e9 ? [1e9, 'B'] : size >= 1e6 ? [1e6, 'M'] : [1e3, 'K'];
  const amount = `${grouped(size / scale, 1, 1)}${suffix}`;
  const sign = value < 0 ? '-' : '';
  return currency.toUpperCase() === 'USD' ? `${sign}$${amount}` : `${sign}${amount} ${currency}`;
}

/**
 * A value of a KPI with `unit`, as shown in tables, the demo and scorecards. `decimals` is the
 * KPI's (see {@link decimalsFor}) for ratios and plain numbers; by default the value's own.
 */
export function formatValue(exactOrValue: number | Decimal | null, unit: Unit | undefined, currency: string, decimals?: number): string {
  if (unit === 'money' && exactOrValue instanceof Decimal) return formatMoney(exactOrValue, currency);
  const value = exactOrValue instanceof Decimal ? exactOrValue.toNumber() : exactOrValue;
  if (value === null || !Number.isFinite(value)) return NULL_TEXT;
  switch (unit) {
    case 'money':
      return formatMoney(value, currency);
    case 'percent':
      return `${grouped(value * 100, 1, 1)}%`;
    case 'count':
      return formatCount(value);
    case 'days':
      return `${grouped(value, 1, 1)} d`;
    case 'ratio':
    case 'number':
    case undefined:
      return formatNumber(value, decimals);
    default: {
      const never: never = unit;
      return never;
    }
  }
}
