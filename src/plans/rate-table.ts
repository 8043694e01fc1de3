/**
 * A commission rate table as exact arithmetic: what year-to-date credit earns under flat, marginal
 * or retroactive tiers (on credit, or on attainment as shares of year-to-date quota), with the
 * rates of attainment bands multiplied in. Bounds are inclusive: a tier `up_to: 300000` holds the
 * 300,000th unit of credit, and a retroactive total of exactly 300,000 is paid at that tier's rate;
 * a band `above: 100%` starts with the credit beyond 100% of quota (docs/plans.md).
 */
import { Decimal } from '../model/decimal.js';
import { max, min, plus, sum, times, ZERO } from './decimal-math.js';
import type { CommissionComponent } from './resolved.js';

/** A run of credit paid at one rate: `credit × rate × multiplier = amount` (exact). */
export interface Piece {
  /** `rate`: credit at its tier's rate; `true-up`: earlier credit re-paid at a higher retroactive tier. */
  readonly kind: 'rate' | 'true-up';
  readonly credit: Decimal;
  /** Index of the tier (0 = first). */
  readonly tier: number;
  readonly rate: Decimal;
  readonly multiplier: Decimal;
  readonly amount: Decimal;
}

const ONE = new Decimal(1n, 0);

interface Segment {
  readonly low: Decimal;
  readonly high: Decimal | undefined;
  readonly tier: number;
  readonly multiplier: Decimal;
}

/** The credit bound of a tier or band limit: itself, or a share of quota. */
function bound(c: CommissionComponent, value: Decimal, quota: Decimal | undefined, attainment: boolean): Decimal {
  return attainment ? times(value, quota ?? ZERO) : value;
}

/** Segments of credit with one tier and one multiplier each, from 0 upwards. */
function segments(c: CommissionComponent, quota: Decimal | undefined): Segment[] {
  const points: Decimal[] = [];
  const tierBounds = c.tiers.map((t) => (t.upTo === undefined ? undefined : bound(c, t.upTo, quota, c.on === 'attainment')));
  for (const b of tierBounds) if (b !== undefined) points.push(b);
  const bands = c.bands.map((b) => ({
    low: bound(c, b.from, quota, true),
    high: b.to === undefined ? undefined : bound(c, b.to, quota, true),
    multiplier: b.multiplier,
  }));
  for (const b of bands) {
    points.push(b.low);
    if (b.high !== undefined) points.push(b.high);
  }
  const sorted = points.filter((p) => p.units > 0n).sort((a, b) => a.compare(b));
  const unique = sorted.filter((p, i) => i === 0 || p.compare(sorted[i - 1] ?? p) !== 0);
  const out: Segment[] = [];
  let low: Decimal = ZERO;
  for (const high of [...unique, undefined]) {
    if (high !== undefined && high.compare(low) <= 0) continue;
    // The tier and band of a segment are those of its points just above `low`.
    const tier = tierBounds.findIndex((b) => b === undefined || b.compare(low) > 0);
    const band = bands.find((b) => b.low.compare(low) <= 0 && (b.high === undefined || b.high.compare(low) > 0));
    out.push({ low, high, tier: tier < 0 ? c.tiers.length - 1 : tier, multiplier: band?.multiplier ?? ONE });
    if (high === undefined) break;
    low = high;
  }
  return out;
}

/** The tier a retroactive total falls in (inclusive upper bounds; 0 is in the first tier). */
function retroactiveTier(c: CommissionComponent, total: Decimal, quota: Decimal | undefined): number {
  const i = c.tiers.findIndex((t) => t.upTo === undefined || total.compare(bound(c, t.upTo, quota, c.on === 'attainment')) <= 0);
  return i < 0 ? c.tiers.length - 1 : i;
}

function rateOf(c: CommissionComponent, tier: number): Decimal {
  return c.tiers[tier]?.rate ?? ZERO;
}

/** The pieces of credit in (`from`, `to`], each tier rate (or the fixed tier `tier`) times its multiplier. */
function piecesBetween(
  c: CommissionComponent,
  from: Decimal,
  to: Decimal,
  quota: Decimal | undefined,
  fixedTier: number | undefined,
): Piece[] {
  const out: Piece[] = [];
  for (const s of segments(c, quota)) {
    const low = max(s.low, from);
    const high = s.high === undefined ? to : min(s.high, to);
    if (high.compare(low) <= 0) continue;
    const credit = high.minus(low);
    const tier = fixedTier ?? s.tier;
    const rate = rateOf(c, tier);
    // Neighbouring runs at the same tier and multiplier are one piece (retroactive tiers span bounds).
    const last = out[out.length - 1];
    const joined = last !== undefined && last.tier === tier && last.multiplier.compare(s.multiplier) === 0 ? last : undefined;
    if (joined !== undefined) out.pop();
    const total = joined === undefined ? credit : plus(joined.credit, credit);
    out.push({ kind: 'rate', credit: total, tier, rate, multiplier: s.multiplier, amount: times(times(total, rate), s.multiplier) });
  }
  return out;
}

/** What a year-to-date table credit of `total` earns. */
export function earned(c: CommissionComponent, total: Decimal, quota: Decimal | undefined): Decimal {
  if (total.units <= 0n) return ZERO;
  const fixed = c.method === 'retroactive' ? retroactiveTier(c, total, quota) : undefined;
  return sum(piecesBetween(c, ZERO, total, quota, fixed).map((p) => p.amount));
}

/**
 * The pieces that take year-to-date table credit from `before` to `after` (after ≥ before): the
 * new credit at its rates and, for retroactive tiers, the earlier credit re-paid at the tier now
 * reached. Their amounts add up exactly to `earned(after) − earned(before)`.
 */
export function piecesFor(c: CommissionComponent, before: Decimal, after: Decimal, quota: Decimal | undefined): Piece[] {
  if (c.method !== 'retroactive') return piecesBetween(c, before, after, quota, undefined);
  const now = retroactiveTier(c, after, quota);
  const pieces = piecesBetween(c, before, after, quota, now);
  if (before.units > 0n) {
    const was = retroactiveTier(c, before, quota);
    if (was !== now) {
      const then = piecesBetween(c, ZERO, before, quota, was);
      const again = piecesBetween(c, ZERO, before, quota, now);
      const amount = sum(again.map((p) => p.amount)).minus(sum(then.map((p) => p.amount)));
      pieces.unshift({ kind: 'true-up', credit: before, tier: now, rate: rateOf(c, now).minus(rateOf(c, was)), multiplier: ONE, amount });
    }
  }
  return pieces;
}
