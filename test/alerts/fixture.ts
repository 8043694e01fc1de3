/**
 * The hand-built organisation of test/org/fixture.ts with alerts added. Q2 2025 bookings by team
 * (organisation as of 30 June): EU-A 130 (managed by Eli, e1), US-A 250 (Ugo, u1), US-B 70 (no
 * manager of its own: its reps report to Uma, u0, who heads US). Q1 2025 has no deals, Q3 one
 * (r1, 999, EU-A).
 */
import { ORG_CATALOG, ORG_DATA } from '../org/fixture.js';

/** Alerts: bookings under 150 a quarter, escalated under 100; a status alert; a KPI owner. */
export const ALERTS_CATALOG: Readonly<Record<string, string>> = {
  ...ORG_CATALOG,
  'kpis.yaml': `kpi: bookings
formula: sum(amount)
unit: money
owner: sales_ops
target: 100
---
kpi: satisfaction
formula: avg(surveys.score)
unit: number
`,
  'alerts.yaml': `alert: low_bookings
title: Bookings under 150 in the quarter
when: bookings < 150
at: [team]
grain: quarter
to: [manager]
channels: [ops]
escalate:
  when: bookings < 100
  severity: critical
  to: [manager, next_manager, owner]
---
alert: red_bookings
title: Bookings red against target
when: status(bookings) = 'red'
at: [region, team]
grain: quarter
where: region = 'US'
`,
};

/** The fixture's data files. */
export const ALERTS_DATA = ORG_DATA;
