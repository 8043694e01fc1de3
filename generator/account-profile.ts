/**
 * Who an account is: segment, region, industry, size, when the CRM record was made and when sales
 * first engaged, its parent (for subsidiaries of Enterprise accounts) and how healthy it will be
 * as a customer. Writes the `accounts` row, and now and then a near-duplicate record.
 */
import { AS_OF_DAY, SPAN_START_DAY, formatDate } from './calendar.js';
import { writerOf, type GenContext } from './context.js';
import { csvText } from './csv-writer.js';
import { accountId } from './ids.js';
import { companyName, nearDuplicateName } from './names.js';
import { INDUSTRIES, REGION_WEIGHTS, REGIONS, SEGMENT_WEIGHTS, SEGMENTS } from './org.js';
import type { Rng } from './prng.js';
import { plant } from './planted.js';

/** An account as the deal simulation needs it. */
export interface AccountProfile {
  readonly id: string;
  readonly segment: number;
  readonly region: number;
  readonly employees: number;
  /** The day sales first engages (the first new-business deal is created then). */
  readonly firstTouchDay: number;
  /** 0–1: how likely the customer is to churn or shrink (also lowers its NPS). */
  readonly risk: number;
}

const SEGMENT_INDICES = [0, 1, 2];
const EMPLOYEE_RANGES = [
  [10, 200],
  [200, 2000],
  [2000, 80_000],
] as const;
/** Yearly growth of new engagements (the business grows ~40% a year). */
const GROWTH = Math.log(1.4) / 365;
/** One account in this many is followed by a near-duplicate record. */
const DUPLICATE_EVERY = 61;

/** Draws the next account, writes its row (and maybe a near-duplicate), and returns its profile. */
export function drawAccount(ctx: GenContext, rng: Rng): AccountProfile {
  const drawn = ctx.counters.accountsDrawn++;
  const number = ++ctx.counters.account;
  const segment = rng.weighted(SEGMENT_INDICES, SEGMENT_WEIGHTS);
  const region = rng.weighted(SEGMENT_INDICES, REGION_WEIGHTS);
  const industry = rng.pick(INDUSTRIES);
  const [lo, hi] = EMPLOYEE_RANGES[segment] ?? [10, 200];
  const employees = Math.round(lo * Math.exp(rng.next() * Math.log(hi / lo)));
  const firstTouchDay = growthDay(rng.next());
  const createdDay = firstTouchDay - (rng.chance(0.5) ? rng.int(0, 60) : rng.int(61, 1500));
  let parent = '';
  const candidates = ctx.enterpriseAccounts[region];
  if (candidates !== undefined) {
    if (segment === 2) candidates.push(number);
    else if (candidates.length > 0 && rng.chance(0.06)) parent = accountId(rng.pick(candidates));
  }
  const risk = rng.next() ** 2;
  const name = companyName(drawn);
  const id = accountId(number);
  const out = writerOf(ctx, 'accounts');
  const fixed = `${SEGMENTS[segment]},${industry},${REGIONS[region]},${employees}`;
  out.line(`${id},${csvText(name)},${fixed},${formatDate(createdDay)},${parent}`);

  if (drawn % DUPLICATE_EVERY === DUPLICATE_EVERY - 1) {
    const dupNumber = ++ctx.counters.account;
    const dupCreated = Math.min(AS_OF_DAY, createdDay + rng.int(30, 900));
    const dupName = nearDuplicateName(name, Math.floor(drawn / DUPLICATE_EVERY));
    out.line(`${accountId(dupNumber)},${csvText(dupName)},${fixed},${formatDate(dupCreated)},${parent}`);
    plant(ctx, 'near_duplicate_accounts', accountId(dupNumber), id);
  }
  return { id, segment, region, employees, firstTouchDay, risk };
}

/** A day in the span, denser later: the inverse of an exponential growth curve at quantile `u`. */
function growthDay(u: number): number {
  const length = AS_OF_DAY - SPAN_START_DAY;
  const day = SPAN_START_DAY + Math.floor(Math.log(1 + u * (Math.exp(GROWTH * length) - 1)) / GROWTH);
  return Math.min(AS_OF_DAY, day);
}
