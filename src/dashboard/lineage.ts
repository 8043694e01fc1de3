/**
 * A figure's lineage, as the KPI page shows it: its formula, the source columns it reads (through
 * the KPIs it names), the data files behind each source with their size and time, and the SQL
 * that computes it at the node — the query the scorecard runs, restricted to the node's cell.
 */
import { columnsRead } from '../access/guarded.js';
import { fileFacts, type FileFacts } from '../engine/data-fingerprint.js';
import { locateSourceFiles } from '../engine/source-files.js';
import type { ResolvedHierarchy } from '../org/hierarchy.js';
import { memberEntries, type OrgNode } from '../org/tree.js';
import type { Period } from '../periods/period.js';
import { compileKpis } from '../pipeline.js';
import { withMappedDimension } from '../resolve/extend.js';
import type { ResolvedCatalog } from '../resolve/resolved.js';

/** One source a figure reads. */
interface SourceLineage {
  readonly source: string;
  readonly title: string | undefined;
  readonly columns: readonly string[];
  readonly files: readonly FileFacts[];
}

/** A figure's lineage. */
export interface Lineage {
  readonly formula: string;
  readonly sources: readonly SourceLineage[];
  /** The SQL for the KPI at the node in the period (before a scorecard's exception rules). */
  readonly sql: string | undefined;
}

const NODE = '__org_node';

function declares(resolved: ResolvedCatalog, dimension: string | undefined, sources: readonly string[]): boolean {
  const dim = dimension === undefined ? undefined : resolved.dimensions.get(dimension);
  return dim !== undefined && sources.every((s) => dim.sources.some((d) => d.source === s));
}

/** The SQL evaluateLevel runs for `kpi` at `node`, restricted to that node's cell. */
function figureSql(
  resolved: ResolvedCatalog,
  h: ResolvedHierarchy,
  tree: OrgNode,
  node: OrgNode,
  kpi: string,
  period: Period,
  dataDir: string,
): string | undefined {
  const sources = resolved.kpis.get(kpi)?.sources ?? [];
  const range = { kpis: [kpi], grain: period.grain, from: period.start, to: period.last };
  const last = h.levels.length - 1;
  let compiled;
  if (node.level === 0) compiled = compileKpis(resolved, range, { dataDir });
  else if (declares(resolved, h.dimension, sources)) {
    const member = node.level === last;
    // Only the node's own members are mapped: the SQL shown names no member of another node.
    const own = memberEntries(tree, node.level).filter(([, key]) => key === node.key);
    const base = member ? resolved : withMappedDimension(resolved, NODE, h.dimension, own);
    const by = member ? h.dimension : NODE;
    compiled = compileKpis(
      base,
      { ...range, by: [by], only: { dimension: by, values: [member ? (node.value ?? '') : node.key] } },
      { dataDir },
    );
  } else {
    const fallback = h.levels[node.level]?.dimension;
    if (fallback === undefined || !declares(resolved, fallback, sources) || node.value === null) return undefined;
    compiled = compileKpis(resolved, { ...range, by: [fallback], only: { dimension: fallback, values: [node.value] } }, { dataDir });
  }
  return compiled.ok ? compiled.sql : undefined;
}

/** The lineage of `kpi` at `node` in `period`. */
export function lineageOf(
  resolved: ResolvedCatalog,
  h: ResolvedHierarchy,
  tree: OrgNode,
  node: OrgNode,
  kpi: string,
  period: Period,
  dataDir: string,
): Lineage | undefined {
  const k = resolved.kpis.get(kpi);
  if (k === undefined) return undefined;
  const bySource = new Map<string, Set<string>>();
  for (const col of columnsRead(resolved, k.expr)) {
    const [source = '', column = ''] = col.split('.');
    bySource.set(source, (bySource.get(source) ?? new Set()).add(column));
  }
  for (const s of k.sources) if (!bySource.has(s)) bySource.set(s, new Set());
  const sources = [...bySource.keys()].sort().map((id): SourceLineage => {
    const def = resolved.catalog.sources.get(id);
    const files = def === undefined ? [] : locateSourceFiles(def, dataDir).value.paths;
    return { source: id, title: def?.title, columns: [...(bySource.get(id) ?? [])].sort(), files: fileFacts(dataDir, files) };
  });
  return { formula: k.def.formula.text.trim(), sources, sql: figureSql(resolved, h, tree, node, kpi, period, dataDir) };
}
