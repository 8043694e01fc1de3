/**
 * The scorecard as terminal text: a heading (scorecard, node, period, overall score and status),
 * one table of perspectives and their KPIs (weight, value, target, attainment, status, score),
 * one table of the children with their scores by perspective, then the notes that must travel
 * with the figures. Columns are aligned on plain text; colour is applied after padding.
 */
import type { Style } from '../diagnostics/render/style.js';
import { decimalsFor, NULL_TEXT } from '../results/format-value.js';
import { largest } from '../results/largest.js';
import { PERSPECTIVES, PERSPECTIVE_TITLES } from './model.js';
import type { NodeScore, ScorecardReport } from './report.js';
import type { Status } from '../targets/status.js';
import { childNotes } from './notes.js';
import { formatAttainment, formatFigure, formatScore, formatWeight, scaleText } from './text.js';

type Cell = { readonly text: string; readonly right?: boolean; readonly status?: Status; readonly strong?: boolean };

const width = (text: string): number => [...text].length;

function statusText(status: Status): string {
  return status === 'none' ? NULL_TEXT : status;
}

function paint(style: Style, cell: Cell, text: string): string {
  let out = text;
  if (cell.status === 'green') out = style.green(out);
  else if (cell.status === 'amber') out = style.yellow(out);
  else if (cell.status === 'red') out = style.red(out);
  return cell.strong === true ? style.bold(out) : out;
}

function table(style: Style, header: readonly Cell[], rows: readonly (readonly Cell[])[]): string {
  const widths = header.map((h, i) =>
    largest(
      rows.map((r) => width(r[i]?.text ?? '')),
      width(h.text),
    ),
  );
  const line = (cells: readonly Cell[], head: boolean): string =>
    cells
      .map((c, i) => {
        const fill = ' '.repeat(Math.max(0, (widths[i] ?? 0) - width(c.text)));
        const padded = c.right === true ? fill + c.text : c.text + fill;
        return head ? style.dim(padded) : paint(style, c, padded);
      })
      .join('  ')
      .trimEnd();
  return [line(header, true), ...rows.map((r) => line(r, false))].join('\n');
}

function title(report: ScorecardReport): string {
  const n = report.node;
  const where = [...n.path.map((p) => p.label), n.label].join(' › ');
  const p = report.period;
  const partial = report.complete === false ? ` · NOT COMPLETE: data as of ${report.asOf ?? ''}` : '';
  return `${report.scorecard.title} · ${where} · ${p.label} (${p.start} – ${p.last})${partial}`;
}

/** Numbered notes of the node's own KPIs, by KPI id (the table marks each KPI with its numbers). */
function numberNotes(node: NodeScore): Map<string, { marks: string; lines: string[] }> {
  const out = new Map<string, { marks: string; lines: string[] }>();
  let n = 0;
  for (const p of node.perspectives) {
    for (const k of p.kpis) {
      if (k.notes.length === 0) continue;
      const numbers = k.notes.map(() => ++n);
      out.set(k.kpi, {
        marks: numbers.map((i) => `[${i}]`).join(''),
        lines: k.notes.map((t, i) => `[${numbers[i] ?? 0}] ${k.title}: ${t}`),
      });
    }
  }
  return out;
}

function kpiRows(report: ScorecardReport, node: NodeScore, marks: ReadonlyMap<string, { marks: string }>): Cell[][] {
  const rows: Cell[][] = [];
  for (const p of node.perspectives) {
    rows.push([
      { text: p.title, strong: true },
      { text: formatWeight(p.weight), right: true },
      { text: '' },
      { text: '' },
      { text: '' },
      { text: '' },
      { text: formatScore(p.score), right: true, strong: true },
    ]);
    for (const k of p.kpis) {
      const na = k.state === 'not-applicable';
      rows.push([
        { text: `  ${k.title}${k.direction === 'down' ? ' ↓' : ''}${marks.has(k.kpi) ? ` ${marks.get(k.kpi)?.marks ?? ''}` : ''}` },
        { text: formatWeight(k.weight), right: true },
        { text: na ? 'n/a' : formatFigure(k.value, k.unit, report.currency, decimalsFor([k.value, k.target])), right: true },
        { text: formatFigure(k.target, k.unit, report.currency, decimalsFor([k.value, k.target])), right: true },
        { text: formatAttainment(k.attainment), right: true },
        { text: statusText(k.status), status: k.status },
        { text: formatScore(k.score), right: true },
      ]);
    }
  }
  return rows;
}

function childRows(node: NodeScore | undefined, children: readonly NodeScore[]): { header: Cell[]; rows: Cell[][] } {
  const used = PERSPECTIVES.filter((p) => children.some((c) => c.perspectives.some((x) => x.perspective === p)));
  const header: Cell[] = [
    { text: '' },
    { text: 'scorecard' },
    { text: 'score', right: true },
    { text: 'status' },
    ...used.map((p) => ({ text: PERSPECTIVE_TITLES[p].toLowerCase(), right: true })),
  ];
  const rows = children.map((c): Cell[] => [
    { text: c.label },
    { text: c.scorecard?.id ?? NULL_TEXT },
    { text: formatScore(c.score), right: true, strong: true },
    { text: statusText(c.status), status: c.status },
    ...used.map((p) => ({ text: formatScore(c.perspectives.find((x) => x.perspective === p)?.score ?? null), right: true })),
  ]);
  if (node !== undefined) header[0] = { text: node.levelTitle };
  return { header, rows };
}

/** The report as text for a terminal (coloured with `style`), ending in a newline. */
export function renderScorecardTable(report: ScorecardReport, style: Style): string {
  const n = report.node;
  const numbered = numberNotes(n);
  const parts: string[] = [style.bold(title(report))];
  if (n.scorecard === undefined) parts.push(`no scorecard scores this ${n.level}`);
  else {
    const score = `score ${formatScore(n.score)} (${scaleText(report.scale)})  ${paint(style, { text: '', status: n.status }, statusText(n.status))}`;
    const rollup =
      report.childrenScore === null
        ? ''
        : `   children average ${formatScore(report.childrenScore)}${report.rollupWeight === undefined ? '' : ` (weighted by ${report.rollupWeight})`}`;
    parts.push(`${n.scorecard.kind} \`${n.scorecard.id}\`   ${score}${rollup}`, '');
    const header: Cell[] = [
      { text: 'perspective / KPI' },
      { text: 'weight', right: true },
      { text: 'value', right: true },
      { text: 'target', right: true },
      { text: 'attain.', right: true },
      { text: 'status' },
      { text: 'score', right: true },
    ];
    parts.push(table(style, header, kpiRows(report, n, numbered)));
  }
  const children = report.children;
  if (children !== undefined && children.nodes.length > 0) {
    const { header, rows } = childRows(children.nodes[0], children.nodes);
    parts.push('', table(style, header, rows));
  }
  const comments = report.commentary ?? [];
  if (comments.length > 0) {
    const title = (kpi: string): string => n.perspectives.flatMap((p) => p.kpis).find((k) => k.kpi === kpi)?.title ?? kpi;
    parts.push('', style.bold('commentary:'));
    for (const c of comments)
      parts.push(`  ${title(c.kpi)} · ${c.node}: “${c.body}” — ${c.author}, ${c.at.slice(0, 10)}${c.edited ? ' (edited)' : ''}`);
  }
  const all = [...[...numbered.values()].flatMap((x) => x.lines), ...childNotes(report), ...report.notes];
  if (all.length > 0) parts.push('', style.dim('notes:'), ...all.map((t) => style.dim(`  ${t}`)));
  return `${parts.join('\n')}\n`;
}
