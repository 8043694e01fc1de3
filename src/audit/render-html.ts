/**
 * An audit report as one self-contained HTML page (no scripts, no outside files): the audit day
 * and whether it failed, totals per check, rep and team, then a section per check with its rule,
 * remedy and a table of its findings. Every text from the catalog or the data is escaped.
 */
import type { AuditReport, CheckOutcome } from './run.js';
import { auditTotals, type Total } from './totals.js';

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1d2330}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}table{border-collapse:collapse;margin:.5rem 0 1rem}
th,td{border-bottom:1px solid #dde1e8;padding:.25rem .6rem;text-align:left;vertical-align:top}th{background:#f3f5f8}
.error{color:#a4161a}.warning{color:#8a5a00}.info{color:#39507a}.reviewed{color:#5f6b7a}.ok{color:#1b6e37}
.num{text-align:right}code{font-size:.9em}.totals{display:flex;gap:2rem;flex-wrap:wrap}`;

/** Text for element content and double-quoted attributes (the audit layer sits below the site's). */
const e = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');

function totalsTable(title: string, totals: readonly Total[]): string {
  if (totals.length === 0) return '';
  const rows = totals.map((t) => `<tr><td>${e(t.name)}</td><td class="num">${t.open}</td><td class="num">${t.reviewed}</td></tr>`);
  return `<div><h3>${e(title)}</h3><table><thead><tr><th></th><th>open</th><th>reviewed</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

function section(o: CheckOutcome): string {
  const def = o.check.def;
  const dup = o.check.rule.kind === 'duplicates';
  const head = [...(dup ? ['duplicate of'] : []), ...o.columns, 'rep', 'manager', 'fingerprint', 'reviewed'];
  const rows = o.findings.map((f) => {
    const cells = [...(dup ? [f.group ?? ''] : []), ...f.values.map((v) => v ?? ''), f.rep ?? '', f.manager ?? '', f.fingerprint];
    const review = f.reviewed === undefined ? '' : `${f.reviewed.reason}${f.reviewed.by === undefined ? '' : ` (${f.reviewed.by})`}`;
    return `<tr${f.reviewed === undefined ? '' : ' class="reviewed"'}>${cells.map((c) => `<td>${e(c)}</td>`).join('')}<td>${e(review)}</td></tr>`;
  });
  const table =
    o.findings.length === 0
      ? '<p class="ok">No findings.</p>'
      : `<table><thead><tr>${head.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
  return `<section id="${e(def.id)}"><h2><code>${e(def.id)}</code> <span class="${def.severity}">${def.severity}</span> · ${o.findings.length} finding${o.findings.length === 1 ? '' : 's'}</h2>
<p>${e(def.title ?? '')}${def.description === undefined ? '' : ` — ${e(def.description.trim())}`}</p>
<p>Over <code>${e(def.over.value)}</code>, owner ${e(def.owner)}, ${def.schedule}. Remedy: ${e(def.remedy.trim())}</p>
${table}</section>`;
}

/** The report as an HTML page. */
export function renderAuditHtml(report: AuditReport): string {
  const totals = auditTotals(report);
  const status = report.failed
    ? '<p class="error">Failed: a check of severity error has findings that are not reviewed.</p>'
    : '<p class="ok">Passed: no unreviewed findings of error severity.</p>';
  const stale = report.staleReviews.map(
    (s) => `<li><code>${e(s.check)}</code> ${e(s.review.finding)}: “${e(s.review.reason)}” matches no finding (it changed or is gone)</li>`,
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Data-quality audit ${e(report.day)}</title><style>${STYLE}</style></head>
<body><h1>Data-quality audit as of ${e(report.day)}</h1>
${status}<p>${report.outcomes.length} checks, ${totals.open} open findings, ${totals.reviewed} reviewed.</p>
<div class="totals">${totalsTable('By check', totals.byCheck)}${totalsTable('By rep', totals.byRep)}${totalsTable('By team', totals.byTeam)}</div>
${stale.length === 0 ? '' : `<h2>Stale reviews</h2><ul>${stale.join('')}</ul>`}
${report.outcomes.map(section).join('\n')}
</body></html>
`;
}
