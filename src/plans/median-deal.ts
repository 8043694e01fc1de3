/**
 * The median deal of a pay period, for tapers written as `above_median: N` (docs/plans.md#caps-and-tapers):
 * the median of the whole credit of the plan's deals (before splits, each deal once, positive
 * credits only) dated in the period, across every rep. Exact: with an even count, the mean of
 * the two middle credits (a decimal with one more place, never rounded).
 */
import { Decimal } from '../model/decimal.js';
import type { Period } from '../periods/period.js';
import type { Credit } from './credits.js';
import { plus, times } from './decimal-math.js';

const HALF = new Decimal(5n, 1);

/** The median of `values` (not empty), exact. */
function medianOf(values: readonly Decimal[]): Decimal | undefined {
  const sorted = [...values].sort((a, b) => a.compare(b));
  const mid = Math.floor(sorted.length / 2);
  const hi = sorted[mid];
  if (hi === undefined) return undefined;
  const lo = sorted[mid - 1];
  return sorted.length % 2 === 1 || lo === undefined ? hi : times(plus(lo, hi), HALF);
}

/** Period start → the median deal of that pay period. */
export function medianDeals(credits: readonly Credit[], periods: readonly Period[]): Map<string, Decimal> {
  const out = new Map<string, Decimal>();
  for (const p of periods) {
    const deals = new Map<string, Decimal>();
    for (const c of credits) {
      if (c.date < p.start || c.date > p.last) continue;
      const whole = c.split?.of ?? c.amount;
      if (whole.units > 0n) deals.set(c.deal, whole);
    }
    const m = medianOf([...deals.values()]);
    if (m !== undefined) out.set(p.start, m);
  }
  return out;
}
