/**
 * The arithmetic of judgement in isolation: direction-aware attainment, status rules through
 * json-rules-engine, both scoring methods, weighted averages under the missing-data policies,
 * scope conditions, and which spell places a member in a period.
 */
import { describe, expect, it } from 'vitest';
import type { RowExpr } from '../../src/resolve/types.js';
import { spellsAsOf, type Spell } from '../../src/scorecard/membership.js';
import type { Period } from '../../src/scorecard/period.js';
import { attainmentOf, scoreOf, weightedAverage } from '../../src/scorecard/score.js';
import { deepestLevel, evaluateScope, holdsFor } from '../../src/scorecard/scope.js';
import { evaluateStatus } from '../../src/scorecard/status.js';

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
  ] as const)('%j against green %j, amber %j (%s is better) → %s', async (measure, green, amber, better, want) => {
    expect(await evaluateStatus(measure, { green, amber, better })).toBe(want);
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

describe('scope conditions', () => {
  const dim = (name: string): RowExpr => ({ kind: 'dimension', name, type: 'string' });
  const lit = (value: string | null): RowExpr => ({ kind: 'literal', value, type: value === null ? 'null' : 'string' });
  const eq = (name: string, value: string): RowExpr => ({ kind: 'binary', op: '=', left: dim(name), right: lit(value), type: 'boolean' });
  const team = new Map<string, string | null>([
    ['region', 'EMEA'],
    ['team', 'EMEA SMB'],
  ]);
  const region = new Map<string, string | null>([['region', 'EMEA']]);

  it('a region condition holds for the region and what is under it', () => {
    expect([holdsFor(eq('region', 'EMEA'), team), holdsFor(eq('region', 'EMEA'), region), holdsFor(eq('region', 'AMER'), team)]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('a condition on a lower level is unknown above it, and unknown does not hold', () => {
    expect(evaluateScope(eq('team', 'EMEA SMB'), region)).toBeNull();
    expect(holdsFor(eq('team', 'EMEA SMB'), region)).toBe(false);
    const notTeam: RowExpr = { kind: 'unary', op: 'not', operand: eq('team', 'X'), type: 'boolean' };
    expect(holdsFor(notTeam, region)).toBe(false);
  });

  it('in-lists and the deepest level named', () => {
    const within: RowExpr = { kind: 'in', operand: dim('region'), negated: false, list: [lit('APAC'), lit('EMEA')], type: 'boolean' };
    expect(holdsFor(within, region)).toBe(true);
    const both: RowExpr = { kind: 'binary', op: 'and', left: within, right: eq('team', 'EMEA SMB'), type: 'boolean' };
    expect(deepestLevel(both, ['enterprise', 'region', 'team', 'rep'])).toBe(2);
  });
});

describe('which spell places a member in a period', () => {
  const q2: Period = { grain: 'quarter', start: '2025-04-01', last: '2025-06-30', label: '2025-Q2' };
  const spell = (member: string, from: string | null, to: string | null, team: string): Spell => ({
    member,
    from,
    to,
    values: [null, team],
    labels: [],
    roles: [],
  });
  const spells = [
    spell('mover', '2024-01-01', '2025-05-14', 'A'),
    spell('mover', '2025-05-15', null, 'B'),
    spell('leaver', '2024-01-01', '2025-05-31', 'A'),
    spell('joiner', '2025-06-10', null, 'B'),
    spell('gone', '2024-01-01', '2025-03-31', 'A'),
    spell('later', '2025-07-01', null, 'A'),
  ];
  const team = (m: Map<string, Spell>): Record<string, string | null | undefined> =>
    Object.fromEntries([...m].map(([k, s]) => [k, s.values[1]]));

  it('period_end: the spell on the last day, or a leaver’s last one', () => {
    expect(team(spellsAsOf(spells, q2, 'period_end'))).toEqual({ mover: 'B', leaver: 'A', joiner: 'B' });
  });

  it('period_start: the spell on the first day, or a joiner’s first one', () => {
    expect(team(spellsAsOf(spells, q2, 'period_start'))).toEqual({ mover: 'A', leaver: 'A', joiner: 'B' });
  });
});
