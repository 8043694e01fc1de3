/**
 * Bonuses paid on a KPI's status for the rep (`status: green`), judged like a scorecard: the KPI's
 * target, an override for one rep, and thresholds — through the real engine.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkCatalog, checkCatalogFiles } from '../../src/check-catalog.js';
import { checkPlans } from '../../src/plans/check.js';
import { evaluatePayouts } from '../../src/plans/evaluate.js';
import { catalogFiles, writeFixture } from './fixture.js';

const KPI = `kpi: won_count
formula: count(deals where won)
unit: count
target: 2
thresholds: { green: 1.0, amber: 0.5 }
overrides:
  - where: rep = 'r2'
    target: 1
`;

const PLAN = `plan: ae
hierarchy: org
members: role = 'AE'
effective: { from: 2026-01-01, to: 2026-12-31 }
pay_period: quarter
credit: { source: deals, where: won, rep: owner_id, amount: amount }
components:
  - component: commission
    type: commission
    method: flat
    rate: 1%
  - component: green_bonus
    type: bonus
    amount: 1000
    when:
      - { kpi: won_count, status: green }
  - component: amber_bonus
    type: bonus
    amount: 500
    when:
      - { kpi: won_count, status: amber }
`;

const dir = writeFixture(
  { 'ae.yaml': PLAN },
  {
    'positions.csv':
      'rep_id,role,team,valid_from,valid_to\nr1,AE,A,2020-01-01,\nr2,AE,B,2020-01-01,\nr3,AE,A,2020-01-01,\nr4,AE,A,2020-01-01,\n',
    'deals.csv':
      'deal_id,owner_id,stage,amount,term,product,discount,close_date,cancelled_date\n' +
      'a1,r1,Won,1000.00,12,Core,0,2026-01-10,\na2,r1,Won,1000.00,12,Core,0,2026-02-10,\n' +
      'b1,r2,Won,1000.00,12,Core,0,2026-02-11,\nc1,r3,Won,1000.00,12,Core,0,2026-03-01,\nc2,r3,Lost,1000.00,12,Core,0,2026-03-02,\n',
  },
  { 'kpis/won-count.yaml': KPI },
);
afterAll(() => rmSync(path.dirname(dir), { recursive: true, force: true }));

describe('bonuses on a KPI status', () => {
  test('green pays both bonuses, amber only the amber one, red or no value neither', async () => {
    const checked = checkCatalog(dir);
    expect(checked.diagnostics.map((d) => d.message)).toEqual([]);
    const result = await evaluatePayouts(
      checked.resolved,
      checkPlans(checked.resolved).value,
      { period: '2026-Q1' },
      {
        dataDir: path.join(path.dirname(dir), 'data'),
      },
    );
    if (!result.ok) throw new Error(result.message);
    const reps = result.report.plans[0]?.reps ?? [];
    // r1: 2 won of target 2 → green: 20 + 1,000 + 500; r2 (an override for the rep: target 1): 1 of 1 → green: 10 + 1,500;
    // r3: 1 of 2 = 50% → amber: 10 + 500; r4: nothing won → red: 0.
    expect(reps.map((r) => [r.rep, r.periods[0]?.pay.toString()])).toEqual([
      ['r1', '1520'],
      ['r2', '1510'],
      ['r3', '510'],
      ['r4', '0'],
    ]);
    const r3 = reps[2]?.periods[0]?.lines.filter((l) => l.kind === 'bonus').map((l) => [l.component, l.amount.toString(), l.rule]);
    expect(r3).toEqual([
      ['green_bonus', '0', 'not paid: won_count = 1, amber against target 2 (needs green) in 2026-Q1'],
      ['amber_bonus', '500', 'won_count = 1, amber against target 2 (needs amber or green) in 2026-Q1'],
    ]);
  });

  test('a status condition on a KPI without a target is refused at its position', () => {
    const files = catalogFiles({ 'ae.yaml': PLAN });
    const unknown = checkCatalogFiles(files).diagnostics;
    expect(unknown.map((d) => [d.code, d.message])).toContainEqual(['plan/unknown-kpi', 'unknown KPI `won_count`']);
    const noTarget = checkCatalogFiles(
      new Map([...files, ['kpis/won-count.yaml', 'kpi: won_count\nformula: count(deals where won)\nunit: count\n']]),
    ).diagnostics;
    // once per condition, each at its `status:`
    expect(noTarget.map((d) => [d.code, d.message, d.span.start])).toEqual(
      [...PLAN.matchAll(/status: /g)].map((m) => [
        'plan/unknown-kpi',
        'KPI `won_count` has no target, so it has no status to pay on',
        (m.index ?? 0) + 'status: '.length,
      ]),
    );
  });
});
