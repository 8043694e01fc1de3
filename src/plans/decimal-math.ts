/**
 * Exact arithmetic on {@link Decimal} for pay: sums, products, and the one place where an exact
 * amount becomes cents (a declared rounding rule, docs/plans.md). Nothing here passes through a
 * binary double; quotients (prorated quotas) are carried as fractions of integers and rounded once.
 */
import { Decimal, literalDecimal } from '../model/decimal.js';

/** How an exact amount becomes an amount in cents. */
export type RoundingRule = 'half_up' | 'half_even';

/** Zero at scale 0. */
export const ZERO = new Decimal(0n, 0);

function unitsAt(d: Decimal, scale: number): bigint {
  return d.units * 10n ** BigInt(scale - d.scale);
}

/** `a + b`, exact. */
export function plus(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return new Decimal(unitsAt(a, scale) + unitsAt(b, scale), scale);
}

/** The sum of `values`, exact. */
export function sum(values: readonly Decimal[]): Decimal {
  return values.reduce(plus, ZERO);
}

/** `a × b`, exact (the scales add). */
export function times(a: Decimal, b: Decimal): Decimal {
  return new Decimal(a.units * b.units, a.scale + b.scale);
}

/** `−a`. */
export function negate(a: Decimal): Decimal {
  return new Decimal(-a.units, a.scale);
}

/** The smaller of two values. */
export function min(a: Decimal, b: Decimal): Decimal {
  return a.compare(b) <= 0 ? a : b;
}

/** The larger of two values. */
export function max(a: Decimal, b: Decimal): Decimal {
  return a.compare(b) >= 0 ? a : b;
}

/** Whether the value is zero. */
export function isZero(a: Decimal): boolean {
  return a.units === 0n;
}

/** `num ÷ den` rounded to `scale` decimal places by `rule` (den ≠ 0). */
export function roundFraction(num: bigint, den: bigint, scale: number, rule: RoundingRule): Decimal {
  if (den === 0n) throw new Error('division by zero');
  let n = num * 10n ** BigInt(scale);
  let d = den;
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const negative = n < 0n;
  const abs = negative ? -n : n;
  let q = abs / d;
  const twice = (abs % d) * 2n;
  if (twice > d || (twice === d && (rule === 'half_up' || q % 2n === 1n))) q += 1n;
  return new Decimal(negative ? -q : q, scale);
}

/** `a` rounded to `scale` decimal places by `rule`. */
export function roundTo(a: Decimal, scale: number, rule: RoundingRule): Decimal {
  if (a.scale <= scale) return new Decimal(unitsAt(a, scale), scale);
  return roundFraction(a.units, 10n ** BigInt(a.scale), scale, rule);
}

/** A decimal from a number as written (the shortest text of the double), or undefined. */
export function decimalOf(value: number): Decimal | undefined {
  return literalDecimal(value);
}

/** `a ÷ b` as a double, for ratios shown to people (attainment); null when `b` is zero. */
export function ratio(a: Decimal, b: Decimal): number | null {
  return isZero(b) ? null : a.toNumber() / b.toNumber();
}
