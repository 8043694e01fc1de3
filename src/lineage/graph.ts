/**
 * The catalog's dependency graph: which document depends on which, and where that dependency is
 * written. KPIs are read from the resolved catalog (their formulas, targets and overrides, through
 * the resolver's own references); other kinds from their documents: a lookup's KPI, a source's
 * joins, a hierarchy's source, a scorecard's or role's hierarchy, base, KPIs and target formulas.
 * Kinds whose shape is not specified yet (plans, alerts, checks, tests) depend on what they name:
 * a value under a `kpi`, `kpis`, `source`, `lookup`, `scorecard`, `role` or `hierarchy` key, or a
 * name in a text that parses as a formula.
 */
import type { Span } from '../diagnostics/span.js';
import type { YNode } from '../load/tree.js';
import type { CatalogDocument, DocumentKind } from '../model/types.js';
import { forEachKpi } from '../resolve/kpi-walk.js';
import type { ResolvedCatalog } from '../resolve/resolved.js';
import type { KpiExpr } from '../resolve/types.js';
import { namesInText } from './formula-names.js';

/** How a document depends on another. */
type DependencyVia = 'formula' | 'target' | 'lookup' | 'join' | 'hierarchy' | 'entry' | 'extends' | 'mention';

/** One edge: `from` depends on `to` (both {@link docKey}s), written at `span`. */
interface Dependency {
  readonly kind: 'dependency';
  readonly from: string;
  readonly to: string;
  readonly via: DependencyVia;
  readonly span: Span;
}

/** The graph: every edge, and every document by key. */
export interface DependencyGraph {
  readonly kind: 'dependency-graph';
  readonly edges: readonly Dependency[];
  readonly documents: ReadonlyMap<string, CatalogDocument>;
}

/** The key of a document in the graph: `kpi:win_rate`. */
export function docKey(kind: DocumentKind, id: string): string {
  return `${kind}:${id}`;
}

/** The kind and id of a key. */
export function splitKey(key: string): { readonly kind: DocumentKind; readonly id: string } {
  const at = key.indexOf(':');
  return { kind: key.slice(0, at) as DocumentKind, id: key.slice(at + 1) };
}

/** Keys that free-form documents use to name other documents, with the kinds they may name. */
const NAMING_KEYS: ReadonlyMap<string, readonly DocumentKind[]> = new Map<string, readonly DocumentKind[]>([
  ['kpi', ['kpi']],
  ['kpis', ['kpi']],
  ['source', ['source']],
  ['lookup', ['lookup']],
  ['scorecard', ['scorecard']],
  ['role', ['role']],
  ['hierarchy', ['hierarchy']],
]);

interface Builder {
  readonly edges: Dependency[];
  readonly documents: Map<string, CatalogDocument>;
  readonly seen: Set<string>;
}

function add(b: Builder, from: string, kind: DocumentKind, id: string, via: DependencyVia, span: Span): void {
  const to = docKey(kind, id);
  if (to === from || !b.documents.has(to)) return;
  const key = `${from}>${to}>${via}`;
  if (b.seen.has(key)) return;
  b.seen.add(key);
  b.edges.push({ kind: 'dependency', from, to, via, span });
}

/** The formula namespace: a name is a KPI, a source or a lookup. */
function formulaKind(b: Builder, name: string): DocumentKind | undefined {
  for (const kind of ['kpi', 'source', 'lookup'] as const) if (b.documents.has(docKey(kind, name))) return kind;
  return undefined;
}

function kpiExprEdges(b: Builder, from: string, expr: KpiExpr | undefined, via: DependencyVia, span: Span): void {
  if (expr === undefined) return;
  forEachKpi(expr, (e) => {
    if (e.kind === 'kpi') add(b, from, 'kpi', e.id, via, e.span);
    else if (e.kind === 'aggregate') add(b, from, 'source', e.source, via, span);
  });
}

function kpiEdges(b: Builder, resolved: ResolvedCatalog): void {
  for (const kpi of resolved.kpis.values()) {
    const from = docKey('kpi', kpi.id);
    const span = kpi.def.formula.node.span;
    for (const r of kpi.references) add(b, from, 'kpi', r.id, 'formula', r.span);
    for (const l of kpi.lookups) add(b, from, 'lookup', l, 'lookup', span);
    for (const s of kpi.sources) add(b, from, 'source', s, 'formula', span);
    forEachKpi(kpi.expr, (e) => {
      if (e.kind === 'aggregate' && e.check !== undefined) add(b, from, 'check', e.check, 'formula', e.span);
    });
    kpiExprEdges(b, from, kpi.target, 'target', kpi.def.target?.node.span ?? span);
    for (const o of kpi.overrides) kpiExprEdges(b, from, o.target, 'target', o.span);
  }
}

/** Every string scalar below `node`, with the key it sits under (the nearest mapping key). */
function* scalars(node: YNode, key: string | undefined): Generator<{ key: string | undefined; text: string; span: Span }> {
  switch (node.kind) {
    case 'scalar':
      if (typeof node.value === 'string') yield { key, text: node.value, span: node.span };
      return;
    case 'seq':
      for (const item of node.items) yield* scalars(item, key);
      return;
    case 'map':
      for (const e of node.entries) yield* scalars(e.value, e.key);
      return;
    default: {
      const never: never = node;
      return never;
    }
  }
}

const STRUCTURED_KEYS: ReadonlyMap<string, { kind: DocumentKind; via: DependencyVia }> = new Map([
  ['hierarchy', { kind: 'hierarchy' as const, via: 'hierarchy' as const }],
  ['extends', { kind: 'scorecard' as const, via: 'extends' as const }],
  ['kpi', { kind: 'kpi' as const, via: 'entry' as const }],
  ['weight', { kind: 'kpi' as const, via: 'entry' as const }],
]);

/** Scorecards and roles: hierarchy, base, KPI entries, rollup weight, and names in formulas. */
function scorecardEdges(b: Builder, doc: CatalogDocument): void {
  const from = docKey(doc.kind, doc.id);
  for (const s of scalars(doc.tree, undefined)) {
    if (s.key === doc.kind) continue;
    const structured = s.key === undefined ? undefined : STRUCTURED_KEYS.get(s.key);
    if (structured !== undefined && b.documents.has(docKey(structured.kind, s.text))) {
      add(b, from, structured.kind, s.text, structured.via, s.span);
      continue;
    }
    if (s.key === 'title' || s.key === 'description') continue;
    for (const name of namesInText(s.text)) {
      const kind = formulaKind(b, name);
      if (kind === 'kpi') add(b, from, kind, name, 'target', s.span);
    }
  }
}

/** Kinds not modelled yet: what their values name. */
function freeFormEdges(b: Builder, doc: CatalogDocument): void {
  const from = docKey(doc.kind, doc.id);
  for (const s of scalars(doc.tree, undefined)) {
    if (s.key === doc.kind || s.key === 'title' || s.key === 'description') continue;
    const kinds = s.key === undefined ? undefined : NAMING_KEYS.get(s.key);
    const named = kinds?.find((k) => b.documents.has(docKey(k, s.text)));
    if (named !== undefined) {
      add(b, from, named, s.text, 'mention', s.span);
      continue;
    }
    for (const name of namesInText(s.text)) {
      const kind = formulaKind(b, name);
      if (kind !== undefined) add(b, from, kind, name, 'mention', s.span);
    }
  }
}

function documentEdges(b: Builder, doc: CatalogDocument, resolved: ResolvedCatalog): void {
  const from = docKey(doc.kind, doc.id);
  switch (doc.kind) {
    case 'lookup': {
      const value = resolved.catalog.lookups.get(doc.id)?.value;
      if (value !== undefined) add(b, from, 'kpi', value.value, 'formula', value.span);
      return;
    }
    case 'source':
      for (const j of resolved.catalog.sources.get(doc.id)?.joins.values() ?? []) add(b, from, 'source', j.to.value, 'join', j.to.span);
      return;
    case 'hierarchy': {
      const source = doc.tree.byKey.get('source')?.value;
      if (source?.kind === 'scalar' && typeof source.value === 'string') add(b, from, 'source', source.value, 'hierarchy', source.span);
      return;
    }
    case 'scorecard':
    case 'role':
      scorecardEdges(b, doc);
      return;
    case 'plan':
    case 'alert':
    case 'access':
    case 'check':
    case 'test':
      freeFormEdges(b, doc);
      return;
    case 'kpi': // from the resolved catalog
    case 'catalog':
    case 'governance':
      return;
    default: {
      const never: never = doc.kind;
      return never;
    }
  }
}

/** The dependency graph of a resolved catalog. */
export function buildDependencyGraph(resolved: ResolvedCatalog): DependencyGraph {
  const documents = new Map<string, CatalogDocument>();
  for (const doc of resolved.catalog.documents) {
    const key = docKey(doc.kind, doc.id);
    if (!documents.has(key)) documents.set(key, doc);
  }
  const b: Builder = { edges: [], documents, seen: new Set() };
  kpiEdges(b, resolved);
  for (const doc of documents.values()) documentEdges(b, doc, resolved);
  return { kind: 'dependency-graph', edges: b.edges, documents };
}

/** A document that depends on another, directly (`through` undefined) or through `through`. */
export interface Dependent {
  readonly key: string;
  /** Steps from the changed document: 1 = directly. */
  readonly distance: number;
  /** The document it depends on, on the shortest path (the changed document itself at distance 1). */
  readonly through: string;
}

/** Every document that depends on any of `keys`, directly or through others (breadth first). */
export function dependentsOf(graph: DependencyGraph, keys: Iterable<string>): Dependent[] {
  const reverse = new Map<string, string[]>();
  for (const e of graph.edges) {
    const list = reverse.get(e.to);
    if (list === undefined) reverse.set(e.to, [e.from]);
    else list.push(e.from);
  }
  const start = new Set(keys);
  const found = new Map<string, Dependent>();
  let frontier = [...start];
  for (let distance = 1; frontier.length > 0; distance++) {
    const next: string[] = [];
    for (const key of frontier) {
      for (const dependent of reverse.get(key) ?? []) {
        if (start.has(dependent) || found.has(dependent)) continue;
        found.set(dependent, { key: dependent, distance, through: key });
        next.push(dependent);
      }
    }
    frontier = next;
  }
  return [...found.values()];
}

/** Every document `keys` depend on, directly or through others. */
export function dependenciesOf(graph: DependencyGraph, keys: Iterable<string>): Set<string> {
  const forward = new Map<string, string[]>();
  for (const e of graph.edges) {
    const list = forward.get(e.from);
    if (list === undefined) forward.set(e.from, [e.to]);
    else list.push(e.to);
  }
  const found = new Set<string>();
  const stack = [...keys];
  while (stack.length > 0) {
    const key = stack.pop();
    if (key === undefined) break;
    for (const to of forward.get(key) ?? []) {
      if (found.has(to)) continue;
      found.add(to);
      stack.push(to);
    }
  }
  return found;
}
