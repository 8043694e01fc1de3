/**
 * Draws a lineage graph as inline SVG, laid out in columns (one per stage, left to right) with
 * the nodes of each column ordered by the average position of their inputs, so edges cross little.
 * Plain SVG with links: it needs no script, prints, and works from the file system.
 */
import { escapeHtml } from './html.js';
import type { LineageGraph, LineageKind, LineageNode } from './lineage.js';
import { relativeLink } from './paths.js';

const NODE_W = 150;
const NODE_H = 24;
const GAP_Y = 8;
const GAP_X = 44;
const TOP = 26;
const MAX_LABEL = 19;

const STAGE_NAMES: Readonly<Record<LineageKind, string>> = {
  file: 'files',
  column: 'columns',
  source: 'sources',
  lookup: 'lookups',
  kpi: 'KPIs',
  scorecard: 'used by',
  role: 'used by',
  plan: 'used by',
  alert: 'used by',
  check: 'used by',
};

/** The columns of the layout: each layer's nodes, ordered to reduce crossings. */
function order(graph: LineageGraph): LineageNode[][] {
  const layers = [...new Set(graph.nodes.map((n) => n.layer))].sort((a, b) => a - b);
  const columns = layers.map((l) =>
    graph.nodes.filter((n) => n.layer === l).sort((a, b) => a.kind.localeCompare(b.kind) || a.label.localeCompare(b.label)),
  );
  const inputs = new Map<string, string[]>();
  const outputs = new Map<string, string[]>();
  for (const e of graph.edges) {
    inputs.set(e.to, [...(inputs.get(e.to) ?? []), e.from]);
    outputs.set(e.from, [...(outputs.get(e.from) ?? []), e.to]);
  }
  const position = new Map<string, number>();
  const place = (): void => columns.forEach((c) => c.forEach((n, i) => position.set(n.key, i)));
  place();
  const sweep = (links: Map<string, string[]>, range: number[]): void => {
    for (const i of range) {
      const column = columns[i];
      if (column === undefined) continue;
      const weight = (n: LineageNode): number => {
        const ps = (links.get(n.key) ?? []).map((k) => position.get(k)).filter((p): p is number => p !== undefined);
        return ps.length === 0 ? (position.get(n.key) ?? 0) : ps.reduce((a, b) => a + b, 0) / ps.length;
      };
      column.sort((a, b) => weight(a) - weight(b));
      column.forEach((n, j) => position.set(n.key, j));
    }
  };
  const forward = columns.map((_, i) => i).slice(1);
  for (let pass = 0; pass < 2; pass++) {
    sweep(inputs, forward);
    sweep(
      outputs,
      [...forward].reverse().map((i) => i - 1),
    );
  }
  return columns;
}

function shorten(text: string): string {
  return text.length <= MAX_LABEL ? text : `${text.slice(0, MAX_LABEL - 1)}…`;
}

/**
 * The SVG of a graph for the page at `from` (links are relative to it). Every node is a `<g
 * class="node …">` with a `data-key`, every edge a `<path class="edge">`: the browser tests count them.
 */
export function renderLineageSvg(graph: LineageGraph, from: string, label: string): string {
  const columns = order(graph);
  const height = Math.max(...columns.map((c) => c.length), 1) * (NODE_H + GAP_Y) + TOP;
  const width = columns.length * (NODE_W + GAP_X) - GAP_X;
  const at = new Map<string, { x: number; y: number }>();
  columns.forEach((column, i) => {
    const offset = (height - TOP - column.length * (NODE_H + GAP_Y)) / 2;
    column.forEach((n, j) => at.set(n.key, { x: i * (NODE_W + GAP_X), y: TOP + offset + j * (NODE_H + GAP_Y) }));
  });
  const focal = new Set(graph.nodes.filter((n) => n.focal).map((n) => n.key));
  const edges = graph.edges.flatMap((e) => {
    const a = at.get(e.from);
    const b = at.get(e.to);
    if (a === undefined || b === undefined) return [];
    const x1 = a.x + NODE_W;
    const y1 = a.y + NODE_H / 2;
    const x2 = b.x;
    const y2 = b.y + NODE_H / 2;
    const dx = Math.max(20, (x2 - x1) / 2);
    const cls = focal.has(e.from) || focal.has(e.to) ? 'edge near' : 'edge';
    return [`<path class="${cls}" d="M${x1} ${y1} C${x1 + dx} ${y1} ${x2 - dx} ${y2} ${x2} ${y2}"/>`];
  });
  const names = columns.map((column) => [...new Set(column.map((n) => STAGE_NAMES[n.kind]))].join(', '));
  // A stage spanning several columns (KPIs built on KPIs) is named once, over its first column.
  const heads = names.flatMap((name, i) =>
    name === names[i - 1] ? [] : [`<text class="stage" x="${i * (NODE_W + GAP_X)}" y="14">${escapeHtml(name)}</text>`],
  );
  const nodes = graph.nodes.map((n) => {
    const p = at.get(n.key) ?? { x: 0, y: 0 };
    const body =
      `<g class="node ${n.kind}${n.focal ? ' focal' : ''}" data-key="${escapeHtml(n.key)}" transform="translate(${p.x} ${p.y})">` +
      `<title>${escapeHtml(n.title)}</title><rect width="${NODE_W}" height="${NODE_H}" rx="4"/>` +
      `<text x="8" y="16">${escapeHtml(shorten(n.label))}</text></g>`;
    return n.href === undefined ? body : `<a href="${escapeHtml(relativeLink(from, n.href))}">${body}</a>`;
  });
  return (
    `<svg class="lineage" role="img" aria-label="${escapeHtml(label)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">` +
    `${heads.join('')}${edges.join('')}${nodes.join('')}</svg>`
  );
}
