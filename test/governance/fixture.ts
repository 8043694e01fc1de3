/**
 * A small governed catalog with data, for `kpic diff`, `approvals` and `review` tests: deals of
 * three reps in two regions over the first two quarters of 2025, a hierarchy (company → region →
 * rep), a scorecard judging the win rate, and a committee. Values are small enough to compute by
 * hand (see the expectations next to each test).
 */
import { execFileSync } from 'node:child_process';
import { folder, type Folder } from '../cli/helpers.js';

const CATALOG_YAML = `catalog: acme
version: 1.0.0
title: ACME test catalog
currency: USD
data: ../data
`;

export const SOURCES_YAML = `source: opportunities
file: opportunities.csv
key: id
time: close_date
columns:
  id: { type: string, required: true, unique: true }
  owner: { type: string, required: true }
  stage: { type: string, values: [Won, Lost, Open] }
  amount: { type: money }
  discount: { type: percent }
  close_date: { type: date }
joins:
  rep: { to: reps, on: owner }
definitions:
  won: stage = 'Won'
  closed: stage in ('Won', 'Lost')
dimensions:
  region: rep.region
  rep: owner
---
source: reps
file: reps.csv
key: rep_id
columns:
  rep_id: { type: string, required: true, unique: true }
  region: { type: string }
dimensions:
  region: region
`;

export const KPIS_YAML = `kpi: bookings
title: Bookings
formula: sum(amount where won)
unit: money
owner: finance
---
kpi: won_deals
title: Deals won
formula: count(opportunities where won)
unit: count
owner: sales_ops
---
kpi: closed_deals
title: Deals closed
formula: count(opportunities where closed)
unit: count
owner: sales_ops
---
kpi: win_rate
title: Win rate
description: Won deals over closed deals.
formula: won_deals / closed_deals
unit: percent
owner: sales_ops
target: 0.6
thresholds: { green: 1.0, amber: 0.85 }
`;

/** A KPI to add after KPIS_YAML: the average discount of won deals (lower is better). */
export const AVG_DISCOUNT_YAML = `---
kpi: avg_discount
title: Average discount
formula: avg(discount where won)
unit: percent
direction: down
owner: finance
`;

export const ORG_YAML = `hierarchy: sales_org
source: reps
member: rep_id
dimension: rep
levels:
  - level: company
    title: ACME
  - level: region
    value: region
  - level: rep
---
scorecard: sales
title: Sales scorecard
hierarchy: sales_org
levels: [company, region]
perspectives:
  internal_process:
    weight: 100%
    kpis:
      - kpi: win_rate
`;

export const GOVERNANCE_YAML = `governance: committee
title: Test committee
seats:
  sales: { title: Sales, members: [alice], team: "@acme/sales" }
  finance: { title: Finance, members: [bob, Bea] }
  revenue_operations: { title: Revenue operations, members: [carol] }
rules:
  - title: Targets
    topics: [targets]
    seats: [sales, finance]
  - title: New KPIs
    kinds: [kpi]
    changes: [added]
    seats: [revenue_operations]
  - title: Definitions
    kinds: [kpi, source]
    topics: [definition]
    seats: [revenue_operations]
  - title: Breaking changes
    classes: [breaking]
    seats: all
review_cycle: 1 year
`;

export const REPS_CSV = `rep_id,region
r1,EMEA
r2,EMEA
r3,AMER
`;

/** Q1 2025: won 3 of 5 (EMEA 1 of 2, AMER 2 of 3); Q2: won 3 of 5 (EMEA 2 of 3, AMER 1 of 2). */
export const OPPORTUNITIES_CSV = `id,owner,stage,amount,discount,close_date
o1,r1,Won,1000,0.1,2025-01-10
o2,r1,Lost,3000,0,2025-02-10
o3,r3,Won,500,0.1,2025-03-10
o4,r3,Won,500,0.1,2025-03-20
o5,r3,Lost,1000,0,2025-03-25
o6,r2,Won,2000,0.2,2025-04-15
o7,r2,Won,1000,0.3,2025-05-15
o8,r1,Lost,1000,0,2025-06-01
o9,r3,Won,4000,0.4,2025-06-10
o10,r3,Lost,1000,0,2025-06-30
`;

/** The catalog files, relative to the catalog folder. */
export const CATALOG_FILES: Readonly<Record<string, string>> = {
  'catalog.yaml': CATALOG_YAML,
  'sources/sources.yaml': SOURCES_YAML,
  'kpis/kpis.yaml': KPIS_YAML,
  'org/org.yaml': ORG_YAML,
  'governance.yaml': GOVERNANCE_YAML,
};

/** `base/` and `head/` catalog folders (head = base with `changes` applied) and `data/`. */
export function versionFolders(changes: Readonly<Record<string, string>>): Folder {
  const files: Record<string, string> = { 'data/opportunities.csv': OPPORTUNITIES_CSV, 'data/reps.csv': REPS_CSV };
  for (const [name, text] of Object.entries(CATALOG_FILES)) {
    files[`base/${name}`] = text;
    files[`head/${name}`] = text;
  }
  for (const [name, text] of Object.entries(changes)) files[`head/${name}`] = text;
  return folder(files);
}

/** Runs git in `cwd` with a fixed identity (no global configuration needed). */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_SYSTEM: '/dev/null' },
  });
}

/** A throwaway repository: the catalog (and data) committed on `main`. */
export function repository(): Folder {
  const f = folder({ 'data/opportunities.csv': OPPORTUNITIES_CSV, 'data/reps.csv': REPS_CSV });
  for (const [name, text] of Object.entries(CATALOG_FILES)) f.write(`catalog/${name}`, text);
  git(f.root, 'init', '-q', '-b', 'main');
  git(f.root, 'add', '-A');
  git(f.root, 'commit', '-q', '-m', 'catalog 1.0.0');
  return f;
}
