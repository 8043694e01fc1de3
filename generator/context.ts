/**
 * What the per-account generation shares: the organisation, the open table files, id counters,
 * quirk counts and the bookings accumulator. One context per run; nothing in it grows with the
 * number of deals except the counters' values.
 */
import type { RepBookings } from './bookings.js';
import type { CsvWriter } from './csv-writer.js';
import type { QuirkCounts } from './quirks.js';
import type { RepPools } from './rep-pools.js';
import type { Roster } from './roster.js';
import type { TableName } from './schema.js';
import type { DuplicateCandidate } from './duplicate-deals.js';

/** Running counters: the last id issued per table and the positions that select quirks. */
export interface Counters {
  account: number;
  opportunity: number;
  lead: number;
  activity: number;
  invoice: number;
  response: number;
  /** Won deals that reached their service start, in order: selects billing quirks. */
  billed: number;
  /** Enterprise first deals that could be mega deals, in order: selects mega deals. */
  megaCandidates: number;
  /** Accounts drawn, in order: selects near-duplicates. */
  accountsDrawn: number;
  /** Won deals with a known owner, in order: selects wins whose activities were logged on the account. */
  wonDeals: number;
  /** Closed deals with two activities or more, in order: selects an activity logged after the close. */
  closedDealsWorked: number;
  /** Large early-quarter wins that a rep could have held back, in order: selects sandbagged deals. */
  sandbagCandidates: number;
  /** Deals with a long enough Proposal stay, in order: selects deals moved back to Discovery. */
  reworkCandidates: number;
  /** Leads that never converted, in order: selects leads left without an owner. */
  unconvertedLeads: number;
  /** Billed deals with a later contract year invoiced by the as-of date, in order: selects a missed anniversary invoice. */
  multiYearBilled: number;
}

/** Shared state of one generation run. */
export interface GenContext {
  readonly seed: number;
  readonly roster: Roster;
  readonly pools: RepPools;
  readonly out: ReadonlyMap<TableName, CsvWriter>;
  readonly counters: Counters;
  readonly quirks: QuirkCounts;
  readonly bookings: RepBookings;
  /** Per region, the numbers of Enterprise accounts drawn so far (parents for subsidiaries). */
  readonly enterpriseAccounts: readonly number[][];
  /** Open deals chosen to be entered a second time at the end of the run (duplicate-deals.ts). */
  readonly duplicateCandidates: DuplicateCandidate[];
}

/** The writer of one table (every table is open for the whole run). */
export function writerOf(ctx: GenContext, table: TableName): CsvWriter {
  const w = ctx.out.get(table);
  if (w === undefined) throw new Error(`table ${table} is not open`);
  return w;
}

/** Fresh counters. */
export function newCounters(): Counters {
  return {
    account: 0,
    opportunity: 0,
    lead: 0,
    activity: 0,
    invoice: 0,
    response: 0,
    billed: 0,
    megaCandidates: 0,
    accountsDrawn: 0,
    wonDeals: 0,
    closedDealsWorked: 0,
    sandbagCandidates: 0,
    reworkCandidates: 0,
    unconvertedLeads: 0,
    multiYearBilled: 0,
  };
}
