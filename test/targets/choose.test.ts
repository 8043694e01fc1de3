/**
 * Which target and settings judge a KPI at a node in a period: the last matching override (by
 * scope and by period), else the consumer's own, else the KPI's; thresholds the same way, then the
 * default; and how seasonality applies to each kind of target.
 */
import { describe, expect, it } from 'vitest';
import type { CalendarDef } from '../../src/model/types.js';
import { parsePeriod, type Period } from '../../src/periods/period.js';
import type { KpiExpr, RowExpr } from '../../src/resolve/types.js';
import { chooseSettings, literalTarget, seasonalTarget, targetCandidates, type JudgedAt } from '../../src/targets/choose.js';
import { DEFAULT_THRESHOLDS, type KpiPerformance, type TargetSpec } from '../../src/targets/settings.js';

const calendar: CalendarDef = { fiscalYearStart: 1, weekStart: 'monday' };
const span = { file: 'k.yaml', start: 0, end: 1 };
const num = (value: number): TargetSpec => ({ kind: 'expr', expr: { kind: 'literal', value, type: 'number' } });
const formula: TargetSpec = { kind: 'expr', expr: { kind: 'kpi', id: 'quota', span, type: 'number', unit: 'money' } };
const TRUE: RowExpr = { kind: 'literal', value: true, type: 'boolean' };
const regionIs = (value: string): RowExpr => ({
  kind: 'binary',
  op: '=',
  left: { kind: 'dimension', name: 'region', type: 'string' },
  right: { kind: 'literal', value, type: 'string' },
  type: 'boolean',
});
const at = (region: string | null, label: string): JudgedAt => ({
  scope: new Map(region === null ? [] : [['region', region]]),
  period: parsePeriod(label, 'quarter', calendar) as Period,
  calendar,
});

const perf: KpiPerformance = {
  target: formula,
  thresholds: { green: 0.95, amber: 0.8, on: 'attainment' },
  overrides: [
    { where: regionIs('EMEA'), target: num(10), thresholds: { green: 0.9, amber: 0.7, on: 'attainment' }, span },
    { where: TRUE, period: '2026', target: num(20), span },
    { where: regionIs('EMEA'), period: '2026-Q2', target: num(30), span },
  ],
  exceptions: [],
};
const defaults = { scoring: { method: 'capped_attainment', cap: 1.2 } as const, missing: 'ignore' as const };

describe('chooseSettings', () => {
  it.each([
    [null, '2025-Q3', 'kpi'],
    ['AMER', '2025-Q3', 'kpi'],
    ['EMEA', '2025-Q3', 'override 0'],
    ['AMER', '2026-Q1', 'override 1'],
    ['EMEA', '2026-Q1', 'override 1'],
    ['EMEA', '2026-Q2', 'override 2'],
  ] as const)('region %s in %s: the target of the %s', (region, period, want) => {
    const chosen = chooseSettings(perf, undefined, defaults, at(region, period)).target;
    expect(chosen?.origin.kind === 'override' ? `override ${chosen.origin.index}` : chosen?.origin.kind).toBe(want);
  });

  it('a consumer’s own target beats the KPI’s, not a matching override', () => {
    const local = { target: num(5) };
    expect(chooseSettings(perf, local, defaults, at('AMER', '2025-Q3')).target?.origin.kind).toBe('local');
    expect(chooseSettings(perf, local, defaults, at('EMEA', '2025-Q3')).target?.origin.kind).toBe('override');
  });

  it('thresholds: a matching override, else the consumer’s, else the KPI’s, else 100% / 85%', () => {
    const local = { thresholds: { green: 1.1, amber: 1, on: 'attainment' as const } };
    expect(chooseSettings(perf, local, defaults, at('EMEA', '2025-Q3')).thresholds.green).toBe(0.9);
    expect(chooseSettings(perf, local, defaults, at('AMER', '2025-Q3')).thresholds.green).toBe(1.1);
    expect(chooseSettings(perf, undefined, defaults, at('AMER', '2025-Q3')).thresholds.green).toBe(0.95);
    expect(chooseSettings(undefined, undefined, defaults, at('AMER', '2025-Q3')).thresholds).toEqual(DEFAULT_THRESHOLDS);
  });

  it('scoring, missing data and seasonal shares: the consumer’s, else the KPI’s, else the defaults', () => {
    const seasonal = { unit: 'quarter' as const, shares: [0.25, 0.25, 0.25, 0.25] };
    const kpi: KpiPerformance = { overrides: [], exceptions: [], missing: 'zero', seasonal };
    const got = chooseSettings(kpi, { missing: 'blank' }, defaults, at(null, '2025-Q3'));
    expect([got.missing, got.scoring, got.seasonal]).toEqual(['blank', defaults.scoring, seasonal]);
    expect(chooseSettings(kpi, undefined, defaults, at(null, '2025-Q3')).missing).toBe('zero');
    expect(chooseSettings(undefined, undefined, defaults, at(null, '2025-Q3')).target).toBeUndefined();
  });
});

describe('target candidates and values', () => {
  it('every target that may apply somewhere: overrides in order, the consumer’s, the KPI’s', () => {
    const kinds = targetCandidates(perf, { target: num(5) }).map((c) =>
      c.origin.kind === 'override' ? `o${c.origin.index}` : c.origin.kind,
    );
    expect(kinds).toEqual(['o0', 'o1', 'o2', 'local', 'kpi']);
  });

  it('numbers are read as written, negative ones too; formulas are evaluated', () => {
    const minus: TargetSpec = {
      kind: 'expr',
      expr: { kind: 'unary', op: '-', operand: { kind: 'literal', value: 2, type: 'number' }, type: 'number' } as KpiExpr,
    };
    expect([literalTarget(num(0.35)), literalTarget(minus), literalTarget(formula)]).toEqual([0.35, -2, undefined]);
  });

  it('seasonality scales numbers and baselines, not formulas (already per period)', () => {
    const baseline: TargetSpec = {
      kind: 'baseline',
      expr: formula.expr,
      history: { amount: 4, unit: 'quarter' },
      ending: 'year_start',
      growth: 0,
      as: 'total',
    };
    expect([
      seasonalTarget(100, num(100), 1.2),
      seasonalTarget(80, baseline, 1.5),
      seasonalTarget(70, formula, 2),
      seasonalTarget(null, num(1), 2),
    ]).toEqual([120, 120, 70, null]);
  });
});
