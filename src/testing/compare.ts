/**
 * The one place where an expected value meets an actual one. The rule (docs/testing.md):
 *
 * - money and counts must match **exactly** (`1200.50` = 1200.5; `0.30000000000000004` ≠ `0.3`);
 * - every other value (ratios, percentages, days, numbers, scores, attainment) may differ by
 *   1e-9 of the expected value's magnitude (at least 1e-9), so `2/3` or `0.6666666667` match a
 *   computed two-thirds;
 * - an expectation's `tolerance: T` replaces both with an absolute difference of at most T;
 * - `null` matches only null.
 *
 * Both sides are read as exact decimals or fractions (an engine value may be a JS number, a
 * decimal string or a bigint) and compared with bigint arithmetic.
 */
import type { Unit } from '../model/types.js';
import {
  atMost,
  decimalOfNumber,
  distance,
  divide,
  formatDecimal,
  parseDecimal,
  rationalOf,
  sameRational,
  shiftDecimal,
  type Decimal,
  type Rational,
} from './decimal.js';

/** A parsed expected value. */
export type ExpectedNumber =
  { readonly kind: 'null' } | { readonly kind: 'number'; readonly value: Rational; readonly percent: boolean; readonly text: string };

/** How close actual must be to expected. */
export type Tolerance =
  | { readonly kind: 'exact' }
  | { readonly kind: 'relative' }
  | { readonly kind: 'absolute'; readonly limit: Rational; readonly text: string };

const RELATIVE = 1_000_000_000n; // 1e-9

/**
 * Reads an expected value as written: a number (`1200.50`, `-3`), a percentage (`62.5%`), a
 * fraction (`2/3`, `1000/3`) or null. A string explains what is wrong.
 */
export function parseExpected(value: string | number | boolean | null, text: string): ExpectedNumber | string {
  if (value === null) return { kind: 'null' };
  if (typeof value === 'boolean')
    return `\`${text}\` is not a number; write a number, a percentage (\`50%\`), a fraction (\`2/3\`) or \`null\``;
  const t = text.trim();
  if (t.endsWith('%')) {
    const d = parseDecimal(t.slice(0, -1));
    if (d !== undefined) return { kind: 'number', value: rationalOf(shiftDecimal(d, -2)), percent: true, text: t };
  }
  const slash = t.indexOf('/');
  if (slash > 0) {
    const num = parseDecimal(t.slice(0, slash));
    const den = parseDecimal(t.slice(slash + 1));
    if (num !== undefined && den !== undefined) {
      const r = divide(num, den);
      if (r === undefined) return `\`${t}\` divides by zero; write \`null\` for a value that must be empty`;
      return { kind: 'number', value: r, percent: false, text: t };
    }
  }
  const d = parseDecimal(t);
  if (d !== undefined) return { kind: 'number', value: rationalOf(d), percent: false, text: t };
  return `\`${t}\` is not a number; write a number (\`1200.50\`), a percentage (\`50%\`), a fraction (\`2/3\`) or \`null\``;
}

/** The exact decimal of an actual value, `null` for null, or undefined when it is not a finite number. */
export function actualDecimal(actual: unknown): Decimal | null | undefined {
  if (actual === null || actual === undefined) return null;
  if (typeof actual === 'number') return decimalOfNumber(actual);
  if (typeof actual === 'bigint') return { coef: actual, scale: 0 };
  if (typeof actual === 'string') return parseDecimal(actual);
  if (typeof actual === 'object' && 'toString' in actual) return parseDecimal(String(actual));
  return undefined;
}

/** The default tolerance of a value of `unit`, or the expectation's `tolerance:`. */
export function toleranceFor(unit: Unit | undefined, explicit: { readonly text: string } | undefined): Tolerance {
  if (explicit !== undefined) {
    const d = parseDecimal(explicit.text);
    if (d !== undefined) return { kind: 'absolute', limit: rationalOf(d), text: explicit.text };
  }
  return unit === 'money' || unit === 'count' ? { kind: 'exact' } : { kind: 'relative' };
}

/** Whether `actual` matches `expected` under `tolerance`. */
export function valuesMatch(expected: ExpectedNumber, actual: unknown, tolerance: Tolerance): boolean {
  const a = actualDecimal(actual);
  if (expected.kind === 'null') return a === null;
  if (a === null || a === undefined) return false;
  const ra = rationalOf(a);
  const e = expected.value;
  switch (tolerance.kind) {
    case 'exact':
      return sameRational(ra, e);
    case 'relative': {
      const magnitude = e.num < 0n ? -e.num : e.num;
      const scale = magnitude > e.den ? magnitude : e.den; // max(1, |e|) × den
      return atMost(distance(ra, e), { num: scale, den: e.den * RELATIVE });
    }
    case 'absolute':
      return atMost(distance(ra, e), tolerance.limit);
    default: {
      const never: never = tolerance;
      return never;
    }
  }
}

/** An actual value for display, exact; as a percentage when the expectation was written as one. */
export function formatActual(actual: unknown, asPercent: boolean): string {
  const a = actualDecimal(actual);
  if (a === null) return 'null';
  if (a === undefined) return String(actual);
  return asPercent ? `${formatDecimal(shiftDecimal(a, 2))}%` : formatDecimal(a);
}

/** The words for a tolerance, for reports. */
export function describeTolerance(t: Tolerance): string {
  switch (t.kind) {
    case 'exact':
      return 'exactly';
    case 'relative':
      return 'within 1e-9 relative';
    case 'absolute':
      return `within ${t.text}`;
    default: {
      const never: never = t;
      return never;
    }
  }
}
