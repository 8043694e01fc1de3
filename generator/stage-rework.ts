/**
 * Deals advanced too early: a few deals, chosen by position, are moved from Proposal back to
 * Discovery by their manager and advanced to Proposal again later, in the middle of their
 * Proposal stay. The change is made on the simulated deal's history, with times from the deal's
 * own stream (`createRng(seed, 'stage-rework', number)`), so no other generated value moves.
 */
import { AS_OF_DAY, DAY_SECONDS } from './calendar.js';
import type { GenContext } from './context.js';
import { businessSeconds, type DealState } from './deal-trajectory.js';
import { CLOSED_LOST, FIELD } from './deal-vocabulary.js';
import { createRng } from './prng.js';

const DISCOVERY = 1;
const PROPOSAL = 2;
/** Among deals whose first Proposal stay lasts this many days or more, in order … */
const MIN_STAY_DAYS = 6;
/** … position % period === offset is moved back. */
const MOVED_BACK = { period: 151, offset: 37 } as const;

type Change = DealState['changes'][number];
type Stay = DealState['stays'][number];

/** Whether any stage change of the deal goes back to an earlier open stage (a loss does not). */
export function movedBack(state: DealState): boolean {
  return state.changes.some((c) => c.field === FIELD.stage && c.newValue !== CLOSED_LOST && c.newValue < c.oldValue);
}

/** The deal's state, or, for a deal chosen to be reworked, the state with its move back and forth. */
export function reworkStages(ctx: GenContext, number: number, state: DealState): DealState {
  const changes = state.changes;
  const entered = changes.find((c) => c.field === FIELD.stage && c.newValue === PROPOSAL);
  if (entered === undefined) return state;
  const enteredDay = Math.floor(entered.ts / DAY_SECONDS);
  const stay = state.stays.find((s) => s.stage === PROPOSAL && s.enteredDay === enteredDay);
  if (stay === undefined || (stay.exitedDay ?? AS_OF_DAY) - enteredDay < MIN_STAY_DAYS) return state;
  if (++ctx.counters.reworkCandidates % MOVED_BACK.period !== MOVED_BACK.offset) return state;
  const next = changes.find((c) => c.field === FIELD.stage && c.ts > entered.ts);

  const rng = createRng(ctx.seed, 'stage-rework', number);
  const backDay = enteredDay + rng.int(1, 2);
  const againDay = backDay + rng.int(1, 3);
  const back: Change = { ts: backDay * DAY_SECONDS + businessSeconds(rng), field: FIELD.stage, oldValue: PROPOSAL, newValue: DISCOVERY };
  const again: Change = { ts: againDay * DAY_SECONDS + businessSeconds(rng), field: FIELD.stage, oldValue: DISCOVERY, newValue: PROPOSAL };
  if (back.ts <= entered.ts || (next !== undefined && again.ts >= next.ts)) return state;

  const reworked = [...changes, back, again].sort((a, b) => a.ts - b.ts || a.field - b.field);
  const stays: Stay[] = [];
  for (const s of state.stays) {
    if (s === stay) {
      stays.push({ stage: PROPOSAL, enteredDay, exitedDay: backDay });
      stays.push({ stage: DISCOVERY, enteredDay: backDay, exitedDay: againDay });
      stays.push({ stage: PROPOSAL, enteredDay: againDay, exitedDay: s.exitedDay });
    } else stays.push(s);
  }
  return { ...state, changes: reworked, stays };
}
