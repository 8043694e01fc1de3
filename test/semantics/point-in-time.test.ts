/**
 * Point-in-time semantics (docs/language.md, "State over time") on a hand-made history of five
 * deals, every expected number worked out by hand in the comments. Calendar quarters.
 *
 * - D1 (EMEA, 100, Discovery, due 2025-03-15, Commit): pushed to 2025-04-20 on 10 Feb, pulled
 *   back to 2025-03-28 on 5 Mar, won on 28 Mar.
 * - D2 (EMEA, 50, created 10 Jan, Proposal, due 2025-02-20): lost on 20 Feb, re-opened on 5 Apr
 *   in Negotiation, due 2025-05-30, Commit.
 * - D3 (AMER, 200, Proposal, due 2025-06-15, Best Case): amount raised to 260 at 23:59 on
 *   30 Jun, the last day of Q2 (the export shows 260: earlier states come from the old value).
 * - D4 (AMER, 80, created 20 Jan, Prospecting, due 2025-04-10): straight to Proposal on 1 Feb
 *   (Discovery skipped), won on 10 Apr.
 * - D5 (AMER, 40, Negotiation since 1 Oct 2024, due 2025-09-30): Commit on 3 Feb, back to
 *   Pipeline on 25 Feb (set and undone within the month).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkCatalog } from '../../src/check-catalog.js';
import { planQuery } from '../../src/query/planner.js';
import { makeWorkspace, runWorkspace, series, valueOf, type PlainRow } from '../helpers/workspace.js';

const CATALOG = `catalog: pit
version: 1.0.0
data: ../data
calendar: { fiscal_year_start: 1 }
`;

const SOURCES = `source: opportunities
file: opportunities.csv
key: opportunity_id
time: close_date
interval: { from: created_date }
columns:
  opportunity_id: { type: string, required: true, unique: true }
  owner_id: { type: string }
  region: { type: string }
  stage: { type: string }
  amount: { type: money }
  created_date: { type: date }
  close_date: { type: date }
  forecast_category: { type: string }
definitions:
  won: stage = 'Closed Won'
  lost: stage = 'Closed Lost'
  open: not (won or lost)
  value: coalesce(amount, 0)
  due_in_period: open and close_date between period_start() and period_end()
  won_in_period: won and close_date between period_start() and period_end()
  lost_in_period: lost and close_date between period_start() and period_end()
  in_play: due_in_period or won_in_period or lost_in_period
  was_due: coalesce(at_start(due_in_period), false)
  commit_rollup: won_in_period or (due_in_period and forecast_category = 'Commit')
  best_case_rollup: commit_rollup or (due_in_period and forecast_category = 'Best Case')
dimensions:
  region: region
  rep: owner_id
  stage: stage
---
source: opportunity_history
file: opportunity_history.csv
time: changed_at
changes: { of: opportunities, key: opportunity_id, at: changed_at, field: field, old: old_value, new: new_value }
columns:
  opportunity_id: { type: string, required: true }
  changed_at: { type: timestamp, required: true }
  field: { type: string, values: [stage, amount, close_date, forecast_category] }
  old_value: { type: string }
  new_value: { type: string }
joins:
  opportunity: { to: opportunities, on: opportunity_id }
definitions:
  stage_change: field = 'stage'
  stage_advance: stage_change and stage_rank[new_value] > stage_rank[old_value]
dimensions:
  region: opportunity.region
---
source: stage_stays
file: stage_stays.csv
time: entered_date
interval: { from: entered_date, to: exited_date }
columns:
  opportunity_id: { type: string }
  stage: { type: string }
  entered_date: { type: date }
  exited_date: { type: date }
joins:
  opportunity: { to: opportunities, on: opportunity_id }
definitions:
  open_stage: stage not in ('Closed Won', 'Closed Lost')
dimensions:
  region: opportunity.region
---
lookup: stage_rank
key: stage
rows: { Closed Lost: 0, Prospecting: 1, Discovery: 2, Proposal: 3, Negotiation: 4, Closed Won: 5 }
`;

const KPIS: Record<string, string> = {
  open_eop: 'sum(amount where open as at end)',
  open_deals_eop: 'count(opportunities where open as at end)',
  open_sop: 'sum(amount where open as at start)',
  age_eop: 'avg(days_between(created_date, point_date()) where open as at end)',
  stalled_eop: 'count(stage_stays where open_stage and days_between(entered_date, point_date()) > 60 as at end)',
  commit_eop: "count(opportunities where open and forecast_category = 'Commit' as at end)",
  commit_day10: "count(opportunities where open and forecast_category = 'Commit' as at day 10)",
  d1_close_day10: "max(days_between(date '2025-01-01', close_date) where opportunity_id = 'D1' as at day 10)",
  w_start: 'sum(value where due_in_period as at start)',
  w_created: 'sum(value where in_play and not was_due and created_date >= period_start() as at end)',
  w_pulled_in: 'sum(value where in_play and not was_due and created_date < period_start() as at end)',
  w_increased: 'sum(value - at_start(value) where in_play and was_due and value > at_start(value) as at end)',
  w_decreased: 'sum(at_start(value) - value where in_play and was_due and value < at_start(value) as at end)',
  w_won: 'sum(value where won_in_period as at end)',
  w_lost: 'sum(value where lost_in_period as at end)',
  w_pushed_out: 'sum(at_start(value) where was_due and not in_play as at end)',
  w_end: 'sum(value where due_in_period as at end)',
  w_gap: 'w_end - (w_start + w_created + w_pulled_in + w_increased - w_decreased - w_won - w_lost - w_pushed_out)',
  not_at_start: 'count(opportunities where at_start(value) is null as at end)',
  bookings: 'sum(amount where won)',
  commit_w3: 'sum(value where commit_rollup as at week 3)',
  best_case_w3: 'sum(value where best_case_rollup as at week 3)',
  bias: '(commit_w3 - bookings) / bookings',
  mape: 'avg(abs(commit_w3 - bookings) / bookings per rep)',
  wape: 'sum(abs(commit_w3 - bookings) per rep) / bookings',
  conversion: 'count(opportunity_history where stage_advance) / count(opportunity_history where stage_change)',
  pipeline_growth: 'growth(open_eop, 1 quarter)',
};

const DATA = {
  'opportunities.csv': `opportunity_id,owner_id,region,stage,amount,created_date,close_date,forecast_category
D1,r1,EMEA,Closed Won,100,2024-11-01,2025-03-28,Closed
D2,r1,EMEA,Negotiation,50,2025-01-10,2025-05-30,Commit
D3,r1,AMER,Proposal,260,2024-12-01,2025-06-15,Best Case
D4,r1,AMER,Closed Won,80,2025-01-20,2025-04-10,Closed
D5,r1,AMER,Negotiation,40,2024-10-01,2025-09-30,Pipeline
`,
  'opportunity_history.csv': `opportunity_id,changed_at,field,old_value,new_value
D1,2025-02-10 09:00:00,close_date,2025-03-15,2025-04-20
D1,2025-03-05 10:00:00,close_date,2025-04-20,2025-03-28
D1,2025-03-28 16:00:00,stage,Discovery,Closed Won
D1,2025-03-28 16:00:00,forecast_category,Commit,Closed
D2,2025-02-20 11:00:00,stage,Proposal,Closed Lost
D2,2025-02-20 11:00:00,forecast_category,Pipeline,Omitted
D2,2025-04-05 09:30:00,stage,Closed Lost,Negotiation
D2,2025-04-05 09:30:00,close_date,2025-02-20,2025-05-30
D2,2025-04-05 09:30:00,forecast_category,Omitted,Commit
D3,2025-06-30 23:59:00,amount,200,260
D4,2025-02-01 08:00:00,stage,Prospecting,Proposal
D4,2025-04-10 12:00:00,stage,Proposal,Closed Won
D4,2025-04-10 12:00:00,forecast_category,Pipeline,Closed
D5,2025-02-03 10:00:00,forecast_category,Pipeline,Commit
D5,2025-02-25 10:00:00,forecast_category,Commit,Pipeline
`,
  'stage_stays.csv': `opportunity_id,stage,entered_date,exited_date
D1,Discovery,2024-11-01,2025-03-28
D1,Closed Won,2025-03-28,
D2,Proposal,2025-01-10,2025-02-20
D2,Closed Lost,2025-02-20,2025-04-05
D2,Negotiation,2025-04-05,
D3,Proposal,2024-12-01,
D4,Prospecting,2025-01-20,2025-02-01
D4,Proposal,2025-02-01,2025-04-10
D4,Closed Won,2025-04-10,
D5,Negotiation,2024-10-01,
`,
};

function files(kpis: Record<string, string>): Record<string, string> {
  const docs = Object.entries(kpis).map(([id, formula]) => `kpi: ${id}\nformula: "${formula.replaceAll('"', '\\"')}"`);
  return { 'catalog.yaml': CATALOG, 'sources.yaml': SOURCES, 'kpis.yaml': docs.join('\n---\n') };
}

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
