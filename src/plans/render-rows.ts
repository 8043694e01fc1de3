/**
 * The summary rows of a payout report — one per plan, rep and period — as the columns the table
 * and CSV formats share: credit, quota, attainment, each component, draw and pay.
 */
import type { Decimal } from '../model/decimal.js';
import type { PayoutReport } from './report.js';

/** A cell: text, an exact amount, a ratio, or nothing. */
export type Cell = string | Decimal | number | null;

/** Column names and rows. */
export interface SummaryRows {
  readonly header: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

/** The summary of every plan; component columns are the union over plans, in plan order. */
export function summaryRows(report: PayoutReport): SummaryRows {
  const components: string[] = [];
  for (const p of report.plans) for (const c of p.components) if (!components.includes(c.id)) components.push(c.id);
  const header = ['plan', 'period', 'rep', 'name', 'credit', 'quota', 'attainment', ...components, 'draw', 'pay'];
  const rows: Cell[][] = [];
  for (const p of report.plans) {
    for (const r of p.reps) {
      for (const x of r.periods) {
        const byId = new Map(x.components.map((c) => [c.id, c.amount] as const));
        rows.push([
          p.plan,
          x.period.label,
          r.rep,
          r.name,
          x.credit,
          x.quota ?? null,
          x.attainment,
          ...components.map((c) => byId.get(c) ?? null),
          x.draw,
          x.pay,
        ]);
      }
    }
  }
  return { header, rows };
}
