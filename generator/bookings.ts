/**
 * Won bookings per quota-carrying rep, by quarter and week within the quarter, accumulated while
 * deals are generated. Quotas are calibrated and forecast calls are made from these totals at the
 * end, so the forecasts can be compared with what was really booked. Memory: one small array per
 * AE or AM, independent of the number of deals.
 */
import { SPAN_START_DAY, monthOf, quarterStartOf } from './calendar.js';
import type { Roster } from './roster.js';

/** Quarters in the span. */
export const SPAN_QUARTERS = 12;
/** Week buckets per quarter (a quarter has at most 14 partial weeks). */
const BUCKETS = 14;

/** The 0-based quarter of the span that contains `day`, or −1 outside the span. */
export function spanQuarterOf(day: number): number {
  const q = Math.floor((monthOf(day) - monthOf(SPAN_START_DAY)) / 3);
  return q >= 0 && q < SPAN_QUARTERS ? q : -1;
}

/** Bookings of every AE and AM by quarter and week. */
export interface RepBookings {
  /** Adds a won deal's amount on its close day (ignored for reps without quota or outside the span). */
  add(rep: number, day: number, amount: number): void;
  /** Total booked by the rep in span quarter `q`. */
  quarterTotal(rep: number, q: number): number;
  /** Booked by the rep in span quarter `q` before day `day` (to the week). */
  bookedBefore(rep: number, q: number, day: number): number;
  /** True for reps who carry a quota (AE, AM). */
  carriesQuota(rep: number): boolean;
}

/** An empty accumulator for the roster's AEs and AMs. */
export function newRepBookings(roster: Roster): RepBookings {
  const slotOf = new Int32Array(roster.reps.length).fill(-1);
  let slots = 0;
  for (const rep of roster.reps) {
    if (rep.role === 'AE' || rep.role === 'AM') slotOf[rep.index] = slots++;
  }
  const cells = new Float64Array(slots * SPAN_QUARTERS * BUCKETS);
  const base = (rep: number, q: number): number => {
    const slot = rep >= 0 && rep < slotOf.length ? (slotOf[rep] ?? -1) : -1;
    return slot < 0 || q < 0 || q >= SPAN_QUARTERS ? -1 : (slot * SPAN_QUARTERS + q) * BUCKETS;
  };
  const bucketOf = (day: number): number => Math.min(BUCKETS - 1, Math.floor((day - quarterStartOf(day)) / 7));

  return {
    add(rep, day, amount) {
      const b = base(rep, spanQuarterOf(day));
      if (b >= 0) cells[b + bucketOf(day)] = (cells[b + bucketOf(day)] ?? 0) + amount;
    },
    quarterTotal(rep, q) {
      const b = base(rep, q);
      let total = 0;
      if (b >= 0) for (let k = 0; k < BUCKETS; k++) total += cells[b + k] ?? 0;
      return total;
    },
    bookedBefore(rep, q, day) {
      const b = base(rep, q);
      let total = 0;
      if (b < 0 || spanQuarterOf(day) !== q) return total;
      const upto = bucketOf(day);
      for (let k = 0; k < upto; k++) total += cells[b + k] ?? 0;
      return total;
    },
    carriesQuota: (rep) => rep >= 0 && rep < slotOf.length && (slotOf[rep] ?? -1) >= 0,
  };
}
