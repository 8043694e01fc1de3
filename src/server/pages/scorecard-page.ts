/**
 * The executive view: a node's scorecard (each KPI's value, target, attainment, status and score,
 * by perspective), its children one level down as a table of the same KPIs — a child's name opens
 * its scorecard, a figure opens the deals behind it — managers' notes beside the figures, and a
 * period picker. Every figure is text in a table with headers; status is a word as well as a colour.
 */
import type { CommentLine, KpiLine, NodeScore } from '../../scorecard/report.js';
import { formatAttainment, formatFigure, formatScore, formatWeight } from '../../scorecard/text.js';
import type { ScorecardView } from '../../dashboard/scorecard-view.js';
import { h, href, page, statusBadge, when, type Frame } from './layout.js';

function figureLink(k: KpiLine, at: string | undefined, period: string, currency: string): string {
  const text = h(formatFigure(k.value, k.unit, currency));
  if (at === undefined || k.value === null) return text;
  return `<a href="${h(href(`/rows/${k.kpi}`, { at, period }))}" aria-label="${h(`${k.title}: ${formatFigure(k.value, k.unit, currency)}, the rows behind it`)}">${text}</a>`;
}

function notesOf(notes: readonly CommentLine[], kpi: string, nodeKey: string): string {
  const mine = notes.filter((n) => n.kpi === kpi && n.nodeKey === nodeKey);
  if (mine.length === 0) return '';
  return `<ul class="notes">${mine.map((n) => `<li><q>${h(n.body)}</q> — ${h(n.author)}, <time datetime="${h(n.at)}">${h(when(n.at))}</time>${n.edited ? ' (edited)' : ''}</li>`).join('')}</ul>`;
}

function kpiTable(v: ScorecardView, node: NodeScore, nodeKey: string): string {
  const { report } = v;
  const period = report.period.label;
  const rows = node.perspectives.flatMap((p) => [
    `<tr class="perspective"><th scope="rowgroup" colspan="7">${h(p.title)} <span class="muted">(weight ${h(formatWeight(p.weight))}, score ${h(formatScore(p.score))})</span></th></tr>`,
    ...p.kpis.map((k) => {
      const kpiHref = href(`/kpi/${k.kpi}`, { at: v.place.at, period });
      const notes = [...k.notes.map((n) => `<p class="note">${h(n)}</p>`), notesOf(report.commentary ?? [], k.kpi, nodeKey)].join('');
      return `<tr class="kpi status-row-${h(k.status)}"><th scope="row"><a href="${h(kpiHref)}">${h(k.title)}</a>${notes}</th><td class="num">${figureLink(k, v.place.at, period, report.currency)}</td><td class="num">${h(formatFigure(k.target, k.unit, report.currency))}</td><td class="num">${h(formatAttainment(k.attainment))}</td><td>${statusBadge(k.status)}</td><td class="num">${h(formatScore(k.score))}</td><td>${h(v.cadences.get(k.kpi) ?? 'daily')}</td></tr>`;
    }),
  ]);
  return `<table class="scorecard"><caption>${h(node.label)} — ${h(report.scorecard.title)}, ${h(period)}: score ${h(formatScore(node.score))} ${statusBadge(node.status)}</caption>
<thead><tr><th scope="col">KPI</th><th scope="col">Value</th><th scope="col">Target</th><th scope="col">Attainment</th><th scope="col">Status</th><th scope="col">Score</th><th scope="col">Refresh</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
}

function childrenTable(v: ScorecardView): string {
  const c = v.report.children;
  if (c === undefined || c.nodes.length === 0) return '';
  const period = v.report.period.label;
  const kpis = v.report.node.perspectives.flatMap((p) => p.kpis);
  const head = kpis.map((k) => `<th scope="col">${h(k.title)}</th>`).join('');
  const body = c.nodes.map((n, i) => {
    const at = v.childAt[i];
    const name = at === undefined ? h(n.label) : `<a href="${h(href('/', { at, period }))}">${h(n.label)}</a>`;
    const cells = kpis.map((k) => {
      const line = n.perspectives.flatMap((p) => p.kpis).find((x) => x.kpi === k.kpi);
      if (line === undefined) return '<td class="muted">—</td>';
      return `<td class="num status-cell-${h(line.status)}">${figureLink(line, at, period, v.report.currency)} <span class="visually-hidden">(${h(line.status)})</span></td>`;
    });
    return `<tr><th scope="row">${name}</th><td class="num">${h(formatScore(n.score))}</td><td>${statusBadge(n.status)}</td>${cells.join('')}</tr>`;
  });
  return `<section aria-labelledby="children-h"><h2 id="children-h">${h(c.levelTitle)}s of ${h(v.report.node.label)}</h2>
<div class="scroll" tabindex="0" role="region" aria-labelledby="children-h"><table class="children"><thead><tr><th scope="col">${h(c.levelTitle)}</th><th scope="col">Score</th><th scope="col">Status</th>${head}</tr></thead>
<tbody>${body.join('\n')}</tbody></table></div></section>`;
}

/** The period picker: a GET form that keeps the node. */
export function periodPicker(action: string, at: string, current: string, periods: readonly string[]): string {
  const options = [...new Set([current, ...periods])]
    .map((p) => `<option value="${h(p)}"${p === current ? ' selected' : ''}>${h(p)}</option>`)
    .join('');
  const keep = at === '' ? '' : `<input type="hidden" name="at" value="${h(at)}">`;
  return `<form method="get" action="${h(action)}" class="period"><label for="period">Period</label> <select id="period" name="period">${options}</select>${keep} <button type="submit">Show</button></form>`;
}

/** The scorecard page. */
export function scorecardPage(v: ScorecardView, frame: Omit<Frame, 'title' | 'crumbs' | 'times'>, periods: readonly string[]): string {
  const node = v.report.node;
  const crumbs = [
    ...v.crumbs.map((c) => ({
      label: c.label,
      href: c.at === undefined ? undefined : href('/', { at: c.at, period: v.report.period.label }),
    })),
    { label: node.label },
  ];
  const key = v.place.node.key;
  const body = [
    periodPicker('/', v.place.at, v.report.period.label, periods),
    `<p>${h(node.levelTitle)} · ${h(String(node.members))} members as of ${h(v.report.membershipDate)}. Select a figure to see the deals behind it, a name to drill down.</p>`,
    kpiTable(v, node, key),
    childrenTable(v),
    v.report.notes.length === 0
      ? ''
      : `<section aria-label="Notes on the report"><ul>${v.report.notes.map((n) => `<li>${h(n)}</li>`).join('')}</ul></section>`,
  ].join('\n');
  return page({ ...frame, title: `${node.label} — ${v.report.period.label}`, crumbs, times: v.times }, body);
}
