/**
 * The calls, emails and meetings an owner logs on a deal while it is open (won deals see more
 * meetings), and two deliberate gaps in that logging, chosen by position so the counts are exact:
 * a won deal whose activities were all logged on the account instead of the deal (so the deal
 * shows none), and a closed deal with one activity logged after its close date. Every activity
 * is drawn from the account's stream exactly as before; the choices only change what is written.
 */
import { AS_OF_DAY, formatDate } from './calendar.js';
import { writerOf, type GenContext } from './context.js';
import type { DealState } from './deal-trajectory.js';
import { CLOSED_WON } from './deal-vocabulary.js';
import type { DealSpec } from './deal-writer.js';
import { activityId } from './ids.js';
import { plant } from './planted.js';
import { createRng, type Rng } from './prng.js';

/** The deal whose activities are written. */
export interface WorkedDeal {
  readonly id: string;
  readonly number: number;
  readonly accountId: string;
  readonly ownerId: string;
  readonly spec: DealSpec;
  readonly state: DealState;
  /** The created date written, later than the planned one for a sandbagged deal. */
  readonly createdDay: number;
}

const ACTIVITY_TYPES = ['call', 'email', 'meeting'] as const;
const WON_MIX = [0.35, 0.4, 0.25];
const OTHER_MIX = [0.4, 0.45, 0.15];

/** Among won deals, in order: position % period === offset logs its activities on the account. */
const LOGGED_ON_ACCOUNT = { period: 157, offset: 61 } as const;
/** Among closed deals with two activities or more: position % period === offset logs one after the close. */
const LOGGED_AFTER_CLOSE = { period: 331, offset: 97 } as const;
/** An activity logged after the close falls up to this many days after it. */
const AFTER_CLOSE_DAYS = 30;

/**
 * Writes the activities of a deal with a known owner; returns how many are logged on the deal on
 * or before its close date (the close date as written, which a backdated close moves earlier).
 */
export function writeDealActivities(ctx: GenContext, rng: Rng, deal: WorkedDeal): number {
  const { spec, state } = deal;
  const last = state.closed ? Math.min(spec.closeDay, AS_OF_DAY) : AS_OF_DAY;
  const openDays = Math.max(0, last - spec.createdDay);
  const won = state.stage === CLOSED_WON;
  const n = 1 + Math.floor(rng.next() * (1 + Math.min(openDays, 180) / 30) * (won ? 1.3 : 1));
  const drawn: { type: string; day: number }[] = [];
  for (let k = 0; k < n; k++) {
    const type = rng.weighted(ACTIVITY_TYPES, won ? WON_MIX : OTHER_MIX);
    drawn.push({ type, day: spec.createdDay + rng.int(0, openDays) });
  }
  // A sandbagged deal was worked in the days it existed in the CRM.
  if (deal.createdDay !== spec.createdDay) {
    const span = last - deal.createdDay;
    for (const a of drawn) a.day = deal.createdDay + Math.round(((a.day - spec.createdDay) * span) / Math.max(1, openDays));
  }

  const onAccount = won && ++ctx.counters.wonDeals % LOGGED_ON_ACCOUNT.period === LOGGED_ON_ACCOUNT.offset;
  if (!onAccount && state.closed && !state.backdated && n >= 2 && state.closeDay < AS_OF_DAY) {
    if (++ctx.counters.closedDealsWorked % LOGGED_AFTER_CLOSE.period === LOGGED_AFTER_CLOSE.offset) {
      const latest = drawn.reduce((a, b) => (b.day >= a.day ? b : a));
      const after = createRng(ctx.seed, 'activity-after-close', deal.number).int(1, AFTER_CLOSE_DAYS);
      latest.day = Math.min(AS_OF_DAY, state.closeDay + after);
    }
  }

  const out = writerOf(ctx, 'activities');
  let beforeClose = 0;
  for (const a of drawn) {
    const id = activityId(++ctx.counters.activity);
    out.line(`${id},${deal.ownerId},${onAccount ? '' : deal.id},${deal.accountId},${a.type},${formatDate(a.day)}`);
    if (onAccount) continue;
    if (a.day <= state.closeDay) beforeClose++;
    else if (state.closed) plant(ctx, 'activities_after_close', id, deal.id);
  }
  return beforeClose;
}
