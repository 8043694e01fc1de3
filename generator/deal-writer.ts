/**
 * Writes one planned deal: simulates its history, then emits its opportunity row, field history,
 * stage stays and the activities worked on it, and books it to its owner if won.
 */
import { AS_OF_DAY, DAY_SECONDS, formatDate, formatTimestamp } from './calendar.js';
import { writerOf, type GenContext } from './context.js';
import { csvText, dollars } from './csv-writer.js';
import { writeDealActivities } from './deal-activities.js';
import { looksSandbagged, quarterPushes, raisedThenCut } from './deal-signals.js';
import { businessSeconds, simulateDeal, type DealState } from './deal-trajectory.js';
import {
  CATEGORIES,
  CLOSED_LOST,
  CLOSED_WON,
  DEAL_TYPES,
  FIELD,
  FIELDS,
  LOSS_REASON_WEIGHTS,
  LOSS_REASONS,
  NEXT_STEPS,
  PRODUCT_LINES,
  STAGES,
  type DealType,
} from './deal-vocabulary.js';
import { cancellationText, writeSplits } from './compensation.js';
import { noteDuplicateCandidate } from './duplicate-deals.js';
import { opportunityId } from './ids.js';
import type { Rng } from './prng.js';
import { plant } from './planted.js';
import { repId } from './roster.js';
import { sandbag } from './sandbagging.js';
import { movedBack, reworkStages } from './stage-rework.js';

/** A deal as planned by the account's lifecycle, before its history is simulated. */
export interface DealSpec {
  readonly type: DealType;
  readonly createdDay: number;
  /** The day it really closes (after the as-of date if still open then). */
  readonly closeDay: number;
  readonly won: boolean;
  /** Booked amount in whole dollars: list price less discount. */
  readonly amount: number;
  readonly listPrice: number;
  /** 0–1, two decimals. */
  readonly discount: number;
  readonly termMonths: number;
  readonly productLine: number;
  /** Empty = not entered. */
  readonly leadSource: string;
  /** Rep index of the owner. */
  readonly owner: number;
  readonly mega: boolean;
}

/** A written deal: its id and the state the CRM shows at the as-of date. */
export interface WrittenDeal {
  readonly id: string;
  /** The number in the id. */
  readonly number: number;
  readonly spec: DealSpec;
  readonly state: DealState;
  /** Rep index of the owner in the file, or −1 for a deleted user. */
  readonly owner: number;
}

/** One deal in this many is owned by a user who has since been deleted. */
const DELETED_OWNER_EVERY = 1499;
const DELETED_USERS = 3;

/** Simulates and writes one deal for the account `accountId`. */
export function writeDeal(ctx: GenContext, rng: Rng, accountId: string, spec: DealSpec): WrittenDeal {
  const number = ++ctx.counters.opportunity;
  const id = opportunityId(number);
  let owner = spec.owner;
  let ownerId = ctx.roster.reps[owner]?.id ?? '';
  if (number % DELETED_OWNER_EVERY === DELETED_OWNER_EVERY >> 1) {
    owner = -1;
    ownerId = repId(ctx.roster.reps.length + (Math.floor(number / DELETED_OWNER_EVERY) % DELETED_USERS));
    plant(ctx, 'deleted_owner_opportunities', id);
  }
  const gaming = ctx.roster.reps[spec.owner]?.traits.gaming ?? false;
  const mayLackAmount = !spec.won || spec.closeDay > AS_OF_DAY;
  const amountMissing = mayLackAmount && rng.chance(0.02);
  const simulated = simulateDeal(rng, {
    createdTs: spec.createdDay * DAY_SECONDS + businessSeconds(rng),
    closeDay: spec.closeDay,
    won: spec.won,
    amount: amountMissing ? null : spec.amount,
    gaming,
    backdatable: spec.type !== 2,
  });
  const sandbagged = sandbag(ctx, number, spec, simulated, owner);
  const state = reworkStages(ctx, number, sandbagged?.state ?? simulated);
  const createdDay = sandbagged?.createdDay ?? spec.createdDay;

  const nextStep = rng.chance(0.015) ? '' : rng.pick(NEXT_STEPS[state.stage] ?? ['']);
  const lossReason = state.stage === CLOSED_LOST ? rng.weighted(LOSS_REASONS, LOSS_REASON_WEIGHTS) : '';
  writerOf(ctx, 'opportunities').line(
    `${id},${accountId},${ownerId},${DEAL_TYPES[spec.type]},${STAGES[state.stage]},` +
      `${state.amount === null ? '' : dollars(state.amount)},${formatDate(createdDay)},` +
      `${formatDate(state.closeDay)},${CATEGORIES[state.category]},${spec.leadSource},` +
      `${PRODUCT_LINES[spec.productLine]},${spec.termMonths},${spec.discount.toFixed(2)},${csvText(nextStep)},${lossReason},` +
      cancellationText(ctx, number, { spec, state, owner }),
  );
  const history = writerOf(ctx, 'opportunity_history');
  for (const c of state.changes) {
    history.line(`${id},${formatTimestamp(c.ts)},${FIELDS[c.field]},${fieldText(c.field, c.oldValue)},${fieldText(c.field, c.newValue)}`);
  }
  const stays = writerOf(ctx, 'opportunity_stage_history');
  for (const s of state.stays) {
    stays.line(`${id},${STAGES[s.stage]},${formatDate(s.enteredDay)},${s.exitedDay === null ? '' : formatDate(s.exitedDay)}`);
  }
  const worked = owner >= 0 ? writeDealActivities(ctx, rng, { id, number, accountId, ownerId, spec, state, createdDay }) : 0;

  if (state.stage === CLOSED_WON && state.amount !== null) ctx.bookings.add(owner, state.closeDay, state.amount);
  if (state.amount === null) plant(ctx, 'missing_amount', id);
  if (nextStep === '') plant(ctx, 'missing_next_step', id);
  if (spec.type === 0 && spec.leadSource === '') plant(ctx, 'missing_lead_source', id);
  if (spec.mega) plant(ctx, 'mega_deals', id);
  if (state.pushes >= 3) plant(ctx, 'repeated_close_date_pushes', id);
  if (state.skippedStage) plant(ctx, 'skipped_stages', id);
  if (state.quarterEndJump) plant(ctx, 'quarter_end_stage_jumps', id);
  if (state.backdated) plant(ctx, 'backdated_closes', id);
  if (movedBack(state)) plant(ctx, 'stages_moved_back', id);
  if (quarterPushes(state) >= 2) plant(ctx, 'close_date_pushed_across_quarters', id);
  if (raisedThenCut(state)) plant(ctx, 'amount_raised_then_cut', id);
  if (state.stage === CLOSED_WON && worked === 0) plant(ctx, 'won_without_activity', id);
  if (looksSandbagged(state, createdDay)) plant(ctx, 'sandbagged_deals', id);
  const written = { id, number, spec, state, owner };
  writeSplits(ctx, written);
  noteDuplicateCandidate(ctx, accountId, written);
  return written;
}

function fieldText(field: number, value: number): string {
  switch (field) {
    case FIELD.stage:
      return STAGES[value] ?? '';
    case FIELD.category:
      return CATEGORIES[value] ?? '';
    case FIELD.amount:
      return dollars(value);
    default:
      return formatDate(value);
  }
}
