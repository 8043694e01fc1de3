/**
 * A KPI's page at one node: the current figure with its status, the trend against target and the
 * status bands as a uPlot chart (drawn by /assets/kpi-chart.js from JSON in the page) with the
 * same numbers as a table for screen readers and keyboards, exceptions, managers' notes with a
 * form to add or edit one, and the figure's lineage — its formula, the source columns and files
 * behind it, and the SQL that computes it.
 */
import type { KpiView } from '../../dashboard/kpi-view.js';
import { describeException, formatAttainment, formatFigure } from '../../scorecard/text.js';
import { h, href, page, statusBadge, when, type Crumb, type Frame } from './layout.js';
import { periodPicker } from './scorecard-page.js';

/** JSON safe inside a `<script>` element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replaceAll('<', '\\u003c').replaceAll('>', '\\u003e').replaceAll('&', '\\u0026');
}

function chartData(v: KpiView): unknown {
  return {
    title: v.kpi.title,
    unit: v.kpi.unit ?? 'number',
    better: v.kpi.direction === 'down' ? 'lower' : 'higher',
    periods: v.trend.map((t) => t.period.label),
    value: v.trend.map((t) => t.line?.value ?? null),
    target: v.trend.map((t) => t.line?.target ?? null),
    green: v.trend.map((t) => t.line?.levels?.green ?? null),
    amber: v.trend.map((t) => t.line?.levels?.amber ?? null),
    status: v.trend.map((t) => t.line?.status ?? 'none'),
  };
}

function trendTable(v: KpiView, currency: string): string {
  const rows = v.trend.map((t) => {
    const l = t.line;
    if (l === undefined)
      return `<tr><th scope="row">${h(t.period.label)}</th><td colspan="5" class="muted">${h(t.missing ?? 'no figure')}</td></tr>`;
    const lv = l.levels;
    const bands =
      lv === null || lv === undefined
        ? '—'
        : `green ${lv.better === 'higher' ? '≥' : '≤'} ${formatFigure(lv.green, l.unit, currency)}, amber ${lv.better === 'higher' ? '≥' : '≤'} ${formatFigure(lv.amber, l.unit, currency)}`;
    return `<tr class="status-row-${h(l.status)}"><th scope="row">${h(t.period.label)}</th><td class="num">${h(formatFigure(l.value, l.unit, currency))}</td><td class="num">${h(formatFigure(l.target, l.unit, currency))}</td><td class="num">${h(formatAttainment(l.attainment))}</td><td>${statusBadge(l.status)}</td><td>${h(bands)}</td></tr>`;
  });
  return `<table class="trend"><caption>${h(v.kpi.title)} by period at ${h(v.place.node.label)}</caption><thead><tr><th scope="col">Period</th><th scope="col">Value</th><th scope="col">Target</th><th scope="col">Attainment</th><th scope="col">Status</th><th scope="col">Status bands</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function notesSection(v: KpiView, csrf: string, user: string): string {
  const period = v.place.period.label;
  const list =
    v.notes.length === 0
      ? '<p class="muted">No notes on this figure yet.</p>'
      : `<ul class="notes">${v.notes
          .map((n) => {
            const edit =
              n.author === user
                ? `<details><summary>Edit</summary><form method="post" action="/notes/${n.id}"><input type="hidden" name="csrf" value="${h(csrf)}"><input type="hidden" name="version" value="${n.version}"><input type="hidden" name="back" value="${h(href(`/kpi/${v.kpi.id}`, { at: v.place.at, period }))}"><label for="edit-${n.id}">Note</label><textarea id="edit-${n.id}" name="body" rows="3" maxlength="2000" required>${h(n.body)}</textarea><button type="submit">Save</button></form></details>`
                : '';
            return `<li><p><q>${h(n.body)}</q></p><p class="muted">${h(n.period)} · ${h(n.author)} · <time datetime="${h(n.at)}">${h(when(n.at))}</time>${n.edited ? ` · edited (version ${n.version})` : ''}</p>${edit}</li>`;
          })
          .join('')}</ul>`;
  const form = `<form method="post" action="/notes" class="add-note"><input type="hidden" name="csrf" value="${h(csrf)}"><input type="hidden" name="kpi" value="${h(v.kpi.id)}"><input type="hidden" name="at" value="${h(v.place.at)}"><input type="hidden" name="period" value="${h(period)}"><label for="note-body">Add a note on ${h(v.kpi.title)} at ${h(v.place.node.label)} for ${h(period)}</label><textarea id="note-body" name="body" rows="3" maxlength="2000" required></textarea><button type="submit">Add note</button></form>`;
  return `<section aria-labelledby="notes-h"><h2 id="notes-h">Notes</h2>${list}${form}</section>`;
}

function lineageSection(v: KpiView): string {
  const l = v.lineage;
  if (l === undefined) return '';
  const sources = l.sources
    .map(
      (s) =>
        `<li><strong>${h(s.source)}</strong>${s.title === undefined ? '' : ` (${h(s.title)})`}: columns ${s.columns.length === 0 ? '<span class="muted">rows counted</span>' : s.columns.map((c) => `<code>${h(c)}</code>`).join(', ')}; files ${s.files.map((f) => `<code>${h(f.path)}</code> (${f.bytes.toLocaleString('en-US')} bytes, modified <time datetime="${h(f.modified)}">${h(when(f.modified))}</time>)`).join(', ') || '<span class="muted">none found</span>'}</li>`,
    )
    .join('');
  const sql =
    l.sql === undefined
      ? '<p class="muted">No single query computes this figure at this node.</p>'
      : `<details><summary>SQL for this figure</summary><pre><code>${h(l.sql)}</code></pre></details>`;
  return `<section aria-labelledby="lineage-h"><h2 id="lineage-h">Lineage</h2><p>Formula: <code>${h(l.formula)}</code></p><ul>${sources}</ul>${sql}</section>`;
}

/** The KPI page. */
export function kpiPage(
  v: KpiView,
  frame: Omit<Frame, 'title' | 'crumbs' | 'times'>,
  periods: readonly string[],
  crumbs: readonly Crumb[],
  currency: string,
): string {
  const c = v.current;
  const period = v.place.period.label;
  const hidden =
    v.hiddenBy.length > 0
      ? `<p class="notice">The amounts of this KPI are hidden for your role (it reads ${h(v.hiddenBy.join(', '))}).</p>`
      : '';
  const exceptions =
    c.exceptions.length === 0
      ? ''
      : `<section aria-labelledby="exc-h"><h2 id="exc-h">Exceptions</h2><ul>${c.exceptions.map((e) => `<li>${h(describeException(e, currency))}</li>`).join('')}</ul></section>`;
  const body = [
    periodPicker(`/kpi/${v.kpi.id}`, v.place.at, period, periods),
    v.kpi.description === undefined ? '' : `<p>${h(v.kpi.description)}</p>`,
    `<dl class="facts"><dt>Value</dt><dd>${c.value === null ? h(formatFigure(null, c.unit, currency)) : `<a href="${h(href(`/rows/${v.kpi.id}`, { at: v.place.at, period }))}">${h(formatFigure(c.value, c.unit, currency))}</a>`}</dd><dt>Target</dt><dd>${h(formatFigure(c.target, c.unit, currency))}</dd><dt>Attainment</dt><dd>${h(formatAttainment(c.attainment))}</dd><dt>Status</dt><dd>${statusBadge(c.status)}</dd><dt>Owner</dt><dd>${h(v.kpi.owner ?? '—')}</dd><dt>Refresh</dt><dd>${h(v.cadence)}</dd></dl>`,
    hidden,
    c.notes.length === 0 ? '' : `<ul class="figure-notes">${c.notes.map((n) => `<li>${h(n)}</li>`).join('')}</ul>`,
    `<section aria-labelledby="trend-h"><h2 id="trend-h">Trend against target</h2><div id="kpi-chart" class="chart" role="img" aria-label="${h(`Chart of ${v.kpi.title} by period with target and status bands; the table below has the same figures`)}"></div><script type="application/json" id="trend-data">${scriptJson(chartData(v))}</script>${trendTable(v, currency)}</section>`,
    exceptions,
    notesSection(v, frame.user?.csrf ?? '', frame.user?.name ?? ''),
    lineageSection(v),
  ].join('\n');
  return page(
    {
      ...frame,
      title: `${v.kpi.title} — ${v.place.node.label}, ${period}`,
      crumbs,
      times: v.times,
      scripts: ['uPlot.iife.min.js', 'kpi-chart.js'],
    },
    body,
  );
}
