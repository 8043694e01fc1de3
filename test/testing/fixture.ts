/**
 * A small catalog for the test-document tests: opportunities owned by reps (region through the
 * owner), two KPIs and a scorecard over a rep hierarchy.
 */

/** Catalog files (catalog-relative path → YAML), without tests. */
export const CATALOG: Readonly<Record<string, string>> = {
  'catalog.yaml': 'catalog: t\nversion: 1.0.0\ncurrency: USD\n',
  'sources.yaml': `source: opportunities
file: opportunities.csv
key: id
time: close_date
columns:
  id: { type: string, required: true, unique: true }
  owner_id: { type: string, required: true }
  stage: { type: string, required: true, values: [Open, Won, Lost] }
  amount: { type: money }
  close_date: { type: date, required: true }
joins:
  owner: { to: reps, on: owner_id }
definitions:
  won: stage = 'Won'
  closed: stage in ('Won', 'Lost')
dimensions:
  region: owner.region
  rep: owner_id
---
source: reps
file: reps.csv
key: rep_id
columns:
  rep_id: { type: string, required: true, unique: true }
  region: { type: string }
dimensions:
  region: region
  rep: rep_id
---
source: targets
file: targets.csv
time: month
columns:
  month: { type: date }
  target: { type: money }
`,
  'kpis.yaml': `kpi: bookings
title: Bookings
formula: sum(amount where won)
unit: money
perspective: financial
target: 1000
---
kpi: win_rate
title: Win rate
formula: count(opportunities where won) / count(opportunities where closed)
unit: percent
perspective: internal_process
target: 0.5
---
kpi: target_total
formula: sum(target)
unit: money
`,
  'org.yaml': `hierarchy: org
source: reps
member: rep_id
dimension: rep
levels:
  - level: company
    title: Co
  - level: region
    value: region
  - level: rep
---
scorecard: sales
hierarchy: org
perspectives:
  financial:
    weight: 50%
    kpis:
      - kpi: bookings
  internal_process:
    weight: 50%
    kpis:
      - kpi: win_rate
`,
};

/** A valid test: two regions, won and lost deals in January 2025. */
export const GOOD_TEST = `test: basics
defaults:
  opportunities: { owner_id: r1, close_date: 2025-01-10 }
fixtures:
  reps:
    - { rep_id: r1, region: EMEA }
    - { rep_id: r2, region: AMER }
cases:
  - case: won and lost by region
    fixtures:
      opportunities:
        - { stage: Won, amount: 1200.50 }
        - { stage: Lost, amount: 100 }
        - { stage: Won, amount: 300, owner_id: r2 }
        - { stage: Open, amount: 999 }
    expect:
      - by: [region]
        values:
          - { period: 2025-01, region: EMEA, bookings: 1200.50, win_rate: 50% }
          - { period: 2025-01, region: AMER, bookings: 300, win_rate: 1 }
`;
