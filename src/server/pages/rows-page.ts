/**
 * The deals behind a figure: for each aggregate of the KPI, the source rows it reads at the node in
 * the period, as a table with the columns the user's role may see (withheld ones named), paged; a
 * row's key opens that single row. The single-row page lists one row's columns as a definition list.
 */
import type { Value } from '../../engine/duckdb.js';
import { ROWS_PAGE, type RowsPart, type RowsView } from '../../dashboard/rows-view.js';
import { h, href, page, type Crumb, type Frame } from './layout.js';

/** A cell's text. */
export function cellText(v: Value | undefined): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

function partSection(v: RowsView, part: RowsPart, i: number, keyColumn: string | undefined): string {
  const period = v.place.period.label;
  const dates = part.dates === undefined ? 'all dates' : `${part.dates.from} to the day before ${part.dates.before}`;
  const head = `<h2 id="part-${i}">${h(part.sourceTitle ?? part.source)} <span class="muted">(${h(part.aggregate)}, ${h(dates)})</span></h2>`;
  if (part.unavailable !== undefined)
    return `<section aria-labelledby="part-${i}">${head}<p class="muted">No listing: ${h(part.unavailable)}.</p></section>`;
  const withheld =
    part.withheld.length === 0
      ? ''
      : `<p class="notice">Withheld for your role: ${part.withheld.map((c) => `<code>${h(c)}</code>`).join(', ')}.</p>`;
  const cols = part.columns;
  const rows = part.rows.map((r) => {
    const cells = cols.map((c) => {
      const text = h(cellText(r[c]));
      if (c === keyColumn && r[c] !== null)
        return `<td><a href="${h(href(`/row/${v.kpi.id}`, { at: v.place.at, period, source: part.source, key: cellText(r[c]) }))}">${text}</a></td>`;
      return `<td>${text}</td>`;
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  const from = v.offset + 1;
  const to = v.offset + part.rows.length;
  const pager = [
    v.offset > 0
      ? `<a href="${h(href(`/rows/${v.kpi.id}`, { at: v.place.at, period, offset: Math.max(0, v.offset - ROWS_PAGE) }))}" rel="prev">Previous ${ROWS_PAGE}</a>`
      : '',
    to < part.total
      ? `<a href="${h(href(`/rows/${v.kpi.id}`, { at: v.place.at, period, offset: v.offset + ROWS_PAGE }))}" rel="next">Next ${ROWS_PAGE}</a>`
      : '',
  ].join(' ');
  const count = part.total === 0 ? 'No rows.' : `Rows ${from}–${to} of ${part.total}.`;
  return `<section aria-labelledby="part-${i}">${head}${withheld}<p>${count}</p>
<div class="scroll" tabindex="0" role="region" aria-labelledby="part-${i}"><table class="rows"><thead><tr>${cols.map((c) => `<th scope="col">${h(c)}</th>`).join('')}</tr></thead><tbody>${rows.join('\n')}</tbody></table></div>
<p class="pager">${pager}</p></section>`;
}

/** The deals page (or, with `single`, the page of one row). */
export function rowsPage(
  v: RowsView,
  frame: Omit<Frame, 'title' | 'crumbs' | 'times'>,
  crumbs: readonly Crumb[],
  keyOf: (source: string) => string | undefined,
  single: boolean,
): string {
  const intro = `<p>The source rows behind ${h(v.kpi.title)} at ${h(v.place.node.label)} in ${h(v.place.period.label)}, as of ${h(v.times.asOf)} (before the scorecard’s exception rules).</p>`;
  if (single) {
    const part = v.parts.find((p) => p.rows.length > 0);
    const row = part?.rows[0];
    const body =
      part === undefined || row === undefined
        ? '<p>No such row behind this figure.</p>'
        : `<dl class="row">${part.columns.map((c) => `<dt>${h(c)}</dt><dd>${h(cellText(row[c]))}</dd>`).join('')}</dl>${part.withheld.length === 0 ? '' : `<p class="notice">Withheld for your role: ${part.withheld.map((c) => `<code>${h(c)}</code>`).join(', ')}.</p>`}`;
    const title =
      part === undefined || row === undefined
        ? 'No such row'
        : `${part.sourceTitle ?? part.source}: ${cellText(row[keyOf(part.source) ?? ''] ?? null)}`;
    return page({ ...frame, title, crumbs, times: v.times }, body);
  }
  const download = `<p><a href="${h(href(`/api/rows/${v.kpi.id}`, { at: v.place.at, period: v.place.period.label, format: 'csv' }))}" download>Download every row as CSV</a></p>`;
  const body = intro + download + v.parts.map((p, i) => partSection(v, p, i, keyOf(p.source))).join('\n');
  return page({ ...frame, title: `${v.kpi.title} — the rows behind it`, crumbs, times: v.times }, body);
}
