/**
 * `kpic diff` shows the pay that changes per rep: a plan's rate changed between two catalog
 * folders, both computed on the same data, rep by rep, checked against hand-computed pay.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../cli/helpers.js';
import { writeFixture } from './fixture.js';

const PLAN = (rate: string): string => `plan: ae
title: AE plan
hierarchy: org
members: role = 'AE'
effective: { from: 2026-01-01, to: 2026-12-31 }
pay_period: quarter
credit: { source: deals, where: won, rep: owner_id, amount: amount }
components:
  - component: commission
    type: commission
    method: flat
    rate: ${rate}
`;

const DATA = {
  'positions.csv': 'rep_id,role,team,valid_from,valid_to\nr1,AE,A,2020-01-01,\nr2,AE,A,2020-01-01,\n',
  'deals.csv':
    'deal_id,owner_id,stage,amount,term,product,discount,close_date,cancelled_date\n' +
    'd1,r1,Won,100000.00,12,Core,0,2026-02-10,\nd2,r2,Won,0.00,12,Core,0,2026-03-10,\nd3,r2,Won,0.00,12,Core,0,2026-04-05,\n',
};

const base = writeFixture({ 'ae.yaml': PLAN('5%') }, DATA);
const head = writeFixture({ 'ae.yaml': PLAN('6%') }, DATA);
afterAll(() => {
  rmSync(path.dirname(base), { recursive: true, force: true });
  rmSync(path.dirname(head), { recursive: true, force: true });
});

interface PaySection {
  kind: 'plan-payouts';
  plans: { plan: string; period: string; compared: number; changes: { rep: string; base: number | null; head: number | null }[] }[];
}

// The latest credit (5 April) makes 2026-Q1 the latest complete pay period.
describe('kpic diff: pay per rep', () => {
  it('a rate from 5% to 6% moves r1’s Q1 pay from 5,000 to 6,000; r2 (no credit) does not move', async () => {
    const args = ['diff', '--catalog', head, '--base', base, '--head', head, '--data', path.join(path.dirname(head), 'data')];
    const json = await cli(process.cwd(), [...args, '--format', 'json']);
    expect(json.stderr).toBe('');
    const sections = (JSON.parse(json.stdout) as { values: { sections: { kind: string }[] } }).values.sections;
    const pay = sections.find((s): s is PaySection => s.kind === 'plan-payouts');
    expect(pay?.plans).toEqual([
      { plan: 'ae', title: 'AE plan', period: '2026-Q1', compared: 2, changes: [{ rep: 'r1', name: 'r1', base: 5000, head: 6000 }] },
    ]);
    const md = await cli(process.cwd(), [...args, '--format', 'markdown']);
    expect(md.stdout).toContain('**Pay per rep**');
    expect(md.stdout).toContain('pay changes for 1 of 2 reps; r1 $5,000 → $6,000');
  });
});
