/**
 * Deals entered twice: about one open new-business deal in 60 (outside EMEA, whose September
 * pipeline drop is planted on its own) is entered a second time in the CRM a few days before the
 * as-of date — same account, type, product line, owner, amount and expected close date — and both
 * records are planted as `duplicate_open_deals`. The copies are written after every other row,
 * with the next opportunity numbers and a seeded stream of their own, so no other generated value
 * moves; the file holds `scale` deals plus these copies.
 */
import { AS_OF_DAY } from './calendar.js';
import { teamOn } from './compensation.js';
import type { GenContext } from './context.js';
import type { DealSpec, WrittenDeal } from './deal-writer.js';
import { writeDeal } from './deal-writer.js';
import { REGIONS } from './org.js';
import { plant } from './planted.js';
import { createRng } from './prng.js';

/** An open deal that will be entered a second time. */
export interface DuplicateCandidate {
  readonly accountId: string;
  readonly id: string;
  readonly spec: DealSpec;
}

/** One open new-business deal in this many is entered twice. */
const DUPLICATE_EVERY = 60;

/** Notes `deal` as one to enter twice when it is open new business at the as-of date and its stream picks it. */
export function noteDuplicateCandidate(ctx: GenContext, accountId: string, deal: WrittenDeal): void {
  if (deal.spec.type !== 0 || deal.state.closed || deal.owner < 0 || deal.state.closeDay <= AS_OF_DAY) return;
  if (teamOn(ctx.roster, deal.owner, AS_OF_DAY)?.region === REGIONS.indexOf('EMEA')) return;
  if (createRng(ctx.seed, 'duplicate-deal', deal.number).int(1, DUPLICATE_EVERY) !== 1) return;
  ctx.duplicateCandidates.push({ accountId, id: deal.id, spec: deal.spec });
}

/** Writes the second record of every candidate, created 3–20 days before the as-of date. */
export function writeDuplicateDeals(ctx: GenContext): void {
  // The copies are never copied again.
  for (const [i, c] of ctx.duplicateCandidates.splice(0).entries()) {
    const rng = createRng(ctx.seed, 'duplicate-copy', i);
    const createdDay = Math.max(c.spec.createdDay, AS_OF_DAY - rng.int(3, 20));
    const copy = writeDeal(ctx, rng, c.accountId, { ...c.spec, createdDay, won: false, mega: false });
    plant(ctx, 'duplicate_open_deals', c.id, copy.id);
    plant(ctx, 'duplicate_open_deals', copy.id, c.id);
  }
}
