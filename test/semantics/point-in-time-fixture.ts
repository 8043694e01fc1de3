/**
 * The hand-made history of the point-in-time semantics tests (point-in-time.test.ts, which works
 * out every expected number in its comments), shared with the engine conformance tests. Calendar quarters.
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
/** The catalog document. */
const CATALOG = `catalog: pit
version: 1.0.0
data: ../data
calendar: { fiscal_year_start: 1 }
`;

/** The deals (intervals from their creation), their field history (a change log) and stage stays (intervals). */
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

/** The point-in-time KPIs, each checked by hand in point-in-time.test.ts. */
export const KPIS: Record<string, string> = {
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

/** The five deals of the history described at the top of this file. */
export const DATA = {
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

/** The catalog files with `kpis` as its KPIs. */
export function files(kpis: Record<string, string>): Record<string, string> {
  const docs = Object.entries(kpis).map(([id, formula]) => `kpi: ${id}\nformula: "${formula.replaceAll('"', '\\"')}"`);
  return { 'catalog.yaml': CATALOG, 'sources.yaml': SOURCES, 'kpis.yaml': docs.join('\n---\n') };
}
