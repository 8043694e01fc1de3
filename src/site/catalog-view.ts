/**
 * What the site shows of a catalog, gathered once: scorecards, roles and hierarchies as written,
 * and where every KPI and source is used — by other KPIs, lookups, scorecards, roles, tests, and
 * the plans, alerts and checks that name it.
 */
import type { SourceText } from '../diagnostics/span.js';
import type { YMap, YNode } from '../load/tree.js';
import { itemsAt, mapAt, stringAt, textAt } from '../model/read-node.js';
import type { CatalogDocument } from '../model/types.js';
import type { ResolvedCatalog, ResolvedKpi } from '../resolve/resolved.js';
import { caseKpis } from '../testing/run-tests.js';
import type { TestDef } from '../testing/model.js';

/** A KPI on a scorecard or role, as written. */
interface BodyKpi {
  readonly kpi: string;
  /** The weight as written (`50%`), if any. */
  readonly weight: string | undefined;
  /** The scorecard's own settings for the KPI, as `key: value` lines (`target: quota * 0.8`). */
  readonly settings: readonly string[];
  readonly removed: boolean;
}

/** A perspective of a scorecard or role. */
interface BodyPerspective {
  readonly name: string;
  readonly weight: string | undefined;
  readonly kpis: readonly BodyKpi[];
}

/** A scorecard or role document. */
export interface BodyView {
  readonly kind: 'scorecard' | 'role';
  readonly id: string;
  readonly doc: CatalogDocument;
  readonly title: string | undefined;
  readonly description: string | undefined;
  /** Top-level settings as `key: value` lines (hierarchy, levels, grain, extends, members…). */
  readonly settings: readonly (readonly [string, string])[];
  readonly perspectives: readonly BodyPerspective[];
}

/** A hierarchy document. */
export interface HierarchyView {
  readonly id: string;
  readonly doc: CatalogDocument;
  readonly title: string | undefined;
  readonly description: string | undefined;
  readonly settings: readonly (readonly [string, string])[];
  readonly levels: readonly { readonly level: string; readonly title: string | undefined; readonly value: string | undefined }[];
}

/** Where a KPI is used. */
interface KpiUsage {
  readonly kpis: readonly string[];
  readonly lookups: readonly string[];
  readonly bodies: readonly {
    readonly kind: 'scorecard' | 'role';
    readonly id: string;
    readonly perspective: string;
    readonly weight: string | undefined;
  }[];
  readonly tests: readonly { readonly test: string; readonly case: string }[];
  /** Plans, alerts and checks that name the KPI (under a `kpi` or `kpis` key). */
  readonly mentions: readonly { readonly kind: string; readonly id: string }[];
}

/** Everything the pages read. */
export interface CatalogView {
  readonly resolved: ResolvedCatalog;
  readonly files: ReadonlyMap<string, SourceText>;
  readonly bodies: readonly BodyView[];
  readonly hierarchies: readonly HierarchyView[];
  readonly tests: readonly TestDef[];
  readonly usage: ReadonlyMap<string, KpiUsage>;
  /** Per source: the KPIs that aggregate its rows (directly or through other KPIs). */
  readonly sourceKpis: ReadonlyMap<string, readonly string[]>;
}

/** A scalar as written in its file (numbers keep their digits, `50%` stays text). */
function writtenText(node: YNode | undefined, files: ReadonlyMap<string, SourceText>): string | undefined {
  if (node === undefined) return undefined;
  if (node.kind === 'scalar') {
    if (typeof node.value === 'string') return node.value;
    return files.get(node.span.file)?.text.slice(node.span.start, node.span.end) ?? String(node.value);
  }
  // A mapping or list as written: flow style stays on its line, block style keeps its lines (dedented).
  const source = files.get(node.span.file)?.text ?? '';
  const lineStart = source.lastIndexOf('\n', node.span.start - 1) + 1;
  const indent = node.span.start - lineStart;
  return source
    .slice(node.span.start, node.span.end)
    .split('\n')
    .map((l, i) => (i === 0 ? l : l.slice(Math.min(indent, l.length - l.trimStart().length))))
    .join('\n')
    .trimEnd();
}

function settingsOf(map: YMap, skip: ReadonlySet<string>, files: ReadonlyMap<string, SourceText>): [string, string][] {
  return map.entries.filter((e) => !skip.has(e.key)).map((e) => [e.key, writtenText(e.value, files) ?? ''] as [string, string]);
}

const BODY_SKIP = new Set(['scorecard', 'role', 'title', 'description', 'perspectives']);
const ENTRY_SKIP = new Set(['kpi', 'weight', 'remove']);

function bodyView(doc: CatalogDocument, files: ReadonlyMap<string, SourceText>): BodyView {
  const perspectives: BodyPerspective[] = [];
  for (const e of mapAt(doc.tree, 'perspectives')?.entries ?? []) {
    if (e.value.kind !== 'map') continue;
    const kpis = itemsAt(e.value, 'kpis').flatMap((item): BodyKpi[] => {
      if (item.kind !== 'map') return [];
      const kpi = stringAt(item, 'kpi')?.value;
      if (kpi === undefined) return [];
      const settings = settingsOf(item, ENTRY_SKIP, files).map(([k, v]) => `${k}: ${v}`);
      const removed = item.byKey.get('remove')?.value;
      return [
        {
          kpi,
          weight: writtenText(item.byKey.get('weight')?.value, files),
          settings,
          removed: removed?.kind === 'scalar' && removed.value === true,
        },
      ];
    });
    perspectives.push({ name: e.key, weight: writtenText(e.value.byKey.get('weight')?.value, files), kpis });
  }
  return {
    kind: doc.kind === 'role' ? 'role' : 'scorecard',
    id: doc.id,
    doc,
    title: textAt(doc.tree, 'title'),
    description: textAt(doc.tree, 'description'),
    settings: settingsOf(doc.tree, BODY_SKIP, files),
    perspectives,
  };
}

function hierarchyView(doc: CatalogDocument, files: ReadonlyMap<string, SourceText>): HierarchyView {
  return {
    id: doc.id,
    doc,
    title: textAt(doc.tree, 'title'),
    description: textAt(doc.tree, 'description'),
    settings: settingsOf(doc.tree, new Set(['hierarchy', 'title', 'description', 'levels']), files),
    levels: itemsAt(doc.tree, 'levels').flatMap((item) => {
      if (item.kind !== 'map') return [];
      const level = stringAt(item, 'level')?.value;
      return level === undefined
        ? []
        : [{ level, title: textAt(item, 'title'), value: writtenText(item.byKey.get('value')?.value, files) }];
    }),
  };
}

/** KPI ids named under a `kpi` key or listed under a `kpis` key anywhere in a document. */
function namedKpis(node: YNode, out: Set<string>): void {
  if (node.kind === 'seq') for (const item of node.items) namedKpis(item, out);
  if (node.kind !== 'map') return;
  for (const e of node.entries) {
    if (e.key === 'kpi' && e.value.kind === 'scalar' && typeof e.value.value === 'string') out.add(e.value.value);
    else if (e.key === 'kpis' && e.value.kind === 'seq') {
      for (const item of e.value.items) if (item.kind === 'scalar' && typeof item.value === 'string') out.add(item.value);
      namedKpis(e.value, out);
    } else namedKpis(e.value, out);
  }
}

interface MutableUsage {
  kpis: Set<string>;
  lookups: Set<string>;
  bodies: KpiUsage['bodies'][number][];
  tests: KpiUsage['tests'][number][];
  mentions: KpiUsage['mentions'][number][];
}

/** Builds the view of a checked catalog and its tests. */
export function catalogView(resolved: ResolvedCatalog, tests: readonly TestDef[]): CatalogView {
  const files = resolved.catalog.files;
  const docs = resolved.catalog.documents;
  const bodies = docs.filter((d) => d.kind === 'scorecard' || d.kind === 'role').map((d) => bodyView(d, files));
  const hierarchies = docs.filter((d) => d.kind === 'hierarchy').map((d) => hierarchyView(d, files));
  const usage = new Map<string, MutableUsage>();
  const use = (id: string): MutableUsage | undefined => {
    if (!resolved.kpis.has(id)) return undefined;
    let u = usage.get(id);
    if (u === undefined) {
      u = { kpis: new Set(), lookups: new Set(), bodies: [], tests: [], mentions: [] };
      usage.set(id, u);
    }
    return u;
  };
  for (const kpi of resolved.kpis.values()) for (const ref of kpi.references) use(ref.id)?.kpis.add(kpi.id);
  for (const lookup of resolved.lookups.values()) if (lookup.kind === 'kpi') use(lookup.kpi)?.lookups.add(lookup.id);
  for (const b of bodies)
    for (const p of b.perspectives)
      for (const k of p.kpis) if (!k.removed) use(k.kpi)?.bodies.push({ kind: b.kind, id: b.id, perspective: p.name, weight: k.weight });
  for (const t of tests) for (const c of t.cases) for (const id of caseKpis(c)) use(id)?.tests.push({ test: t.id, case: c.name.value });
  for (const d of docs) {
    if (d.kind !== 'plan' && d.kind !== 'alert' && d.kind !== 'check') continue;
    const named = new Set<string>();
    namedKpis(d.tree, named);
    for (const id of named) use(id)?.mentions.push({ kind: d.kind, id: d.id });
  }
  const frozen = new Map<string, KpiUsage>();
  for (const [id, u] of usage) frozen.set(id, { ...u, kpis: [...u.kpis].sort(), lookups: [...u.lookups].sort() });
  const sourceKpis = new Map<string, string[]>();
  const byId = (a: ResolvedKpi, b: ResolvedKpi): number => (a.id < b.id ? -1 : 1);
  for (const kpi of [...resolved.kpis.values()].sort(byId))
    for (const s of kpi.sources) sourceKpis.set(s, [...(sourceKpis.get(s) ?? []), kpi.id]);
  return { resolved, files, bodies, hierarchies, tests, usage: frozen, sourceKpis };
}
