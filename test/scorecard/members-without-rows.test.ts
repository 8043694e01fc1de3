/**
 * A member with no rows of a source in the scored period is still a member: sums and counts over
 * no rows are 0, and targets computed from the member's history (baselines) do not depend on the
 * period's rows. Di (r4) has a quota and a win in Q1 2025 but no deal at all in Q2.
 */
import { describe, expect, it } from 'vitest';
import { makeWorkspace } from '../helpers/workspace.js';
import { BASE_CATALOG, DATA } from './fixture.js';
import { child, evaluate, kpi } from './helpers.js';

const ROLE = `role: seller
title: Seller
hierarchy: org
members: rep.role in ('AE', 'AM')
perspectives:
  financial:
    weight: 50%
    kpis:
      - kpi: bookings
  internal_process:
    weight: 50%
    kpis:
      - kpi: won
        target: { history: 1 quarter, ending: period_start, as: total }
`;

const OPPORTUNITIES = [
  'id,owner_id,stage,amount,close_date,cycle_days',
  'o1,r1,Won,100,2025-01-15,10',
  'o2,r2,Won,200,2025-02-10,20',
  'o20,r4,Won,60,2025-02-01,15',
  'o4,r1,Won,300,2025-04-10,40',
  'o7,r2,Won,150,2025-05-05,20',
  'o8,r3,Won,50,2025-06-01,30',
  '',
].join('\n');

describe('a member without rows in the period', () => {
  it('gets 0 for sums and counts, and keeps the baseline from her history', async () => {
    const ws = makeWorkspace({ ...BASE_CATALOG, 'role.yaml': ROLE }, { ...DATA, 'opportunities.csv': OPPORTUNITIES });
    const report = await evaluate(ws, { scorecard: 'seller', period: '2025-Q2', at: 'team=US-A' });
    const di = child(report, 'Di');
    const bookings = kpi(di, 'bookings');
    // Bookings: nothing won in Q2 → $0 against 80% of her quota of 100 → attainment 0, score 0.
    expect([bookings.value, bookings.target, bookings.attainment, bookings.score, bookings.state]).toEqual([0, 80, 0, 0, 'scored']);
    const won = kpi(di, 'won');
    // Deals won: 0 in Q2 against her Q1 history (1 win) → attainment 0.
    expect([won.value, won.target, won.attainment, won.state]).toEqual([0, 1, 0, 'scored']);
    expect(di.score).toBe(0);
    // The team is unchanged: its figures never depended on Di having rows.
    expect(kpi(report.node, 'bookings').value).toBe(200);
  });

  it('gets 0 even when she has no rows of the source at all, in any period', async () => {
    const none = OPPORTUNITIES.split('\n')
      .filter((line) => !line.startsWith('o20,'))
      .join('\n');
    const ws = makeWorkspace({ ...BASE_CATALOG, 'role.yaml': ROLE }, { ...DATA, 'opportunities.csv': none });
    const report = await evaluate(ws, { scorecard: 'seller', period: '2025-Q2', at: 'team=US-A' });
    const di = child(report, 'Di');
    const bookings = kpi(di, 'bookings');
    expect([bookings.value, bookings.target, bookings.attainment, bookings.score]).toEqual([0, 80, 0, 0]);
    // No history either: a baseline of 0 deals gives no attainment, so `won` is missing (ignored).
    expect([kpi(di, 'won').value, kpi(di, 'won').target, kpi(di, 'won').state]).toEqual([0, 0, 'missing']);
    expect(di.score).toBe(0);
  });
});
