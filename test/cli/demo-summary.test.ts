import { describe, expect, test } from 'vitest';
import { changeText, latestActivePeriod, renderDemoSummary, type DemoKpi, type DemoSummaryInput } from '../../src/cli/demo-summary.js';
import type { KpiHorizon } from '../../src/model/types.js';
import { ANSI, PLAIN } from '../../src/diagnostics/render/style.js';

describe('changeText', () => {
  test.each([
    [110, 100, 'money', '▲ 10.0%', 1],
    [90, 100, 'count', '▼ 10.0%', -1],
    [100, 100, 'number', '= 0.00', 0],
    [-2.13, -20.59, 'number', '▲ 18.46', 1],
    [2.5, 2.1, 'ratio', '▲ 0.40', 1],
    [0.042, 0.051, 'ratio', '▼ 0.009', -1],
    [5, 0, 'count', '▲ new', 1],
    [0, 0, 'count', '= 0.0%', 0],
    [-5, -10, 'money', '▲ $5', 1],
    [2000, 100, 'money', '▲ 1,900.0%', 1],
    [0.3, 0.25, 'percent', '▲ 5.0 pts', 1],
    [0.2, 0.25, 'percent', '▼ 5.0 pts', -1],
    // Shown as 99.0% after 98.9%: the change is that of the figures shown.
    [0.98951, 0.98949, 'percent', '▲ 0.1 pts', 1],
    [0.98949, 0.98941, 'percent', '= 0.0 pts', 0],
    // Shown as 0.063 after 0.063 (three decimals for both).
    [0.0634, 0.0626, 'ratio', '= 0.000', 0],
    [null, 1, 'money', '', 0],
    [1, null, 'money', '', 0],
  ] as const)('%s after %s (%s) → %s', (now, before, unit, text, sign) => {
    expect(changeText(now, before, unit)).toEqual({ text, sign });
  });
});

describe('renderDemoSummary', () => {
  const base = {
    rows: [
      { kpi: 'cycle', period: '2024-01-01', by: [], value: 10 },
      { kpi: 'cycle', period: '2024-04-01', by: [], value: 12 },
    ],
    latest: '2024-04-01',
    prior: '2024-01-01',
    next: '2024-07-01',
    currency: 'USD',
  };

  test('a KPI without breakdown is one line, `all`', () => {
    const text = renderDemoSummary({
      ...base,
      kpis: [{ id: 'cycle', title: 'Cycle', unit: 'days', direction: 'down', perspective: undefined, horizon: 'past' }],
      style: PLAIN,
    });
    expect(text).toBe('Cycle (cycle, days)\n  all  12.0 d  ▲ 20.0%  was 10.0 d\n');
  });

  test('colours follow the direction: up is red for a lower-is-better KPI', () => {
    const text = renderDemoSummary({
      ...base,
      kpis: [{ id: 'cycle', title: 'Cycle', unit: 'days', direction: 'down', perspective: undefined, horizon: 'past' }],
      style: ANSI,
    });
    expect(text).toContain('\u001b[31m▲ 20.0%\u001b[39m');
  });

  test('a KPI with no rows says so', () => {
    const text = renderDemoSummary({
      ...base,
      kpis: [{ id: 'other', title: 'Other', unit: undefined, direction: 'up', perspective: 'customer', horizon: 'past' }],
      style: PLAIN,
    });
    expect(text).toBe('Customer\n  Other (other)\n    — no values\n');
  });
});

describe('latestActivePeriod', () => {
  const row = (kpi: string, period: string, value: number | null) => ({ kpi, period, by: [], value });

  test('skips trailing periods where only a few KPIs have values (future pipeline)', () => {
    const rows = [
      ...['a', 'b', 'c', 'd'].flatMap((k) => [row(k, '2024-01-01', 1), row(k, '2024-04-01', 2)]),
      row('a', '2024-07-01', 5),
      row('b', '2024-07-01', 0),
      row('c', '2024-07-01', null),
    ];
    expect(latestActivePeriod(rows)).toBe('2024-04-01');
  });

  test('half of the busiest period is enough', () => {
    const rows = [row('a', '2024-01-01', 1), row('b', '2024-01-01', 1), row('a', '2024-04-01', 1), row('b', '2024-04-01', 0)];
    expect(latestActivePeriod(rows)).toBe('2024-04-01');
  });

  test('all zeros: the last period; no rows: undefined', () => {
    expect(latestActivePeriod([row('a', '2024-01-01', 0), row('a', '2024-04-01', 0)])).toBe('2024-04-01');
    expect(latestActivePeriod([])).toBeUndefined();
  });
});

/** A count KPI of the summary, and the summary of `rows` for the quarter 2024-04-01. */
const countKpi = (id: string, horizon: KpiHorizon = 'past'): DemoKpi => ({
  id,
  title: id,
  unit: 'count',
  direction: 'up',
  perspective: undefined,
  horizon,
});
const summary = (kpis: readonly DemoKpi[], rows: DemoSummaryInput['rows']): string =>
  renderDemoSummary({ kpis, rows, latest: '2024-04-01', prior: '2024-01-01', next: '2024-07-01', currency: 'USD', style: PLAIN });

test('breakdown values empty in both quarters are left out, unless nothing else is left', () => {
  const rows = [
    { kpi: 'k', period: '2024-01-01', by: ['AMER'], value: 1 },
    { kpi: 'k', period: '2024-04-01', by: ['AMER'], value: 2 },
    { kpi: 'k', period: '2024-01-01', by: [null], value: 0 },
    { kpi: 'k', period: '2024-04-01', by: [null], value: 0 },
    { kpi: 'z', period: '2024-04-01', by: ['AMER'], value: 0 },
  ];
  const text = summary([countKpi('k'), countKpi('z')], rows);
  expect(text).toBe('k (k, count)\n  AMER  2  ▲ 100.0%  was 1\n\nz (z, count)\n  AMER  0\n');
});

test('a KPI that looks forward is read for the quarter ahead, and neither it nor a snapshot gets a comparison', () => {
  const rows = [
    { kpi: 'due', period: '2024-04-01', by: ['AMER'], value: 0 },
    { kpi: 'due', period: '2024-07-01', by: ['AMER'], value: 1500 },
    { kpi: 'aging', period: '2024-01-01', by: ['AMER'], value: 5 },
    { kpi: 'aging', period: '2024-04-01', by: ['AMER'], value: 139 },
  ];
  const text = summary([countKpi('due', 'forward'), countKpi('aging', 'snapshot')], rows);
  expect(text).toBe('due (due, count)\n  AMER  1,500\n\naging (aging, count)\n  AMER  139\n');
});
