/**
 * Holdbacks through the real engine: a share of each deal's pay withheld and released 90 days
 * after the credit, or forfeited when the deal is cancelled first (a clawback then takes back only
 * what was paid out). Every figure is computed by hand in the comments.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkCatalog, checkCatalogFiles } from '../../src/check-catalog.js';
import { checkPlans } from '../../src/plans/check.js';
import { evaluatePayouts } from '../../src/plans/evaluate.js';
import { catalogFiles, writeFixture } from './fixture.js';

const PLAN = `plan: ae
hierarchy: org
members: role = 'AE'
effective: { from: 2026-01-01, to: 2026-12-31 }
pay_period: month
credit: { source: deals, where: won, rep: owner_id, amount: amount }
components:
  - component: commission
    type: commission
    method: flat
    rate: 10%
  - component: holdback
    type: holdback
    share: 25%
    release: 90
    trigger: stage = 'Cancelled'
    date: cancelled_date
  - component: cancellations
    type: clawback
    trigger: stage = 'Cancelled'
    date: cancelled_date
    within: 200
`;

const dir = writeFixture(
  { 'ae.yaml': PLAN },
  {
    'positions.csv': 'rep_id,role,team,valid_from,valid_to\nr1,AE,A,2020-01-01,\n',
    'deals.csv':
      'deal_id,owner_id,stage,amount,term,product,discount,close_date,cancelled_date\n' +
      'h1,r1,Won,10000.00,12,Core,0,2026-01-15,\nh2,r1,Cancelled,20000.00,12,Core,0,2026-02-10,2026-03-05\n',
  },
);
afterAll(() => rmSync(path.dirname(dir), { recursive: true, force: true }));

describe('holdbacks', () => {
  test('held when earned, released after 90 days, forfeited on a cancellation before release', async () => {
    const checked = checkCatalog(dir);
    expect(checked.diagnostics.map((d) => d.message)).toEqual([]);
    const result = await evaluatePayouts(
      checked.resolved,
      checkPlans(checked.resolved).value,
      { period: '2026' },
      {
        dataDir: path.join(path.dirname(dir), 'data'),
      },
    );
    if (!result.ok) throw new Error(result.message);
    const periods = result.report.plans[0]?.reps[0]?.periods ?? [];
    // Jan: 1,000 on h1, 250 held → 750. Feb: 2,000 on h2, 500 held → 1,500 (750 held).
    // Mar: h2 cancelled: its 500 held is forfeited, the clawback takes back the 1,500 paid out → −1,500,
    //      carried (pay 0, balance 1,500). Apr: h1's 250 released on 15 April, recovered → pay 0, balance 1,250.
    expect(
      periods.slice(0, 4).map((p) => [p.period.label, p.earned.toString(), p.pay.toString(), p.held.toString(), p.drawBalance.toString()]),
    ).toEqual([
      ['2026-01', '750', '750', '250', '0'],
      ['2026-02', '1500', '1500', '750', '0'],
      ['2026-03', '-1500', '0', '250', '1500'],
      ['2026-04', '250', '0', '0', '1250'],
    ]);
    expect(periods[2]?.lines.map((l) => [l.kind, l.deal ?? '', l.amount.toString(), l.rule])).toEqual([
      ['release', 'h2', '0', 'holdback of 500 forfeited: trigger on 2026-03-05, before its release on 2026-05-11'],
      [
        'clawback',
        'h2',
        '-1500',
        'clawback: trigger on 2026-03-05, 23 days after the credit (window 200 days): 1,500 paid on the deal taken back in full',
      ],
      ['carry', '', '1500', 'negative pay carried to later periods; balance 1,500'],
    ]);
    expect(periods[3]?.lines.map((l) => [l.kind, l.amount.toString(), l.rule])).toEqual([
      ['release', '250', 'holdback released on 2026-04-15, 90 days after the credit'],
      ['carry', '-250', 'carried balance recovered from earnings: 250; balance 1,250'],
    ]);
  });

  test('a holdback needs a share of at most 100%, a release, and a trigger with its date', () => {
    const bad = PLAN.replace('share: 25%', 'share: 125%').replace(
      '    date: cancelled_date\n  - component: cancellations',
      '  - component: cancellations',
    );
    const found = checkCatalogFiles(catalogFiles({ 'ae.yaml': bad })).diagnostics.map((d) => [d.code, d.message]);
    expect(found).toEqual([
      [
        'plan/misplaced-key',
        'the `holdback` component `holdback` needs both `trigger:` and `date:` (the condition that forfeits what is held, and its date column), or neither',
      ],
      ['plan/bad-number', 'a holdback cannot hold more than 100% of the pay'],
    ]);
  });
});
