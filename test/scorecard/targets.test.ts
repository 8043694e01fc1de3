/**
 * Targets from history, seasonal shares, exception rules and regional variants on the hand-made
 * organisation (fixture.ts), with hand-computed expectations.
 */
import { describe, expect, it } from 'vitest';
import { MAIN_SCORECARD } from './fixture.js';
import { child, evaluate, handOrg, kpi } from './helpers.js';

const close = (x: number | null | undefined, want: number): void => {
  expect(x).not.toBeNull();
  expect(x).toBeCloseTo(want, 9);
};

/** A one-perspective scorecard over the whole organisation and its regions. */
function scorecard(id: string, entries: string): string {
  return `scorecard: ${id}\nhierarchy: org\nlevels: [enterprise, region]\nperspectives:\n  financial:\n    weight: 100%\n    kpis:\n${entries}`;
}

const exceptionEntry = (action: 'exclude' | 'cap'): string => `      - kpi: bookings
        exceptions:
          - rule: big_deals
            title: big deals
            where: won
            value: amount
            above: 2 * median(amount where won)
            action: ${action}
`;

describe('exception rules', () => {
  // Q2 won amounts 300, 150, 50, 90, 100: median 100, limit 200 → o4 (300, Ann, EU) is hit.
  it('exclude: the deal leaves bookings, and the figure says so', async () => {
    const report = await evaluate(handOrg({ 's.yaml': scorecard('ex', exceptionEntry('exclude')) }), { period: '2025-Q2' });
    const b = kpi(report.node, 'bookings');
    expect(b.value).toBe(690 - 300);
    expect(b.exceptions).toEqual([
      { rule: 'big_deals', title: 'big deals', action: 'exclude', rows: 1, amount: 300, limit: 200, unit: 'money' },
    ]);
    expect(b.notes).toContain('excludes 1 big deal worth $300 (rule `big_deals`)');
    // Only EU had the deal; the limit is the organisation's, the same for every node.
    expect(kpi(child(report, 'EU'), 'bookings').value).toBe(0);
    expect(kpi(child(report, 'EU'), 'bookings').exceptions).toHaveLength(1);
    expect(kpi(child(report, 'US'), 'bookings').value).toBe(390);
    expect(kpi(child(report, 'US'), 'bookings').exceptions).toEqual([]);
  });

  it('cap: the deal counts at the limit', async () => {
    const report = await evaluate(handOrg({ 's.yaml': scorecard('ex', exceptionEntry('cap')) }), { period: '2025-Q2' });
    const b = kpi(report.node, 'bookings');
    expect(b.value).toBe(690 - 300 + 200);
    expect(b.notes).toContain('caps 1 big deal worth $300 at $200 each (rule `big_deals`)');
  });

  it('a quarter without exceptional rows has no note', async () => {
    // Q1 won amounts 100, 200: median 150, limit 300; nothing above it.
    const report = await evaluate(handOrg({ 's.yaml': scorecard('ex', exceptionEntry('exclude')) }), { period: '2025-Q1' });
    expect(kpi(report.node, 'bookings').value).toBe(300);
    expect(kpi(report.node, 'bookings').exceptions).toEqual([]);
  });
});

describe('baselines and seasonal shares', () => {
  it('the previous quarter, grown 10%, scaled by the quarter’s seasonal index', async () => {
    // Q1 won deals: 2. As a total over 1 quarter: 2 per quarter; × 1.1 = 2.2; Q2's share 40% of
    // the year gives an index of 0.4 × 4 = 1.6: target 3.52 against 5 won in Q2.
    const entry = `      - kpi: won
        target:
          history: 1 quarter
          ending: period_start
          growth: 10%
        seasonal: { q1: 10%, q2: 40%, q3: 20%, q4: 30% }
`;
    const report = await evaluate(handOrg({ 's.yaml': scorecard('base', entry) }), { period: '2025-Q2' });
    const w = kpi(report.node, 'won');
    expect(w.value).toBe(5);
    close(w.target, 2 * 1.1 * 1.6);
    close(w.attainment, 5 / 3.52);
  });

  it('ending at the fiscal year’s start: the same baseline for every quarter of the year', async () => {
    // Fiscal years from April: FY2025-Q2 is Jul–Sep 2025. The 2 quarters before FY2025
    // (Oct 2024 – Mar 2025) won 2 deals: 1 per quarter, × 1.5 = 1.5 (no seasonal shares).
    const entry = `      - kpi: won
        target:
          history: 2 quarters
          growth: 50%
`;
    const ws = handOrg({
      // Declared as of the end of 2025, so that the quarters after the deals can be scored.
      'catalog.yaml': 'catalog: hand_org\ndata: ../data\nas_of: 2025-12-31\ncalendar: { fiscal_year_start: 4 }\n',
      's.yaml': scorecard('base', entry),
    });
    const q2 = await evaluate(ws, { period: '2025-Q2' });
    expect(q2.period).toMatchObject({ start: '2025-07-01', last: '2025-09-30', label: '2025-Q2' });
    close(kpi(q2.node, 'won').target, 1.5);
    const q1 = await evaluate(ws, { period: '2025-Q1' });
    close(kpi(q1.node, 'won').target, 1.5);
  });

  it('a rate baseline of a lower-is-better KPI, 10% better than the trailing two quarters', async () => {
    // Cycle over Q1+Q2 won deals with cycle days: 10, 20, 40, 20, 30, 50 → 170/6; for Q3 2025
    // (no deals) the baseline ending at the period's start is that average × 0.9.
    const entry = `      - kpi: cycle
        target:
          history: 2 quarters
          ending: period_start
          growth: -10%
          as: rate
`;
    const asOf = { 'catalog.yaml': 'catalog: hand_org\ndata: ../data\nas_of: 2025-09-30\n' };
    const report = await evaluate(handOrg({ ...asOf, 's.yaml': scorecard('base', entry) }), { period: '2025-Q3' });
    close(kpi(report.node, 'cycle').target, (170 / 6) * 0.9);
    expect(kpi(report.node, 'cycle').value).toBeNull();
  });
});

describe('regional variants', () => {
  const variant = `scorecard: main_us
extends: main
applies_to: region = 'US'
perspectives:
  internal_process:
    kpis:
      - kpi: win_rate
        weight: 50%
      - kpi: cycle
        weight: 30%
        thresholds: { green: 0.85, amber: 0.7 }
      - kpi: won
        weight: 20%
        target: 4
`;
  it('score the region and its teams with local KPIs and tolerances; other regions keep the base', async () => {
    const ws = handOrg({ 'sc.yaml': MAIN_SCORECARD, 'v.yaml': variant });
    const report = await evaluate(ws, { period: '2025-Q2' });
    const us = child(report, 'US');
    const eu = child(report, 'EU');
    expect([us.scorecard?.id, eu.scorecard?.id]).toEqual(['main_us', 'main']);
    // Cycle attainment 0.9: green under the US tolerance, amber under the base.
    expect(kpi(us, 'cycle').status).toBe('green');
    expect(kpi(report.node, 'cycle').status).toBe('amber');
    // US internal process: win rate 12 × 50% + cycle 9 × 30% + won 4/4 → 10 × 20%.
    const internal = us.perspectives.find((p) => p.perspective === 'internal_process');
    close(internal?.score, 0.5 * 12 + 0.3 * 9 + 0.2 * 10);
    const team = await evaluate(ws, { period: '2025-Q2', at: 'team=US-A' });
    expect(team.node.scorecard?.id).toBe('main_us');
  });
});
