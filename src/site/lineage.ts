/**
 * Lineage graphs: for a KPI, the data files and the columns its aggregates read (through joins
 * too) → their sources → the KPIs and lookups it is computed from → the KPI → the KPIs built on it
 * and the scorecards, roles, plans and alerts that use it; for a source, its file and columns →
 * the source → the KPIs that read it. Built from the resolved formulas, so it shows exactly what
 * the compiled SQL reads.
 */
import { forEachKpi } from '../resolve/kpi-walk.js';
import type { ResolvedCatalog } from '../resolve/resolved.js';
import { forEachRow } from '../resolve/row-walk.js';
import type { KpiExpr, RowExpr } from '../resolve/types.js';
import type { CatalogView } from './catalog-view.js';
import { pagePath, sourceAnchor } from './paths.js';

/** Kinds of lineage node, in their left-to-right order. */
export type LineageKind = 'file' | 'column' | 'source' | 'lookup' | 'kpi' | 'scorecard' | 'role' | 'plan' | 'alert' | 'check';

/** A node of a lineage graph. */
export interface LineageNode {
  /** Unique within the graph: `kpi:win_rate`, `column:opportunities.stage`. */
  readonly key: string;
  readonly kind: LineageKind;
  readonly label: string;
  /** Tooltip. */
  readonly title: string;
  /** Site-relative page (with anchor), if the node has one. */
  readonly href: string | undefined;
  /** Left-to-right stage. */
  readonly layer: number;
  readonly focal: boolean;
}

/** A lineage graph. */
export interface LineageGraph {
  readonly nodes: readonly LineageNode[];
  readonly edges: readonly { readonly from: string; readonly to: string }[];
}

/** The columns, sources and lookups a KPI's own aggregates read (not following other KPIs). */
interface Reads {
  readonly columns: Set<string>; // `source.column`
  readonly sources: Set<string>;
  readonly lookups: Set<string>;
  readonly kpis: Set<string>;
}

function joinHops(resolved: ResolvedCatalog, from: string, path: readonly string[], reads: Reads): void {
  let current = resolved.catalog.sources.get(from);
  for (const hop of path) {
    const join = current?.joins.get(hop);
    if (current === undefined || join === undefined) return;
    reads.columns.add(`${current.id}.${join.on.value}`);
    const target = resolved.catalog.sources.get(join.to.value);
    if (target === undefined) return;
    reads.sources.add(target.id);
    if (target.key !== undefined) reads.columns.add(`${target.id}.${target.key.value}`);
    current = target;
  }
}

function readRow(resolved: ResolvedCatalog, source: string, expr: RowExpr | undefined, reads: Reads): void {
  forEachRow(expr, (e) => {
    if (e.kind === 'column') {
      reads.columns.add(`${e.source}.${e.column}`);
      reads.sources.add(e.source);
      joinHops(resolved, source, e.path, reads);
    } else if (e.kind === 'lookup') reads.lookups.add(e.lookup);
  });
}

function readsOf(resolved: ResolvedCatalog, expr: KpiExpr): Reads {
  const reads: Reads = { columns: new Set(), sources: new Set(), lookups: new Set(), kpis: new Set() };
  forEachKpi(expr, (e) => {
    if (e.kind === 'kpi') reads.kpis.add(e.id);
    else if (e.kind === 'aggregate') {
      reads.sources.add(e.source);
      if (e.anchor !== undefined) reads.columns.add(`${e.source}.${e.anchor}`);
      readRow(resolved, e.source, e.value, reads);
      readRow(resolved, e.source, e.filter, reads);
    } else if (e.kind === 'per') for (const k of e.keys) readRow(resolved, k.source, k.key, reads);
  });
  return reads;
}

class Builder {
  readonly nodes = new Map<string, LineageNode>();
  readonly edges = new Map<string, { from: string; to: string }>();
  constructor(readonly resolved: ResolvedCatalog) {}

  node(kind: LineageKind, id: string, layer: number, focal = false): string {
    const key = `${kind}:${id}`;
    const existing = this.nodes.get(key);
    if (existing !== undefined) {
      if (layer > existing.layer || focal)
        this.nodes.set(key, { ...existing, layer: Math.max(layer, existing.layer), focal: focal || existing.focal });
      return key;
    }
    this.nodes.set(key, { key, kind, layer, focal, ...this.describe(kind, id) });
    return key;
  }

  edge(from: string, to: string): void {
    this.edges.set(`${from}→${to}`, { from, to });
  }

  private describe(kind: LineageKind, id: string): { label: string; title: string; href: string | undefined } {
    switch (kind) {
      case 'file':
        return { label: id, title: `data file ${id} (in the data folder)`, href: undefined };
      case 'column': {
        const [source = '', column = ''] = id.split('.');
        return { label: column, title: `column ${id}`, href: `${pagePath('source', source)}#${sourceAnchor('column', column)}` };
      }
      case 'source':
      case 'lookup':
      case 'kpi':
      case 'scorecard':
      case 'role': {
        const title = this.titleOf(kind, id);
        return { label: id, title: title === undefined ? `${kind} ${id}` : `${kind} ${id}: ${title}`, href: pagePath(kind, id) };
      }
      case 'plan':
      case 'alert':
      case 'check':
        return { label: id, title: `${kind} ${id}`, href: undefined };
      default: {
        const never: never = kind;
        return never;
      }
    }
  }

  private titleOf(kind: LineageKind, id: string): string | undefined {
    if (kind === 'kpi') return this.resolved.kpis.get(id)?.def.title;
    if (kind === 'source') return this.resolved.catalog.sources.get(id)?.title;
    if (kind === 'lookup') return this.resolved.catalog.lookups.get(id)?.title;
    return undefined;
  }

  /** Adds a source with its file, and the columns read from it. */
  source(id: string, columns: readonly string[]): string {
    const key = this.node('source', id, 2);
    const def = this.resolved.catalog.sources.get(id);
    if (def !== undefined) this.edge(this.node('file', def.path.value, 0), key);
    for (const c of columns) this.edge(this.node('column', `${id}.${c}`, 1), key);
    return key;
  }

  graph(): LineageGraph {
    return { nodes: [...this.nodes.values()], edges: [...this.edges.values()] };
  }
}

/** The lineage of one KPI. */
export function kpiLineage(view: CatalogView, id: string): LineageGraph {
  const { resolved } = view;
  const b = new Builder(resolved);
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  // Returns the node key; places KPIs and lookups one layer right of everything they read.
  const addKpi = (kpiId: string): { key: string; layer: number } => {
    const kpi = resolved.kpis.get(kpiId);
    const known = depth.get(`kpi:${kpiId}`);
    if (kpi === undefined || known !== undefined || visiting.has(kpiId)) return { key: `kpi:${kpiId}`, layer: known ?? 3 };
    visiting.add(kpiId);
    const reads = readsOf(resolved, kpi.expr);
    const inputs: { key: string; layer: number }[] = [];
    for (const s of reads.sources) {
      const cols = [...reads.columns].filter((c) => c.startsWith(`${s}.`)).map((c) => c.slice(s.length + 1));
      inputs.push({ key: b.source(s, cols), layer: 2 });
    }
    for (const l of reads.lookups) {
      const lookup = resolved.lookups.get(l);
      const from = lookup?.kind === 'kpi' ? addKpi(lookup.kpi) : undefined;
      const layer = (from?.layer ?? 2) + 1;
      const key = b.node('lookup', l, layer);
      if (from !== undefined) b.edge(from.key, key);
      inputs.push({ key, layer });
    }
    for (const r of reads.kpis) inputs.push(addKpi(r));
    const layer = Math.max(2, ...inputs.map((i) => i.layer)) + 1;
    const key = b.node('kpi', kpiId, layer, kpiId === id);
    for (const i of inputs) b.edge(i.key, key);
    depth.set(key, layer);
    visiting.delete(kpiId);
    return { key, layer };
  };
  const focal = addKpi(id);
  const usage = view.usage.get(id);
  let last = focal.layer;
  for (const user of usage?.kpis ?? []) {
    b.edge(focal.key, b.node('kpi', user, focal.layer + 1));
    last = focal.layer + 1;
  }
  const consumers = [
    ...(usage?.bodies ?? []).map((u) => ({ kind: u.kind, id: u.id })),
    ...(usage?.mentions ?? []).map((m) => ({ kind: m.kind as LineageKind, id: m.id })),
  ];
  for (const c of consumers) b.edge(focal.key, b.node(c.kind, c.id, last + 1));
  return b.graph();
}

/** The lineage of one source: its file and columns, the source, the KPIs reading it directly. */
export function sourceLineage(view: CatalogView, id: string): LineageGraph {
  const { resolved } = view;
  const b = new Builder(resolved);
  const def = resolved.catalog.sources.get(id);
  const key = b.source(id, [...(def?.columns.keys() ?? [])]);
  const focal = b.nodes.get(key);
  if (focal !== undefined) b.nodes.set(key, { ...focal, focal: true });
  for (const kpi of resolved.kpis.values()) {
    if (readsOf(resolved, kpi.expr).sources.has(id)) b.edge(key, b.node('kpi', kpi.id, 3));
  }
  return b.graph();
}

/** The sources a formula's own aggregates read (then those their joins reach): where its bare names live. */
export function formulaSources(resolved: ResolvedCatalog, expr: KpiExpr): string[] {
  const own: string[] = [];
  forEachKpi(expr, (e) => {
    if (e.kind === 'aggregate' && !own.includes(e.source)) own.push(e.source);
  });
  return [...new Set([...own, ...readsOf(resolved, expr).sources])];
}
