/**
 * A rep's quota to date under an `annual` quota rule, exactly: each month of the fiscal year gets
 * its share of the year (a seasonal quarter's share spread evenly over its three months, a month's
 * own share, or 1/12), times the share of its days the rep was active, times the ramp share of a
 * new hire's first months. The sum is a fraction of integers, rounded to cents once; a period's
 * quota is the rounded quota to date less the rounded quota before it, so periods add up to the year.
 */
import type { CalendarDef } from '../model/types.js';
import { monthsIntoYear, utcDay } from '../periods/period.js';
import { addDays, addMonths, formatIsoDate } from '../query/calendar.js';
import type { Decimal } from '../model/decimal.js';
import { activeDaysIn, daysInclusive, type Activity } from './activity.js';
import { roundFraction, type RoundingRule } from './decimal-math.js';
import type { ResolvedQuota } from './resolved.js';

/** A non-negative fraction of integers. */
interface Fraction {
  readonly n: bigint;
  readonly d: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));

function reduce(f: Fraction): Fraction {
  const g = gcd(f.n, f.d);
  return g === 0n ? f : { n: f.n / g, d: f.d / g };
}

function add(a: Fraction, b: Fraction): Fraction {
  return reduce({ n: a.n * b.d + b.n * a.d, d: a.d * b.d });
}

function mul(a: Fraction, b: Fraction): Fraction {
  return reduce({ n: a.n * b.n, d: a.d * b.d });
}

const of = (x: Decimal): Fraction => ({ n: x.units, d: 10n ** BigInt(x.scale) });
const ONE: Fraction = { n: 1n, d: 1n };

type Annual = Extract<ResolvedQuota, { kind: 'annual' }>;

/** The share of the year of the month starting `month` (a Date on the 1st). */
function monthShare(q: Annual, month: Date, calendar: CalendarDef): Fraction {
  if (q.seasonal === undefined) return { n: 1n, d: 12n };
  if (q.seasonal.unit === 'month') {
    const s = q.seasonal.shares[month.getUTCMonth()];
    return s === undefined ? { n: 0n, d: 1n } : of(s);
  }
  const s = q.seasonal.shares[Math.floor(monthsIntoYear(month, calendar) / 3)];
  return s === undefined ? { n: 0n, d: 1n } : mul(of(s), { n: 1n, d: 3n });
}

/** Whole months from the month of `first` to `month` (0 in the first month). */
function monthsSince(first: string, month: Date): number {
  const f = utcDay(first);
  return (month.getUTCFullYear() - f.getUTCFullYear()) * 12 + month.getUTCMonth() - f.getUTCMonth();
}

function rampShare(q: Annual, a: Activity, month: Date): Fraction {
  if (a.firstDay === null || q.ramp.length === 0) return ONE;
  const k = monthsSince(a.firstDay, month);
  const r = k >= 0 ? q.ramp[k] : undefined;
  return r === undefined ? ONE : of(r);
}

/**
 * The quota to date: from `yearStart` (the fiscal year's first day) to `last` (the last day of a
 * pay period), in cents by `rule`.
 */
export function annualQuotaToDate(
  q: Annual,
  a: Activity,
  yearStart: string,
  last: string,
  calendar: CalendarDef,
  rule: RoundingRule,
): Decimal {
  let total: Fraction = { n: 0n, d: 1n };
  for (let month = utcDay(yearStart); formatIsoDate(month) <= last; month = addMonths(month, 1)) {
    const start = formatIsoDate(month);
    const end = formatIsoDate(addDays(addMonths(month, 1), -1));
    const active = activeDaysIn(a, start, end);
    if (active === 0) continue;
    const days: Fraction = { n: BigInt(active), d: BigInt(daysInclusive(start, end)) };
    total = add(total, mul(mul(monthShare(q, month, calendar), days), rampShare(q, a, month)));
  }
  const full = mul(of(q.annual), total);
  return roundFraction(full.n, full.d, 2, rule);
}
