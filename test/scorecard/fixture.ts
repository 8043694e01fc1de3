/**
 * A small organisation built by hand: two regions (EU, US), one team each (EU-A, US-A), four
 * reps. Bob (r2) moves from EU-A to US-A on 2025-05-15, so he is in EU-A at the end of Q1 and in
 * US-A at the end of Q2. Every expected number in the tests is computed by hand from these rows.
 *
 * Q2 2025 (2025-04-01 … 06-30), organisation as of 06-30:
 *   rep  team  won deals (cycle days)    lost  bookings  quota  win rate
 *   r1   EU-A  o4 300 (40)               o5 o6   300      400    1/3
 *   r2   US-A  o7 150 (20)               —       150      200    1/1
 *   r3   US-A  o8 50 (30), o9 90 (50)    o10     140      100    2/3
 *   r4   US-A  o11 100 (cycle empty)     —       100      100    1/1
 *   EU-A: bookings 300, quota 400, won 1 / closed 3, cycle 40
 *   US-A: bookings 390, quota 400, won 4 / closed 5 = 0.8 (the reps' average is 0.889), cycle avg(20,30,50)
 *   all:  bookings 690, quota 800, won 5 / closed 8 = 0.625, cycle avg(40,20,30,50) = 35
 * Surveys (no rep, by region): Q2 EU 9 and 7, US 6.
 */

/** The catalog: sources, KPIs, the hierarchy. Scorecards are added per test. */
export const BASE_CATALOG: Readonly<Record<string, string>> = {
  'catalog.yaml': 'catalog: hand_org\ndata: ../data\n',
  'sources.yaml': `source: opportunities
file: opportunities.csv
key: id
time: close_date
columns:
  id: { type: string, required: true, unique: true }
  owner_id: { type: string }
  stage: { type: string, values: [Won, Lost, Open] }
  amount: { type: money }
  close_date: { type: date }
  cycle_days: { type: integer }
joins:
  owner: { to: reps, on: owner_id }
definitions:
  won: stage = 'Won'
  closed: stage in ('Won', 'Lost')
dimensions:
  rep: owner_id
  region: owner.region
---
source: quotas
file: quotas.csv
time: quarter_start
columns:
  rep_id: { type: string }
  quarter_start: { type: date }
  quota: { type: money }
dimensions:
  rep: rep_id
---
source: surveys
file: surveys.csv
time: survey_date
columns:
  id: { type: string }
  region: { type: string }
  score: { type: number }
  survey_date: { type: date }
dimensions:
  region: region
---
source: reps
file: reps.csv
key: rep_id
columns:
  rep_id: { type: string }
  name: { type: string }
  role: { type: string }
  region: { type: string }
---
source: assignments
file: assignments.csv
columns:
  rep_id: { type: string }
  team: { type: string }
  region: { type: string }
  valid_from: { type: date }
  valid_to: { type: date }
joins:
  rep: { to: reps, on: rep_id }
`,
  'kpis.yaml': `kpi: quota
formula: sum(quotas.quota)
unit: money
---
kpi: bookings
title: Bookings
formula: sum(amount where won)
unit: money
indicator: lagging
perspective: financial
target: quota
overrides:
  - where: region = 'US'
    target: quota * 0.8
  - period: 2025-Q1
    target: 1000
---
kpi: won
formula: count(opportunities where won)
unit: count
---
kpi: closed
formula: count(opportunities where closed)
unit: count
---
kpi: win_rate
title: Win rate
formula: won / closed
unit: percent
indicator: leading
perspective: internal_process
target: 0.5
---
kpi: cycle
title: Sales cycle
formula: avg(cycle_days where won)
unit: days
direction: down
perspective: internal_process
target: 30
---
kpi: satisfaction
title: Satisfaction
formula: avg(surveys.score)
unit: number
perspective: customer
target: 8
thresholds: { green: 8, amber: 7, on: value }
`,
  'org.yaml': `hierarchy: org
title: Hand org
source: assignments
member: rep_id
dimension: rep
valid_from: valid_from
valid_to: valid_to
levels:
  - level: enterprise
    title: Hand Co
  - level: region
    value: region
    dimension: region
  - level: team
    value: team
  - level: rep
    label: rep.name
`,
};

/** The main scorecard (levels enterprise, region, team; rollup weighted by quota). */
export const MAIN_SCORECARD = `scorecard: main
title: Main
hierarchy: org
rollup: { weight: quota }
perspectives:
  financial:
    weight: 50%
    kpis:
      - kpi: bookings
  internal_process:
    weight: 30%
    kpis:
      - kpi: win_rate
        weight: 60%
      - kpi: cycle
        weight: 40%
  customer:
    weight: 20%
    kpis:
      - kpi: satisfaction
`;

/** A role scoring the AEs and AMs, with the missing-data policy of `cycle` as given. */
export function repRole(policy: 'blank' | 'zero' | 'ignore'): string {
  return `role: seller
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
      - kpi: win_rate
        weight: 50%
      - kpi: cycle
        weight: 50%
        missing: ${policy}
`;
}

/** The data files. */
export const DATA: Readonly<Record<string, string>> = {
  'reps.csv': 'rep_id,name,role,region\nr1,Ann,AE,EU\nr2,Bob,AE,US\nr3,Cy,AE,US\nr4,Di,AM,US\n',
  'assignments.csv': [
    'rep_id,team,region,valid_from,valid_to',
    'r1,EU-A,EU,2024-01-01,',
    'r2,EU-A,EU,2024-01-01,2025-05-14',
    'r2,US-A,US,2025-05-15,',
    'r3,US-A,US,2024-01-01,',
    'r4,US-A,US,2024-06-01,',
    '',
  ].join('\n'),
  'opportunities.csv': [
    'id,owner_id,stage,amount,close_date,cycle_days',
    'o1,r1,Won,100,2025-01-15,10',
    'o2,r2,Won,200,2025-02-10,20',
    'o3,r3,Lost,50,2025-03-05,',
    'o4,r1,Won,300,2025-04-10,40',
    'o5,r1,Lost,100,2025-05-01,',
    'o6,r1,Lost,80,2025-05-20,',
    'o7,r2,Won,150,2025-05-05,20',
    'o8,r3,Won,50,2025-06-01,30',
    'o9,r3,Won,90,2025-06-15,50',
    'o10,r3,Lost,40,2025-06-20,',
    'o11,r4,Won,100,2025-05-15,',
    '',
  ].join('\n'),
  'quotas.csv': [
    'rep_id,quarter_start,quota',
    'r1,2025-01-01,300',
    'r2,2025-01-01,200',
    'r3,2025-01-01,100',
    'r4,2025-01-01,100',
    'r1,2025-04-01,400',
    'r2,2025-04-01,200',
    'r3,2025-04-01,100',
    'r4,2025-04-01,100',
    '',
  ].join('\n'),
  'surveys.csv': 'id,region,score,survey_date\ns1,EU,9,2025-04-20\ns2,EU,7,2025-05-20\ns3,US,6,2025-06-10\ns4,US,10,2025-02-01\n',
};
