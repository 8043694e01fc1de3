/**
 * Internal consistency of generated data, checked with SQL on two small data sets (the committed
 * example's arguments and another seed): keys and foreign keys (except the documented orphans),
 * opportunity history against the final rows, the ARR ledger's arithmetic and its link to won
 * deals, billing against bookings (except the documented mismatches), quotas and forecasts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuirkName } from '../../generator/quirks.js';
import { openDataset, type DatasetDb } from './dataset-db.js';
import { generateToTemp, removeTempDatasets, type GeneratedDataset } from './fixture.js';

type Expected = number | QuirkName;

/** The stages in pipeline order, as a DuckDB list. */
const STAGE_ORDER = `['Prospecting', 'Discovery', 'Proposal', 'Negotiation', 'Closed Won', 'Closed Lost']`;

/** Each check counts violating rows; most must find none, some exactly the quirk's count. */
const CHECKS: readonly (readonly [string, string, Expected])[] = [
  // Keys
  ['opportunity ids unique', `SELECT count(*) - count(DISTINCT opportunity_id) FROM opportunities`, 0],
  ['account ids unique', `SELECT count(*) - count(DISTINCT account_id) FROM accounts`, 0],
  ['rep ids unique', `SELECT count(*) - count(DISTINCT rep_id) FROM reps`, 0],
  ['lead ids unique', `SELECT count(*) - count(DISTINCT lead_id) FROM leads`, 0],
  ['activity ids unique', `SELECT count(*) - count(DISTINCT activity_id) FROM activities`, 0],
  ['invoice ids unique', `SELECT count(*) - count(DISTINCT invoice_id) FROM invoices`, 0],
  ['one ledger row per account and month', `SELECT count(*) - count(DISTINCT (account_id, month)) FROM arr_ledger`, 0],
  ['one quota per rep and quarter', `SELECT count(*) - count(DISTINCT (rep_id, quarter_start)) FROM quotas`, 0],
  // Foreign keys
  ['opportunity accounts exist', antiJoin('opportunities', 'account_id', 'accounts', 'account_id'), 0],
  [
    'opportunity owners exist, except deleted users',
    antiJoin('opportunities', 'owner_id', 'reps', 'rep_id'),
    'deleted_owner_opportunities',
  ],
  ['history opportunities exist', antiJoin('opportunity_history', 'opportunity_id', 'opportunities', 'opportunity_id'), 0],
  ['stage-history opportunities exist', antiJoin('opportunity_stage_history', 'opportunity_id', 'opportunities', 'opportunity_id'), 0],
  ['activity reps exist', antiJoin('activities', 'rep_id', 'reps', 'rep_id'), 0],
  ['activity accounts exist', antiJoin('activities', 'account_id', 'accounts', 'account_id'), 0],
  ['activity opportunities exist', antiJoin('activities', 'opportunity_id', 'opportunities', 'opportunity_id'), 0],
  ['lead SDRs exist', antiJoin('leads', 'sdr_id', 'reps', 'rep_id'), 0],
  ['converted leads name opportunities', antiJoin('leads', 'converted_opportunity_id', 'opportunities', 'opportunity_id'), 0],
  ['invoice accounts exist', antiJoin('invoices', 'account_id', 'accounts', 'account_id'), 0],
  [
    'invoice opportunities exist, except mistyped ids',
    antiJoin('invoices', 'opportunity_id', 'opportunities', 'opportunity_id'),
    'orphan_invoices',
  ],
  ['revenue opportunities exist', antiJoin('revenue_schedule', 'opportunity_id', 'opportunities', 'opportunity_id'), 0],
  ['ledger accounts exist', antiJoin('arr_ledger', 'account_id', 'accounts', 'account_id'), 0],
  ['NPS accounts exist', antiJoin('nps_responses', 'account_id', 'accounts', 'account_id'), 0],
  ['parent accounts exist', antiJoin('accounts', 'parent_account_id', 'accounts', 'account_id'), 0],
  ['managers exist', antiJoin('reps', 'manager_id', 'reps', 'rep_id'), 0],
  [
    'assignment reps and managers exist',
    `SELECT (${antiJoin('rep_assignments', 'rep_id', 'reps', 'rep_id')}) + (${antiJoin('rep_assignments', 'manager_id', 'reps', 'rep_id')})`,
    0,
  ],
  [
    'quota, forecast and training reps exist',
    `SELECT (${antiJoin('quotas', 'rep_id', 'reps', 'rep_id')}) + (${antiJoin('forecasts', 'rep_id', 'reps', 'rep_id')}) + (${antiJoin('training_completions', 'rep_id', 'reps', 'rep_id')})`,
    0,
  ],
  // Opportunities
  [
    'open deals close after the as-of date',
    `SELECT count(*) FROM opportunities WHERE stage NOT LIKE 'Closed%' AND close_date <= DATE '2026-09-30'`,
    0,
  ],
  [
    'closed deals close by the as-of date, after creation',
    `SELECT count(*) FROM opportunities WHERE stage LIKE 'Closed%' AND (close_date > DATE '2026-09-30' OR close_date < created_date)`,
    0,
  ],
  [
    'created within the span',
    `SELECT count(*) FROM opportunities WHERE created_date NOT BETWEEN DATE '2023-10-01' AND DATE '2026-09-30'`,
    0,
  ],
  [
    'closed categories',
    `SELECT count(*) FROM opportunities WHERE (stage = 'Closed Won') <> (forecast_category = 'Closed') OR (stage = 'Closed Lost' AND forecast_category <> 'Omitted')`,
    0,
  ],
  ['loss reason exactly on lost deals', `SELECT count(*) FROM opportunities WHERE (stage = 'Closed Lost') <> (loss_reason IS NOT NULL)`, 0],
  ['won deals have an amount', `SELECT count(*) FROM opportunities WHERE stage = 'Closed Won' AND amount IS NULL`, 0],
  ['missing amounts', `SELECT count(*) FROM opportunities WHERE amount IS NULL`, 'missing_amount'],
  ['missing next steps', `SELECT count(*) FROM opportunities WHERE next_step IS NULL`, 'missing_next_step'],
  ['discount is a fraction', `SELECT count(*) FROM opportunities WHERE discount NOT BETWEEN 0 AND 0.6`, 0],
  [
    'mega deals are at least 10x the typical Enterprise deal',
    `WITH typical AS (SELECT median(o.amount) m FROM opportunities o JOIN accounts a USING (account_id)
       WHERE a.segment = 'Enterprise' AND o.type = 'New Business' AND o.stage = 'Closed Won')
     SELECT count(*) FROM opportunities, typical WHERE stage = 'Closed Won' AND amount >= 10 * typical.m`,
    'mega_deals',
  ],
  // History against the final row
  ['one change per field and instant', `SELECT count(*) - count(DISTINCT (opportunity_id, field, changed_at)) FROM opportunity_history`, 0],
  [
    'history chains (old value = previous new value)',
    `SELECT count(*) FROM (SELECT old_value, lag(new_value) OVER (PARTITION BY opportunity_id, field ORDER BY changed_at) prev
       FROM opportunity_history) WHERE prev IS NOT NULL AND prev <> old_value`,
    0,
  ],
  [
    'history ends at the final stage, category, amount and close date',
    `SELECT count(*) FROM (SELECT DISTINCT ON (opportunity_id, field) * FROM opportunity_history
       ORDER BY opportunity_id, field, changed_at DESC) h JOIN opportunities o USING (opportunity_id)
     WHERE (field = 'stage' AND new_value <> o.stage)
        OR (field = 'forecast_category' AND new_value <> o.forecast_category)
        OR (field = 'amount' AND (o.amount IS NULL OR CAST(new_value AS DECIMAL(18,2)) <> o.amount))
        OR (field = 'close_date' AND CAST(new_value AS DATE) <> o.close_date)`,
    0,
  ],
  [
    'deals moved back to an earlier open stage',
    `SELECT count(DISTINCT opportunity_id) FROM opportunity_history WHERE field = 'stage' AND new_value <> 'Closed Lost'
       AND list_position(${STAGE_ORDER}, new_value) < list_position(${STAGE_ORDER}, old_value)`,
    'stages_moved_back',
  ],
  [
    'large wins created within a week, at the start of a quarter',
    `SELECT count(*) FROM opportunities WHERE stage = 'Closed Won' AND amount >= 25000 AND close_date - created_date <= 7
       AND close_date - CAST(date_trunc('quarter', close_date) AS DATE) < 14`,
    'sandbagged_deals',
  ],
  [
    'every deal starts in Prospecting',
    `SELECT count(*) FROM (SELECT DISTINCT ON (opportunity_id) * FROM opportunity_history WHERE field = 'stage'
       ORDER BY opportunity_id, changed_at) WHERE old_value <> 'Prospecting'`,
    0,
  ],
  [
    'deals without stage changes are still in Prospecting',
    `SELECT count(*) FROM opportunities o WHERE stage <> 'Prospecting' AND NOT EXISTS
       (SELECT 1 FROM opportunity_history h WHERE h.opportunity_id = o.opportunity_id AND field = 'stage')`,
    0,
  ],
  [
    'changes between creation and the as-of date',
    `SELECT count(*) FROM opportunity_history h JOIN opportunities o USING (opportunity_id)
     WHERE h.changed_at < o.created_date OR h.changed_at >= TIMESTAMP '2026-10-01 00:00:00'`,
    0,
  ],
  // Stage stays
  [
    'stage stays chain and end in the current stage',
    `SELECT count(*) FROM (SELECT s.*, lead(entered_date) OVER w nxt, lead(stage) OVER w nxt_stage,
       row_number() OVER (PARTITION BY opportunity_id ORDER BY entered_date DESC, exited_date DESC NULLS FIRST) k
       FROM opportunity_stage_history s WINDOW w AS (PARTITION BY opportunity_id ORDER BY entered_date, exited_date NULLS LAST)) s
     JOIN opportunities o USING (opportunity_id)
     WHERE (s.nxt IS NOT NULL AND s.exited_date <> s.nxt) OR (s.nxt IS NULL AND (s.exited_date IS NOT NULL OR s.stage <> o.stage))`,
    0,
  ],
  [
    'stays = stage changes + 1',
    `SELECT count(*) FROM opportunities o WHERE (SELECT count(*) FROM opportunity_stage_history s WHERE s.opportunity_id = o.opportunity_id)
       <> 1 + (SELECT count(*) FROM opportunity_history h WHERE h.opportunity_id = o.opportunity_id AND field = 'stage')`,
    0,
  ],
  [
    'first stay starts on the created date',
    `SELECT count(*) FROM (SELECT DISTINCT ON (opportunity_id) * FROM opportunity_stage_history ORDER BY opportunity_id, entered_date)
       s JOIN opportunities o USING (opportunity_id) WHERE s.entered_date <> o.created_date OR s.stage <> 'Prospecting'`,
    0,
  ],
  // ARR ledger
  [
    'arr(m) = arr(m-1) + delta',
    `SELECT count(*) FROM arr_ledger l LEFT JOIN arr_ledger p ON p.account_id = l.account_id AND p.month = l.month - INTERVAL 1 MONTH
     WHERE l.arr <> coalesce(p.arr, 0) + l.delta`,
    0,
  ],
  [
    'no gap while a customer',
    `SELECT count(*) FROM arr_ledger l WHERE l.arr > 0 AND l.month < DATE '2026-09-01' AND NOT EXISTS
       (SELECT 1 FROM arr_ledger n WHERE n.account_id = l.account_id AND n.month = l.month + INTERVAL 1 MONTH)`,
    0,
  ],
  [
    'movements match the delta',
    `SELECT count(*) FROM arr_ledger WHERE NOT CASE movement
       WHEN 'new' THEN delta = arr AND arr > 0 WHEN 'reactivation' THEN delta = arr AND arr > 0
       WHEN 'churn' THEN arr = 0 AND delta < 0 WHEN 'expansion' THEN delta > 0 AND arr > delta
       WHEN 'contraction' THEN delta < 0 AND arr > 0 WHEN 'flat' THEN delta = 0 AND arr > 0 ELSE false END`,
    0,
  ],
  [
    'reactivation only after a churn, new only once',
    `SELECT count(*) FROM arr_ledger l WHERE (movement = 'reactivation') <> EXISTS
       (SELECT 1 FROM arr_ledger c WHERE c.account_id = l.account_id AND c.month < l.month AND c.movement = 'churn')
       AND movement IN ('new', 'reactivation')`,
    0,
  ],
  [
    'ARR increases are exactly the won new-business and expansion deals',
    `WITH won AS (SELECT account_id, date_trunc('month', close_date) AS month, sum(amount) amount FROM opportunities
       WHERE stage = 'Closed Won' AND type IN ('New Business', 'Expansion') GROUP BY ALL),
     up AS (SELECT account_id, month, sum(delta) amount FROM arr_ledger WHERE movement IN ('new', 'reactivation', 'expansion') GROUP BY ALL)
     SELECT count(*) FROM won FULL JOIN up USING (account_id, month) WHERE won.amount IS DISTINCT FROM up.amount`,
    0,
  ],
  [
    'churn and contraction happen at a renewal closed the month before',
    `SELECT count(*) FROM arr_ledger l WHERE movement IN ('churn', 'contraction') AND NOT EXISTS
       (SELECT 1 FROM opportunities o WHERE o.account_id = l.account_id AND o.type = 'Renewal'
          AND date_trunc('month', o.close_date) = l.month - INTERVAL 1 MONTH
          AND ((l.movement = 'churn' AND o.stage = 'Closed Lost') OR (l.movement = 'contraction' AND o.stage = 'Closed Won' AND o.amount = l.arr)))`,
    0,
  ],
  // Billing and revenue against bookings
  ['duplicate invoices', `SELECT count(*) - count(DISTINCT (opportunity_id, invoice_date, amount)) FROM invoices`, 'duplicate_invoices'],
  [
    'first invoice bills the first contract year, except mismatches',
    `WITH first AS (SELECT DISTINCT ON (opportunity_id) * FROM invoices ORDER BY opportunity_id, invoice_date)
     SELECT count(*) FROM first f JOIN opportunities o USING (opportunity_id)
     WHERE f.amount <> round(o.amount * least(12, o.contract_term_months) / 12, 2)`,
    'invoice_amount_mismatch',
  ],
  [
    'won deals due for recognition without a schedule',
    `SELECT count(*) FROM opportunities o WHERE stage = 'Closed Won' AND ${serviceStart('o')} <= DATE '2026-09-30'
       AND NOT EXISTS (SELECT 1 FROM revenue_schedule r WHERE r.opportunity_id = o.opportunity_id)`,
    'missing_revenue_schedule',
  ],
  [
    'revenue starts in the service-start month, except late schedules',
    `SELECT count(*) FROM (SELECT opportunity_id, min(month) m0 FROM revenue_schedule GROUP BY 1) r
       JOIN opportunities o USING (opportunity_id) WHERE r.m0 <> date_trunc('month', ${serviceStart('o')})`,
    'late_revenue_schedule',
  ],
  [
    'revenue is one twelfth of the booking per month',
    `SELECT count(*) FROM revenue_schedule r JOIN opportunities o USING (opportunity_id)
     WHERE abs(r.recognized_amount - o.amount / 12) > 0.01`,
    0,
  ],
  [
    'more recognised than billed: missed anniversary invoices, and deals with no invoice of their own',
    `SELECT count(*) FROM (SELECT o.opportunity_id, (SELECT sum(amount) FROM invoices i WHERE i.opportunity_id = o.opportunity_id) billed,
         (SELECT sum(recognized_amount) FROM revenue_schedule r WHERE r.opportunity_id = o.opportunity_id) recognised
       FROM opportunities o WHERE stage = 'Closed Won') WHERE recognised > 0 AND coalesce(billed, 0) < recognised`,
    'negative_deferred_revenue',
  ],
  [
    'revenue never runs past the term',
    `SELECT count(*) FROM (SELECT opportunity_id, count(*) n FROM revenue_schedule GROUP BY 1) r
       JOIN opportunities o USING (opportunity_id) WHERE r.n > o.contract_term_months`,
    0,
  ],
  // Organisation, quotas, forecasts
  [
    'assignments are contiguous and end with the employment',
    `SELECT count(*) FROM (SELECT a.*, lead(valid_from) OVER w nxt, row_number() OVER (PARTITION BY rep_id ORDER BY valid_from DESC) k
       FROM rep_assignments a WINDOW w AS (PARTITION BY rep_id ORDER BY valid_from)) a JOIN reps r USING (rep_id)
     WHERE (a.nxt IS NOT NULL AND a.nxt <> a.valid_to + 1) OR (a.k = 1 AND a.valid_to IS DISTINCT FROM r.leave_date)
        OR a.valid_from < r.hire_date`,
    0,
  ],
  [
    'reps show their latest assignment',
    `SELECT count(*) FROM reps r JOIN (SELECT DISTINCT ON (rep_id) * FROM rep_assignments ORDER BY rep_id, valid_from DESC) a USING (rep_id)
     WHERE r.team IS DISTINCT FROM a.team OR r.region IS DISTINCT FROM a.region OR r.manager_id IS DISTINCT FROM a.manager_id`,
    0,
  ],
  // Quotas for the quarter after the as-of date are planned in advance for everyone still employed.
  [
    'a rep has a quota for exactly each quarter employed, and the next one if still employed (AE and AM only)',
    `WITH q AS (SELECT unnest(generate_series(DATE '2023-10-01', DATE '2026-10-01', INTERVAL 3 MONTH))::DATE qs),
     due AS (SELECT rep_id, qs FROM reps, q WHERE role IN ('AE', 'AM') AND hire_date <= qs + INTERVAL 3 MONTH - INTERVAL 1 DAY
       AND coalesce(leave_date, DATE '2026-10-01') >= qs)
     SELECT count(*) FROM due FULL JOIN quotas ON quotas.rep_id = due.rep_id AND quotas.quarter_start = due.qs
     WHERE due.rep_id IS NULL OR quotas.rep_id IS NULL`,
    0,
  ],
  [
    'new hires ramp 25/50/75% of a ramped peer in the same function and quarter',
    `WITH fn AS (SELECT rep_id, valid_from, regexp_replace(team, '^(AMER|EMEA|APAC) | [0-9]+$', '', 'g') func FROM rep_assignments),
     rq AS (SELECT q.*, (SELECT func FROM fn WHERE fn.rep_id = q.rep_id AND fn.valid_from <= greatest(q.quarter_start, r.hire_date)
         ORDER BY valid_from DESC LIMIT 1) func,
       date_diff('month', date_trunc('quarter', r.hire_date), q.quarter_start) // 3 k,
       coalesce(r.leave_date, DATE '2999-01-01') < q.quarter_start + INTERVAL 3 MONTH leaves
       FROM quotas q JOIN reps r USING (rep_id)),
     peer AS (SELECT quarter_start, func, max(quota) full_quota FROM rq WHERE k >= 3 AND NOT leaves GROUP BY ALL)
     SELECT count(*) FROM rq JOIN peer USING (quarter_start, func)
     WHERE rq.k < 3 AND NOT rq.leaves AND abs(rq.quota - full_quota * (rq.k + 1) * 0.25) > 1000`,
    0,
  ],
  [
    'ramped peers in a function and quarter share one quota',
    `WITH fn AS (SELECT rep_id, valid_from, regexp_replace(team, '^(AMER|EMEA|APAC) | [0-9]+$', '', 'g') func FROM rep_assignments),
     rq AS (SELECT q.*, (SELECT func FROM fn WHERE fn.rep_id = q.rep_id AND fn.valid_from <= greatest(q.quarter_start, r.hire_date)
         ORDER BY valid_from DESC LIMIT 1) func,
       date_diff('month', date_trunc('quarter', r.hire_date), q.quarter_start) // 3 k,
       coalesce(r.leave_date, DATE '2999-01-01') < q.quarter_start + INTERVAL 3 MONTH leaves
       FROM quotas q JOIN reps r USING (rep_id))
     SELECT count(*) FROM (SELECT quarter_start, func FROM rq WHERE k >= 3 AND NOT leaves GROUP BY ALL HAVING min(quota) <> max(quota))`,
    0,
  ],
  [
    "the next quarter is planned at the last quarter's full quota, for every function",
    `WITH fn AS (SELECT rep_id, valid_from, regexp_replace(team, '^(AMER|EMEA|APAC) | [0-9]+$', '', 'g') func FROM rep_assignments),
     rq AS (SELECT q.*, (SELECT func FROM fn WHERE fn.rep_id = q.rep_id AND fn.valid_from <= greatest(q.quarter_start, r.hire_date)
         ORDER BY valid_from DESC LIMIT 1) func,
       date_diff('month', date_trunc('quarter', r.hire_date), q.quarter_start) // 3 k,
       coalesce(r.leave_date, DATE '2999-01-01') < q.quarter_start + INTERVAL 3 MONTH leaves
       FROM quotas q JOIN reps r USING (rep_id)),
     full_quota AS (SELECT quarter_start, func, max(quota) quota FROM rq WHERE k >= 3 AND NOT leaves GROUP BY ALL),
     last AS (SELECT * FROM full_quota WHERE quarter_start = DATE '2026-07-01'),
     next AS (SELECT * FROM full_quota WHERE quarter_start = DATE '2026-10-01')
     SELECT count(*) FROM last FULL JOIN next USING (func) WHERE last.quota IS DISTINCT FROM next.quota`,
    0,
  ],
  [
    'forecast calls: three a week, commit <= best case <= pipeline, Mondays, current quarter',
    `SELECT count(*) FROM (SELECT rep_id, week_start_date, any_value(quarter_start) qs, count(*) n,
         max(amount) FILTER (category = 'commit') c, max(amount) FILTER (category = 'best_case') b, max(amount) FILTER (category = 'pipeline') p
       FROM forecasts GROUP BY ALL)
     WHERE n <> 3 OR NOT (c <= b AND b <= p) OR dayofweek(week_start_date) <> 1 OR qs <> date_trunc('quarter', week_start_date)`,
    0,
  ],
  // Leads and activities
  [
    'lead dates in order',
    `SELECT count(*) FROM leads WHERE first_response_at < created_at OR sql_date < mql_date OR mql_date < CAST(created_at AS DATE)`,
    0,
  ],
  [
    'converted exactly when linked, before the deal',
    `SELECT count(*) FROM leads l LEFT JOIN opportunities o ON o.opportunity_id = l.converted_opportunity_id
     WHERE (l.status = 'Converted') <> (l.converted_opportunity_id IS NOT NULL) OR l.sql_date > o.created_date`,
    0,
  ],
  [
    'a deal has at most one converted lead',
    `SELECT count(converted_opportunity_id) - count(DISTINCT converted_opportunity_id) FROM leads`,
    0,
  ],
  [
    'deal activities from the creation of the deal to the as-of date',
    `SELECT count(*) FROM activities a JOIN opportunities o USING (opportunity_id)
     WHERE a.activity_date < o.created_date OR a.activity_date > DATE '2026-09-30'`,
    0,
  ],
  [
    'deal activities after the close date: the ones logged late, and those before a backdated close',
    `SELECT count(*) FROM activities a JOIN opportunities o USING (opportunity_id)
     WHERE o.stage LIKE 'Closed%' AND a.activity_date > o.close_date`,
    'activities_after_close',
  ],
  [
    'deal activities until the closing stage change, except the ones logged late',
    `SELECT count(*) FROM activities a JOIN opportunities o USING (opportunity_id)
       JOIN opportunity_stage_history s ON s.opportunity_id = o.opportunity_id AND s.stage LIKE 'Closed%'
     WHERE a.activity_date > s.entered_date AND a.activity_date <= o.close_date`,
    0,
  ],
  [
    'won deals with no activity on the deal by the close date',
    `SELECT count(*) FROM opportunities o WHERE stage = 'Closed Won' AND NOT EXISTS
       (SELECT 1 FROM activities a WHERE a.opportunity_id = o.opportunity_id AND a.activity_date <= o.close_date)`,
    'won_without_activity',
  ],
  [
    'leads without an SDR a day after they came in',
    `SELECT count(*) FROM leads WHERE sdr_id IS NULL AND created_at < TIMESTAMP '2026-09-29 00:00:00'`,
    'leads_without_owner',
  ],
  [
    'backdated closes: closed after the close date, in the next quarter',
    `SELECT count(*) FROM opportunities o JOIN opportunity_stage_history s USING (opportunity_id)
     WHERE s.stage = 'Closed Won' AND s.entered_date > o.close_date`,
    'backdated_closes',
  ],
  [
    'NPS scores 0-10 in the span',
    `SELECT count(*) FROM nps_responses WHERE score NOT BETWEEN 0 AND 10 OR response_date > DATE '2026-09-30'`,
    0,
  ],
  [
    'near-duplicate accounts',
    `SELECT count(*) - count(DISTINCT k) FROM (SELECT regexp_replace(lower(trim(name)),
       '(, inc\\.| inc\\.| ltd| gmbh| llc| corp| sa| pty ltd| \\(old\\))$', '') k FROM accounts)`,
    'near_duplicate_accounts',
  ],
];

function antiJoin(table: string, column: string, target: string, key: string): string {
  return `SELECT count(*) FROM ${table} x WHERE x.${column} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${target} y WHERE y.${key} = x.${column})`;
}

/** Service start: the close date, or for a renewal the first day of the following month. */
function serviceStart(alias: string): string {
  return `CASE WHEN ${alias}.type = 'Renewal' THEN date_trunc('month', ${alias}.close_date) + INTERVAL 1 MONTH ELSE ${alias}.close_date END`;
}

describe.each([
  { seed: 42, scale: 3000 },
  { seed: 7, scale: 1500 },
])('generated data, seed $seed, scale $scale', ({ seed, scale }) => {
  let data: GeneratedDataset;
  let db: DatasetDb;
  beforeAll(async () => {
    data = await generateToTemp(seed, scale);
    db = await openDataset(data.dir);
  });
  afterAll(() => {
    db.close();
    removeTempDatasets();
  });

  it('has exactly `scale` opportunities, plus the copies of the deals entered twice', async () => {
    const copies = (data.summary.quirks.get('duplicate_open_deals') ?? 0) / 2;
    expect(await db.value('SELECT count(*) FROM opportunities')).toBe(scale + copies);
    expect(data.summary.rows.get('opportunities')).toBe(scale + copies);
    // Each copy is open, created within 20 days of the as-of date, and shares its original's
    // account, type and product line.
    const pairs = `SELECT count(*) FROM planted p JOIN opportunities a ON a.opportunity_id = p.record_id
      JOIN opportunities b ON b.opportunity_id = p.other_id
      WHERE p.quirk = 'duplicate_open_deals' AND a.account_id = b.account_id AND a.type = b.type
        AND a.product_line = b.product_line AND a.stage NOT LIKE 'Closed%' AND b.stage NOT LIKE 'Closed%'`;
    expect(await db.value(pairs)).toBe(copies * 2);
  });

  it.each(CHECKS)('%s', async (_name, sql, expected) => {
    const want = typeof expected === 'number' ? expected : data.summary.quirks.get(expected);
    expect(await db.value(sql)).toBe(want);
  });
});
