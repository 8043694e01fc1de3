/**
 * What the incentive plans need beyond bookings (catalog/plans/, docs/plans.md): deal splits
 * between account executives, cancellations of won deals (some inside the plans' clawback
 * window, some after it) and the day each invoice was paid. Every choice comes from its own
 * seeded stream per deal or invoice (`createRng(seed, name, number)`), never from the main
 * stream, so adding these did not move any other generated value.
 */
import { AS_OF_DAY, formatDate } from './calendar.js';
import { writerOf, type GenContext } from './context.js';
import { CLOSED_WON } from './deal-vocabulary.js';
import type { WrittenDeal } from './deal-writer.js';
import { createRng } from './prng.js';
import type { Roster } from './roster.js';

/** One won new-business deal in this many is cancelled by the customer. */
const CANCEL_EVERY = 30;
/** The share of cancellations that come after the plans' 90-day clawback window. */
const LATE_CANCEL_SHARE = 0.25;
/** One won new-business deal of an account executive in this many is split 60/40 with a colleague. */
const SPLIT_EVERY = 10;
/** … and one in this many gets a colleague as a 25% overlay (on top of the owner's full credit). */
const OVERLAY_EVERY = 25;
/** One invoice in this many is still unpaid at the as-of date. */
const UNPAID_EVERY = 40;

/** A won new-business deal that closed by the as-of date with a known owner. */
function isBookedNewBusiness(deal: Pick<WrittenDeal, 'spec' | 'state' | 'owner'>): boolean {
  return (
    deal.spec.type === 0 &&
    deal.state.stage === CLOSED_WON &&
    deal.state.amount !== null &&
    deal.owner >= 0 &&
    deal.state.closeDay <= AS_OF_DAY
  );
}

/**
 * The day the customer cancelled deal number `number`, as CSV text (empty: not cancelled). Most
 * cancellations fall 14–80 days after the close (inside a 90-day clawback window), a quarter of
 * them 100–240 days after; none after the as-of date.
 */
export function cancellationText(ctx: GenContext, number: number, deal: Pick<WrittenDeal, 'spec' | 'state' | 'owner'>): string {
  if (!isBookedNewBusiness(deal)) return '';
  const rng = createRng(ctx.seed, 'cancellation', number);
  if (rng.int(1, CANCEL_EVERY) !== 1) return '';
  const day = deal.state.closeDay + (rng.chance(LATE_CANCEL_SHARE) ? rng.int(100, 240) : rng.int(14, 80));
  return day <= AS_OF_DAY ? formatDate(day) : '';
}

/** The function and region of the team `rep` belongs to on `day`, if any. */
export function teamOn(roster: Roster, rep: number, day: number): { func: number; region: number } | undefined {
  for (const m of roster.reps[rep]?.memberships ?? []) {
    if (m.from <= day && (m.to === null || m.to >= day)) {
      const team = roster.teams[m.team];
      return team === undefined ? undefined : { func: team.func, region: team.region };
    }
  }
  return undefined;
}

/**
 * Writes the split rows of a won new-business deal of an account executive: a revenue split (the
 * owner 60%, a colleague of the same function and region on the close day 40%) or an overlay (the
 * colleague credited 25% on top), or nothing.
 */
export function writeSplits(ctx: GenContext, deal: WrittenDeal): void {
  if (!isBookedNewBusiness(deal) || ctx.roster.reps[deal.owner]?.role !== 'AE') return;
  const rng = createRng(ctx.seed, 'splits', deal.number);
  const r = rng.next();
  const split = r < 1 / SPLIT_EVERY;
  const overlay = !split && r < 1 / SPLIT_EVERY + 1 / OVERLAY_EVERY;
  if (!split && !overlay) return;
  const day = deal.state.closeDay;
  const team = teamOn(ctx.roster, deal.owner, day);
  if (team === undefined) return;
  let partner = -1;
  for (let attempt = 0; attempt < 6 && (partner < 0 || partner === deal.owner); attempt++)
    partner = ctx.pools.pick(rng, team.func, team.region, day, day);
  const colleague = ctx.roster.reps[partner];
  const owner = ctx.roster.reps[deal.owner];
  if (colleague === undefined || owner === undefined || partner === deal.owner || colleague.role !== 'AE') return;
  const out = writerOf(ctx, 'opportunity_splits');
  if (split) {
    out.line(`${deal.id},${owner.id},0.60,Revenue`);
    out.line(`${deal.id},${colleague.id},0.40,Revenue`);
  } else out.line(`${deal.id},${colleague.id},0.25,Overlay`);
}

/** The day invoice number `number` (dated `invoiceDay`) was paid, as CSV text (empty: unpaid at the as-of date). */
export function paidText(ctx: GenContext, number: number, invoiceDay: number): string {
  const rng = createRng(ctx.seed, 'payment', number);
  if (rng.int(1, UNPAID_EVERY) === 1) return '';
  const day = invoiceDay + rng.int(7, 60);
  return day <= AS_OF_DAY ? formatDate(day) : '';
}
