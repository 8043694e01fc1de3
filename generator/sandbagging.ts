/**
 * Sandbagging: a rep holds a large deal out of the CRM (and out of the forecast) until it is
 * about to close, enters it in the first days of a quarter and wins it within the week, so the
 * quarter starts ahead. Such a deal is planned and simulated like any other (the account's stream draws
 * exactly as before); the CRM record written is then the late one — created days before the
 * close, with a short history simulated from the deal's own stream (`createRng(seed,
 * 'sandbagging', number)`), so no other generated value moves.
 */
import { DAY_SECONDS, quarterStartOf } from './calendar.js';
import type { GenContext } from './context.js';
import { SANDBAG_MAX_CYCLE, SANDBAG_MIN_AMOUNT, SANDBAG_QUARTER_DAYS } from './deal-signals.js';
import { businessSeconds, simulateDeal, type DealState } from './deal-trajectory.js';
import { CLOSED_WON } from './deal-vocabulary.js';
import type { DealSpec } from './deal-writer.js';
import { LEAD_SOURCES } from './leads.js';
import { createRng } from './prng.js';

/** The record of a sandbagged deal: its late creation day and the history from it. */
export interface SandbaggedDeal {
  readonly createdDay: number;
  readonly state: DealState;
}

/** Among the deals that can be held back, in order: every second one is. */
const HELD_BACK = { period: 2, offset: 1 } as const;

/**
 * The record the owner makes of deal number `number` if they hold it back, else null. Deals that
 * can be held back: won new business or expansions of at least 25,000 a year, closing in the first
 * 14 days of a quarter after a cycle longer than a week, with no lead behind them (a lead's
 * conversion dates the deal), owned by a rep who does not game the CRM (gaming reps over-call
 * their forecasts; sandbaggers under-call).
 */
export function sandbag(ctx: GenContext, number: number, spec: DealSpec, state: DealState, owner: number): SandbaggedDeal | null {
  const rep = ctx.roster.reps[owner];
  if (rep === undefined || rep.traits.gaming) return null;
  if (state.stage !== CLOSED_WON || state.backdated || spec.type === 2 || spec.mega) return null;
  if ((LEAD_SOURCES as readonly string[]).includes(spec.leadSource)) return null;
  if (state.amount === null || state.amount < SANDBAG_MIN_AMOUNT) return null;
  if (state.closeDay - quarterStartOf(state.closeDay) >= SANDBAG_QUARTER_DAYS || state.closeDay - spec.createdDay <= SANDBAG_MAX_CYCLE)
    return null;
  if (++ctx.counters.sandbagCandidates % HELD_BACK.period !== HELD_BACK.offset) return null;
  const rng = createRng(ctx.seed, 'sandbagging', number);
  const createdDay = state.closeDay - rng.int(2, SANDBAG_MAX_CYCLE);
  const late = simulateDeal(rng, {
    createdTs: createdDay * DAY_SECONDS + businessSeconds(rng),
    closeDay: state.closeDay,
    won: true,
    amount: state.amount,
    gaming: false,
    backdatable: false,
  });
  return { createdDay, state: late };
}
