/**
 * SDR work: the lead behind a lead-sourced new-business deal (converted on the day the deal is
 * created) and the leads around it that never converted, with response times, MQL and SQL dates,
 * and the SDR's calls and emails before the hand-over.
 */
import { AS_OF_DAY, DAY_SECONDS, SPAN_START_DAY, formatDate, formatTimestamp } from './calendar.js';
import { writerOf, type GenContext } from './context.js';
import { businessSeconds } from './deal-trajectory.js';
import { activityId, leadId } from './ids.js';
import { FUNC_SDR } from './org.js';
import { plant } from './planted.js';
import type { Rng } from './prng.js';

/** Lead sources that come through SDRs (the other opportunity sources have no lead). */
export const LEAD_SOURCES = ['Inbound', 'Outbound', 'Event', 'Webinar'] as const;

const UNCONVERTED_COUNTS = [0, 1, 2, 3, 4];
const UNCONVERTED_WEIGHTS = [0.3, 0.3, 0.2, 0.12, 0.08];
const AS_OF_END = (AS_OF_DAY + 1) * DAY_SECONDS - 1;
/**
 * Among leads that never converted, in order: position % period === offset was never routed to
 * an SDR, unless an SDR made it (outbound) or it came in within the shipped check's day of grace.
 */
const UNROUTED = { period: 197, offset: 131, minAgeDays: 1 } as const;
/** A lead still without an SDR this long after it came in is overdue (catalog/checks/hygiene.yaml). */
const OWNER_WITHIN_SECONDS = DAY_SECONDS;

/** Writes the converted lead of a deal created on `dealDay`, its SDR activities, and unconverted leads nearby. */
export function writeLeads(
  ctx: GenContext,
  rng: Rng,
  region: number,
  accountId: string,
  opportunityId: string,
  source: string,
  dealDay: number,
): void {
  const sqlDay = Math.max(SPAN_START_DAY, dealDay - rng.int(0, 3));
  const mqlDay = Math.max(SPAN_START_DAY, sqlDay - rng.int(0, 14));
  const createdDay = Math.max(SPAN_START_DAY, mqlDay - rng.int(0, 10));
  const sdr = ctx.pools.pick(rng, FUNC_SDR, region, createdDay, sqlDay);
  const sdrRep = ctx.roster.reps[sdr];
  const sdrId = sdrRep?.id ?? '';
  const createdTs = createdDay * DAY_SECONDS + businessSeconds(rng);
  const minutes = source === 'Outbound' ? rng.int(1, 30) : (sdrRep?.traits.responseMinutes ?? 90) * rng.logNormal(1, 0.7);
  const response = Math.min(createdTs + Math.round(minutes * 60), sqlDay * DAY_SECONDS + DAY_SECONDS - 1);
  writeLead(ctx, sdrId, source, createdTs, Math.max(response, createdTs + 60), mqlDay, sqlDay, opportunityId, 'Converted');

  const activities = writerOf(ctx, 'activities');
  const touches = rng.int(1, 3);
  for (let k = 0; k < touches; k++) {
    const type = rng.chance(0.5) ? 'call' : rng.chance(0.85) ? 'email' : 'meeting';
    const day = createdDay + rng.int(0, sqlDay - createdDay);
    activities.line(`${activityId(++ctx.counters.activity)},${sdrId},,${accountId},${type},${formatDate(day)}`);
  }

  const others = rng.weighted(UNCONVERTED_COUNTS, UNCONVERTED_WEIGHTS);
  for (let k = 0; k < others; k++) writeUnconvertedLead(ctx, rng, region, source, dealDay);
}

function writeUnconvertedLead(ctx: GenContext, rng: Rng, region: number, source: string, nearDay: number): void {
  const day = Math.min(AS_OF_DAY, Math.max(SPAN_START_DAY, nearDay + rng.int(-60, 60)));
  const sdr = ctx.pools.pick(rng, FUNC_SDR, region, day, day);
  const sdrRep = ctx.roster.reps[sdr];
  const createdTs = day * DAY_SECONDS + businessSeconds(rng);
  const leadSource = rng.chance(0.7) ? source : rng.pick(LEAD_SOURCES);
  const worked = rng.chance(0.92);
  let response: number | null = null;
  if (worked) {
    const minutes = (sdrRep?.traits.responseMinutes ?? 90) * rng.logNormal(1.3, 0.9);
    response = createdTs + Math.max(60, Math.round(minutes * 60));
    if (response > AS_OF_END) response = null;
  }
  const recent = AS_OF_DAY - day < 21;
  let mql: number | null = null;
  let sql: number | null = null;
  let status: string;
  if (recent) {
    status = response === null ? 'New' : 'Working';
  } else {
    if (rng.chance(0.55)) {
      mql = Math.min(AS_OF_DAY, day + rng.int(0, 10));
      if (response !== null && rng.chance(0.2)) sql = Math.min(AS_OF_DAY, mql + rng.int(0, 14));
    }
    status = response === null ? 'Nurture' : rng.chance(0.6) ? 'Disqualified' : 'Nurture';
  }
  // Routing failed for a few inbound leads: no SDR ever got one, so nobody answered or accepted it.
  const unrouted =
    ++ctx.counters.unconvertedLeads % UNROUTED.period === UNROUTED.offset &&
    leadSource !== 'Outbound' &&
    day < AS_OF_DAY - UNROUTED.minAgeDays;
  if (unrouted) writeLead(ctx, '', leadSource, createdTs, null, mql, null, '', 'New');
  else writeLead(ctx, sdrRep?.id ?? '', leadSource, createdTs, response, mql, sql, '', status);
}

function writeLead(
  ctx: GenContext,
  sdrId: string,
  source: string,
  createdTs: number,
  responseTs: number | null,
  mqlDay: number | null,
  sqlDay: number | null,
  opportunityId: string,
  status: string,
): void {
  const id = leadId(++ctx.counters.lead);
  if (sdrId === '' && AS_OF_DAY * DAY_SECONDS - createdTs > OWNER_WITHIN_SECONDS) plant(ctx, 'leads_without_owner', id);
  writerOf(ctx, 'leads').line(
    `${id},${sdrId},${source},${formatTimestamp(createdTs)},` +
      `${responseTs === null ? '' : formatTimestamp(responseTs)},${mqlDay === null ? '' : formatDate(mqlDay)},` +
      `${sqlDay === null ? '' : formatDate(sqlDay)},${opportunityId},${status}`,
  );
}
