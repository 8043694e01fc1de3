/**
 * Test fixture shared by the as-of date tests: a `deals` source whose events are a won deal's
 * close date and an open deal's creation date (an open deal's close date is only expected), and
 * a KPI that looks forward over its open deals.
 */

/** The `deals` source (file `deals.csv`: id, stage Open/Won, amount, created_date, close_date). */
export const DEALS_SOURCE = `source: deals
file: deals.csv
time: close_date
as_of: if(stage = 'Open', created_date, close_date)
columns:
  id: { type: string }
  stage: { type: string, values: [Open, Won] }
  amount: { type: money }
  created_date: { type: date }
  close_date: { type: date }
`;

/** `due`: the open deals' amounts by expected close date, `horizon: forward`. */
export const DUE_KPI = `kpi: due
formula: sum(amount where stage = 'Open')
unit: money
horizon: forward
`;
