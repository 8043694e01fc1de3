/**
 * Key KPIs of the shipped catalog on the committed example data, checked against hand-written
 * DuckDB SQL over the raw CSVs: every cell (period × region), by month and by quarter, with and
 * without the region breakdown, within 1e-9 relative.
 *
 * The SQL is written from the KPI descriptions, not from kpic's plan: grids of period ends,
 * explicit window joins, per-account start/end ARR read from the ledger rows of the month before
 * and the last month of the period. The catalog's fiscal year starts in October, so fiscal
 * quarters are calendar quarters and `date_trunc` gives the same periods.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Database } from '../../src/engine/duckdb.js';
import type { PlainRow } from '../helpers/workspace.js';
import { expectCells, expectedCells, openExampleData, runCatalog } from './helpers.js';
import { HISTORY_SNAPSHOT } from './history-snapshot.js';

type Grain = 'month' | 'quarter';

/** The SQL of one KPI: rows of `period`, `region` and `value`. */
interface Case {
  readonly kpi: string;
  /** kpic's value in a cell with no rows: 0 for counts and sums, null for ratios and averages. */
  readonly empty: 0 | null;
  readonly sql: (g: Grain, region: (expr: string) => string) => string;
  /**
   * The last period compared, for balances of the ARR ledger: after its last month a balance
   * carries its last value (tested in test/semantics), which this SQL does not rebuild.
   */
  readonly through?: string;
}

/** The first day of the example ledger's last month: the last period with ledger rows. */
const LEDGER_END = '2026-09-01';

const P = (g: Grain, col: string): string => `CAST(date_trunc('${g}', ${col}) AS DATE)`;
const WON = "o.stage = 'Closed Won'";
const CLOSED = "o.stage IN ('Closed Won', 'Closed Lost')";
const OPPS = 'opportunities o LEFT JOIN reps r ON r.rep_id = o.owner_id';

/** Per account and period: ARR in the month before the period (start) and in its last month (end). */
const ACCOUNT_ARR = `
  keys AS (
    SELECT DISTINCT g.period, CAST(g.period - INTERVAL 1 MONTH AS DATE) AS prev_month,
      CAST(date_trunc('month', g.period_end) AS DATE) AS last_month, l.account_id
    FROM grid g JOIN arr_ledger l ON l.month BETWEEN g.period AND g.period_end),
  acct AS (
    SELECT k.period, k.account_id, COALESCE(s.arr, 0) AS start_arr, COALESCE(e.arr, 0) AS end_arr
    FROM keys k
    LEFT JOIN arr_ledger s ON s.account_id = k.account_id AND s.month = k.prev_month
    LEFT JOIN arr_ledger e ON e.account_id = k.account_id AND e.month = k.last_month)`;

/** Per rep and cell: the opening commit call, its count, and the rep's bookings. */
const REP_CALLS = (g: Grain, region: (e: string) => string): string => `
  x AS (
    SELECT period, region, rep, SUM(f) AS f, SUM(a) AS a, SUM(c) AS calls FROM (
      SELECT ${P(g, 'fc.week_start_date')} AS period, ${region('r.region')} AS region, fc.rep_id AS rep, fc.amount AS f, 0 AS a, 1 AS c
      FROM forecasts fc LEFT JOIN reps r ON r.rep_id = fc.rep_id
      WHERE fc.category = 'commit' AND fc.week_start_date - fc.quarter_start BETWEEN 0 AND 6
      UNION ALL
      SELECT ${P(g, 'o.close_date')}, ${region('r.region')}, o.owner_id, 0, o.amount, 0 FROM ${OPPS} WHERE ${WON}
    ) GROUP BY ALL),
  called AS (SELECT * FROM x WHERE calls > 0)`;

/** Rep-level bookings and quota per cell. */
const REP_QUOTA = (g: Grain, region: (e: string) => string): string => `
  x AS (
    SELECT period, region, rep, SUM(bk) AS bk, SUM(qt) AS qt FROM (
      SELECT ${P(g, 'o.close_date')} AS period, ${region('r.region')} AS region, o.owner_id AS rep, o.amount AS bk, 0 AS qt FROM ${OPPS} WHERE ${WON}
      UNION ALL
      SELECT ${P(g, 'q.quarter_start')}, ${region('r.region')}, q.rep_id, 0, q.quota FROM quotas q LEFT JOIN reps r ON r.rep_id = q.rep_id
    ) GROUP BY ALL)`;

const CASES: readonly Case[] = [
  {
    kpi: 'bookings',
    empty: 0,
    sql: (g, region) =>
      `SELECT ${P(g, 'o.close_date')} AS period, ${region('r.region')} AS region, SUM(o.amount) AS value FROM ${OPPS} WHERE ${WON} GROUP BY ALL`,
  },
  {
    kpi: 'win_rate',
    empty: null,
    sql: (g, region) => `SELECT ${P(g, 'o.close_date')} AS period, ${region('r.region')} AS region,
      COUNT(*) FILTER (WHERE ${WON}) / COUNT(*) AS value FROM ${OPPS} WHERE ${CLOSED} GROUP BY ALL`,
  },
  {
    kpi: 'win_rate_by_value',
    empty: null,
    sql: (g, region) => `SELECT ${P(g, 'o.close_date')} AS period, ${region('r.region')} AS region,
      COALESCE(SUM(o.amount) FILTER (WHERE ${WON}), 0) / NULLIF(SUM(o.amount), 0) AS value FROM ${OPPS} WHERE ${CLOSED} GROUP BY ALL`,
  },
  {
    kpi: 'median_deal_size',
    empty: null,
    sql: (g, region) =>
      `SELECT ${P(g, 'o.close_date')} AS period, ${region('r.region')} AS region, MEDIAN(o.amount) AS value FROM ${OPPS} WHERE ${WON} GROUP BY ALL`,
  },
  {
    kpi: 'avg_sales_cycle',
    empty: null,
    sql: (g, region) => `SELECT ${P(g, 'o.close_date')} AS period, ${region('r.region')} AS region,
      AVG(o.close_date - o.created_date) AS value FROM ${OPPS} WHERE ${WON} GROUP BY ALL`,
  },
  {
    kpi: 'pipeline_created',
    empty: 0,
    sql: (g, region) => `SELECT ${P(g, 'o.created_date')} AS period, ${region('r.region')} AS region, SUM(o.amount) AS value
      FROM ${OPPS} WHERE o.type <> 'Renewal' GROUP BY ALL`,
  },
  {
    // A snapshot of every deal at the end of the period's last day (or of the data's last day, for
    // the period containing it), replayed from the field history: a field's value is the new value
    // of its last change by then, else the old value of its first change, else the export's.
    kpi: 'open_pipeline_eop',
    empty: 0,
    sql: (_g, region) => `WITH ${HISTORY_SNAPSHOT}
      SELECT s.period, ${region('r.region')} AS region, SUM(s.amount) AS value
      FROM snap s LEFT JOIN reps r ON r.rep_id = s.owner_id
      WHERE s.stage NOT IN ('Closed Won', 'Closed Lost') GROUP BY ALL`,
  },
  {
    // Stage win rates over the 12 months before each period (distinct deals that entered the stage
    // and have closed); a stage with no closed deal in the window weighs 0.
    kpi: 'weighted_pipeline',
    empty: 0,
    sql: (g, region) => `WITH rates AS (
        SELECT g.period, h.stage,
          COUNT(DISTINCT h.opportunity_id) FILTER (WHERE ${WON}) / NULLIF(COUNT(DISTINCT h.opportunity_id) FILTER (WHERE ${CLOSED}), 0) AS rate
        FROM grid g
        JOIN opportunity_stage_history h ON h.entered_date >= g.period - INTERVAL 12 MONTH AND h.entered_date < g.period
        JOIN opportunities o ON o.opportunity_id = h.opportunity_id
        WHERE h.stage NOT IN ('Closed Won', 'Closed Lost')
        GROUP BY ALL)
      SELECT ${P(g, 'o.close_date')} AS period, ${region('r.region')} AS region, SUM(o.amount * COALESCE(rt.rate, 0)) AS value
      FROM ${OPPS} LEFT JOIN rates rt ON rt.period = ${P(g, 'o.close_date')} AND rt.stage = o.stage
      WHERE NOT (${CLOSED}) GROUP BY ALL`,
  },
  {
    kpi: 'quota_attainment',
    empty: null,
    sql: (g, region) => `WITH ${REP_QUOTA(g, region)} SELECT period, region, SUM(bk) / NULLIF(SUM(qt), 0) AS value FROM x GROUP BY ALL`,
  },
  {
    kpi: 'reps_at_quota',
    empty: null,
    sql: (g, region) => `WITH ${REP_QUOTA(g, region)}
      SELECT period, region, AVG(CASE WHEN qt > 0 THEN CASE WHEN bk >= qt THEN 1 ELSE 0 END END) AS value FROM x GROUP BY ALL`,
  },
  {
    kpi: 'forecast_mape',
    empty: null,
    sql: (g, region) =>
      `WITH ${REP_CALLS(g, region)} SELECT period, region, AVG(ABS(f - a) / NULLIF(a, 0)) AS value FROM called GROUP BY ALL`,
  },
  {
    kpi: 'forecast_wape',
    empty: null,
    sql: (g, region) =>
      `WITH ${REP_CALLS(g, region)} SELECT period, region, SUM(ABS(f - a)) / NULLIF(SUM(a), 0) AS value FROM called GROUP BY ALL`,
  },
  {
    kpi: 'forecast_bias',
    empty: null,
    sql: (g, region) =>
      `WITH ${REP_CALLS(g, region)} SELECT period, region, SUM(f - a) / NULLIF(SUM(a), 0) AS value FROM called GROUP BY ALL`,
  },
  {
    kpi: 'arr',
    through: LEDGER_END,
    empty: 0,
    sql: (_g, region) => `WITH ${ACCOUNT_ARR}
      SELECT a.period, ${region('ac.region')} AS region, SUM(a.end_arr) AS value FROM acct a JOIN accounts ac USING (account_id) GROUP BY ALL`,
  },
  {
    kpi: 'nrr',
    through: LEDGER_END,
    empty: null,
    sql: (_g, region) => `WITH ${ACCOUNT_ARR}
      SELECT a.period, ${region('ac.region')} AS region,
        SUM(CASE WHEN a.start_arr > 0 THEN a.end_arr ELSE 0 END) / NULLIF(SUM(a.start_arr), 0) AS value
      FROM acct a JOIN accounts ac USING (account_id) GROUP BY ALL`,
  },
  {
    kpi: 'grr',
    through: LEDGER_END,
    empty: null,
    sql: (_g, region) => `WITH ${ACCOUNT_ARR}
      SELECT a.period, ${region('ac.region')} AS region, SUM(LEAST(a.start_arr, a.end_arr)) / NULLIF(SUM(a.start_arr), 0) AS value
      FROM acct a JOIN accounts ac USING (account_id) GROUP BY ALL`,
  },
  {
    kpi: 'logo_churn_rate',
    through: LEDGER_END,
    empty: null,
    sql: (_g, region) => `WITH ${ACCOUNT_ARR}
      SELECT a.period, ${region('ac.region')} AS region,
        COUNT(*) FILTER (WHERE a.start_arr > 0 AND a.end_arr = 0) / NULLIF(COUNT(*) FILTER (WHERE a.start_arr > 0), 0) AS value
      FROM acct a JOIN accounts ac USING (account_id) GROUP BY ALL`,
  },
  {
    // Customers are corporate families: a subsidiary counts toward its parent.
    kpi: 'arr_hhi',
    through: LEDGER_END,
    empty: null,
    sql: (_g, region) => `WITH ${ACCOUNT_ARR},
      fam AS (SELECT a.period, ${region('ac.region')} AS region, COALESCE(ac.parent_account_id, ac.account_id) AS fam, SUM(a.end_arr) AS v
              FROM acct a JOIN accounts ac USING (account_id) GROUP BY ALL)
      SELECT period, region, SUM(v * v) / NULLIF(SUM(v) * SUM(v), 0) AS value FROM fam GROUP BY ALL`,
  },
  {
    kpi: 'top10_arr_share',
    through: LEDGER_END,
    empty: null,
    sql: (_g, region) => `WITH ${ACCOUNT_ARR},
      fam AS (SELECT a.period, ${region('ac.region')} AS region, COALESCE(ac.parent_account_id, ac.account_id) AS fam, SUM(a.end_arr) AS v
              FROM acct a JOIN accounts ac USING (account_id) GROUP BY ALL),
      ranked AS (SELECT *, row_number() OVER (PARTITION BY period, region ORDER BY v DESC) AS rn FROM fam)
      SELECT period, region, SUM(v) FILTER (WHERE rn <= 10) / NULLIF(SUM(v), 0) AS value FROM ranked GROUP BY ALL`,
  },
  {
    // Trailing twelve months: start = ARR in the month before the window; end = the account's latest
    // balance in the window (its last month, or the churn row; after the ledger ends, its last row).
    kpi: 'nrr_ttm',
    through: LEDGER_END,
    empty: null,
    sql: (
      _g,
      region,
    ) => `WITH w AS (SELECT period, period_end, CAST(period_end + INTERVAL 1 DAY - INTERVAL 12 MONTH AS DATE) AS window_start FROM grid),
      acct AS (
        SELECT w.period, l.account_id, arg_max(l.arr, l.month) AS end_arr,
          COALESCE(ANY_VALUE(s.arr), 0) AS start_arr
        FROM w JOIN arr_ledger l ON l.month BETWEEN w.window_start AND w.period_end
        LEFT JOIN arr_ledger s ON s.account_id = l.account_id AND s.month = CAST(w.window_start - INTERVAL 1 MONTH AS DATE)
        GROUP BY ALL)
      SELECT a.period, ${region('ac.region')} AS region,
        SUM(CASE WHEN a.start_arr > 0 THEN a.end_arr ELSE 0 END) / NULLIF(SUM(a.start_arr), 0) AS value
      FROM acct a JOIN accounts ac USING (account_id) GROUP BY ALL`,
  },
  {
    kpi: 'competitive_win_rate',
    empty: null,
    sql: (g, region) => `SELECT ${P(g, 'o.close_date')} AS period, ${region('r.region')} AS region,
      COUNT(*) FILTER (WHERE ${WON}) / NULLIF(COUNT(*) FILTER (WHERE o.loss_reason IS DISTINCT FROM 'No Decision'), 0) AS value
      FROM ${OPPS} WHERE ${CLOSED} GROUP BY ALL`,
  },
  {
    // Deals created in an earlier quarter than the one they close (or are due to close) in.
    kpi: 'quarter_start_pipeline',
    empty: 0,
    sql: (g, region) => `SELECT ${P(g, 'o.close_date')} AS period, ${region('r.region')} AS region, SUM(o.amount) AS value
      FROM ${OPPS} WHERE date_trunc('quarter', o.created_date) < date_trunc('quarter', o.close_date) GROUP BY ALL`,
  },
  {
    kpi: 'forecast_commit',
    empty: 0,
    sql: (g, region) => `SELECT ${P(g, 'o.close_date')} AS period, ${region('r.region')} AS region,
      COALESCE(SUM(o.amount) FILTER (WHERE ${WON} OR (o.forecast_category = 'Commit' AND NOT (${CLOSED}))), 0) AS value FROM ${OPPS} GROUP BY ALL`,
  },
  {
    kpi: 'slipped_deals',
    empty: 0,
    sql: (
      g,
      region,
    ) => `SELECT ${P(g, 'h.changed_at')} AS period, ${region('r.region')} AS region, COUNT(DISTINCT h.opportunity_id) AS value
      FROM opportunity_history h JOIN opportunities o USING (opportunity_id) LEFT JOIN reps r ON r.rep_id = o.owner_id
      WHERE h.field = 'close_date' AND CAST(h.new_value AS DATE) > CAST(h.old_value AS DATE) GROUP BY ALL`,
  },
  {
    kpi: 'stalled_stage_share',
    empty: null,
    sql: (g, region) => `SELECT ${P(g, 'h.exited_date')} AS period, ${region('r.region')} AS region,
      COUNT(*) FILTER (WHERE h.exited_date - h.entered_date > 60) / COUNT(*) AS value
      FROM opportunity_stage_history h JOIN opportunities o USING (opportunity_id) LEFT JOIN reps r ON r.rep_id = o.owner_id
      WHERE h.stage NOT IN ('Closed Won', 'Closed Lost') AND h.exited_date IS NOT NULL GROUP BY ALL`,
  },
  {
    kpi: 'meetings_per_rep',
    empty: null,
    sql: (g, region) => `SELECT ${P(g, 'a.activity_date')} AS period, ${region('r.region')} AS region,
      COUNT(*) FILTER (WHERE a.type = 'meeting') / NULLIF(COUNT(DISTINCT a.rep_id), 0) AS value
      FROM activities a LEFT JOIN reps r ON r.rep_id = a.rep_id GROUP BY ALL`,
  },
  {
    kpi: 'leads_answered_within_1h',
    empty: null,
    sql: (g, region) => `SELECT ${P(g, 'l.created_at')} AS period, ${region('r.region')} AS region,
      COUNT(*) FILTER (WHERE l.first_response_at <= l.created_at + INTERVAL 1 HOUR) / COUNT(*) AS value
      FROM leads l LEFT JOIN reps r ON r.rep_id = l.sdr_id GROUP BY ALL`,
  },
  {
    kpi: 'mql_to_sql_rate',
    empty: null,
    sql: (g, region) => `SELECT ${P(g, 'l.mql_date')} AS period, ${region('r.region')} AS region,
      COUNT(*) FILTER (WHERE l.sql_date IS NOT NULL) / COUNT(*) AS value
      FROM leads l LEFT JOIN reps r ON r.rep_id = l.sdr_id WHERE l.mql_date IS NOT NULL GROUP BY ALL`,
  },
  {
    kpi: 'lead_response_hours',
    empty: null,
    sql: (g, region) => `SELECT ${P(g, 'l.created_at')} AS period, ${region('r.region')} AS region,
      MEDIAN(epoch(l.first_response_at - l.created_at) / 3600) AS value
      FROM leads l LEFT JOIN reps r ON r.rep_id = l.sdr_id WHERE l.first_response_at IS NOT NULL GROUP BY ALL`,
  },
];

let db: Database;
beforeAll(async () => {
  db = await openExampleData();
});
afterAll(() => db.close());

describe.each([
  ['month', false],
  ['month', true],
  ['quarter', false],
  ['quarter', true],
] as const)('key KPIs against hand-written SQL (grain %s, by region: %s)', (grain, byRegion) => {
  const by = byRegion ? ['region'] : [];
  let rows: PlainRow[];
  beforeAll(async () => {
    rows = await runCatalog({ kpis: CASES.map((c) => c.kpi), grain, by });
    // The periods kpic evaluated, with their last days: windows and balances are computed on them.
    const periods = [...new Set(rows.map((r) => String(r['period'])))].map((p) => `DATE '${p}'`).join(', ');
    await db.run(`CREATE OR REPLACE TABLE grid AS
      SELECT p AS period, CAST(p + INTERVAL 1 ${grain} - INTERVAL 1 DAY AS DATE) AS period_end FROM (SELECT unnest([${periods}]) AS p)`);
  });

  it.each(CASES.map((c) => [c.kpi, c] as const))('%s', async (_kpi, c) => {
    const region = (expr: string): string => (byRegion ? expr : 'CAST(NULL AS VARCHAR)');
    const sqlRows = (await db.query(c.sql(grain, region))).filter((r) => c.through === undefined || String(r['period']) <= c.through);
    const compared = rows.filter((r) => c.through === undefined || String(r['period']) <= c.through);
    expectCells(compared, c.kpi, by, expectedCells(sqlRows, by), c.empty);
  });
});
