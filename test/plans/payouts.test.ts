/**
 * Payouts end to end on a hand-built set of reps and deals, through the real engine: every figure
 * below is computed by hand in the comments.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkCatalog } from '../../src/check-catalog.js';
import { checkPlans } from '../../src/plans/check.js';
import { evaluatePayouts, type PayoutRequest } from '../../src/plans/evaluate.js';
import type { RepPeriod } from '../../src/plans/report.js';
import { writeFixture } from './fixture.js';

const TIERS = `      - { up_to: 300000, rate: 3% }
      - { up_to: 500000, rate: 5% }
      - { rate: 7% }`;

const plan = (id: string, body: string, header = 'pay_period: quarter'): string => `plan: ${id}
hierarchy: org
members: role = 'AE'
effective: { from: 2026-01-01, to: 2026-12-31 }
${header}
credit: { source: deals, where: won, rep: owner_id, amount: amount }
quota: { annual: 100000, seasonal: { q1: 20%, q2: 20%, q3: 20%, q4: 40% } }
components:
${body}`;

const PLANS = {
  'marginal.yaml': plan('marginal', `  - component: commission\n    type: commission\n    method: marginal\n    tiers:\n${TIERS}\n`),
  'retro.yaml': plan('retro', `  - component: commission\n    type: commission\n    method: retroactive\n    tiers:\n${TIERS}\n`),
  'taper.yaml': plan(
    'taper',
    `  - component: commission\n    type: commission\n    method: flat\n    rate: 10%\n    taper: { above: 100000, rate: 2% }\n`,
  ),
  'draw.yaml': plan(
    'draw',
    `  - component: commission\n    type: commission\n    method: flat\n    rate: 10%\n  - component: draw\n    type: draw\n    amount: 2000\n    to: 2026-02-28\n`,
    'pay_period: month',
  ),
  'spiff.yaml': plan(
    'spiff',
    `  - component: security_spiff\n    type: spiff\n    from: 2026-01-01\n    to: 2026-03-31\n    where: product = 'Security'\n    amount: 500\n    guards:\n      - { when: discount <= 0.2, title: discount at most 20% }\n`,
  ),
  'clawback.yaml': plan(
    'clawback',
    `  - component: commission\n    type: commission\n    method: flat\n    rate: 10%\n  - component: cancellations\n    type: clawback\n    trigger: stage = 'Cancelled'\n    date: cancelled_date\n    within: 200\n    term: term\n`,
    'pay_period: month',
  ),
  'rounding.yaml': plan('rounding', `  - component: commission\n    type: commission\n    method: flat\n    rate: 5%\n`),
};

const DATA = {
  'positions.csv': `rep_id,role,team,valid_from,valid_to
r1,AE,A,2020-01-01,
r2,AE,A,2026-03-01,
r3,AE,B,2025-06-01,
r4,SDR,B,2020-01-01,
r5,AE,B,2020-01-01,
r6,AE,B,2020-01-01,
`,
  'deals.csv': `deal_id,owner_id,stage,amount,term,product,discount,close_date,cancelled_date
d1,r1,Won,200000.00,12,Core,0.1,2026-02-10,
d2,r1,Won,250000.00,12,Core,0.1,2026-05-20,
d3,r1,Won,150000.00,12,Core,0.1,2026-08-15,
d4,r1,Lost,90000.00,12,Core,0.1,2026-03-01,
s1,r2,Won,1000.00,12,Security,0.3,2026-03-10,
s2,r2,Won,2000.00,12,Security,0.1,2026-03-12,
s3,r2,Won,3000.00,12,Core,0.1,2026-03-14,
s4,r2,Won,4000.00,12,Security,0.1,2026-04-02,
w1,r3,Won,5000.00,12,Core,0,2026-01-15,
w2,r3,Won,10000.00,12,Core,0,2026-02-15,
w3,r3,Won,12000.00,12,Core,0,2026-03-15,
w4,r3,Won,30000.00,12,Core,0,2026-04-15,
x1,r4,Won,99999.00,12,Core,0,2026-02-01,
c1,r5,Won,0.15,12,Core,0,2026-01-05,
c2,r5,Won,0.15,12,Core,0,2026-01-06,
c3,r5,Won,0.15,12,Core,0,2026-01-07,
k1,r6,Cancelled,120000.00,12,Core,0,2026-01-10,2026-07-10
k2,r6,Won,10000.00,12,Core,0,2026-07-20,
k3,r6,Won,80000.00,12,Core,0,2026-08-05,
k4,r6,Cancelled,20000.00,12,Core,0,2026-01-12,2026-08-20
`,
};

const dir = writeFixture(PLANS, DATA);
afterAll(() => rmSync(path.dirname(dir), { recursive: true, force: true }));

async function payouts(request: PayoutRequest) {
  const checked = checkCatalog(dir);
  expect(checked.diagnostics.map((d) => d.message)).toEqual([]);
  const result = await evaluatePayouts(checked.resolved, checkPlans(checked.resolved).value, request, {
    dataDir: path.join(path.dirname(dir), 'data'),
  });
  if (!result.ok) throw new Error(result.message);
  return result.report;
}

async function repPeriods(plan: string, rep: string, period = '2026'): Promise<readonly RepPeriod[]> {
  const report = await payouts({ plan, rep, period });
  return report.plans[0]?.reps[0]?.periods ?? [];
}

const pays = (periods: readonly RepPeriod[]): [string, string][] => periods.map((p) => [p.period.label, p.pay.toString()]);

describe('kpic payouts: tiers through the engine (the issue’s worked numbers)', () => {
  test('marginal tiers on 600,000 over three quarters: 6,000 + 10,500 + 9,500 = 26,000', async () => {
    const periods = await repPeriods('marginal', 'r1');
    expect(pays(periods)).toEqual([
      ['2026-Q1', '6000'],
      ['2026-Q2', '10500'],
      ['2026-Q3', '9500'],
      ['2026-Q4', '0'],
    ]);
    expect(periods.reduce((a, p) => a + p.pay.toNumber(), 0)).toBe(26000);
    // d2 (250,000) straddles 300,000: 100,000 at 3% and 150,000 at 5%
    const q2 = periods[1]?.lines.map((l) => [l.deal, l.credit?.toString(), l.rate?.toString(), l.amount.toString()]);
    expect(q2).toEqual([
      ['d2', '100000', '0.03', '3000'],
      ['d2', '150000', '0.05', '7500'],
    ]);
  });

  test('retroactive tiers: 6,000 + 16,500 + 19,500 = 42,000, true-ups itemised', async () => {
    const periods = await repPeriods('retro', 'r1');
    expect(pays(periods).slice(0, 3)).toEqual([
      ['2026-Q1', '6000'],
      ['2026-Q2', '16500'],
      ['2026-Q3', '19500'],
    ]);
    // Q3: 450,000 earlier credit from 5% to 7% (+9,000), then 150,000 at 7% (10,500)
    expect(periods[2]?.lines.map((l) => [l.kind, l.credit?.toString(), l.amount.toString()])).toEqual([
      ['true-up', '450000', '9000'],
      ['rate', '150000', '10500'],
    ]);
  });

  test('credit, quota and attainment to date per period; lost deals credit nothing', async () => {
    const periods = await repPeriods('marginal', 'r1');
    const q3 = periods[2];
    expect([q3?.credit.toString(), q3?.creditToDate.toString(), q3?.quota?.toString(), q3?.quotaToDate?.toString()]).toEqual([
      '150000',
      '600000',
      '20000',
      '60000',
    ]);
    expect(q3?.attainment).toBe(10);
  });

  test('a joiner on 1 March: Q1 quota 6,666.67, the year 86,666.67', async () => {
    const periods = await repPeriods('marginal', 'r2');
    expect(periods.map((p) => [p.period.label, p.activeDays, p.quota?.toString()])).toEqual([
      ['2026-Q1', 31, '6666.67'],
      ['2026-Q2', 91, '20000'],
      ['2026-Q3', 92, '20000'],
      ['2026-Q4', 92, '40000'],
    ]);
    expect(periods[3]?.quotaToDate?.toString()).toBe('86666.67');
  });

  test('reps off the plan (an SDR) are not paid on it', async () => {
    const report = await payouts({ plan: 'marginal', period: '2026-Q1' });
    expect(report.plans[0]?.reps.map((r) => r.rep)).toEqual(['r1', 'r2', 'r3', 'r5', 'r6']);
  });
});

describe('taper, SPIFF guards, draws and rounding', () => {
  test('a deal over the taper: 100,000 at 10% + 100,000 above it at 2% = 12,000', async () => {
    const [q1] = await repPeriods('taper', 'r1', '2026-Q1');
    expect(q1?.lines.map((l) => [l.kind, l.credit?.toString(), l.amount.toString()])).toEqual([
      ['rate', '100000', '10000'],
      ['taper', '100000', '2000'],
    ]);
    expect(q1?.pay.toString()).toBe('12000');
  });

  test('a SPIFF whose guard fails is itemised at 0 with the guard; only Security deals in the window qualify', async () => {
    const [q1, q2] = await repPeriods('spiff', 'r2');
    expect(q1?.lines.map((l) => [l.deal, l.amount.toString(), l.rule])).toEqual([
      ['s1', '0', 'not paid: guard failed — discount at most 20%'],
      ['s2', '500', 'SPIFF security spiff: 500 per deal'],
    ]);
    expect(q1?.pay.toString()).toBe('500');
    // s4 closes after the SPIFF ends
    expect(q2?.lines).toEqual([]);
  });

  test('a recoverable draw topped up for two months, then recovered over the next two', async () => {
    // Jan: earned 500 → paid 2,000 (balance 1,500); Feb: earned 1,000 → paid 2,000 (balance 2,500);
    // Mar: earned 1,200, all recovered (balance 1,300); Apr: earned 3,000 → 1,300 recovered, paid 1,700.
    const periods = await repPeriods('draw', 'r3', '2026');
    expect(
      periods.slice(0, 4).map((p) => [p.period.label, p.earned.toString(), p.draw.toString(), p.pay.toString(), p.drawBalance.toString()]),
    ).toEqual([
      ['2026-01', '500', '1500', '2000', '1500'],
      ['2026-02', '1000', '1000', '2000', '2500'],
      ['2026-03', '1200', '-1200', '0', '1300'],
      ['2026-04', '3000', '-1300', '1700', '0'],
    ]);
    for (const p of periods) expect(p.lines.reduce((a, l) => a + l.amount.toNumber(), 0)).toBeCloseTo(p.pay.toNumber(), 9);
  });

  test('running-total rounding: three lines of 0.0075 pay 0.01, 0.01, 0.00 — they add up to the rounded total 0.02', async () => {
    const [q1] = await repPeriods('rounding', 'r5', '2026-Q1');
    expect(q1?.lines.map((l) => [l.exact.toString(), l.amount.toString()])).toEqual([
      ['0.0075', '0.01'],
      ['0.0075', '0.01'],
      ['0.0075', '0'],
    ]);
    expect(q1?.pay.toString()).toBe('0.02');
  });

  test('a cancellation within the window claws back the unserved share, recovered from later earnings', async () => {
    // k1: 120,000 in January (commission 12,000), cancelled 10 July, 6 of 12 months served → −6,000.
    // July: 1,000 earned − 6,000 = −5,000 → pays 0, carries 5,000; August: 8,000 earned → 3,000 paid.
    // k1 is cancelled 181 days after its credit, inside the 200-day window; k4 220 days after, outside.
    const periods = await repPeriods('clawback', 'r6', '2026');
    const at = (label: string) => periods.find((p) => p.period.label === label);
    expect(at('2026-07')?.lines.map((l) => [l.kind, l.deal ?? '', l.amount.toString()])).toEqual([
      ['rate', 'k2', '1000'],
      ['clawback', 'k1', '-6000'],
      ['carry', '', '5000'],
    ]);
    expect([at('2026-07')?.pay.toString(), at('2026-07')?.drawBalance.toString()]).toEqual(['0', '5000']);
    expect([at('2026-08')?.earned.toString(), at('2026-08')?.pay.toString(), at('2026-08')?.drawBalance.toString()]).toEqual([
      '8000',
      '3000',
      '0',
    ]);
    expect(periods.flatMap((p) => p.lines).filter((l) => l.deal === 'k4' && l.kind === 'clawback')).toEqual([]);
  });
});
