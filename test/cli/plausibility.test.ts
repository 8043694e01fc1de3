/**
 * Implausible set-ups are warned about at the line that makes them: a percent target written as
 * a whole percentage, a percent formula multiplied by 100, a KPI evaluated finer than its grain.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { cli, salesFolder } from './helpers.js';

const KPIS = `kpi: win_rate
formula: count(opportunities where won) / count(opportunities where closed) * 100
unit: percent
---
kpi: close_rate
formula: count(opportunities where closed) / count(opportunities)
unit: percent
target: 10
overrides:
  - where: region = 'EMEA'
    target: 35%
  - where: region = 'AMER'
    target: 40
---
kpi: nrr_like
formula: count(opportunities where won) / count(opportunities where closed)
unit: percent
target: 110%
---
kpi: nps_like
formula: count(opportunities where won) / count(opportunities) * 100
unit: number
---
kpi: quarterly_won
formula: count(opportunities where won)
unit: count
grain: quarter
`;

const f = salesFolder({ 'catalog/kpis/kpis.yaml': KPIS });
afterAll(() => f.remove());

describe('implausible set-ups', () => {
  test('validate warns at the `* 100` of a percent KPI and at whole-number percent targets, nowhere else', async () => {
    const r = await cli(f.root, ['validate', '--format', 'json']);
    const found = (JSON.parse(r.stdout) as { diagnostics: { code: string; line: number; column: number; message: string }[] }).diagnostics;
    expect(found.map((d) => [d.code, d.line, d.column])).toEqual([
      ['resolve/percent-times-100', 2, 10],
      ['scorecard/implausible-target', 8, 9],
      ['scorecard/implausible-target', 13, 13],
    ]);
    expect(found[1]?.message).toBe('a target of 10 on percent KPI `close_rate` means 1,000%: percent values are fractions');
    expect(r.code).toBe(0);
  });

  test('run warns at the KPI’s grain when it is evaluated finer, and not at its grain', async () => {
    const monthly = await cli(f.root, ['run', '--kpi', 'quarterly_won', '--grain', 'month']);
    expect(monthly.code).toBe(0);
    expect(monthly.stderr).toContain(
      'catalog/kpis/kpis.yaml:27:8: warning[query/grain-too-fine] KPI `quarterly_won` is evaluated by month, but it means something only by quarter or longer',
    );
    const quarterly = await cli(f.root, ['run', '--kpi', 'quarterly_won', '--grain', 'quarter']);
    expect(quarterly.stderr).not.toContain('grain-too-fine');
  });
});
