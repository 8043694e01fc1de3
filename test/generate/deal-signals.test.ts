/**
 * The patterns the generator records as ground truth, read from a deal's history on hand-made
 * changes, with the look-alikes the shipped checks must not flag (a push within a quarter, a cut
 * a quarter later than the next, a win created eight days before it closed).
 */
import { describe, expect, it } from 'vitest';
import { DAY_SECONDS, dayOf } from '../../generator/calendar.js';
import { looksSandbagged, quarterPushes, raisedThenCut } from '../../generator/deal-signals.js';
import type { DealState } from '../../generator/deal-trajectory.js';
import { CLOSED_WON, FIELD } from '../../generator/deal-vocabulary.js';

type Change = DealState['changes'][number];

/** A won deal closed on `closeDay` with `changes`. */
function deal(changes: Change[], closeDay = dayOf(2026, 4, 3), amount = 30_000): DealState {
  return {
    closed: true,
    stage: CLOSED_WON,
    category: 3,
    amount,
    closeDay,
    changes,
    stays: [],
    pushes: 0,
    skippedStage: false,
    quarterEndJump: false,
    backdated: false,
  };
}

/** A change of `field` at noon on the day `y-m-d`. */
function at(y: number, m: number, d: number, field: number, oldValue: number, newValue: number): Change {
  return { ts: dayOf(y, m, d) * DAY_SECONDS + 12 * 3600, field, oldValue, newValue };
}

describe('quarterPushes', () => {
  it('counts close dates moved into a later quarter, not pushes within one or pull-ins', () => {
    const state = deal([
      at(2026, 1, 5, FIELD.closeDate, dayOf(2026, 2, 10), dayOf(2026, 3, 20)), // within Q1
      at(2026, 3, 21, FIELD.closeDate, dayOf(2026, 3, 20), dayOf(2026, 4, 15)), // Q1 → Q2
      at(2026, 4, 16, FIELD.closeDate, dayOf(2026, 4, 15), dayOf(2026, 3, 31)), // pulled in
      at(2026, 4, 20, FIELD.closeDate, dayOf(2026, 3, 31), dayOf(2026, 8, 1)), // Q1 → Q3
    ]);
    expect(quarterPushes(state)).toBe(2);
  });
});

describe('raisedThenCut', () => {
  const raise = at(2026, 3, 25, FIELD.amount, 20_000, 26_000);
  const cut = (y: number, m: number, d: number): Change => at(y, m, d, FIELD.amount, 26_000, 21_000);
  it('finds a raise in the last 14 days of a quarter cut in the first 14 days of the next, within 28 days', () => {
    expect(raisedThenCut(deal([raise, cut(2026, 4, 10)]))).toBe(true);
    expect(raisedThenCut(deal([at(2026, 3, 18, FIELD.amount, 20_000, 26_000), cut(2026, 4, 14)]))).toBe(true);
  });
  it('not a raise 14 days before the end, a cut 14 days after the start, a cut weeks later or in the same quarter', () => {
    expect(raisedThenCut(deal([at(2026, 3, 17, FIELD.amount, 20_000, 26_000), cut(2026, 4, 10)]))).toBe(false);
    expect(raisedThenCut(deal([raise, cut(2026, 4, 15)]))).toBe(false);
    expect(raisedThenCut(deal([raise, cut(2026, 7, 3)]))).toBe(false);
    expect(raisedThenCut(deal([raise, cut(2026, 3, 30)]))).toBe(false);
    expect(raisedThenCut(deal([raise, at(2026, 4, 2, FIELD.amount, 26_000, 30_000)]))).toBe(false);
  });
});

describe('looksSandbagged', () => {
  it('a win of 25,000 or more created within 7 days of its close, in the first 14 days of a quarter', () => {
    const close = dayOf(2026, 4, 13);
    expect(looksSandbagged(deal([], close, 25_000), close - 7)).toBe(true);
    expect(looksSandbagged(deal([], close, 25_000), close - 8)).toBe(false);
    expect(looksSandbagged(deal([], close, 24_999), close - 2)).toBe(false);
    expect(looksSandbagged(deal([], dayOf(2026, 4, 15), 40_000), dayOf(2026, 4, 12))).toBe(false);
  });
});
