/**
 * Plans deals: who owns them, whether they will be won, when they really close, and what they are
 * worth. This is where the business's shape lives — win rates, cycle times and deal sizes by
 * segment, region and rep; quarter-end pull-ins and deeper discounts; renewals that shrink or
 * churn with the customer's health; and the rare one-time mega deal.
 */
import { AS_OF_DAY, dayOf, monthOf, quarterEndOf, quarterStartOf } from './calendar.js';
import type { GenContext } from './context.js';
import type { DealSpec } from './deal-writer.js';
import type { AccountProfile } from './account-profile.js';
import type { Rng } from './prng.js';
import type { RepRecord } from './roster.js';
import { countQuirk } from './quirks.js';

const CYCLE_MEDIAN_DAYS = [30, 62, 115];
const REGION_CYCLE = [1, 1.15, 1.05];
const WIN_BASE = [0.31, 0.25, 0.19];
const REGION_WIN = [1, 0.95, 0.82];
const SIZE_MEDIAN = [9000, 38_000, 140_000];
const REGION_SIZE = [1, 0.95, 0.85];
const EXPANSIONS_PER_YEAR = [0.35, 0.6, 1];

const SOURCES = ['Inbound', 'Outbound', 'Event', 'Webinar', 'Partner', 'Referral', 'AE Sourced'] as const;
const SOURCE_WEIGHTS = [0.25, 0.2, 0.08, 0.07, 0.15, 0.07, 0.18];
const SOURCE_WIN = [1.05, 0.8, 0.9, 0.95, 1.15, 1.35, 1];
const TERMS = [12, 24, 36];
const TERM_WEIGHTS = [
  [0.85, 0.1, 0.05],
  [0.6, 0.2, 0.2],
  [0.4, 0.2, 0.4],
];
const SOURCE_INDICES = SOURCES.map((_, i) => i);
const PRODUCT_INDICES = [0, 1, 2, 3];
/** Among Enterprise first deals that close by the as-of date, one in this many is a mega deal. */
const MEGA_EVERY = 80;
/** The planted pipeline drop: EMEA (region 1) loses open Enterprise deals in these days of the export's last month. */
const DROP_REGION = 1;
const DROP_FROM = dayOf(2026, 9, 14);
const DROP_DAYS = 14;

/**
 * Whether a deal is lost in the planted pipeline drop: an EMEA Enterprise new-business deal
 * created before the drop that would still be open at the export date, for three created days
 * in five (chosen by the day, not by drawing from the random stream). A competitor's acquisition
 * of a partner takes them all within two weeks: the region's pipeline at the end of September
 * falls by more than a third from August's (the catalog's alert `pipeline_drop` fires for EMEA,
 * to its director).
 */
function lostInPipelineDrop(account: AccountProfile, day: number, close: number): boolean {
  return account.region === DROP_REGION && account.segment === 2 && day < DROP_FROM && close > AS_OF_DAY && day % 5 < 3;
}

/** Expected expansion deals per customer-year, by segment. */
export function expansionsPerYear(segment: number): number {
  return EXPANSIONS_PER_YEAR[segment] ?? 0.3;
}

/** A new-business deal created on `day` (a win-back if the account was a customer before). */
export function planNewBusiness(
  ctx: GenContext,
  rng: Rng,
  account: AccountProfile,
  day: number,
  winBack: boolean,
  firstDeal: boolean,
): DealSpec {
  const seg = account.segment;
  const median = (CYCLE_MEDIAN_DAYS[seg] ?? 60) * (REGION_CYCLE[account.region] ?? 1);
  const owner = ctx.pools.pick(rng, seg, account.region, day, Math.min(AS_OF_DAY, day + Math.round(median * 1.5)));
  const rep = ctx.roster.reps[owner];
  const source = rng.weighted(SOURCE_INDICES, SOURCE_WEIGHTS);
  const tenureFactor = rep !== undefined && day - rep.hireDay < 180 ? 0.8 : 1;
  const p =
    (WIN_BASE[seg] ?? 0.25) *
    (REGION_WIN[account.region] ?? 1) *
    (rep?.traits.skill ?? 1) *
    (SOURCE_WIN[source] ?? 1) *
    tenureFactor *
    (winBack ? 1.5 : 1);
  let won = rng.chance(Math.min(0.85, p));
  const cycle = median * (rep?.traits.pace ?? 1) * rng.logNormal(1, 0.55) * (won ? 1 : 0.8);
  let close = day + Math.round(Math.min(540, Math.max(3, cycle)));
  if (won) close = pullToQuarterEnd(rng, day, close);
  if (lostInPipelineDrop(account, day, close)) {
    won = false;
    close = DROP_FROM + (day % DROP_DAYS);
    countQuirk(ctx.quirks, 'pipeline_drop');
  }

  let mega = false;
  if (seg === 2 && firstDeal && close <= AS_OF_DAY) {
    mega = ++ctx.counters.megaCandidates % MEGA_EVERY === MEGA_EVERY >> 1;
    if (mega) won = true;
  }
  // A mega deal is 12–25× the segment's median list price whatever the rep or region, lightly discounted.
  const list = round100(
    mega
      ? (SIZE_MEDIAN[seg] ?? 10_000) * rng.uniform(12, 25)
      : (SIZE_MEDIAN[seg] ?? 10_000) * (REGION_SIZE[account.region] ?? 1) * (rep?.traits.dealSize ?? 1) * rng.logNormal(1, 0.5),
  );
  const discount = mega ? round2(rng.uniform(0.05, 0.15)) : newBusinessDiscount(rng, seg, close, rep);
  return {
    type: 0,
    createdDay: day,
    closeDay: close,
    won,
    listPrice: list,
    discount,
    amount: Math.max(100, Math.round(list * (1 - discount))),
    termMonths: mega ? 36 : rng.weighted(TERMS, TERM_WEIGHTS[seg] ?? [1, 0, 0]),
    productLine: rng.weighted(PRODUCT_INDICES, [0.85, 0.1, 0.05, 0]),
    leadSource: rng.chance(0.01) ? '' : (SOURCES[source] ?? ''),
    owner,
    mega,
  };
}

/**
 * An expansion created on `day` by account manager `owner`, closing no later than `latestClose`
 * (before the renewal is opened), co-terminous with the subscription ending at `renewalMonth`.
 * Null when the deal would not fit before `latestClose`.
 */
export function planExpansion(
  ctx: GenContext,
  rng: Rng,
  account: AccountProfile,
  owner: number,
  day: number,
  latestClose: number,
  renewalMonth: number,
  arr: number,
): DealSpec | null {
  const rep = ctx.roster.reps[owner];
  let close = day + Math.round(Math.min(200, Math.max(5, 40 * (rep?.traits.pace ?? 1) * rng.logNormal(1, 0.5))));
  if (close > latestClose) close = latestClose;
  if (close - day < 5) return null;
  const won = rng.chance(Math.min(0.9, 0.55 * (rep?.traits.skill ?? 1) * (1 - 0.5 * account.risk)));
  const list = round100(Math.max(1000, arr * rng.logNormal(0.3, 0.5)) * (rep?.traits.dealSize ?? 1));
  const discount = round2(Math.min(0.45, rng.uniform(0, 0.15) + (rep?.traits.gaming ? 0.05 : 0)));
  return {
    type: 1,
    createdDay: day,
    closeDay: close,
    won,
    listPrice: list,
    discount,
    amount: Math.max(100, Math.round(list * (1 - discount))),
    termMonths: Math.max(1, renewalMonth - monthOf(close)),
    productLine: rng.weighted(PRODUCT_INDICES, [0, 0.4, 0.3, 0.3]),
    leadSource: 'Existing Customer',
    owner,
    mega: false,
  };
}

/**
 * The renewal of a subscription of `arr` whose term ends when `renewalStart` begins: opened 60–120
 * days before, closed before that day. Healthy customers renew flat; others shrink or churn.
 */
export function planRenewal(
  ctx: GenContext,
  rng: Rng,
  account: AccountProfile,
  owner: number,
  renewalStart: number,
  arr: number,
): DealSpec {
  const rep = ctx.roster.reps[owner];
  const day = renewalStart - rng.int(60, 120);
  const close = Math.max(day + 10, renewalStart - rng.int(1, 28));
  const won = rng.chance(Math.min(0.99, (0.96 - 0.4 * account.risk) * (rep?.traits.skill ?? 1) ** 0.3));
  const shrinks = won && rng.chance(0.08 + 0.35 * account.risk);
  const amount = shrinks ? Math.max(100, Math.round(arr * rng.uniform(0.55, 0.95))) : arr;
  const termWeights = account.segment === 2 ? [0.6, 0.2, 0.2] : [0.85, 0.15, 0];
  return {
    type: 2,
    createdDay: day,
    closeDay: close,
    won,
    listPrice: amount,
    discount: 0,
    amount,
    termMonths: rng.weighted(TERMS, termWeights),
    productLine: 0,
    leadSource: 'Existing Customer',
    owner,
    mega: false,
  };
}

/** Quarter-end seasonality: deals due near a quarter's end are pushed over the line before it. */
function pullToQuarterEnd(rng: Rng, created: number, close: number): number {
  const qe = quarterEndOf(close);
  if (qe - close <= 20 && rng.chance(0.55)) return Math.max(close, qe - rng.int(0, 3));
  const qs = quarterStartOf(close);
  if (close - qs <= 7 && rng.chance(0.4)) {
    const pulled = qs - 1 - rng.int(0, 2);
    if (pulled > created + 2) return pulled;
  }
  return close;
}

function newBusinessDiscount(rng: Rng, segment: number, close: number, rep: RepRecord | undefined): number {
  let d: number;
  if (segment === 0) d = rng.chance(0.35) ? 0 : rng.uniform(0.03, 0.12);
  else if (segment === 1) d = rng.uniform(0, 0.2);
  else d = rng.uniform(0.05, 0.3);
  if (quarterEndOf(close) - close <= 7) d += rng.uniform(0, 0.08);
  if (rep?.traits.gaming) d += 0.05;
  return round2(Math.min(0.45, d));
}

function round100(value: number): number {
  return Math.max(100, Math.round(value / 100) * 100);
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
