/**
 * A small catalog for `pass_rate(check)` (docs/checks.md, "Data-quality KPIs"): deals of three
 * reps in two teams, their stage and close-date history, and checks written as in
 * catalog/checks/. Calendar quarters of 2026; the data is complete to 2026-12-31.
 *
 *   deal owner team stage        created     close (file)  lead    next  history
 *   o1   r1    A    Discovery    2026-01-05  2026-04-20    Inbound Call  close 03-15 → 04-20 on 04-01
 *   o2   r1    A    Proposal     2026-01-10  2026-03-31    —       —
 *   o3   r2    B    Closed Won   2026-01-02  2026-03-05    Inbound —     stage Proposal → Closed Won on 03-05
 *   o4   r2    B    Prospecting  2026-01-03  2026-06-30    —       Demo
 *   o5   r3    B    Negotiation  2026-02-01  2026-05-10    Partner —
 *   o6   r3    B    Discovery    2026-04-10  2026-09-30    Partner —
 *   o7   r1    A    Discovery    2026-01-20  —             Inbound Call
 *   o8   r2    B    Closed Won   2026-09-01  2026-11-01    Inbound —
 */

const CATALOG = `catalog: dq
version: 1.0.0
data: ../data
as_of: 2026-12-31
calendar: { fiscal_year_start: 1 }
`;

const SOURCES = `source: reps
file: reps.csv
key: rep_id
columns:
  rep_id: { type: string, required: true, unique: true }
  team: { type: string }
---
source: opportunities
file: opportunities.csv
key: opportunity_id
time: close_date
interval: { from: created_date }
columns:
  opportunity_id: { type: string, required: true, unique: true }
  owner_id: { type: string, required: true }
  stage: { type: string, required: true }
  created_date: { type: date, required: true }
  close_date: { type: date }
  lead_source: { type: string }
  next_step: { type: string }
joins:
  owner: { to: reps, on: owner_id }
definitions:
  closed: stage in ('Closed Won', 'Closed Lost')
  open: not closed
dimensions:
  rep: owner_id
  team: owner.team
---
source: opportunity_history
file: opportunity_history.csv
time: changed_at
changes: { of: opportunities, key: opportunity_id, at: changed_at, field: field, old: old_value, new: new_value, fields: [stage, close_date] }
columns:
  opportunity_id: { type: string, required: true }
  changed_at: { type: timestamp, required: true }
  field: { type: string, required: true }
  old_value: { type: string }
  new_value: { type: string }
joins:
  opportunity: { to: opportunities, on: opportunity_id }
`;

/** The checks: three that read the row itself, and look-alikes of the audit day and of other rows. */
const CHECKS = `check: next_step
over: opportunities
owner: sales-managers
severity: warning
schedule: weekly
remedy: Record the next step.
where: open
fails: next_step is null
---
check: lead_source
over: opportunities
owner: sales-ops
severity: error
schedule: daily
remedy: Set the lead source.
where: open and stage != 'Prospecting'
fails: lead_source is null
---
check: past_close
over: opportunities
owner: sales-managers
severity: error
schedule: daily
remedy: Move the close date.
where: open
fails: close_date < period_end()
---
check: past_close_by_start
over: opportunities
owner: sales-managers
severity: error
schedule: daily
remedy: Move the close date.
where: open
fails: close_date < period_start()
---
check: won_without_history
over: opportunities
owner: sales-ops
severity: info
schedule: weekly
remedy: Look at the deal.
related:
  changes: count(opportunity_history)
where: not open
fails: changes = 0
---
check: same_lead_source
over: opportunities
owner: sales-ops
severity: info
schedule: weekly
remedy: Look at the deals.
duplicates: lead_source
`;

/** The catalog files, with `kpis` (YAML) and any `extra` files. */
export function passRateCatalog(kpis: string, extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  return { 'catalog.yaml': CATALOG, 'sources.yaml': SOURCES, 'checks.yaml': CHECKS, 'kpis.yaml': kpis, ...extra };
}

/** The rows of the table above. */
export const PASS_RATE_DATA: Readonly<Record<string, string>> = {
  'reps.csv': 'rep_id,team\nr1,A\nr2,B\nr3,B\n',
  'opportunities.csv': `opportunity_id,owner_id,stage,created_date,close_date,lead_source,next_step
o1,r1,Discovery,2026-01-05,2026-04-20,Inbound,Call
o2,r1,Proposal,2026-01-10,2026-03-31,,
o3,r2,Closed Won,2026-01-02,2026-03-05,Inbound,
o4,r2,Prospecting,2026-01-03,2026-06-30,,Demo
o5,r3,Negotiation,2026-02-01,2026-05-10,Partner,
o6,r3,Discovery,2026-04-10,2026-09-30,Partner,
o7,r1,Discovery,2026-01-20,,Inbound,Call
o8,r2,Closed Won,2026-09-01,2026-11-01,Inbound,
`,
  'opportunity_history.csv': `opportunity_id,changed_at,field,old_value,new_value
o1,2026-04-01 09:00:00,close_date,2026-03-15,2026-04-20
o3,2026-03-05 10:00:00,stage,Proposal,Closed Won
o8,2026-11-01 10:00:00,stage,Negotiation,Closed Won
`,
};
