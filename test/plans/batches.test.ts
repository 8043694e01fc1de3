/**
 * Payouts read their credits one batch of reps at a time (src/plans/credit-batches.ts) and keep no
 * deal lines unless asked: on a hand-built multi-rep set (splits, a median taper, a SPIFF guard,
 * a holdback, a prorated clawback, a draw, a joiner and a leaver), every batch size gives the same
 * statements to the line, and a summary without lines the same figures.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkCatalog } from '../../src/check-catalog.js';
import { checkPlans } from '../../src/plans/check.js';
import { evaluatePayouts, type PayoutRequest } from '../../src/plans/evaluate.js';
import { renderPayoutCsv, renderPayoutJson } from '../../src/plans/render-data.js';
import type { PayoutReport } from '../../src/plans/report.js';
import { writeBatchFixture } from './batches-fixture.js';
import { writeFixture } from './fixture.js';

const dir = writeBatchFixture();
const huge = writeFixture(
  {
    'taper.yaml': `plan: taper
hierarchy: org
members: role = 'AE'
effective: { from: 2026-01-01, to: 2026-12-31 }
pay_period: quarter
credit: { source: deals, where: won, rep: owner_id, amount: amount }
components:
  - component: commission
    type: commission
    method: flat
    rate: 10%
    taper: { above_median: 1, rate: 0% }
`,
  },
  {
    'positions.csv': 'rep_id,role,team,valid_from,valid_to\nr1,AE,A,2020-01-01,\nr2,AE,A,2020-01-01,\n',
    // Near 9e13 a double is 1/64 apart: these three amounts are one double, three decimals.
    'deals.csv':
      'deal_id,owner_id,stage,amount,term,product,discount,close_date,cancelled_date\n' +
      'h1,r1,Won,90000000000000.02,12,Core,0,2026-01-10,\n' +
      'h2,r2,Won,90000000000000.00,12,Core,0,2026-02-10,\n' +
      'h3,r1,Won,90000000000000.01,12,Core,0,2026-03-10,\n',
  },
);
afterAll(() => {
  for (const d of [dir, huge]) rmSync(path.dirname(d), { recursive: true, force: true });
});

async function report(catalog: string, request: PayoutRequest, batchRows?: number): Promise<PayoutReport> {
  const checked = checkCatalog(catalog);
  expect(checked.diagnostics.map((d) => d.message)).toEqual([]);
  const result = await evaluatePayouts(checked.resolved, checkPlans(checked.resolved).value, request, {
    dataDir: path.join(path.dirname(catalog), 'data'),
    batchRows,
  });
  if (!result.ok) throw new Error(result.message);
  return result.report;
}

const REQUESTS: readonly PayoutRequest[] = [{ period: '2026' }, { period: '2026-Q3' }, { period: '2026', plan: 'ae', rep: 'r2' }, {}];

describe('payouts in batches of reps', () => {
  test.each(REQUESTS)('every batch size gives the same statements, line for line (%o)', async (request) => {
    const whole = renderPayoutJson(await report(dir, request), true);
    // One credited row per batch: each rep alone, with the split deals it shares read for it.
    expect(renderPayoutJson(await report(dir, request, 1), true)).toBe(whole);
    expect(renderPayoutJson(await report(dir, request, 3), true)).toBe(whole);
  });

  test.each(REQUESTS)('a summary keeps no lines and the same figures (%o)', async (request) => {
    const itemised = await report(dir, request, 2);
    const summary = await report(dir, { ...request, itemised: false }, 2);
    expect(summary.plans.flatMap((p) => p.reps.flatMap((r) => r.periods.flatMap((x) => x.lines)))).toEqual([]);
    expect(itemised.plans.flatMap((p) => p.reps.flatMap((r) => r.periods.flatMap((x) => x.lines))).length).toBeGreaterThan(10);
    expect(renderPayoutCsv(summary, false)).toBe(renderPayoutCsv(itemised, false));
    expect(renderPayoutJson(summary, false)).toBe(renderPayoutJson(itemised, false));
  });

  test('the figures of the year (pinned before batching; r1 Q1 by hand)', async () => {
    // r1 Q1: 60% of d01 = 60,000. Q1's positive deals (each once, the unplanned x9's included):
    // 10, 20, 30, 45, 50, 100 thousand → median 37,500, taper above 2 × 37,500 = 75,000, at r1's
    // share 45,000: 45,000 × 8% + 15,000 × 1% = 3,750; 20% held → 3,000, the draw's amount.
    const csv = renderPayoutCsv(await report(dir, { period: '2026' }, 2), false);
    expect(csv).toBe(`plan,period,rep,name,credit,quota,attainment,commission,security_spiff,holdback,cancellations,draw,pay
ae,2026-Q1,r1,r1,60000,100000,0.6,3750,0,-750,0,0,3000
ae,2026-Q2,r1,r1,40000,100000,0.5,3200,500,750,0,0,4450
ae,2026-Q3,r1,r1,0,100000,0.3333333333333333,0,0,0,-2775,2775,0
ae,2026-Q4,r1,r1,120000,100000,0.55,9600,0,-1920,0,-2775,4905
ae,2026-Q1,r2,r2,90000,100000,0.9,6500,500,-1400,0,0,5600
ae,2026-Q2,r2,r2,125000,100000,1.075,3875,0,625,0,0,4500
ae,2026-Q3,r2,r2,0,100000,0.7166666666666667,0,0,775,0,0,775
ae,2026-Q4,r2,r2,80000,100000,0.7375,6400,0,0,-5333.33,0,1066.67
ae,2026-Q1,r3,r3,30000,100000,0.3,2400,0,-320,0,920,3000
ae,2026-Q2,r3,r3,0,100000,0.15,0,0,320,0,2680,3000
ae,2026-Q3,r3,r3,81000,49462.37,0.4449568886882619,6480,0,-336,0,-3600,2544
ae,2026-Q4,r3,r3,0,0,0.4449568886882619,0,0,336,0,0,336
ae,2026-Q2,r4,r4,50000,51612.9,0.9687500605468787,4000,500,-900,0,0,3600
ae,2026-Q3,r4,r4,0,100000,0.329787241059303,0,0,900,0,0,900
ae,2026-Q4,r4,r4,0,100000,0.19871795126561476,0,0,0,0,0,0
ae,2026-Q1,r5,r5,30000,100000,0.3,2400,0,-480,0,1080,3000
ae,2026-Q2,r5,r5,62500,100000,0.4625,1937.5,0,92.5,0,970,3000
ae,2026-Q3,r5,r5,49000,100000,0.4716666666666667,3920,0,-396.5,0,-2050,1473.5
ae,2026-Q4,r5,r5,-5000,100000,0.34125,-400,0,784,0,0,384
se,2026-Q1,o1,o1,100000,,,5000,,,,0,5000
se,2026-Q2,o1,o1,125000,,,6250,,,,0,6250
se,2026-Q3,o1,o1,0,,,0,,,,0,0
se,2026-Q4,o1,o1,80000,,,4000,,,,0,4000
`);
  });

  test('the median deal is exact where the credits share one double', async () => {
    const r = await report(huge, { period: '2026-Q1' }, 1);
    // The median of …00, …01 and …02 is …01: h1 (…02) is tapered by 0.01, at 0%.
    const taper = r.plans[0]?.reps[0]?.periods[0]?.lines.filter((l) => l.kind === 'taper');
    expect(taper?.map((l) => [l.deal, l.credit?.toString()])).toEqual([['h1', '0.01']]);
    expect(taper?.[0]?.rule).toContain('(1 × 90,000,000,000,000.01 = 90,000,000,000,000.01)');
  });
});
