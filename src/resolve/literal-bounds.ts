/**
 * Bounds of literal arguments: numbers a formula may write that the engine cannot take are
 * refused at validation, with the bound stated, instead of failing the run. A window or shift
 * spans at most 1,000 years (dates run from 0001 to 9999), `round` keeps −38 to 38 decimals
 * (exact numbers have at most 38 digits), and `top_share` counts at most a billion keys.
 */
import type { DurationUnit, Expr } from '../formula/ast.js';
import { report, type ResolveEnv } from './env.js';

/** The longest window or shift, in each unit: 1,000 years. */
const MAX_DURATION: Readonly<Record<DurationUnit, number>> = {
  year: 1000,
  quarter: 4000,
  month: 12000,
  week: 52_178,
  day: 365_243,
};

/** The most decimals `round` keeps (or, negative, the most tens it rounds to). */
const MAX_ROUND_DIGITS = 38;

/** The most keys `top_share` counts. */
const MAX_TOP_KEYS = 1_000_000_000;

const plural = (n: number, unit: string): string => `${n.toLocaleString('en-US')} ${unit}${n === 1 ? '' : 's'}`;

/** Whether a duration is within {@link MAX_DURATION}; reports it when not. */
export function durationInBounds(env: ResolveEnv, fn: string, amount: number, unit: DurationUnit, at: Expr): boolean {
  if (amount <= MAX_DURATION[unit]) return true;
  report(
    env,
    'resolve/argument-out-of-range',
    at.span,
    `${fn.startsWith('lookup') ? fn : `${fn}()`} spans ${plural(amount, unit)}; a window or shift spans at most ${plural(MAX_DURATION[unit], unit)} (1,000 years)`,
  );
  return false;
}

/** `round(x, digits)`: a literal number of digits must be whole and within ±{@link MAX_ROUND_DIGITS}. */
export function checkRoundDigits(env: ResolveEnv, digits: Expr | undefined): void {
  if (digits?.kind !== 'number' || digits.percent) return;
  const v = digits.value;
  if (Number.isInteger(v) && Math.abs(v) <= MAX_ROUND_DIGITS) return;
  report(
    env,
    'resolve/argument-out-of-range',
    digits.span,
    `round() keeps a whole number of decimals from -${MAX_ROUND_DIGITS} to ${MAX_ROUND_DIGITS}, not ${String(v)}`,
  );
}

/** Whether `top_share`'s count is within {@link MAX_TOP_KEYS}; reports it when not. */
export function topKeysInBounds(env: ResolveEnv, n: number, at: Expr): boolean {
  if (n <= MAX_TOP_KEYS) return true;
  report(
    env,
    'resolve/argument-out-of-range',
    at.span,
    `top_share() counts at most ${MAX_TOP_KEYS.toLocaleString('en-US')} keys, not ${n.toLocaleString('en-US')}`,
  );
  return false;
}
