/**
 * Revenue and overlay splits, and the taper above N × the median deal, through the real engine on
 * hand-built data; every figure is computed by hand in the comments.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkCatalog } from '../../src/check-catalog.js';
import { checkPlans } from '../../src/plans/check.js';
import { evaluatePayouts, type PayoutRequest } from '../../src/plans/evaluate.js';
import { SPLITS_SOURCE, writeFixture } from './fixture.js';

const plan = (id: string, members: string, commission: string): string => `plan: ${id}
hierarchy: org
members: role = '${members}'
effective: { from: 2026-01-01, to: 2026-12-31 }
pay_period: quarter
credit:
  source: deals
  where: won
  rep: owner_id
  amount: amount
  splits: { source: deal_splits, deal: deal_id, rep: rep_id, share: share, overlay: kind = 'Overlay' }
components:
  - component: commission
    type: commission
    method: flat
${commission}`;

const PLANS = {
  'ae.yaml': plan('ae', 'AE', '    rate: 10%\n'),
  'se.yaml': plan('se', 'SE', '    rate: 5%\n'),
  'taper.yaml': plan('taper', 'AE', '    rate: 10%\n    taper: { above_median: 2, rate: 1% }\n'),
};

const POSITIONS = `rep_id,role,team,valid_from,valid_to
r1,AE,A,2020-01-01,
r2,AE,A,2020-01-01,
r3,AE,B,2020-01-01,
o1,SE,A,2020-01-01,
`;

const DEALS = `deal_id,owner_id,stage,amount,term,product,discount,close_date,cancelled_date
d1,r1,Won,100000.00,12,Core,0,2026-02-10,
d2,r2,Won,50000.00,12,Core,0,2026-03-01,
d3,r3,Won,10000.00,12,Core,0,2026-01-20,
d4,r3,Won,20000.00,12,Core,0,2026-03-20,
d5,r3,Won,30000.00,12,Core,0,2026-04-10,
`;

const SPLITS = `deal_id,rep_id,share,kind
d1,r1,0.6,Revenue
d1,r2,0.4,Revenue
d1,o1,1,Overlay
`;

const dir = writeFixture(
  PLANS,
  { 'positions.csv': POSITIONS, 'deals.csv': DEALS, 'deal_splits.csv': SPLITS },
  { 'sources/deal_splits.yaml': SPLITS_SOURCE },
);
const bad = writeFixture(
  { 'ae.yaml': PLANS['ae.yaml'] },
  {
    'positions.csv': POSITIONS,
    'deals.csv': DEALS,
    // d1 adds up to 90%; r3 holds a revenue split of d3 and an overlay on it
    'deal_splits.csv': 'deal_id,rep_id,share,kind\nd1,r1,0.6,Revenue\nd1,r2,0.3,Revenue\nd3,r3,1,Revenue\nd3,r3,0.5,Overlay\n',
  },
  { 'sources/deal_splits.yaml': SPLITS_SOURCE },
);
afterAll(() => {
  for (const d of [dir, bad]) rmSync(path.dirname(d), { recursive: true, force: true });
});

async function payouts(catalog: string, request: PayoutRequest) {
  const checked = checkCatalog(catalog);
  expect(checked.diagnostics.map((d) => d.message)).toEqual([]);
  return evaluatePayouts(checked.resolved, checkPlans(checked.resolved).value, request, {
    dataDir: path.join(path.dirname(catalog), 'data'),
  });
}

async function report(request: PayoutRequest) {
  const result = await payouts(dir, request);
  if (!result.ok) throw new Error(result.message);
  return result.report;
}

describe('revenue and overlay splits', () => {
  test('a split deal credits each rep their share; a deal without splits credits its owner in full', async () => {
    const r = await report({ plan: 'ae', period: '2026-Q1' });
    // r1: 60% of d1 = 60,000 → 6,000; r2: 40% of d1 + d2 = 40,000 + 50,000 → 9,000; r3: d3 + d4 = 30,000 → 3,000
    expect(r.plans[0]?.reps.map((x) => [x.rep, x.periods[0]?.credit.toString(), x.periods[0]?.pay.toString()])).toEqual([
      ['r1', '60000', '6000'],
      ['r2', '90000', '9000'],
      ['r3', '30000', '3000'],
    ]);
    const r1 = r.plans[0]?.reps[0]?.periods[0]?.lines[0];
    expect(r1?.rule).toMatch(/^revenue split 60% of 100,000; /);
  });

  test('an overlay credits its rep on top, and plan totals count each deal once', async () => {
    const r = await report({ period: '2026-Q1' });
    const se = r.plans.find((p) => p.plan === 'se');
    // o1: overlay 100% of d1 → 100,000 at 5% = 5,000
    expect(
      se?.reps.map((x) => [x.rep, x.periods[0]?.credit.toString(), x.periods[0]?.overlayCredit.toString(), x.periods[0]?.pay.toString()]),
    ).toEqual([['o1', '100000', '100000', '5000']]);
    const ae = r.plans.find((p) => p.plan === 'ae');
    // d1 + d2 + d3 + d4 = 180,000: the split shares add up to the deal, the overlay is apart
    expect(ae?.totals.map((t) => [t.period, t.credit.toString(), t.overlay.toString(), t.pay.toString()])).toEqual([
      ['2026-Q1', '180000', '0', '18000'],
    ]);
    expect(se?.totals.map((t) => [t.period, t.credit.toString(), t.overlay.toString()])).toEqual([['2026-Q1', '0', '100000']]);
  });

  test('splits that do not add up to 100%, or credit a rep twice, stop the payout with plan/bad-splits', async () => {
    const result = await payouts(bad, { plan: 'ae', period: '2026-Q1' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.kind).toBe('data');
    expect(result.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['plan/bad-splits', 'deal `d1` in deal_splits.csv: its revenue splits add up to 90%, not 100% (r1 60%, r2 30%)'],
      ['plan/bad-splits', 'deal `d3` in deal_splits.csv: rep `r3` is credited more than once (r3 revenue 100%, r3 overlay 50%)'],
    ]);
    expect(result.diagnostics[0]?.span.file).toMatch(/ae\.yaml$/);
  });
});

describe('a taper above N × the median deal', () => {
  test('Q1: the median of 10,000, 20,000, 50,000 and 100,000 is 35,000; credit above 70,000 per deal at 1%', async () => {
    const r = await report({ plan: 'taper', period: '2026-Q1' });
    // r1: 60% of d1, tapered at 60% of 70,000 = 42,000: 4,200 + 18,000 × 1% = 4,380
    // r2: 40% of d1 tapered at 28,000: 2,800 + 12,000 × 1% = 2,920; d2 (50,000) below: 5,000 → 7,920
    const pays = r.plans[0]?.reps.map((x) => [x.rep, x.periods[0]?.pay.toString()]);
    expect(pays).toEqual([
      ['r1', '4380'],
      ['r2', '7920'],
      ['r3', '3000'],
    ]);
    const taper = r.plans[0]?.reps[0]?.periods[0]?.lines.find((l) => l.kind === 'taper');
    expect([taper?.credit?.toString(), taper?.amount.toString()]).toEqual(['18000', '180']);
    expect(taper?.rule).toContain("2× the period's median deal (2 × 35,000 = 70,000)");
  });

  test('Q2: one deal of 30,000 is its own median, so nothing is tapered', async () => {
    const r = await report({ plan: 'taper', period: '2026-Q2', rep: 'r3' });
    expect(r.plans[0]?.reps[0]?.periods[0]?.lines.map((l) => [l.kind, l.amount.toString()])).toEqual([['rate', '3000']]);
  });
});

describe('two plans for one rep on the same days', () => {
  test('a warning at the second plan’s members names the reps and days; plans of other roles do not overlap', async () => {
    const result = await payouts(dir, { period: '2026-Q1' });
    if (!result.ok) throw new Error(result.message);
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.message])).toEqual([
      [
        'plan/overlapping-plans',
        'warning',
        '3 reps are on plans `ae` and `taper` on the same days (r1 2026-01-01 to 2026-12-31, r2 2026-01-01 to 2026-12-31, r3 2026-01-01 to 2026-12-31), so their deals pay twice',
      ],
    ]);
    expect(result.diagnostics[0]?.span.file).toMatch(/taper\.yaml$/);
  });
});
