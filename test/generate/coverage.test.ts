/**
 * The committed example data exercises everything the catalog measures: no category, movement,
 * status or quirk the KPIs depend on is missing, and no measure would come out constant.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDataset, type DatasetDb } from './dataset-db.js';

const EXAMPLES = join(import.meta.dirname, '../../examples/data');

/** [what, SQL giving the distinct values present, the values that must all be present]. */
const PRESENT: readonly (readonly [string, string, readonly (string | number)[]])[] = [
  [
    'open stages',
    `SELECT DISTINCT stage FROM opportunities WHERE stage NOT LIKE 'Closed%'`,
    ['Prospecting', 'Discovery', 'Proposal', 'Negotiation'],
  ],
  [
    'won and lost deals of every type',
    `SELECT DISTINCT type || '/' || stage FROM opportunities WHERE stage LIKE 'Closed%'`,
    [
      'New Business/Closed Won',
      'New Business/Closed Lost',
      'Expansion/Closed Won',
      'Expansion/Closed Lost',
      'Renewal/Closed Won',
      'Renewal/Closed Lost',
    ],
  ],
  [
    'open deals of every type',
    `SELECT DISTINCT type FROM opportunities WHERE stage NOT LIKE 'Closed%'`,
    ['New Business', 'Expansion', 'Renewal'],
  ],
  [
    'forecast categories of open deals',
    `SELECT DISTINCT forecast_category FROM opportunities WHERE stage NOT LIKE 'Closed%'`,
    ['Pipeline', 'Best Case', 'Commit'],
  ],
  [
    'loss reasons',
    `SELECT DISTINCT loss_reason FROM opportunities`,
    ['Price', 'Competitor', 'No Decision', 'Timing', 'Product Fit', 'Budget'],
  ],
  ['ARR movements', `SELECT DISTINCT movement FROM arr_ledger`, ['new', 'expansion', 'contraction', 'churn', 'reactivation', 'flat']],
  ['lead statuses', `SELECT DISTINCT status FROM leads`, ['Converted', 'Disqualified', 'Nurture', 'Working', 'New']],
  ['activity types on deals', `SELECT DISTINCT type FROM activities WHERE opportunity_id IS NOT NULL`, ['call', 'email', 'meeting']],
  ['roles', `SELECT DISTINCT role FROM reps`, ['AE', 'SDR', 'AM', 'manager']],
  [
    'regions and segments of won deals',
    `SELECT DISTINCT r.region || '/' || a.segment FROM opportunities o JOIN accounts a USING (account_id)
     JOIN reps r ON r.rep_id = o.owner_id WHERE o.stage = 'Closed Won' AND o.type = 'New Business'`,
    [
      'AMER/SMB',
      'AMER/Mid-Market',
      'AMER/Enterprise',
      'EMEA/SMB',
      'EMEA/Mid-Market',
      'EMEA/Enterprise',
      'APAC/SMB',
      'APAC/Mid-Market',
      'APAC/Enterprise',
    ],
  ],
  ['forecast categories', `SELECT DISTINCT category FROM forecasts`, ['commit', 'best_case', 'pipeline']],
];

/** [what, SQL counting it] — each must be at least 1. */
const NON_EMPTY: readonly (readonly [string, string])[] = [
  [
    'stalled open deals (older than 180 days)',
    `SELECT count(*) FROM opportunities WHERE stage NOT LIKE 'Closed%' AND created_date < DATE '2026-04-03'`,
  ],
  [
    'open deals closing in the next quarter',
    `SELECT count(*) FROM opportunities WHERE stage NOT LIKE 'Closed%' AND close_date <= DATE '2026-12-31'`,
  ],
  [
    'quotas planned for the next quarter (so pipeline coverage has a gap to cover)',
    `SELECT count(*) FROM quotas WHERE quarter_start = DATE '2026-10-01'`,
  ],
  ['reps who changed team', `SELECT count(*) FROM (SELECT rep_id FROM rep_assignments GROUP BY 1 HAVING count(DISTINCT team) > 1)`],
  [
    'reps whose manager changed in the same team',
    `SELECT count(*) FROM (SELECT rep_id, team FROM rep_assignments GROUP BY 1, 2 HAVING count(DISTINCT manager_id) > 1)`,
  ],
  [
    'new hires with a ramped quota',
    `SELECT count(*) FROM quotas q JOIN reps r USING (rep_id)
     WHERE r.hire_date > DATE '2023-10-01' AND q.quarter_start = date_trunc('quarter', r.hire_date)`,
  ],
  ['reps who left', `SELECT count(*) FROM reps WHERE leave_date IS NOT NULL AND role <> 'manager'`],
  ['subsidiaries', `SELECT count(*) FROM accounts WHERE parent_account_id IS NOT NULL`],
  ['NPS detractors', `SELECT count(*) FROM nps_responses WHERE score <= 6`],
  ['NPS promoters', `SELECT count(*) FROM nps_responses WHERE score >= 9`],
  [
    'leads that reached SQL without converting',
    `SELECT count(*) FROM leads WHERE sql_date IS NOT NULL AND converted_opportunity_id IS NULL`,
  ],
  [
    'customer check-ins',
    `SELECT count(*) FROM activities WHERE opportunity_id IS NULL AND rep_id IN (SELECT rep_id FROM reps WHERE role = 'AM')`,
  ],
  [
    'deals won on the last day of a quarter',
    `SELECT count(*) FROM opportunities WHERE stage = 'Closed Won' AND close_date = last_day(date_trunc('quarter', close_date) + INTERVAL 2 MONTH)`,
  ],
  ['training in every course', `SELECT min(n) FROM (SELECT count(*) n FROM training_completions GROUP BY course)`],
];

let db: DatasetDb;
beforeAll(async () => {
  db = await openDataset(EXAMPLES);
});
afterAll(() => db.close());

describe('examples/data covers', () => {
  it.each(PRESENT)('%s', async (_what, sql, values) => {
    const present = new Set((await db.rows(sql)).map((r) => Object.values(r)[0]));
    for (const v of values) expect(present, String(v)).toContain(v);
  });

  it.each(NON_EMPTY)('%s', async (_what, sql) => {
    expect(await db.value(sql)).toBeGreaterThan(0);
  });

  it('quarter-end seasonality: the last week of a quarter books more than an average week', async () => {
    const [row] = await db.rows(`SELECT
        sum(amount) FILTER (WHERE close_date > last_day(date_trunc('quarter', close_date) + INTERVAL 2 MONTH) - 7) AS last_week,
        sum(amount) / 13 AS average_week
      FROM opportunities WHERE stage = 'Closed Won' AND type = 'New Business'`);
    expect(Number(row?.last_week)).toBeGreaterThan(2 * Number(row?.average_week));
  });

  it('win rates differ by segment, region and rep', async () => {
    const spread = await db.rows(`SELECT
        (SELECT max(w) - min(w) FROM (SELECT count(*) FILTER (WHERE stage = 'Closed Won') / count(*) w FROM opportunities o
           JOIN accounts a USING (account_id) WHERE stage LIKE 'Closed%' AND type = 'New Business' GROUP BY a.segment)) seg,
        (SELECT max(w) - min(w) FROM (SELECT count(*) FILTER (WHERE stage = 'Closed Won') / count(*) w FROM opportunities o
           JOIN accounts a USING (account_id) WHERE stage LIKE 'Closed%' AND type = 'New Business' GROUP BY a.region)) reg,
        (SELECT max(w) - min(w) FROM (SELECT count(*) FILTER (WHERE stage = 'Closed Won') / count(*) w FROM opportunities
           WHERE stage LIKE 'Closed%' AND type = 'New Business' GROUP BY owner_id HAVING count(*) >= 30)) rep`);
    expect(Number(spread[0]?.seg)).toBeGreaterThan(0.03);
    expect(Number(spread[0]?.reg)).toBeGreaterThan(0.03);
    expect(Number(spread[0]?.rep)).toBeGreaterThan(0.1);
  });
});
