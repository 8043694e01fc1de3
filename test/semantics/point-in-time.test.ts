/**
 * Point-in-time semantics (docs/language.md, "State over time") on the hand-made history of five
 * deals in point-in-time-fixture.ts (D1–D5 are described there), every expected number worked out
 * by hand in the comments. Calendar quarters.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkCatalog } from '../../src/check-catalog.js';
import { planQuery } from '../../src/query/planner.js';
import { makeWorkspace, runWorkspace, series, valueOf, type PlainRow } from '../helpers/workspace.js';
import { DATA, KPIS, files } from './point-in-time-fixture.js';

const Q4 = '2024-10-01';
const Q1 = '2025-01-01';
const Q2 = '2025-04-01';

describe('as at points of each quarter', () => {
  let rows: PlainRow[];
  beforeAll(async () => {
    // The data ends on 30 Jun 2025 (its last change); bookings by close date reach into Q3.
    rows = await runWorkspace(makeWorkspace(files(KPIS), DATA), { grain: 'quarter', from: '2024-10-01', to: '2025-06-30' });
  });

  it('reads each deal with the stage and amount it had at the period end', () => {
    // Q4 2024: D1 100 + D3 200 (the old value of its first amount change) + D5 40.
    // Q1: D1 won, D2 lost; D3 200 + D4 80 + D5 40. Q2: D2 re-opened 50 + D3 260 (raised at
    // 23:59 on the last day) + D5 40; D4 won. The periods end with the data (30 Jun 2025).
    expect(series(rows, 'open_eop')).toEqual({ [Q4]: 340, [Q1]: 320, [Q2]: 350 });
    expect(series(rows, 'open_deals_eop')).toEqual({ [Q4]: 3, [Q1]: 3, [Q2]: 3 });
  });

  it('reads the start of a period as the end of the day before it', () => {
    // Q4 starts before any deal exists; Q1 starts with the Q4 end; Q2 with the Q1 end.
    expect(series(rows, 'open_sop')).toEqual({ [Q4]: 0, [Q1]: 340, [Q2]: 320 });
  });

  it('ages the open deals to the point and finds the stalled stays', () => {
    // Q1 end (31 Mar): D3 120 days, D4 70, D5 181 → mean 123.67.
    expect(valueOf(rows, 'age_eop', Q1)).toBeCloseTo(371 / 3, 9);
    // Stays open over 60 days at the end: Q4 D5 (91; D1 has exactly 60, not more); Q1 D3, D5
    // (D4 entered Proposal 58 days before); Q2 D2 (86), D3, D5 — at 30 Jun, the data's last day
    // over every source read as at points (the stays' own last date is 10 Apr).
    expect(series(rows, 'stalled_eop')).toEqual({ [Q4]: 1, [Q1]: 2, [Q2]: 3 });
  });

  it('builds a waterfall that balances', () => {
    // Q1: start D1 100 (due 15 Mar), won. D2 created and lost within the quarter: in and out.
    expect(valueOf(rows, 'w_start', Q1)).toBe(100);
    expect(valueOf(rows, 'w_won', Q1)).toBe(100);
    expect(valueOf(rows, 'w_created', Q1)).toBe(50);
    expect(valueOf(rows, 'w_lost', Q1)).toBe(50);
    expect(valueOf(rows, 'w_end', Q1)).toBe(0);
    // Q2: start D3 200 + D4 80; D2 pulled in 50 (existed, was lost); D3 +60 on the last day at
    // 23:59; D4 won 80 → end 50 + 260 = 310.
    const q2 = Object.fromEntries(
      Object.keys(KPIS)
        .filter((k) => k.startsWith('w_'))
        .map((k) => [k, valueOf(rows, k, Q2)]),
    );
    expect(q2).toEqual({
      w_start: 280,
      w_created: 0,
      w_pulled_in: 50,
      w_increased: 60,
      w_decreased: 0,
      w_won: 80,
      w_lost: 0,
      w_pushed_out: 0,
      w_end: 310,
      w_gap: 0,
    });
    expect(series(rows, 'w_gap')).toEqual({ [Q4]: 0, [Q1]: 0, [Q2]: 0 });
  });

  it('gives null for at_start of a row that did not hold at the start', () => {
    // Q1: D2 and D4 were created during it (`value` is never null, so only their absence shows).
    expect(series(rows, 'not_at_start')).toEqual({ [Q4]: 3, [Q1]: 2, [Q2]: 0 });
  });

  it('takes the forecast call as at the end of week 3 and scores it against bookings', () => {
    // Q1 call (21 Jan): D1 Commit due 15 Mar → 100; bookings 100 (D1). Q2 call (21 Apr): D4 won
    // 10 Apr 80 + D2 Commit due 30 May 50 = 130; bookings 80 (D4).
    expect(series(rows, 'commit_w3')).toEqual({ [Q4]: 0, [Q1]: 100, [Q2]: 130 });
    // Best case adds D3 (Best Case, due 15 Jun, still 200 on 21 Apr).
    expect(valueOf(rows, 'best_case_w3', Q2)).toBe(330);
    expect(series(rows, 'bias')).toEqual({ [Q4]: null, [Q1]: 0, [Q2]: 0.625 });
    expect(valueOf(rows, 'mape', Q2)).toBeCloseTo(0.625, 12);
    expect(valueOf(rows, 'wape', Q2)).toBeCloseTo(0.625, 12);
  });

  it('counts stage conversions from the history, a skipped stage included', () => {
    // Q1: D1 Discovery→Won and D4 Prospecting→Proposal advance, D2 Proposal→Lost does not.
    expect(valueOf(rows, 'conversion', Q1)).toBeCloseTo(2 / 3, 12);
    // Q2: D2 re-opened (Lost→Negotiation) and D4 Proposal→Won.
    expect(valueOf(rows, 'conversion', Q2)).toBe(1);
  });

  it('compares points of consecutive periods with growth', () => {
    expect(valueOf(rows, 'pipeline_growth', Q2)).toBeCloseTo(350 / 320 - 1, 12);
  });
});

describe('as at points of each month', () => {
  let rows: PlainRow[];
  beforeAll(async () => {
    rows = await runWorkspace(makeWorkspace(files(KPIS), DATA), { grain: 'month', from: '2025-02-01', to: '2025-02-28' });
  });

  it('hides a value set and undone within the period, and sees it at a point inside', () => {
    // End of Feb: D1 Commit only (D5's Commit of 3–25 Feb is undone). On 10 Feb both.
    expect(valueOf(rows, 'commit_eop', '2025-02-01')).toBe(1);
    expect(valueOf(rows, 'commit_day10', '2025-02-01')).toBe(2);
  });

  it('counts a change made earlier on the day of the point', () => {
    // D1's close date moved to 20 Apr at 09:00 on 10 Feb: 109 days after 1 Jan.
    expect(valueOf(rows, 'd1_close_day10', '2025-02-01')).toBe(109);
  });

  it('reads the pipeline at the month end', () => {
    // End of Feb: D1 100 + D3 200 + D4 80 + D5 40 (D2 lost on 20 Feb).
    expect(valueOf(rows, 'open_eop', '2025-02-01')).toBe(420);
  });
});

describe('as at breaks down by the values at the point', () => {
  it('balances the waterfall in every region', async () => {
    const rows = await runWorkspace(makeWorkspace(files(KPIS), DATA), { grain: 'quarter', by: ['region'] });
    expect(valueOf(rows, 'w_pulled_in', Q2, { region: 'EMEA' })).toBe(50);
    expect(valueOf(rows, 'w_increased', Q2, { region: 'AMER' })).toBe(60);
    expect(rows.filter((r) => r['kpi'] === 'w_gap').every((r) => r['value'] === 0)).toBe(true);
  });

  it('gives the stage mix of the day', async () => {
    const rows = await runWorkspace(makeWorkspace(files(KPIS), DATA), { kpis: ['open_eop'], grain: 'quarter', by: ['stage'] });
    // End of Q1: D3 and D4 in Proposal (280), D5 in Negotiation (40).
    expect(valueOf(rows, 'open_eop', Q1, { stage: 'Proposal' })).toBe(280);
    expect(valueOf(rows, 'open_eop', Q1, { stage: 'Negotiation' })).toBe(40);
  });
});

describe('what point-in-time formulas refuse', () => {
  const codes = (kpis: Record<string, string>, grain?: 'month' | 'quarter'): string[] => {
    const ws = makeWorkspace(files(kpis), DATA);
    const checked = checkCatalog(ws.catalogDir);
    const resolveCodes = checked.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
    if (resolveCodes.length > 0 || grain === undefined) return resolveCodes;
    const plan = planQuery(checked.resolved, { kpis: Object.keys(kpis), grain });
    return plan.diagnostics.map((d) => d.code);
  };
  it('a source without state', () => {
    expect(codes({ x: 'count(opportunity_history as at end)' })).toEqual(['resolve/no-history']);
  });
  it('period functions and at_start without as at', () => {
    expect(codes({ x: 'count(opportunities where close_date <= period_end())' })).toEqual(['resolve/needs-as-at']);
    expect(codes({ x: 'sum(at_start(amount))' })).toEqual(['resolve/needs-as-at']);
  });
  it('on with as at, and as at outside an aggregate', () => {
    expect(codes({ x: 'sum(amount on created_date as at end)' })).toEqual(['resolve/misplaced-clause']);
    expect(codes({ x: 'round(sum(amount as at end) as at start)' })).toEqual(['resolve/misplaced-clause']);
  });
  it('a point some periods do not reach, and windows that would add states up', () => {
    expect(codes({ x: 'sum(amount as at day 31)' }, 'month')).toEqual(['query/point-outside-period']);
    expect(codes({ x: 'sum(amount as at month 2)' }, 'quarter')).toEqual([]);
    expect(codes({ x: 'rolling(sum(amount as at end), 3 months)' }, 'month')).toEqual(['query/point-in-window']);
    expect(codes({ x: 'prior(median(amount as at end), 1 month)' }, 'month')).toEqual(['query/point-in-window']);
  });
});
