/**
 * Scorecards on the hand-made organisation (fixture.ts): values recomputed from parts at every
 * level, targets with a regional and a per-period override, direction-aware attainment, statuses,
 * capped scores, weighted perspective and overall scores, the quota-weighted children average,
 * and the missing-data policies — every expected number computed by hand in the comments.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { PLAIN } from '../../src/diagnostics/render/style.js';
import { renderScorecardHtml } from '../../src/scorecard/render-html.js';
import { renderScorecardTable } from '../../src/scorecard/render-table.js';
import type { ScorecardReport } from '../../src/scorecard/report.js';
import { MAIN_SCORECARD, repRole } from './fixture.js';
import { child, evaluate, handOrg, kpi, perspectiveScore } from './helpers.js';

const close = (x: number | null | undefined, want: number): void => {
  expect(x).not.toBeNull();
  expect(x).toBeCloseTo(want, 9);
};

describe('the whole organisation in Q2 2025', () => {
  let report: ScorecardReport;
  beforeAll(async () => {
    report = await evaluate(handOrg({ 'sc.yaml': MAIN_SCORECARD, 'role.yaml': repRole('ignore') }), { period: '2025-Q2' });
  });

  it('says the period is not complete: the data runs to 2025-06-20 (the last deal), before the quarter ends', () => {
    expect([report.asOf, report.complete]).toEqual(['2025-06-20', false]);
    const table = renderScorecardTable(report, PLAIN);
    expect(table.split('\n')[0]).toBe('Main · Hand Co · 2025-Q2 (2025-04-01 – 2025-06-30) · NOT COMPLETE: data as of 2025-06-20');
    expect(report.notes).toContain('2025-Q2 is not complete: its figures run to 2025-06-20, 2025-06-30 is its last day');
    expect(renderScorecardHtml(report)).toContain('2025-Q2 · 2025-04-01 – 2025-06-30 · <b>not complete: data as of 2025-06-20</b>');
  });

  it('states the score scale: 10 on target, 12 at most with attainment capped at 120%', () => {
    expect(report.scale).toEqual({ onTarget: 10, max: 12 });
    expect(renderScorecardTable(report, PLAIN).split('\n')[1]).toMatch(
      /^scorecard `main` {3}score \d+\.\d \(10 = on target, 12 at most\) /,
    );
  });

  it('names the period and the membership day', () => {
    expect(report.period).toEqual({ grain: 'quarter', start: '2025-04-01', last: '2025-06-30', label: '2025-Q2' });
    expect(report.membershipDate).toBe('2025-06-30');
    expect(report.node.label).toBe('Hand Co');
  });

  it('bookings 690 against a quota of 800: attainment 86.25%, amber, score 8.625', () => {
    const b = kpi(report.node, 'bookings');
    expect([b.value, b.target, b.status]).toEqual([690, 800, 'amber']);
    close(b.attainment, 690 / 800);
    close(b.score, 8.625);
  });

  it('win rate is won/closed over all deals (5/8), capped at 120% of the 50% target', () => {
    const w = kpi(report.node, 'win_rate');
    close(w.value, 5 / 8);
    close(w.attainment, 1.25);
    expect(w.status).toBe('green');
    close(w.score, 12);
  });

  it('a lower-is-better KPI: cycle 35 days against 30 is target/value = 85.7%, amber', () => {
    const c = kpi(report.node, 'cycle');
    close(c.value, 35);
    close(c.attainment, 30 / 35);
    expect(c.status).toBe('amber');
    close(c.score, (10 * 30) / 35);
  });

  it('thresholds on the value: satisfaction 7.33 is amber (green at 8, amber at 7)', () => {
    const s = kpi(report.node, 'satisfaction');
    close(s.value, 22 / 3);
    expect(s.status).toBe('amber');
    close(s.score, (10 * 22) / 3 / 8);
  });

  it('perspective and overall scores are weighted averages', () => {
    const internal = 0.6 * 12 + 0.4 * ((10 * 30) / 35);
    close(perspectiveScore(report.node, 'financial'), 8.625);
    close(perspectiveScore(report.node, 'internal_process'), internal);
    close(report.node.score, 0.5 * 8.625 + 0.3 * internal + 0.2 * ((10 * 22) / 3 / 8));
    // 9.33 is amber under the default score levels (green 10, amber 8.5).
    expect(report.node.status).toBe('amber');
  });

  it('regions: EU (Ann) and US (Bob, Cy, Di) with the US target override at 80% of quota', () => {
    const eu = child(report, 'EU');
    const us = child(report, 'US');
    expect([kpi(eu, 'bookings').value, kpi(eu, 'bookings').target, kpi(eu, 'bookings').status]).toEqual([300, 400, 'red']);
    expect([kpi(us, 'bookings').value, kpi(us, 'bookings').target, kpi(us, 'bookings').status]).toEqual([390, 320, 'green']);
    close(kpi(us, 'bookings').score, 12);
    // Satisfaction by region comes from the region dimension of the surveys (no rep there).
    close(kpi(eu, 'satisfaction').value, 8);
    expect(kpi(eu, 'satisfaction').status).toBe('green');
    expect(kpi(us, 'satisfaction').status).toBe('red');
    close(eu.score, 0.5 * 7.5 + 0.3 * (0.6 * (10 / 1.5) + 0.4 * 7.5) + 0.2 * 10);
    close(us.score, 0.5 * 12 + 0.3 * (0.6 * 12 + 0.4 * 9) + 0.2 * 7.5);
  });

  it('the children average weighs each region by its quota (400 and 400)', () => {
    expect(report.rollupWeight).toBe('quota');
    close(report.childrenScore, (7.85 + 10.74) / 2);
  });
});

describe('a region and its team', () => {
  let report: ScorecardReport;
  beforeAll(async () => {
    report = await evaluate(handOrg({ 'sc.yaml': MAIN_SCORECARD }), { period: '2025-Q2', at: 'region=US' });
  });

  it('the team win rate is recomputed from its deals (4/5), not the average of its reps (0.889)', () => {
    const team = child(report, 'US-A');
    close(kpi(team, 'win_rate').value, 0.8);
    expect(kpi(team, 'win_rate').value).not.toBeCloseTo((1 + 2 / 3 + 1) / 3, 3);
  });

  it('a KPI whose sources have no rep is not available by team and leaves the score', () => {
    const team = child(report, 'US-A');
    expect(kpi(team, 'satisfaction').state).toBe('not-applicable');
    expect(kpi(team, 'satisfaction').notes[0]).toContain('not available by team');
    close(team.score, (0.5 * 12 + 0.3 * (0.6 * 12 + 0.4 * 9)) / 0.8);
  });
});

describe('membership follows the period: Bob moved to US-A on 2025-05-15', () => {
  it('in Q1 his deal counts for EU-A; in Q2 his May deal counts for US-A', async () => {
    const ws = handOrg({ 'sc.yaml': MAIN_SCORECARD });
    const q1 = await evaluate(ws, { period: '2025-Q1', at: 'region=EU' });
    // EU-A in Q1: Ann's 100 + Bob's 200; the per-period override sets the Q1 target to 1000.
    const euA = child(q1, 'EU-A');
    expect([kpi(euA, 'bookings').value, kpi(euA, 'bookings').target]).toEqual([300, 1000]);
    const q2 = await evaluate(ws, { period: '2025-Q2', at: 'team=US-A' });
    expect(kpi(q2.node, 'bookings').value).toBe(390);
    expect(q2.children?.nodes.map((n) => n.label)).toEqual(['Bob', 'Cy', 'Di']);
  });
});

describe('reps are scored by their role; a missing value under each policy', () => {
  // Di (r4): bookings 100 against 80 (US: 80% of quota 100) → 12; win rate 1/1 → 12;
  // cycle has no value (her only win has no cycle days).
  const cases = [
    { policy: 'ignore', score: 0.5 * 12 + 0.5 * 12, status: 'none' },
    { policy: 'zero', score: 0.5 * 12 + 0.5 * (0.5 * 12 + 0.5 * 0), status: 'red' },
    { policy: 'blank', score: null, status: 'none' },
  ] as const;
  it.each(cases)('missing: $policy', async ({ policy, score, status }) => {
    const report = await evaluate(handOrg({ 'sc.yaml': MAIN_SCORECARD, 'role.yaml': repRole(policy) }), {
      period: '2025-Q2',
      at: 'team=US-A',
    });
    const di = child(report, 'Di');
    expect(di.scorecard?.id).toBe('seller');
    const cycle = kpi(di, 'cycle');
    expect([cycle.value, cycle.state, cycle.status]).toEqual([null, 'missing', status]);
    if (score === null) expect(di.score).toBeNull();
    else close(di.score, score);
  });

  it('Cy: 140 booked against 80, win rate 2/3, cycle 40 days against 30', async () => {
    const report = await evaluate(handOrg({ 'sc.yaml': MAIN_SCORECARD, 'role.yaml': repRole('ignore') }), {
      period: '2025-Q2',
      at: 'team=US-A',
    });
    const cy = child(report, 'Cy');
    expect([kpi(cy, 'bookings').target, kpi(cy, 'bookings').status]).toEqual([80, 'green']);
    close(kpi(cy, 'win_rate').value, 2 / 3);
    close(kpi(cy, 'cycle').attainment, 0.75);
    close(cy.score, 0.5 * 12 + 0.5 * (0.5 * 12 + 0.5 * 7.5));
  });
});
