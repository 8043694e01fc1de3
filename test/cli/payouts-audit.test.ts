/**
 * `kpic payouts --snapshot` and `--audit` end to end through the real CLI: a period approved as a
 * Parquet snapshot, a deal changed afterwards (the snapshot says so, it is not overwritten), then a
 * payroll file with planted errors — each found with its cause, and nothing else.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFixture } from '../plans/fixture.js';
import { cli as kpic } from './helpers.js';

const PLAN = `plan: ae
hierarchy: org
members: role = 'AE'
effective: { from: 2026-01-01, to: 2026-12-31 }
pay_period: quarter
credit: { source: deals, where: won, rep: owner_id, amount: amount }
components:
  - component: commission
    type: commission
    method: marginal
    tiers:
      - { up_to: 300000, rate: 3% }
      - { up_to: 500000, rate: 5% }
      - { rate: 7% }
`;

const HEADER = 'deal_id,owner_id,stage,amount,term,product,discount,close_date,cancelled_date\n';
const deals = (d1: string): string =>
  HEADER +
  `d1,r1,Won,${d1},12,Core,0.1,2026-02-10,\nd2,r1,Won,250000.00,12,Core,0.1,2026-05-20,\n` +
  'e1,r2,Won,1000.10,12,Core,0.1,2026-03-10,\n';

const dir = writeFixture(
  { 'ae.yaml': PLAN },
  {
    'positions.csv': 'rep_id,role,team,valid_from,valid_to\nr1,AE,A,2020-01-01,\nr2,AE,A,2026-03-01,\nr3,SDR,A,2020-01-01,\n',
    'deals.csv': deals('200000.00'),
  },
);
const root = path.dirname(dir);
afterAll(() => rmSync(root, { recursive: true, force: true }));
const CAT = ['--catalog', 'catalog'];

// Planted: r2 paid twice in Q1; r1 paid 7% on all of Q2's credit; r3 (an SDR) paid on the AE plan.
// r1's Q1 row is what was approved, before d1 grew from 200,000 to 210,000.
const PAID = `plan,period,rep,component,amount
ae,2026-Q1,r1,commission,6000.00
ae,2026-Q1,r2,commission,30.00
ae,2026-Q1,r2,commission,30.00
ae,2026-Q2,r1,commission,17500.00
ae,2026-Q2,r3,commission,100.00
`;

describe('kpic payouts --snapshot and --audit', () => {
  it('a snapshot keeps the approved period; a later change is reported, never overwritten', async () => {
    const first = await kpic(root, ['payouts', ...CAT, '--period', '2026-Q1', '--snapshot', 'snaps']);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('snapshot: kept ae 2026-Q1 as approved in');
    expect(existsSync(path.join(root, 'snaps', 'ae', '2026-Q1.parquet'))).toBe(true);
    writeFileSync(path.join(root, 'data', 'deals.csv'), deals('210000.00'));
    const again = await kpic(root, ['payouts', ...CAT, '--period', '2026-Q1', '--snapshot', 'snaps']);
    expect(again.code).toBe(0);
    // 210,000 × 3% = 6,300
    expect(again.stderr).toContain('snapshot: ae 2026-Q1 was approved with other pay: r1 6,000.00 → 6,300.00');
    expect(again.stdout).toMatch(/r1\s+r1\s+210,000\.00/);
  });

  it('the audit finds each planted error with its cause, and nothing else (exit 1)', async () => {
    writeFileSync(path.join(root, 'paid.csv'), PAID);
    const out = await kpic(root, ['payouts', ...CAT, '--audit', 'paid.csv', '--snapshot', 'snaps', '--format', 'json']);
    expect(out.code).toBe(1);
    const json = JSON.parse(out.stdout) as {
      rows: number;
      differences: { period: string; rep: string; paid: number | null; computed: number | null; difference: number; cause: string }[];
    };
    expect(json.rows).toBe(5);
    expect(json.differences.map((d) => [d.period, d.rep, d.paid, d.computed, d.difference, d.cause])).toEqual([
      ['2026-Q1', 'r1', 6000, 6300, -300, "paid as approved (6,000); since then deal d1's credit changed from 200,000 to 210,000"],
      ['2026-Q1', 'r2', 60, 30, 30, 'paid 2 times: payroll rows on lines 3, 4, each of which alone is the computed amount'],
      // Q2 now: 90,000 at 3% + 160,000 at 5% = 10,700; payroll paid 250,000 × 7%
      ['2026-Q2', 'r1', 17500, 10700, 6800, "rate misapplied: paid 7% on the period's credit of 250,000; the plan's rule applies 3%, 5%"],
      ['2026-Q2', 'r3', 100, null, 100, 'rep `r3` is not on plan `ae` in 2026-Q2'],
    ]);
  });

  it('table: one line per difference and a summary; a correct payroll passes with exit 0', async () => {
    const table = await kpic(root, ['payouts', ...CAT, '--audit', 'paid.csv']);
    expect(table.code).toBe(1);
    expect(table.stdout).toMatch(/^ae\s+2026-Q2\s+r3\s+commission\s+100\.00\s+—\s+100\.00\s+rep `r3` is not on plan `ae` in 2026-Q2$/m);
    expect(table.stdout.trimEnd().split('\n').pop()).toBe('4 differences in 5 payroll rows of paid.csv (4 amounts compared)');
    writeFileSync(
      path.join(root, 'good.csv'),
      'plan,period,rep,component,amount\nae,2026-Q1,r1,commission,6300\nae,2026-Q1,r2,commission,30.00\n',
    );
    const good = await kpic(root, ['payouts', ...CAT, '--audit', 'good.csv']);
    expect([good.code, good.stdout]).toEqual([0, 'no difference in 2 payroll rows of good.csv (2 amounts compared)\n']);
  });

  it('a malformed payroll file is refused at its line and column (exit 1)', async () => {
    writeFileSync(path.join(root, 'bad.csv'), 'plan,period,rep,component,amount\nae,2026-Q1,r1,commission,"6,000.00"\n');
    const bad = await kpic(root, ['payouts', ...CAT, '--audit', 'bad.csv']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('bad.csv:2:5: amount `6,000.00` is not a decimal number (write 1234.50: no separators or currency)');
  });
});

describe('kpic payouts --model', () => {
  it('table and html: the payout curve from 0% to 200% (quota from the plan or --quota)', async () => {
    const out = await kpic(root, ['payouts', ...CAT, '--model', '--quota', '400000']);
    expect(out.code).toBe(0);
    // marginal on credit: 400,000 at 100% → 300,000 × 3% + 100,000 × 5% = 14,000; 200%: 800,000 → 9,000 + 10,000 + 21,000
    expect(out.stdout).toMatch(/^100%\s+400,000\.00\s+14,000\.00\s+3\.50%$/m);
    expect(out.stdout).toMatch(/^200%\s+800,000\.00\s+40,000\.00\s+5\.00%$/m);
    const html = await kpic(root, ['payouts', ...CAT, '--model', '--quota', '400000', '--format', 'html', '--out', 'curve.html']);
    expect(html.code).toBe(0);
    const page = readFileSync(path.join(root, 'curve.html'), 'utf8');
    expect(page).toContain('<svg');
    expect(page.match(/<polyline /g)).toHaveLength(1);
    expect(page).not.toMatch(/<script|https?:\/\//);
  });

  it('a plan whose quota is not known, or a bad --quota, is a usage error (exit 2)', async () => {
    const none = await kpic(root, ['payouts', ...CAT, '--model', '--plan', 'ae']);
    expect([none.code, none.stderr]).toEqual([2, expect.stringContaining('plan `ae` has no quota: there is no attainment to model')]);
    const bad = await kpic(root, ['payouts', ...CAT, '--model', '--quota', '4e5']);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('`--quota 4e5` is not an amount above 0 (write 400000)')]);
  });
});
