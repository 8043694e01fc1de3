/**
 * One opportunity's life as its field history: stage moves, forecast-category calls, amount
 * revisions and close-date pushes, from creation to the day it closes, cut at the as-of date.
 *
 * The plan fixes the truth (when the deal really closes and whether it is won); the trajectory is
 * what the CRM shows on the way. Close dates are pushed whenever they pass without a close, which
 * is how pushes happen in real pipelines; gaming reps start optimistic and push in small steps,
 * skip stages, jump deals to Negotiation/Commit just before a quarter ends and backdate closes
 * that slip into the next quarter. Open deals therefore always show a close date after the as-of
 * date, and the history's last value of every field is the value in the opportunity row.
 */
import { AS_OF_DAY, DAY_SECONDS, monthEnd, monthOf, quarterEndOf, quarterStartOf } from './calendar.js';
import { CAT, CLOSED_LOST, CLOSED_WON, FIELD, NEGOTIATION } from './deal-vocabulary.js';
import type { Rng } from './prng.js';

/** The truth about a deal, decided before its history is simulated. */
export interface DealPlan {
  /** Creation instant (seconds since the epoch). */
  readonly createdTs: number;
  /** The day the deal really closes; after the as-of date for deals still open then. */
  readonly closeDay: number;
  readonly won: boolean;
  /** Booked amount in whole dollars if won (the size the deal is about otherwise); null = never entered. */
  readonly amount: number | null;
  readonly gaming: boolean;
  /** Whether a gaming rep may backdate the close (not for renewals: their term start is fixed). */
  readonly backdatable: boolean;
}

/** One change of one field; values are indices (stage, category), dollars or day numbers. */
interface FieldChange {
  readonly ts: number;
  readonly field: number;
  readonly oldValue: number;
  readonly newValue: number;
}

/** A stay in one stage; `exitedDay` null while it lasts. */
interface StageStay {
  readonly stage: number;
  readonly enteredDay: number;
  readonly exitedDay: number | null;
}

/** The deal as the CRM shows it at the as-of date, with how it got there. */
export interface DealState {
  readonly closed: boolean;
  readonly stage: number;
  readonly category: number;
  readonly amount: number | null;
  /** The close date in the row: the actual (possibly backdated) one, or the expected one if open. */
  readonly closeDay: number;
  readonly changes: readonly FieldChange[];
  readonly stays: readonly StageStay[];
  readonly pushes: number;
  readonly skippedStage: boolean;
  readonly quarterEndJump: boolean;
  readonly backdated: boolean;
}

const AS_OF_END = (AS_OF_DAY + 1) * DAY_SECONDS - 1;
const LOST_DEPTH_WEIGHTS = [0.3, 0.3, 0.25, 0.15];
const STAGE_INDICES = [0, 1, 2, 3];

interface RawEvent {
  ts: number;
  field: number;
  value: number;
}

/** A time of day during business hours, in seconds. */
export function businessSeconds(rng: Rng): number {
  return 8 * 3600 + rng.int(0, 11 * 3600 - 1);
}

/** Simulates one deal's history and its state at the as-of date. */
export function simulateDeal(rng: Rng, plan: DealPlan): DealState {
  const created = plan.createdTs;
  const createdDay = Math.floor(created / DAY_SECONDS);
  const closeTs = closingInstant(rng, created, plan.closeDay);
  const events: RawEvent[] = [];
  const pSkip = plan.gaming ? 0.3 : 0.05;

  // Stages visited while open; a skipped stage is simply never entered.
  const deepest = plan.won ? NEGOTIATION : rng.weighted(STAGE_INDICES, LOST_DEPTH_WEIGHTS);
  const path: number[] = [];
  for (let s = 1; s <= deepest; s++) {
    const isLast = s === deepest;
    if (!rng.chance(isLast ? (plan.won ? pSkip * 0.6 : 0) : pSkip)) path.push(s);
  }
  let lastTs = created;
  const span = closeTs - created;
  const fractions = path.map(() => rng.uniform(0.05, 0.95)).sort((a, b) => a - b);
  for (let k = 0; k < path.length; k++) {
    let ts = created + Math.round((fractions[k] ?? 0.5) * span);
    const snapped = Math.floor(ts / DAY_SECONDS) * DAY_SECONDS + businessSeconds(rng);
    if (span > 3 * DAY_SECONDS && snapped > lastTs && snapped < closeTs) ts = snapped;
    if (ts <= lastTs) ts = lastTs + 1;
    if (ts >= closeTs) break;
    events.push({ ts, field: FIELD.stage, value: path[k] ?? 0 });
    lastTs = ts;
  }

  // Gaming: a jump to Negotiation/Commit in the last days of a quarter the deal will not close in.
  let jump: { ts: number; quarterEnd: number } | null = null;
  if (plan.gaming && rng.chance(0.45)) {
    let qe = quarterEndOf(createdDay);
    if (qe < createdDay + 10) qe = quarterEndOf(qe + 1);
    const day = qe - rng.int(0, 4);
    const ts = day * DAY_SECONDS + businessSeconds(rng);
    if (qe <= plan.closeDay - 10 && ts > created && stageAt(events, ts) < NEGOTIATION) {
      jump = { ts, quarterEnd: qe };
      for (let k = events.length - 1; k >= 0; k--) {
        if ((events[k]?.ts ?? 0) > ts) events.splice(k, 1);
      }
      events.push({ ts, field: FIELD.stage, value: NEGOTIATION });
    }
  }

  // Forecast calls follow the stage, with the rep's judgement (and optimism) on the way.
  const stageEvents = events.slice();
  for (const e of stageEvents) {
    const isJump = jump !== null && e.ts === jump.ts;
    events.push({ ts: e.ts, field: FIELD.category, value: isJump ? CAT.commit : categoryFor(rng, e.value, plan.gaming) });
  }
  if (!plan.won && rng.chance(0.15)) {
    const ts = closeTs - rng.int(1, 10) * DAY_SECONDS;
    if (ts > lastTs) events.push({ ts, field: FIELD.category, value: CAT.omitted });
  }

  // Amount: a rough estimate at creation, a quote once a proposal exists, the booking at close.
  let initialAmount = -1;
  if (plan.amount !== null) {
    initialAmount = roundAmount(plan.amount * rng.uniform(0.75, 1.4));
    const proposal = stageEvents.find((e) => e.value >= 2);
    if (proposal !== undefined) {
      events.push({ ts: proposal.ts, field: FIELD.amount, value: roundAmount(plan.amount * rng.uniform(0.97, 1.15)) });
    }
  }

  // Close date: expected at creation, pushed each time it passes without a close.
  const cycle = Math.max(1, plan.closeDay - createdDay);
  let expected =
    createdDay +
    (plan.gaming ? Math.max(5, Math.round(cycle * rng.uniform(0.3, 0.65))) : Math.max(7, Math.round(cycle * rng.uniform(0.75, 1.25))));
  if (rng.chance(0.4)) expected = monthEnd(monthOf(expected));
  const initialClose = expected;
  let jumpApplied = jump === null;
  let lastChange = created;
  for (let pushes = 0; pushes < 80;) {
    const pushTs = expected < plan.closeDay ? Math.max(expected * DAY_SECONDS + businessSeconds(rng), lastChange + 60) : Infinity;
    if (!jumpApplied && jump !== null && jump.ts < pushTs) {
      jumpApplied = true;
      if (expected > jump.quarterEnd) {
        events.push({ ts: jump.ts, field: FIELD.closeDate, value: jump.quarterEnd });
        expected = jump.quarterEnd;
        lastChange = jump.ts;
      }
      continue;
    }
    if (pushTs > AS_OF_END || pushTs >= closeTs) break;
    expected = nextExpected(rng, expected, plan.closeDay, plan.gaming);
    events.push({ ts: pushTs, field: FIELD.closeDate, value: expected });
    lastChange = pushTs;
    pushes++;
  }

  // The close itself.
  let reported = plan.closeDay;
  let backdated = false;
  if (closeTs <= AS_OF_END) {
    const qs = quarterStartOf(plan.closeDay);
    if (plan.won && plan.gaming && plan.backdatable && plan.closeDay - qs <= 9 && qs - 1 > createdDay && rng.chance(0.6)) {
      reported = qs - 1;
      backdated = true;
    }
    events.push({ ts: closeTs, field: FIELD.stage, value: plan.won ? CLOSED_WON : CLOSED_LOST });
    events.push({ ts: closeTs, field: FIELD.category, value: plan.won ? CAT.closed : CAT.omitted });
    if (plan.won && plan.amount !== null) events.push({ ts: closeTs, field: FIELD.amount, value: plan.amount });
    events.push({ ts: closeTs, field: FIELD.closeDate, value: reported });
  }

  events.sort((a, b) => a.ts - b.ts || a.field - b.field);
  return replay(events, createdDay, initialAmount, initialClose, backdated, jump !== null);
}

/** The close instant: during business hours on the close day, and after creation. */
function closingInstant(rng: Rng, created: number, closeDay: number): number {
  const ts = closeDay * DAY_SECONDS + businessSeconds(rng);
  return ts > created + 600 ? ts : created + rng.int(600, 7200);
}

function stageAt(events: readonly RawEvent[], ts: number): number {
  let stage = 0;
  for (const e of events) if (e.field === FIELD.stage && e.ts <= ts) stage = e.value;
  return stage;
}

function categoryFor(rng: Rng, stage: number, gaming: boolean): number {
  if (stage <= 1) return CAT.pipeline;
  if (stage === 2) {
    if (gaming && rng.chance(0.3)) return CAT.commit;
    return rng.chance(0.6) ? CAT.bestCase : CAT.pipeline;
  }
  return rng.chance(0.7) ? CAT.commit : CAT.bestCase;
}

function nextExpected(rng: Rng, expected: number, closeDay: number, gaming: boolean): number {
  let next: number;
  if (gaming) next = expected + rng.int(10, 35);
  else if (rng.chance(0.35)) next = expected + rng.int(14, 45);
  else next = Math.max(expected + 7, closeDay + rng.int(-5, 20));
  const snap = rng.next();
  if (snap < 0.3) next = monthEnd(monthOf(next));
  else if (snap < 0.45) next = quarterEndOf(next);
  return next;
}

/** Rounds an amount the way reps type them: to $100 below $20k, to $1,000 above. */
function roundAmount(value: number): number {
  const step = value < 20_000 ? 100 : 1000;
  return Math.max(step, Math.round(value / step) * step);
}

/** Plays the events up to the as-of date into field changes, stage stays and the final state. */
function replay(
  events: readonly RawEvent[],
  createdDay: number,
  initialAmount: number,
  initialClose: number,
  backdated: boolean,
  jumped: boolean,
): DealState {
  const current = [0, CAT.pipeline, initialAmount, initialClose];
  const changes: FieldChange[] = [];
  const stays: { stage: number; enteredDay: number; exitedDay: number | null }[] = [{ stage: 0, enteredDay: createdDay, exitedDay: null }];
  let skipped = false;
  for (const e of events) {
    if (e.ts > AS_OF_END) break;
    const old = current[e.field] ?? 0;
    if (old === e.value) continue;
    changes.push({ ts: e.ts, field: e.field, oldValue: old, newValue: e.value });
    current[e.field] = e.value;
    if (e.field === FIELD.stage) {
      const day = Math.floor(e.ts / DAY_SECONDS);
      const last = stays[stays.length - 1];
      if (last !== undefined) last.exitedDay = day;
      stays.push({ stage: e.value, enteredDay: day, exitedDay: null });
      if (e.value !== CLOSED_LOST && e.value - old > 1) skipped = true;
    }
  }
  const stage = current[FIELD.stage] ?? 0;
  const closed = stage === CLOSED_WON || stage === CLOSED_LOST;
  const amount = current[FIELD.amount] ?? -1;
  return {
    closed,
    stage,
    category: current[FIELD.category] ?? 0,
    amount: amount < 0 ? null : amount,
    closeDay: current[FIELD.closeDate] ?? initialClose,
    changes,
    stays,
    pushes: changes.filter((c) => c.field === FIELD.closeDate && c.newValue > c.oldValue).length,
    skippedStage: skipped,
    quarterEndJump: jumped && changes.some((c) => c.field === FIELD.stage && c.newValue === NEGOTIATION),
    backdated: backdated && closed,
  };
}
