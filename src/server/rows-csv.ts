/**
 * The rows behind a figure as a CSV download (`/api/rows/ID?format=csv`): one header — `source`,
 * then every column of the listing in order of first appearance — and one line per row, RFC 4180
 * quoting. Built from the same access-checked listing as the page, so it holds exactly what the
 * user may see. Text that a spreadsheet would run as a formula (`=`, `+`, `@`, or `-` not starting
 * a number) is prefixed with `'`.
 */
import { csvField } from '../results/csv.js';
import type { RowsView } from '../dashboard/rows-view.js';
import { cellText } from './pages/rows-page.js';

function safe(text: string): string {
  return /^[=+@\t\r]/.test(text) || (/^-/.test(text) && !/^-[0-9.]/.test(text)) ? `'${text}` : text;
}

/** The CSV text of a listing. */
export function rowsCsv(v: RowsView): string {
  const columns: string[] = [];
  for (const p of v.parts) for (const c of p.columns) if (!columns.includes(c)) columns.push(c);
  const lines = [['source', ...columns].map(csvField).join(',')];
  for (const p of v.parts)
    for (const r of p.rows)
      lines.push([p.source, ...columns.map((c) => (p.columns.includes(c) ? safe(cellText(r[c])) : null))].map(csvField).join(','));
  return `${lines.join('\n')}\n`;
}

/** The download's file name: `KPI-node-period.csv`, in safe characters. */
export function rowsCsvName(v: RowsView): string {
  const slug = (t: string): string => t.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-|-$/g, '') || 'all';
  return `${v.kpi.id}-${slug(v.place.node.label)}-${slug(v.place.period.label)}.csv`;
}
