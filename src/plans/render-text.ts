/**
 * The `table` format of `kpic payouts`: the summary (one line per plan, rep and period, amounts
 * right-aligned) and, with `--statement`, each rep's statement — every line with the deal, the
 * credit, the rate and the rule that made it, and the total that the lines add up to.
 */
import { Decimal } from '../model/decimal.js';
import { summaryRows, type Cell } from './render-rows.js';
import type { PayoutReport, PlanPayout, RepPayout, RepPeriod } from './report.js';
import { amountText, percentText } from './text.js';

function cellText(c: Cell): string {
  if (c === null) return '—';
  if (c instanceof Decimal) return money(c);
  if (typeof c === 'number') return `${(c * 100).toFixed(1)}%`;
  return c;
}

/** An amount to the cent with separators: `1,234.50`. */
export function money(d: Decimal): string {
  const [whole = '0', fraction = ''] = amountText(d).split('.');
  return `${whole}.${fraction.padEnd(2, '0')}`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[], right: (i: number) => boolean): string {
  const widths = header.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...(r[i] ?? '')].length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => {
        const fill = ' '.repeat(Math.max(0, (widths[i] ?? 0) - [...c].length));
        return right(i) ? fill + c : c + fill;
      })
      .join('  ')
      .trimEnd() + '\n';
  return [line(header), ...rows.map(line)].join('');
}

/** The summary table. */
export function renderSummaryTable(report: PayoutReport): string {
  const { header, rows } = summaryRows(report);
  if (rows.length === 0) return 'no payouts in the period\n';
  return table(
    header,
    rows.map((r) => r.map(cellText)),
    (i) => i >= 4,
  );
}

function statementPeriod(p: PlanPayout, r: RepPayout, x: RepPeriod): string {
  const head = [
    `${p.title} (${p.plan}) — ${r.name} (${r.rep}) — ${x.period.label} (${x.period.start} to ${x.period.last}), ${p.currency}`,
    `credit ${money(x.credit)} (to date ${money(x.creditToDate)})` +
      (x.quotaToDate === undefined
        ? ''
        : `; quota ${money(x.quota ?? x.quotaToDate)} (to date ${money(x.quotaToDate)}); attainment to date ${x.attainment === null ? '—' : `${(x.attainment * 100).toFixed(1)}%`}`) +
      `; ${x.activeDays} days on the plan`,
  ];
  const rows = x.lines.map((l) => [
    l.component,
    l.deal ?? '',
    l.date ?? '',
    l.credit === undefined ? '' : money(l.credit),
    l.rate === undefined ? '' : percentText(l.rate),
    money(l.amount),
    l.rule,
  ]);
  const body =
    rows.length === 0
      ? 'no lines\n'
      : table(['component', 'deal', 'date', 'credit', 'rate', 'amount', 'rule'], rows, (i) => i === 3 || i === 4 || i === 5);
  const totals = [
    ...x.components.map((c) => `${c.title}: ${money(c.amount)}`),
    ...(x.draw.units === 0n ? [] : [`draw: ${money(x.draw)} (balance ${money(x.drawBalance)})`]),
    `pay: ${money(x.pay)}`,
  ];
  return `${head.join('\n')}\n${body}${totals.join('; ')}\n`;
}

/** Every rep's statement for every period, one after another. */
export function renderStatementsText(report: PayoutReport): string {
  const parts: string[] = [];
  for (const p of report.plans) for (const r of p.reps) for (const x of r.periods) parts.push(statementPeriod(p, r, x));
  return parts.length === 0 ? 'no payouts in the period\n' : parts.join('\n');
}
