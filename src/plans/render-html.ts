/**
 * Pay statements as one self-contained HTML page (inline styles, no scripts, no external assets):
 * per rep and period the credit, quota and attainment, every line with its deal, credit, rate and
 * rule, the component totals, the draw and the pay. Every piece of catalog or data text is escaped.
 */
import { money } from './render-text.js';
import type { PayoutReport, PlanPayout, RepPayout, RepPeriod } from './report.js';
import { percentText } from './text.js';

function esc(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

const STYLE = `body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#1b1f24}
section{border:1px solid #d0d7de;border-radius:6px;padding:1rem 1.25rem;margin:0 0 1.5rem;break-inside:avoid}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin:0 0 .25rem}p.meta{color:#57606a;margin:.25rem 0 .75rem}
table{border-collapse:collapse;width:100%}th,td{padding:.25rem .5rem;border-bottom:1px solid #eaeef2;text-align:left;vertical-align:top}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}tfoot td{font-weight:600;border-top:2px solid #1b1f24}
.zero{color:#8c959f}`;

function section(p: PlanPayout, r: RepPayout, x: RepPeriod): string {
  const quota =
    x.quotaToDate === undefined
      ? ''
      : ` · quota ${money(x.quota ?? x.quotaToDate)} (to date ${money(x.quotaToDate)}) · attainment to date ${x.attainment === null ? '—' : `${(x.attainment * 100).toFixed(1)}%`}`;
  const lines = x.lines
    .map(
      (l) =>
        `<tr${l.amount.units === 0n ? ' class="zero"' : ''}><td>${esc(l.component)}</td><td>${esc(l.deal ?? '')}</td><td>${esc(l.date ?? '')}</td>` +
        `<td class="num">${l.credit === undefined ? '' : money(l.credit)}</td><td class="num">${l.rate === undefined ? '' : percentText(l.rate)}</td>` +
        `<td class="num">${money(l.amount)}</td><td>${esc(l.rule)}</td></tr>`,
    )
    .join('\n');
  const totals = [
    ...x.components.map((c) => `<tr><td colspan="5">${esc(c.title)}</td><td class="num">${money(c.amount)}</td><td></td></tr>`),
    ...(x.draw.units === 0n
      ? []
      : [`<tr><td colspan="5">draw (balance after: ${money(x.drawBalance)})</td><td class="num">${money(x.draw)}</td><td></td></tr>`]),
  ].join('\n');
  return `<section>
<h2>${esc(r.name)} (${esc(r.rep)}) — ${esc(x.period.label)}</h2>
<p class="meta">${esc(p.title)} · ${esc(x.period.start)} to ${esc(x.period.last)} · ${esc(p.currency)} · credit ${money(x.credit)} (to date ${money(x.creditToDate)})${quota} · ${x.activeDays} days on the plan</p>
<table><thead><tr><th>component</th><th>deal</th><th>date</th><th class="num">credit</th><th class="num">rate</th><th class="num">amount</th><th>rule</th></tr></thead>
<tbody>
${lines}
${totals}
</tbody>
<tfoot><tr><td colspan="5">pay</td><td class="num">${money(x.pay)}</td><td></td></tr></tfoot></table>
</section>`;
}

/** The statements page. */
export function renderStatementsHtml(report: PayoutReport): string {
  const sections = report.plans.flatMap((p) => p.reps.flatMap((r) => r.periods.map((x) => section(p, r, x))));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Pay statements ${esc(report.periods.join(', '))}</title><style>${STYLE}</style></head>
<body><h1>Pay statements ${esc(report.periods.join(', '))}</h1>
${sections.length === 0 ? '<p>No payouts in the period.</p>' : sections.join('\n')}
</body></html>
`;
}
