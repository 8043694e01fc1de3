/**
 * A small organisation with managers, built by hand. Mo (m0) runs the company; Eve (e0) heads EU
 * and Uma (u0) US; Eli (e1) leads team EU-A and Ugo (u1) team US-A; team US-B has no lead (Di
 * reports to Uma). Bob (r2) moves from EU-A to US-A on 2025-05-15; Ed (r5) leaves on 2025-05-31.
 *
 * Organisation as of 2025-06-30 (Q2, `as_of: period_end`):
 *   (no region): m0                      managers: enterprise [m0]
 *   EU: (no team) e0 · EU-A e1 r1 r5      EU [e0], EU-A [e1]
 *   US: (no team) u0 · US-A u1 r2 r3      US [u0], US-A [u1], US-B [] (nobody in it manages)
 *       US-B r4
 * Q2 bookings (close date in Q2, credited by the organisation of Q2): r1 100, r2 200 (closed
 * while Bob was in EU-A), r3 50, r4 70, r5 30 → EU-A 130, US-A 250, US-B 70; EU 130, US 320;
 * all 450. Surveys by region (no rep): EU 9 and 7 → 8, US 6.
 */

import type { ResolvedHierarchy } from '../../src/org/hierarchy.js';
import type { Spell } from '../../src/org/spells.js';

/** A hierarchy with these levels (top first), for trees built by hand without a catalog. */
export function handHierarchy(levels: readonly string[]): ResolvedHierarchy {
  return {
    id: 'h',
    title: 'H',
    source: 's',
    member: { kind: 'literal', value: null, type: 'null' },
    dimension: 'rep',
    asOf: 'period_end',
    levels: levels.map((name) => ({ name, title: name })),
  };
}

/** A spell that holds for ever, keyed by its member, as `buildOrgTree` takes it. */
export function handSpell(
  member: string,
  values: readonly (string | null)[],
  options: { readonly labels?: readonly (string | null)[]; readonly manager?: string | null } = {},
): [string, Spell] {
  return [member, { member, from: null, to: null, values, labels: options.labels ?? [], manager: options.manager ?? null, roles: [] }];
}

/** The catalog. */
export const ORG_CATALOG: Readonly<Record<string, string>> = {
  'catalog.yaml': 'catalog: org_test\ndata: ../data\n',
  'sources.yaml': `source: reps
file: reps.csv
key: rep_id
columns:
  rep_id: { type: string }
  name: { type: string }
  role: { type: string }
---
source: assignments
file: assignments.csv
columns:
  rep_id: { type: string }
  team: { type: string }
  region: { type: string }
  manager_id: { type: string }
  valid_from: { type: date }
  valid_to: { type: date }
joins:
  rep: { to: reps, on: rep_id }
---
source: opportunities
file: opportunities.csv
key: id
time: close_date
columns:
  id: { type: string }
  owner_id: { type: string }
  amount: { type: money }
  close_date: { type: date }
dimensions:
  rep: owner_id
---
source: surveys
file: surveys.csv
time: survey_date
columns:
  region: { type: string }
  score: { type: number }
  survey_date: { type: date }
dimensions:
  region: region
`,
  'kpis.yaml': `kpi: bookings
formula: sum(amount)
unit: money
---
kpi: satisfaction
formula: avg(surveys.score)
unit: number
`,
  'org.yaml': `hierarchy: org
source: assignments
member: rep_id
dimension: rep
valid_from: valid_from
valid_to: valid_to
manager: manager_id
levels:
  - level: company
    title: Hand Co
  - level: region
    value: region
    dimension: region
  - level: team
    value: team
  - level: person
    label: rep.name
`,
  'roles.yaml': `role: lead
hierarchy: org
members: rep.role = 'manager'
perspectives:
  financial:
    weight: 100%
    kpis:
      - kpi: bookings
`,
};

/** The data files. */
export const ORG_DATA: Readonly<Record<string, string>> = {
  'reps.csv': [
    'rep_id,name,role',
    'm0,Mo,manager',
    'e0,Eve,manager',
    'e1,Eli,manager',
    'u0,Uma,manager',
    'u1,Ugo,manager',
    'r1,Ann,AE',
    'r2,Bob,AE',
    'r3,Cy,AE',
    'r4,Di,AE',
    'r5,Ed,AE',
    '',
  ].join('\n'),
  'assignments.csv': [
    'rep_id,team,region,manager_id,valid_from,valid_to',
    'm0,,,,2020-01-01,',
    'e0,,EU,m0,2020-01-01,',
    'e1,EU-A,EU,e0,2020-01-01,',
    'u0,,US,m0,2020-01-01,',
    'u1,US-A,US,u0,2020-01-01,',
    'r1,EU-A,EU,e1,2024-01-01,',
    'r2,EU-A,EU,e1,2024-01-01,2025-05-14',
    'r2,US-A,US,u1,2025-05-15,',
    'r3,US-A,US,u1,2024-01-01,',
    'r4,US-B,US,u0,2024-01-01,',
    'r5,EU-A,EU,e1,2024-01-01,2025-05-31',
    '',
  ].join('\n'),
  'opportunities.csv': [
    'id,owner_id,amount,close_date',
    'o1,r1,100,2025-04-10',
    'o2,r2,200,2025-04-20',
    'o3,r3,50,2025-05-05',
    'o4,r4,70,2025-06-01',
    'o5,r5,30,2025-05-10',
    'o6,r1,999,2025-07-02',
    '',
  ].join('\n'),
  'surveys.csv': 'region,score,survey_date\nEU,9,2025-04-20\nEU,7,2025-05-20\nUS,6,2025-06-10\n',
};
