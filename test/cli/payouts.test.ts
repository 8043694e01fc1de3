/**
 * `kpic payouts` end to end: a hand-built catalog (test/plans/fixture.ts) through the real CLI in
 * every format, usage errors (exit 2), an invalid plan (exit 1), and the shipped catalog's plans on
 * the example data (every statement's lines add up to its pay).
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFixture } from '../plans/fixture.js';
import { cli as kpic } from './helpers.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

const PLAN = `plan: ae
title: AE plan
hierarchy: org
members: role = 'AE'
effective: { from: 2026-01-01, to: 2026-12-31 }
pay_period: quarter
credit: { source: deals, where: won, rep: owner_id, amount: amount }
quota: { annual: 100000 }
components:
  - component: commission
    type: commission
    method: marginal
    tiers:
      - { up_to: 300000, rate: 3% }
      - { up_to: 500000, rate: 5% }
      - { rate: 7% }
`;

const DATA = {
  'positions.csv': 'rep_id,role,team,valid_from,valid_to\nr1,AE,A,2020-01-01,\nr2,AE,A,2026-03-01,\n',
  'deals.csv':
    'deal_id,owner_id,stage,amount,term,product,discount,close_date,cancelled_date\n' +
    'd1,r1,Won,200000.00,12,Core,0.1,2026-02-10,\nd2,r1,Won,250000.00,12,Core,0.1,2026-05-20,\nd3,r1,Won,150000.00,12,Core,0.1,2026-08-15,\n' +
    'e1,r2,Won,1000.10,12,Core,0.1,2026-03-10,\n',
};

const dir = writeFixture({ 'ae.yaml': PLAN }, DATA);
const root = path.dirname(dir);
afterAll(() => rmSync(root, { recursive: true, force: true }));
const CAT = ['--catalog', 'catalog'];

describe('kpic payouts on a hand-built catalog', () => {
  it('table: one line per rep and period, amounts to the cent', async () => {
    const out = await kpic(root, ['payouts', ...CAT, '--period', '2026-Q2']);
    expect(out.code).toBe(0);
    const lines = out.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^plan\s+period\s+rep\s+name\s+credit\s+quota\s+attainment\s+commission\s+draw\s+pay$/);
    // Q2: 100,000 at 3% + 150,000 at 5% = 10,500; attainment to date 450,000 / 50,000; r2 (from 1 March):
    // 1,000.10 / (8,333.33 + 25,000)
    expect(lines[1]).toMatch(/^ae\s+2026-Q2\s+r1\s+r1\s+250,000\.00\s+25,000\.00\s+900\.0%\s+10,500\.00\s+0\.00\s+10,500\.00$/);
    expect(lines[2]).toMatch(/^ae\s+2026-Q2\s+r2\s+r2\s+0\.00\s+25,000\.00\s+3\.0%\s+0\.00\s+0\.00\s+0\.00$/);
  });

  it('json: exact amounts as JSON numbers; the year adds up to 26,000', async () => {
    const out = await kpic(root, ['payouts', ...CAT, '--period', '2026', '--rep', 'r1', '--format', 'json']);
    expect(out.code).toBe(0);
    const json = JSON.parse(out.stdout) as { plans: { reps: { periods: { period: string; pay: number; lines?: unknown }[] }[] }[] };
    const periods = json.plans[0]?.reps[0]?.periods ?? [];
    expect(periods.map((p) => [p.period, p.pay])).toEqual([
      ['2026-Q1', 6000],
      ['2026-Q2', 10500],
      ['2026-Q3', 9500],
      ['2026-Q4', 0],
    ]);
    expect(periods[0]?.lines).toBeUndefined();
    expect(out.stdout).toContain('"credit": 200000');
  });

  it('csv --statement: every line with its deal, rate, exact and rounded amount and rule', async () => {
    const out = await kpic(root, ['payouts', ...CAT, '--period', '2026-Q1', '--statement', '--format', 'csv']);
    expect(out.code).toBe(0);
    expect(out.stdout.split('\n').slice(0, 3)).toEqual([
      'plan,period,rep,component,kind,deal,date,credit,rate,multiplier,exact,amount,rule',
      'ae,2026-Q1,r1,commission,rate,d1,2026-02-10,200000,0.03,1,6000,6000,"tier 1 at 3% — marginal on credit: 3% to 300,000, 5% to 500,000, 7% above"',
      // 1,000.10 × 3% = 30.003 → 30.00
      'ae,2026-Q1,r2,commission,rate,e1,2026-03-10,1000.1,0.03,1,30.003,30,"tier 1 at 3% — marginal on credit: 3% to 300,000, 5% to 500,000, 7% above"',
    ]);
  });

  it('html statements to --out, written atomically, self-contained', async () => {
    const out = await kpic(root, ['payouts', ...CAT, '--period', '2026-Q3', '--format', 'html', '--out', 'statements.html']);
    expect(out.code).toBe(0);
    const html = readFileSync(path.join(root, 'statements.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<h2>r1 (r1) — 2026-Q3</h2>');
    expect(html).toContain('<td class="num">9,500.00</td>');
    expect(html).not.toMatch(/<script|https?:\/\//);
  });

  it('usage errors exit 2 and name what is wrong', async () => {
    const plan = await kpic(root, ['payouts', ...CAT, '--plan', 'ea']);
    expect(plan.code).toBe(2);
    expect(plan.stderr).toContain('unknown plan `ea`');
    const rep = await kpic(root, ['payouts', ...CAT, '--rep', 'r9', '--period', '2026']);
    expect(rep.code).toBe(2);
    expect(rep.stderr).toContain('rep `r9` is not on plan `ae`');
    const period = await kpic(root, ['payouts', ...CAT, '--period', '2026-Q5']);
    expect(period.code).toBe(2);
    expect(period.stderr).toContain('is not a period');
  });

  it('an invalid plan exits 1 with the diagnostic at its position, nothing written', async () => {
    const bad = writeFixture({ 'ae.yaml': PLAN.replace('{ up_to: 500000, rate: 5% }', '{ up_to: 200000, rate: 5% }') }, DATA);
    const out = await kpic(path.dirname(bad), ['payouts', '--catalog', 'catalog', '--out', 'x.html']);
    rmSync(path.dirname(bad), { recursive: true, force: true });
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('plans/ae.yaml:15:18: error[plan/bad-tiers] tiers overlap');
    expect(out.stdout).toBe('');
  });
});

describe('the shipped catalog’s plans on the example data', () => {
  it('every statement’s lines add up to its pay, exactly', async () => {
    const out = await kpic(ROOT, ['payouts', '--catalog', 'catalog', '--period', '2025', '--statement', '--format', 'json']);
    expect(out.code).toBe(0);
    type Line = { amount: number };
    type P = { pay: number; earned: number; lines: Line[]; components: { amount: number }[] };
    const json = JSON.parse(out.stdout) as { plans: { plan: string; reps: { periods: P[] }[] }[] };
    expect(json.plans.map((p) => p.plan)).toEqual(['ae_commission', 'am_commission', 'sdr_commission']);
    let periods = 0;
    for (const plan of json.plans)
      for (const rep of plan.reps)
        for (const p of rep.periods) {
          periods++;
          const cents = (x: number): number => Math.round(x * 100);
          expect(p.lines.reduce((a, l) => a + cents(l.amount), 0)).toBe(cents(p.pay));
          expect(p.components.reduce((a, c) => a + cents(c.amount), 0)).toBe(cents(p.earned));
        }
    expect(periods).toBeGreaterThan(100);
  });
});
