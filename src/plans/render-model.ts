/**
 * How `kpic payouts --model` prints payout curves: a table (one row per attainment level, pay and
 * effective rate per plan), CSV, JSON, or a self-contained HTML page with the curves drawn as an
 * inline SVG chart (no scripts, no external assets) above the table.
 */
import { csvField } from '../results/csv.js';
import { exactJson } from '../results/exact-json.js';
import type { PlanCurve } from './plan-model.js';
import { esc } from './render-html.js';
import { money } from './render-text.js';
import { percentText } from './text.js';
import { ZERO } from './decimal-math.js';

const rate = (r: number | null): string => (r === null ? '—' : `${(r * 100).toFixed(2)}%`);

function rows(curves: readonly PlanCurve[]): string[][] {
  const first = curves[0];
  if (first === undefined) return [];
  return first.points.map((p, i) => [
    percentText(p.attainment),
    ...curves.flatMap((c) => {
      const x = c.points[i];
      return x === undefined ? ['', '', ''] : [money(x.credit), money(x.pay), rate(x.effectiveRate)];
    }),
  ]);
}

function header(curves: readonly PlanCurve[]): string[] {
  return ['attainment', ...curves.flatMap((c) => [`${c.plan} credit`, `${c.plan} pay`, `${c.plan} rate`])];
}

function notes(curves: readonly PlanCurve[]): string[] {
  return curves.map(
    (c) =>
      `${c.plan}: a rep on the plan all of fiscal year ${c.year} with a quota of ${money(c.quota)} ${c.currency}, credit at the same attainment every pay period` +
      (c.notes.length === 0 ? '' : `; ${c.notes.join('; ')}`),
  );
}

function svg(curves: readonly PlanCurve[]): string {
  const [w, h, pad] = [640, 320, 48];
  const maxPay = curves.flatMap((c) => c.points.map((p) => p.pay)).reduce((m, p) => (p.compare(m) > 0 ? p : m), ZERO);
  const top = Math.max(1, maxPay.toNumber());
  const x = (a: number): number => pad + (a / 2) * (w - 2 * pad);
  const y = (v: number): number => h - pad - (v / top) * (h - 2 * pad);
  const colours = ['#0969da', '#cf222e', '#1a7f37', '#8250df', '#bf8700'];
  const lines = curves.map((c, i) => {
    const points = c.points.map((p) => `${x(p.attainment.toNumber()).toFixed(1)},${y(p.pay.toNumber()).toFixed(1)}`).join(' ');
    return `<polyline fill="none" stroke="${colours[i % colours.length] ?? '#000'}" stroke-width="2" points="${points}"><title>${esc(c.plan)}</title></polyline>`;
  });
  const ticks = [0, 0.5, 1, 1.5, 2].map((a) => `<text x="${x(a)}" y="${h - pad + 18}" text-anchor="middle">${a * 100}%</text>`);
  const legend = curves.map(
    (c, i) =>
      `<text x="${pad + 8}" y="${pad + 14 * i}" fill="${colours[i % colours.length] ?? '#000'}">${esc(c.title)} (${esc(c.plan)})</text>`,
  );
  return `<svg viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="pay by attainment" font-size="12">
<line x1="${pad}" y1="${h - pad}" x2="${w - pad}" y2="${h - pad}" stroke="#57606a"/><line x1="${pad}" y1="${pad}" x2="${pad}" y2="${h - pad}" stroke="#57606a"/>
<text x="${pad}" y="${pad - 12}">pay (top: ${esc(money(maxPay))})</text>
${ticks.join('')}${lines.join('\n')}${legend.join('')}</svg>`;
}

/** The curves in `format`: `table`, `csv`, `json` or `html`. */
export function renderModel(curves: readonly PlanCurve[], format: string): string {
  switch (format) {
    case 'json':
      return `${exactJson({ curves })}\n`;
    case 'csv':
      return (
        [
          ['plan', 'attainment', 'credit', 'pay', 'effective_rate'],
          ...curves.flatMap((c) =>
            c.points.map((p) => [
              c.plan,
              p.attainment.toString(),
              p.credit.toString(),
              p.pay.toString(),
              p.effectiveRate === null ? '' : String(p.effectiveRate),
            ]),
          ),
        ]
          .map((r) => r.map((v) => csvField(v)).join(','))
          .join('\n') + '\n'
      );
    case 'html': {
      const head = header(curves)
        .map((t, i) => `<th${i > 0 ? ' class="num"' : ''}>${esc(t)}</th>`)
        .join('');
      const body = rows(curves)
        .map((r) => `<tr>${r.map((c, i) => `<td${i > 0 ? ' class="num"' : ''}>${esc(c)}</td>`).join('')}</tr>`)
        .join('\n');
      return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Payout curves</title>
<style>body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#1b1f24}table{border-collapse:collapse}th,td{padding:.25rem .6rem;border-bottom:1px solid #eaeef2}.num{text-align:right;font-variant-numeric:tabular-nums}p{color:#57606a}</style>
</head><body><h1>Payout curves</h1>
${svg(curves)}
${notes(curves)
  .map((n) => `<p>${esc(n)}</p>`)
  .join('\n')}
<table><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table></body></html>
`;
    }
    default: {
      const all = [header(curves), ...rows(curves)];
      const widths = all[0]?.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length))) ?? [];
      const text = all
        .map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ') + '\n')
        .join('');
      return `${text}\n${notes(curves).join('\n')}\n`;
    }
  }
}
