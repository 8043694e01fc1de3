import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AS_OF_DAY, DAY_SECONDS, SPAN_START_DAY } from '../../generator/calendar.js';
import { simulateDeal, type DealPlan, type DealState } from '../../generator/deal-trajectory.js';
import { CAT, CLOSED_LOST, CLOSED_WON, FIELD } from '../../generator/deal-vocabulary.js';
import { createRng } from '../../generator/prng.js';

const AS_OF_END = (AS_OF_DAY + 1) * DAY_SECONDS - 1;

const plans = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 }),
  createdDay: fc.integer({ min: SPAN_START_DAY, max: AS_OF_DAY }),
  cycle: fc.integer({ min: 0, max: 540 }),
  won: fc.boolean(),
  amount: fc.option(fc.integer({ min: 100, max: 3_000_000 }), { freq: 8 }),
  gaming: fc.boolean(),
});

interface PlanInput {
  readonly seed: number;
  readonly createdDay: number;
  readonly cycle: number;
  readonly won: boolean;
  readonly amount: number | null;
  readonly gaming: boolean;
}

function run(p: PlanInput): { plan: DealPlan; state: DealState } {
  const plan: DealPlan = {
    createdTs: p.createdDay * DAY_SECONDS + 9 * 3600,
    closeDay: p.createdDay + p.cycle,
    won: p.won,
    amount: p.won ? (p.amount ?? 5000) : p.amount,
    gaming: p.gaming,
    backdatable: true,
  };
  return { plan, state: simulateDeal(createRng(p.seed, 'deal-test'), plan) };
}

describe('simulateDeal', () => {
  it('history chains, stays in bounds and ends at the state it reports', () => {
    fc.assert(
      fc.property(plans, (p) => {
        const { plan, state } = run(p);
        const last = new Map<number, number>();
        let previousTs = 0;
        for (const c of state.changes) {
          expect(c.ts).toBeGreaterThanOrEqual(previousTs);
          expect(c.ts).toBeGreaterThan(plan.createdTs);
          expect(c.ts).toBeLessThanOrEqual(AS_OF_END);
          expect(c.newValue).not.toBe(c.oldValue);
          if (last.has(c.field)) expect(c.oldValue).toBe(last.get(c.field));
          last.set(c.field, c.newValue);
          previousTs = c.ts;
        }
        if (last.has(FIELD.stage)) expect(state.stage).toBe(last.get(FIELD.stage));
        else expect(state.stage).toBe(0);
        if (last.has(FIELD.category)) expect(state.category).toBe(last.get(FIELD.category));
        if (last.has(FIELD.closeDate)) expect(state.closeDay).toBe(last.get(FIELD.closeDate));
        if (state.amount !== null && last.has(FIELD.amount)) expect(state.amount).toBe(last.get(FIELD.amount));
        expect(state.amount === null).toBe(plan.amount === null);
      }),
      { numRuns: 3000 },
    );
  });

  it('is open exactly when the close lies after the as-of date, with a future close date', () => {
    fc.assert(
      fc.property(plans, (p) => {
        const { plan, state } = run(p);
        expect(state.closed).toBe(plan.closeDay <= AS_OF_DAY);
        if (state.closed) {
          expect(state.stage).toBe(plan.won ? CLOSED_WON : CLOSED_LOST);
          expect(state.category).toBe(plan.won ? CAT.closed : CAT.omitted);
          expect(state.closeDay).toBeLessThanOrEqual(plan.closeDay);
          if (!state.backdated) expect(state.closeDay).toBe(plan.closeDay);
          if (plan.won) expect(state.amount).toBe(plan.amount);
        } else {
          expect(state.stage).toBeLessThan(CLOSED_WON);
          expect(state.closeDay).toBeGreaterThan(AS_OF_DAY);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('stage stays chain from the created day to the current stage', () => {
    fc.assert(
      fc.property(plans, (p) => {
        const { plan, state } = run(p);
        const stays = state.stays;
        expect(stays[0]).toMatchObject({ stage: 0, enteredDay: Math.floor(plan.createdTs / DAY_SECONDS) });
        for (let i = 1; i < stays.length; i++) expect(stays[i]?.enteredDay).toBe(stays[i - 1]?.exitedDay);
        expect(stays[stays.length - 1]).toMatchObject({ stage: state.stage, exitedDay: null });
        expect(stays.length).toBe(1 + state.changes.filter((c) => c.field === FIELD.stage).length);
      }),
      { numRuns: 2000 },
    );
  });

  it('only gaming reps backdate closes or jump stages at quarter end', () => {
    fc.assert(
      fc.property(plans, (p) => {
        const { state } = run({ ...p, gaming: false });
        expect(state.backdated).toBe(false);
        expect(state.quarterEndJump).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('gaming reps push close dates more often than honest ones', () => {
    let honest = 0;
    let gaming = 0;
    for (let i = 0; i < 2000; i++) {
      const base = { seed: i, createdDay: SPAN_START_DAY + (i % 700), cycle: 60 + (i % 90), won: i % 3 === 0, amount: 10_000 };
      honest += run({ ...base, gaming: false }).state.pushes;
      gaming += run({ ...base, gaming: true }).state.pushes;
    }
    expect(gaming).toBeGreaterThan(2 * honest);
  });
});
