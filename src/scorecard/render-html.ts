/**
 * The scorecard as one self-contained HTML page a manager can open or mail: inline CSS, no
 * scripts, no external assets. Every piece of catalog or data text is escaped.
 */
import { decimalsFor, NULL_TEXT } from '../results/format-value.js';
import { PERSPECTIVES, PERSPECTIVE_TITLES } from './model.js';
import type { KpiLine, NodeScore, ScorecardReport } from './report.js';
import type { Status } from '../targets/status.js';
import { childNotes } from './notes.js';
import { formatAttainment, formatFigure, formatScore, formatWeight, scaleText } from './text.js';

/** Escapes text for HTML content and attribute values. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

/** Escaped text with `code` spans (names in notes) set as code. */
function richText(text: string): string {
  return escapeHtml(text).replace(/`([^`]*)`/g, '<code>$1</code>');
}

const CSS = `
:root{--green:#1a7f37;--amber:#b7791f;--red:#c62828;--none:#8a8f98;--ink:#1f2328;--muted:#59636e;--line:#d8dee4;--bg:#f6f8fa}
*{box-sizing:border-box}body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--ink);background:#fff}
main{max-width:1080px;margin:0 auto;padding:24px}
header{display:flex;flex-wrap:wrap;gap:16px;align-items:center;justify-content:space-between;border-bottom:1px solid var(--line);padding-bottom:16px;margin-bottom:20px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;margin:28px 0 8px}.crumbs,.sub{color:var(--muted)}
.score{text-align:center;min-width:140px;border-radius:10px;padding:10px 16px;color:#fff}
.score b{display:block;font-size:30px;line-height:1.1}.score span{font-size:12px;text-transform:uppercase;letter-spacing:.05em}
.bg-green{background:var(--green)}.bg-amber{background:var(--amber)}.bg-red{background:var(--red)}.bg-none{background:var(--none)}
table{width:100%;border-collapse:collapse;margin:4px 0 8px}th,td{padding:6px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:middle}
th{font-size:12px;color:var(--muted);font-weight:600;background:var(--bg)}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr.persp td{background:var(--bg);font-weight:600}
.chip{display:inline-block;min-width:56px;text-align:center;border-radius:999px;padding:1px 8px;font-size:12px;font-weight:600;color:#fff}
.bar{position:relative;height:8px;background:#eaeef2;border-radius:4px;min-width:90px}.bar i{position:absolute;left:0;top:0;bottom:0;border-radius:4px}
.bar .goal{position:absolute;top:-3px;bottom:-3px;width:2px;background:var(--ink);opacity:.5}
.note{color:var(--muted);font-size:12px}code{font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--bg);padding:0 3px;border-radius:3px}.na{color:var(--none)}ul.notes{color:var(--muted);padding-left:20px}
footer{margin-top:28px;color:var(--muted);font-size:12px;border-top:1px solid var(--line);padding-top:10px}
@media print{main{padding:0}.score{-webkit-print-color-adjust:exact;print-color-adjust:exact}.chip,.bar i{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
`;

function chip(status: Status): string {
  return `<span class="chip bg-${status}">${status === 'none' ? NULL_TEXT : status}</span>`;
}

/** Attainment as a bar on a 0–150% scale with a mark at 100%. */
function bar(k: KpiLine): string {
  if (k.attainment === null) return '';
  const shown = Math.max(0, Math.min(k.attainment === Infinity ? 1.5 : k.attainment, 1.5));
  return `<div class="bar" title="${escapeHtml(formatAttainment(k.attainment))}"><i class="bg-${k.status}" style="width:${((shown / 1.5) * 100).toFixed(1)}%"></i><span class="goal" style="left:${((1 / 1.5) * 100).toFixed(1)}%"></span></div>`;
}

function kpiTable(report: ScorecardReport, node: NodeScore): string {
  const rows: string[] = [];
  for (const p of node.perspectives) {
    rows.push(
      `<tr class="persp"><td>${escapeHtml(p.title)}</td><td class="num">${formatWeight(p.weight)}</td><td colspan="5"></td><td class="num">${formatScore(p.score)}</td></tr>`,
    );
    for (const k of p.kpis) {
      const na = k.state === 'not-applicable';
      const notes = k.notes.length === 0 ? '' : `<div class="note">${k.notes.map(richText).join('<br>')}</div>`;
      rows.push(
        `<tr><td>${escapeHtml(k.title)}${k.direction === 'down' ? ' <span class="note" title="lower is better">↓</span>' : ''}${notes}</td>` +
          `<td class="num">${formatWeight(k.weight)}</td>` +
          `<td class="num${na ? ' na' : ''}">${na ? 'n/a' : escapeHtml(formatFigure(k.value, k.unit, report.currency, decimalsFor([k.value, k.target])))}</td>` +
          `<td class="num">${escapeHtml(formatFigure(k.target, k.unit, report.currency, decimalsFor([k.value, k.target])))}</td>` +
          `<td class="num">${escapeHtml(formatAttainment(k.attainment))}</td><td>${bar(k)}</td>` +
          `<td>${chip(k.status)}</td><td class="num">${formatScore(k.score)}</td></tr>`,
      );
    }
  }
  const head =
    '<tr><th>perspective / KPI</th><th class="num">weight</th><th class="num">value</th><th class="num">target</th><th class="num">attainment</th><th></th><th>status</th><th class="num">score</th></tr>';
  return `<table>${head}${rows.join('')}</table>`;
}

function childrenTable(report: ScorecardReport): string {
  const children = report.children;
  if (children === undefined || children.nodes.length === 0) return '';
  const used = PERSPECTIVES.filter((p) => children.nodes.some((c) => c.perspectives.some((x) => x.perspective === p)));
  const head = `<tr><th>${escapeHtml(children.levelTitle)}</th><th>scorecard</th><th class="num">score</th><th>status</th>${used.map((p) => `<th class="num">${escapeHtml(PERSPECTIVE_TITLES[p])}</th>`).join('')}</tr>`;
  const rows = children.nodes.map(
    (c) =>
      `<tr><td>${escapeHtml(c.label)}</td><td>${escapeHtml(c.scorecard?.title ?? NULL_TEXT)}</td><td class="num"><b>${formatScore(c.score)}</b></td><td>${chip(c.status)}</td>` +
      used.map((p) => `<td class="num">${formatScore(c.perspectives.find((x) => x.perspective === p)?.score ?? null)}</td>`).join('') +
      '</tr>',
  );
  const average =
    report.childrenScore === null
      ? ''
      : `<p class="sub">Average of the ${escapeHtml(children.levelTitle.toLowerCase())} scores${report.rollupWeight === undefined ? '' : `, weighted by ${escapeHtml(report.rollupWeight)}`}: <b>${formatScore(report.childrenScore)}</b></p>`;
  return `<h2>${escapeHtml(children.levelTitle)}</h2><table>${head}${rows.join('')}</table>${average}`;
}

/** The report as a complete HTML document. */
export function renderScorecardHtml(report: ScorecardReport): string {
  const n = report.node;
  const crumbs = [...n.path.map((p) => p.label), n.label].map(escapeHtml).join(' › ');
  const p = report.period;
  const heading = `${escapeHtml(report.scorecard.title)} — ${escapeHtml(n.label)}`;
  const score =
    n.scorecard === undefined
      ? ''
      : `<div class="score bg-${n.status}"><b>${formatScore(n.score)}</b><span>${escapeHtml(scaleText(report.scale))} · ${n.status === 'none' ? 'no status' : n.status}</span></div>`;
  const body =
    n.scorecard === undefined
      ? `<p>No scorecard scores this ${escapeHtml(n.level)}.</p>`
      : `<h2>${escapeHtml(n.scorecard.title)}</h2>${kpiTable(report, n)}`;
  const comments = (report.commentary ?? []).map(
    (c) =>
      `<li><b>${escapeHtml(n.perspectives.flatMap((x) => x.kpis).find((k) => k.kpi === c.kpi)?.title ?? c.kpi)} · ${escapeHtml(c.node)}</b>: ${escapeHtml(c.body)} <span class="note">— ${escapeHtml(c.author)}, ${escapeHtml(c.at.slice(0, 10))}${c.edited ? ' (edited)' : ''}</span></li>`,
  );
  const commentary = comments.length === 0 ? '' : `<h2>Commentary</h2><ul>${comments.join('')}</ul>`;
  const all = [...childNotes(report), ...report.notes];
  const notes = all.length === 0 ? '' : `<h2>Notes</h2><ul class="notes">${all.map((t) => `<li>${richText(t)}</li>`).join('')}</ul>`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${heading} · ${escapeHtml(p.label)}</title><style>${CSS}</style></head>
<body><main>
<header><div><h1>${heading}</h1><div class="crumbs">${crumbs}</div><div class="sub">${escapeHtml(p.label)} · ${p.start} – ${p.last}${report.complete === false ? ` · <b>not complete: data as of ${report.asOf ?? ''}</b>` : report.asOf === undefined ? '' : ` · data as of ${report.asOf}`} · organisation as of ${report.membershipDate}</div></div>${score}</header>
${body}
${childrenTable(report)}
${commentary}
${notes}
<footer>Catalog ${escapeHtml(report.catalog)} · hierarchy ${escapeHtml(report.hierarchy.title)} · scores: ${escapeHtml(scaleText(report.scale))} · figures at every level are recomputed from their parts · generated by kpic</footer>
</main></body></html>
`;
}
