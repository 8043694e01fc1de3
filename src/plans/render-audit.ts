/**
 * How `kpic payouts --audit` prints its findings: a table (one line per difference, with its
 * cause, then a summary line), CSV or JSON, amounts exact to the cent.
 */
import { csvField } from '../results/csv.js';
import { exactJson } from '../results/exact-json.js';
import type { AuditReport } from './audit.js';
import { money } from './render-text.js';

const HEADER = ['plan', 'period', 'rep', 'component', 'paid', 'computed', 'difference', 'cause'];

function cells(a: AuditReport): string[][] {
  return a.differences.map((d) => [
    d.plan,
    d.period,
    d.rep,
    d.component,
    d.paid === null ? '—' : money(d.paid),
    d.computed === null ? '—' : money(d.computed),
    money(d.difference),
    d.cause,
  ]);
}

/** The audit in `format` (`table`, `csv` or `json`). */
export function renderAudit(a: AuditReport, format: string): string {
  if (format === 'json') return `${exactJson({ file: a.file, rows: a.rows, compared: a.compared, differences: a.differences })}\n`;
  if (format === 'csv')
    return (
      [
        HEADER,
        ...a.differences.map((d) => [
          d.plan,
          d.period,
          d.rep,
          d.component,
          d.paid?.toString() ?? '',
          d.computed?.toString() ?? '',
          d.difference.toString(),
          d.cause,
        ]),
      ]
        .map((r) => r.map((c) => csvField(c)).join(','))
        .join('\n') + '\n'
    );
  const summary = `${a.differences.length === 0 ? 'no difference' : `${a.differences.length} difference${a.differences.length === 1 ? '' : 's'}`} in ${a.rows} payroll row${a.rows === 1 ? '' : 's'} of ${a.file} (${a.compared} amounts compared)\n`;
  if (a.differences.length === 0) return summary;
  const rows = cells(a);
  const widths = HEADER.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]): string =>
    r
      .map((c, i) => (i >= 4 && i <= 6 ? c.padStart(widths[i] ?? 0) : i === r.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd() + '\n';
  return [line(HEADER), ...rows.map(line)].join('') + `\n${summary}`;
}
