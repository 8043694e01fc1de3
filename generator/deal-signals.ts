/**
 * Patterns in a deal's history that the simulation produces on its own, read from the changes it
 * wrote: close dates pushed into a later quarter, amounts raised before a quarter's end and cut
 * after it, and wins created and closed within days at the start of a quarter. Each is stated
 * exactly as the shipped check that looks for it (catalog/checks/manipulation.yaml), so the
 * records the generator plants are the ones a correct detector must find.
 */
import { DAY_SECONDS, quarterEndOf, quarterStartOf } from './calendar.js';
import { CLOSED_WON, FIELD } from './deal-vocabulary.js';
import type { DealState } from './deal-trajectory.js';

/** How many times a close date was moved into a later quarter. */
export function quarterPushes(state: DealState): number {
  let n = 0;
  for (const c of state.changes) if (c.field === FIELD.closeDate && quarterStartOf(c.newValue) > quarterStartOf(c.oldValue)) n++;
  return n;
}

/** Raises closer to a quarter's end than this many days, cuts closer to its start, count. */
const QUARTER_EDGE_DAYS = 14;
/** … and the cut follows the raise within this many days. */
const CUT_WITHIN_DAYS = 28;

/**
 * Whether the latest amount raise in the last 14 days of a quarter is followed, in a later
 * quarter and within 28 days, by the latest amount cut in the first 14 days of a quarter.
 */
export function raisedThenCut(state: DealState): boolean {
  let raisedAt = -Infinity;
  let cutAt = -Infinity;
  for (const c of state.changes) {
    if (c.field !== FIELD.amount) continue;
    const day = Math.floor(c.ts / DAY_SECONDS);
    if (c.newValue > c.oldValue && quarterEndOf(day) - day < QUARTER_EDGE_DAYS) raisedAt = Math.max(raisedAt, c.ts);
    if (c.newValue < c.oldValue && day - quarterStartOf(day) < QUARTER_EDGE_DAYS) cutAt = Math.max(cutAt, c.ts);
  }
  if (!Number.isFinite(raisedAt) || !Number.isFinite(cutAt)) return false;
  const raisedDay = Math.floor(raisedAt / DAY_SECONDS);
  const cutDay = Math.floor(cutAt / DAY_SECONDS);
  return quarterStartOf(cutDay) > quarterStartOf(raisedDay) && (cutAt - raisedAt) / DAY_SECONDS < CUT_WITHIN_DAYS;
}

/** The smallest yearly amount a sandbagged win is worth holding back. */
export const SANDBAG_MIN_AMOUNT = 25_000;
/** A sandbagged win is created and won within this many days … */
export const SANDBAG_MAX_CYCLE = 7;
/** … and closes within this many days of its quarter's start. */
export const SANDBAG_QUARTER_DAYS = 14;

/** Whether a deal created on `createdDay` reads as sandbagged: a large win created and won within days at a quarter's start. */
export function looksSandbagged(state: DealState, createdDay: number): boolean {
  return (
    state.stage === CLOSED_WON &&
    state.amount !== null &&
    state.amount >= SANDBAG_MIN_AMOUNT &&
    state.closeDay - createdDay <= SANDBAG_MAX_CYCLE &&
    state.closeDay - quarterStartOf(state.closeDay) < SANDBAG_QUARTER_DAYS
  );
}
