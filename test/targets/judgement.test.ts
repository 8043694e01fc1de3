/**
 * The arithmetic of judgement in isolation: direction-aware attainment, the ordered status rules
 * (synchronous), both scoring methods, and weighted averages under the missing-data policies.
 */
import { describe, expect, it } from 'vitest';
import { attainmentOf, scoreOf, weightedAverage } from '../../src/targets/score.js';
import { statusOf } from '../../src/targets/status.js';

describe('attainment', () => {
  it.each([
    [120, 100, 'up', 1.2],
    [80, 100, 'down', 1.25],
    [125, 100, 'down', 0.8],
    [0, 100, 'down', Infinity],
    [50, 0, 'up', null],
    [null, 100, 'up', null],
    [50, null, 'down', null],
    [-10, 100, 'down', null],
  ] as const)('value %j, target %j, %s → %j', (value, target, direction, want) => {
    expect(attainmentOf(value, target, direction)).toBe(want);
  });
});

describe('status rules', () => {
  it.each([
    [1.0, 1.0, 0.85, 'higher', 'green'],
    [0.85, 1.0, 0.85, 'higher', 'amber'],
    [0.8499, 1.0, 0.85, 'higher', 'red'],
    [Infinity, 1.0, 0.85, 'higher', 'green'],
    [30, 30, 40, 'lower', 'green'],
    [40, 30, 40, 'lower', 'amber'],
    [40.1, 30, 40, 'lower', 'red'],
    [null, 1, 0.85, 'higher', 'none'],
  ] as const)('%j against green %j, amber %j (%s is better) → %s', (measure, green, amber, better, want) => {
    expect(statusOf(measure, { green, amber, better })).toBe(want);
  });
});

describe('scores', () => {
  const capped = { method: 'capped_attainment', cap: 1.2 } as const;
  it.each([
    [0.9, 9],
    [1.5, 12],
    [-0.2, 0],
    [Infinity, 12],
    [null, null],
  ] as const)('capped attainment %j → %j', (attainment, want) => {
    expect(scoreOf(capped, attainment, null, 1)).toBe(want);
  });

  it('linear on attainment: 0 at the red flag, 10 at the goal, clamped outside', () => {
    const linear = { method: 'linear', redFlag: 0.7, goal: 1.0, on: 'attainment' } as const;
    expect(scoreOf(linear, 0.85, null, 1)).toBeCloseTo(5, 12);
    expect([scoreOf(linear, 0.5, null, 1), scoreOf(linear, 1.3, null, 1)]).toEqual([0, 10]);
  });

  it('linear on a lower-is-better value, levels scaled by the seasonal index', () => {
    const linear = { method: 'linear', redFlag: 8, goal: 1, on: 'value' } as const;
    expect(scoreOf(linear, null, 4.5, 1)).toBeCloseTo(5, 12);
    // Index 2: red flag 16, goal 2 → 9 is half way.
    expect(scoreOf(linear, null, 9, 2)).toBeCloseTo(5, 12);
  });

  it('weighted averages under each missing-data policy', () => {
    const scored = { weight: 0.5, state: 'scored', score: 8 } as const;
    expect(weightedAverage([scored, { weight: 0.5, state: 'missing', policy: 'ignore' }])).toEqual({ state: 'scored', score: 8 });
    expect(weightedAverage([scored, { weight: 0.5, state: 'missing', policy: 'zero' }])).toEqual({ state: 'scored', score: 4 });
    expect(weightedAverage([scored, { weight: 0.5, state: 'missing', policy: 'blank' }])).toEqual({ state: 'blank' });
    expect(weightedAverage([scored, { weight: 0.5, state: 'not-applicable' }])).toEqual({ state: 'scored', score: 8 });
    expect(weightedAverage([{ weight: 1, state: 'not-applicable' }])).toEqual({ state: 'empty' });
  });
});
