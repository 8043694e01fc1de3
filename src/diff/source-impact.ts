/**
 * What a change inside a source reaches: not every KPI over the source, but those whose formulas
 * name a changed column, definition or join — directly or through the source's definitions that
 * name them (`open: not closed`) — and, through joins, the KPIs of the sources that join it. A
 * change to what every row is (the file, the key, the time anchor) or to a dimension (every
 * breakdown) reaches every KPI over the source.
 */
import { docKey } from '../lineage/graph.js';
import { namesInText } from '../lineage/formula-names.js';
import { forEachKpi } from '../resolve/kpi-walk.js';
import type { ResolvedCatalog } from '../resolve/resolved.js';
import type { FieldChange } from './types.js';

const NAMED = new Set(['columns', 'definitions', 'joins']);

/** The names a change touches in its source, or `all`. */
function changedNames(fields: readonly FieldChange[]): Set<string> | 'all' {
  const names = new Set<string>();
  for (const f of fields) {
    if (f.class === 'patch') continue;
    const [head, name] = f.path;
    if (head === undefined || name === undefined || !NAMED.has(head)) return 'all';
    names.add(name);
  }
  return names;
}

/** Closes `names` over the source's definitions: a definition naming an affected name is affected. */
function closeOverDefinitions(resolved: ResolvedCatalog, source: string, names: Set<string>): Set<string> {
  const defs = [...(resolved.catalog.sources.get(source)?.definitions.values() ?? [])].map((d) => ({
    name: d.name,
    uses: namesInText(d.formula.text),
  }));
  for (let grew = true; grew;) {
    grew = false;
    for (const d of defs) {
      if (!names.has(d.name) && d.uses.some((u) => names.has(u))) {
        names.add(d.name);
        grew = true;
      }
    }
  }
  return names;
}

/** Sources each KPI aggregates directly (not through other KPIs). */
function directSources(resolved: ResolvedCatalog, kpi: string): Set<string> {
  const out = new Set<string>();
  const k = resolved.kpis.get(kpi);
  const visit = (e: Parameters<Parameters<typeof forEachKpi>[1]>[0]): void => {
    if (e.kind === 'aggregate') out.add(e.source);
  };
  if (k !== undefined) {
    forEachKpi(k.expr, visit);
    if (k.target !== undefined) forEachKpi(k.target, visit);
  }
  return out;
}

function kpiNames(resolved: ResolvedCatalog, kpi: string): Set<string> {
  const def = resolved.catalog.kpis.get(kpi);
  if (def === undefined) return new Set();
  const texts = [def.formula.text, def.target?.text, ...def.overrides.flatMap((o) => [o.where.text, o.target?.text])];
  return new Set(texts.flatMap((t) => (t === undefined ? [] : namesInText(t))));
}

/** Document keys a change of `source`'s `fields` reaches directly (KPIs and hierarchies over it, and over sources joining it). */
export function sourceChangeReach(resolved: ResolvedCatalog, source: string, fields: readonly FieldChange[]): string[] {
  const reached = new Set<string>();
  const pending: { source: string; names: Set<string> | 'all' }[] = [{ source, names: changedNames(fields) }];
  const seen = new Set<string>();
  while (pending.length > 0) {
    const next = pending.pop();
    if (next === undefined || seen.has(next.source)) continue;
    seen.add(next.source);
    const names = next.names === 'all' ? 'all' : closeOverDefinitions(resolved, next.source, next.names);
    if (names !== 'all' && names.size === 0) continue;
    const touches = (used: Iterable<string>): boolean => names === 'all' || [...used].some((n) => names.has(n));
    for (const kpi of resolved.kpis.keys()) {
      if (directSources(resolved, kpi).has(next.source) && touches(kpiNames(resolved, kpi))) reached.add(docKey('kpi', kpi));
    }
    for (const doc of resolved.catalog.documents) {
      if (doc.kind !== 'hierarchy') continue;
      const from = doc.tree.byKey.get('source')?.value;
      if (from?.kind === 'scalar' && from.value === next.source) reached.add(docKey('hierarchy', doc.id));
    }
    for (const other of resolved.catalog.sources.values()) {
      const joins = [...other.joins.values()].filter((j) => j.to.value === next.source).map((j) => j.name);
      if (joins.length > 0) pending.push({ source: other.id, names: new Set(joins) });
    }
  }
  return [...reached];
}
