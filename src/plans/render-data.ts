/**
 * The machine formats of `kpic payouts`: JSON (the whole report, amounts as JSON numbers with
 * their exact digits; lines only with `--statement`) and CSV (the summary rows, or the statement
 * lines with `--statement`).
 */
import { Decimal } from '../model/decimal.js';
import { csvField } from '../results/csv.js';
import { exactJson } from '../results/exact-json.js';
import { summaryRows } from './render-rows.js';
import type { PayoutReport } from './report.js';

/** The report as JSON; without `lines` unless asked. */
export function renderPayoutJson(report: PayoutReport, statement: boolean): string {
  const plans = report.plans.map((p) => ({
    ...p,
    reps: p.reps.map((r) => ({
      ...r,
      periods: r.periods.map((x) => ({
        ...x,
        period: x.period.label,
        start: x.period.start,
        last: x.period.last,
        lines: statement ? x.lines : undefined,
      })),
    })),
  }));
  return `${exactJson({ periods: report.periods, plans })}\n`;
}

function csv(header: readonly string[], rows: readonly (readonly (string | number | boolean | Decimal | null)[])[]): string {
  return [header, ...rows].map((r) => r.map((c) => csvField(c ?? null)).join(',')).join('\n') + '\n';
}

/** The summary rows, or every statement line, as CSV. */
export function renderPayoutCsv(report: PayoutReport, statement: boolean): string {
  if (!statement) {
    const { header, rows } = summaryRows(report);
    return csv(header, rows);
  }
  const rows = report.plans.flatMap((p) =>
    p.reps.flatMap((r) =>
      r.periods.flatMap((x) =>
        x.lines.map((l) => [
          p.plan,
          x.period.label,
          r.rep,
          l.component,
          l.kind,
          l.deal ?? null,
          l.date ?? null,
          l.credit ?? null,
          l.rate ?? null,
          l.multiplier ?? null,
          l.exact,
          l.amount,
          l.rule,
        ]),
      ),
    ),
  );
  return csv(
    ['plan', 'period', 'rep', 'component', 'kind', 'deal', 'date', 'credit', 'rate', 'multiplier', 'exact', 'amount', 'rule'],
    rows,
  );
}
