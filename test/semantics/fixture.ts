/**
 * A small hand-made sales data set for the semantics tests. Every expected number in the tests is
 * computed by hand from these rows (see the comments in each test).
 *
 * opportunities (close_date anchors; o7 has no close date; Feb 2025 has no closed rows):
 *   id  account owner stage amount created     close
 *   o1  a1      r1    Won   100    2025-01-02  2025-01-10
 *   o2  a1      r1    Lost  50     2025-01-03  2025-01-15
 *   o3  a2      r2    Won   200    2025-01-05  2025-01-20
 *   o4  a2      r3    Won   300    2025-02-01  2025-03-05
 *   o5  a3      r3    Lost  (null) 2025-02-10  2025-03-10
 *   o6  a4      r9    Won   40     2025-03-01  2025-03-20   (r9 is not in reps: orphan)
 *   o7  a1      r1    Open  70     2025-03-05  (null)
 *   o8  (null)  r2    Won   10     2025-03-07  2025-03-25
 *   o9  a2      r2    Won   5      2025-03-02  2025-03-28
 * reps: r1 EMEA, r2 EMEA, r3 AMER, r4 APAC. accounts: a1 SMB 10, a2 ENT 100 (parent a1),
 * a3 SMB 20, a4 ENT 50 (parent a2).
 */
export const DATA: Readonly<Record<string, string>> = {
  'opportunities.csv': [
    'id,account_id,owner_id,stage,amount,created_date,close_date',
    'o1,a1,r1,Won,100,2025-01-02,2025-01-10',
    'o2,a1,r1,Lost,50,2025-01-03,2025-01-15',
    'o3,a2,r2,Won,200,2025-01-05,2025-01-20',
    'o4,a2,r3,Won,300,2025-02-01,2025-03-05',
    'o5,a3,r3,Lost,,2025-02-10,2025-03-10',
    'o6,a4,r9,Won,40,2025-03-01,2025-03-20',
    'o7,a1,r1,Open,70,2025-03-05,',
    'o8,,r2,Won,10,2025-03-07,2025-03-25',
    'o9,a2,r2,Won,5,2025-03-02,2025-03-28',
    '',
  ].join('\n'),
  'reps.csv': ['rep_id,name,region', 'r1,Ann,EMEA', 'r2,Bob,EMEA', 'r3,Cid,AMER', 'r4,Dee,APAC', ''].join('\n'),
  'accounts.csv': ['account_id,segment,employees,parent_id', 'a1,SMB,10,', 'a2,ENT,100,a1', 'a3,SMB,20,', 'a4,ENT,50,a2', ''].join('\n'),
  'activities.csv': [
    'activity_id,rep_id,activity_date',
    'x1,r1,2025-01-05',
    'x2,r4,2025-02-10',
    'x3,r4,2025-02-11',
    'x4,r3,2025-03-01',
    '',
  ].join('\n'),
  'arr.csv': [
    'account_id,snapshot_date,arr',
    'a1,2025-01-15,100',
    'a1,2025-01-31,110',
    'a2,2025-01-31,200',
    'a1,2025-02-28,120',
    'a2,2025-02-15,210',
    '',
  ].join('\n'),
};

/** The sources of the fixture. `fiscal` sets the catalog's fiscal year start month. */
export function catalogFiles(
  kpis: string,
  options: { fiscal?: number; weekStart?: 'monday' | 'sunday'; extra?: string } = {},
): Record<string, string> {
  return {
    'catalog.yaml': [
      'catalog: fixture',
      'version: 1.0.0',
      'currency: USD',
      'data: ../data',
      'calendar:',
      `  fiscal_year_start: ${options.fiscal ?? 1}`,
      `  week_start: ${options.weekStart ?? 'monday'}`,
      '',
    ].join('\n'),
    'sources/opportunities.yaml': `source: opportunities
file: opportunities.csv
key: id
time: close_date
interval: { from: created_date }
columns:
  id: { type: string, required: true, unique: true }
  account_id: { type: string }
  owner_id: { type: string }
  stage: { type: string, values: [Open, Won, Lost] }
  amount: { type: money }
  created_date: { type: date }
  close_date: { type: date }
joins:
  owner: { to: reps, on: owner_id }
  account: { to: accounts, on: account_id }
definitions:
  won: stage = 'Won'
  lost: stage = 'Lost'
  closed: won or lost
dimensions:
  region: owner.region
  rep: owner_id
  segment: account.segment
  size_band: if(amount >= 100, 'Large', 'Small')
`,
    'sources/reps.yaml': `source: reps
file: reps.csv
key: rep_id
columns:
  rep_id: { type: string }
  name: { type: string }
  region: { type: string }
dimensions:
  region: region
`,
    'sources/accounts.yaml': `source: accounts
file: accounts.csv
key: account_id
columns:
  account_id: { type: string }
  segment: { type: string }
  employees: { type: integer }
  parent_id: { type: string }
joins:
  parent: { to: accounts, on: parent_id }
`,
    'sources/activities.yaml': `source: activities
file: activities.csv
time: activity_date
columns:
  activity_id: { type: string }
  rep_id: { type: string }
  activity_date: { type: date }
joins:
  owner: { to: reps, on: rep_id }
dimensions:
  region: owner.region
  rep: rep_id
`,
    'sources/arr.yaml': `source: arr_snapshots
file: arr.csv
time: snapshot_date
columns:
  account_id: { type: string }
  snapshot_date: { type: date }
  arr: { type: money }
`,
    'kpis.yaml': kpis,
    ...(options.extra === undefined ? {} : { 'extra.yaml': options.extra }),
  };
}

/**
 * Two lookups over the fixture, for the `extra` of {@link catalogFiles}: fixed rows by stage, and
 * each owner's win rate over the two months before the period (a KPI evaluated per key).
 */
export const LOOKUPS = `lookup: stage_weight
key: stage
rows: { Open: 0.5, Won: 1 }
---
lookup: owner_win_rate
key: owner_id
value: owner_win_rate_kpi
window: 2 months
---
kpi: owner_win_rate_kpi
formula: count(opportunities where won) / count(opportunities where closed)
`;

/** `kpi: id` documents from `id: formula` pairs. */
export function kpiDocs(formulas: Readonly<Record<string, string>>): string {
  return Object.entries(formulas)
    .map(([id, formula]) => `kpi: ${id}\nformula: ${JSON.stringify(formula)}\n`)
    .join('---\n');
}
