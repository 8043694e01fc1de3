/**
 * Judging one figure, by hand: attainment, status and score under each kind of threshold and
 * scoring, with the seasonal index, and what each missing-data policy does.
 */
import { describe, expect, it } from 'vitest';
import { judgeFigure, type FigureInput } from '../../src/targets/judge-figure.js';
import { DEFAULT_SCORING, DEFAULT_THRESHOLDS } from '../../src/targets/settings.js';

const base = (over: Partial<FigureInput>): FigureInput => ({
  value: null,
  target: null,
  direction: 'up',
  settings: { thresholds: DEFAULT_THRESHOLDS, scoring: DEFAULT_SCORING, missing: 'ignore' },
  seasonalIndex: 1,
  ...over,
});

describe('judgeFigure', () => {
  it('higher is better: 90 of 100 is 90%, amber, 9 points', () => {
    expect(judgeFigure(base({ value: 90, target: 100 }))).toEqual({ attainment: 0.9, status: 'amber', score: 9, state: 'scored' });
  });

  it('capped: 150 of 100 scores 12 (cap 120%) and is green', () => {
    const j = judgeFigure(base({ value: 150, target: 100 }));
    expect([j.attainment, j.status, j.score]).toEqual([1.5, 'green', 12]);
  });

  it('lower is better: a cycle of 35 days against 30 is 85.7%, amber', () => {
    const j = judgeFigure(base({ value: 35, target: 30, direction: 'down' }));
    expect(j.attainment).toBeCloseTo(30 / 35, 12);
    expect([j.status, j.score]).toEqual(['amber', (10 * 30) / 35]);
  });

  it('lower is better, a value of 0: the best possible result', () => {
    expect(judgeFigure(base({ value: 0, target: 30, direction: 'down' }))).toEqual({
      attainment: Infinity,
      status: 'green',
      score: 12,
      state: 'scored',
    });
  });

  it('thresholds on the value are scaled by the seasonal index, compared the KPI’s way', () => {
    const settings = {
      thresholds: { green: 30, amber: 40, on: 'value' as const },
      scoring: { method: 'linear' as const, redFlag: 50, goal: 20, on: 'value' as const },
      missing: 'ignore' as const,
    };
    // Index 0.5, lower is better: green at or below 15, amber at or below 20, so 18 is amber.
    // Linear on the value, scaled: red flag 25, goal 10; 18 is (18 − 25) / (10 − 25) = 7/15 of the way.
    const j = judgeFigure(base({ value: 18, direction: 'down', settings, seasonalIndex: 0.5 }));
    expect([j.status, j.score, j.attainment, j.state]).toEqual(['amber', (10 * 7) / 15, null, 'scored']);
    expect(judgeFigure(base({ value: 15, direction: 'down', settings, seasonalIndex: 0.5 })).status).toBe('green');
  });

  it.each([
    ['ignore', { value: null, target: 100 }, { status: 'none', score: null, why: 'no-value' }],
    ['zero', { value: null, target: 100 }, { status: 'red', score: 0, why: 'no-value' }],
    ['blank', { value: 50, target: null }, { status: 'none', score: null, why: 'no-target' }],
    ['zero', { value: 50, target: 0 }, { status: 'red', score: 0, why: 'no-attainment' }],
  ] as const)('missing data under `%s`: %j', (missing, figure, want) => {
    const j = judgeFigure(base({ ...figure, settings: { thresholds: DEFAULT_THRESHOLDS, scoring: DEFAULT_SCORING, missing } }));
    expect({ status: j.status, score: j.score, why: j.why, state: j.state }).toEqual({ ...want, state: 'missing' });
  });
});
