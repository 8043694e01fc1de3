/**
 * What a scan's rows need: the joins its columns go through (one LEFT JOIN per join path, so
 * unmatched rows keep their place) and the lookups its expressions index.
 */
import type { ResolvedCatalog } from '../resolve/resolved.js';
import type { RowExpr } from '../resolve/types.js';
import type { Level, PlanKey, ScanJoin, ScanLookup, ScanMeasure } from './ir.js';
import { forEachRow } from '../resolve/row-walk.js';

/** The row expressions of a scan draft: measure values and filters, dimension and key expressions. */
function scanRowExprs(
  draft: { readonly shape: { readonly source: string }; readonly levels: readonly Level[]; readonly measures: readonly ScanMeasure[] },
  resolved: ResolvedCatalog,
  keys: readonly PlanKey[],
): { dims: Map<string, RowExpr>; keys: Map<string, RowExpr>; all: RowExpr[] } {
  const source = draft.shape.source;
  const dims = new Map<string, RowExpr>();
  const keyExprs = new Map<string, RowExpr>();
  for (const level of draft.levels) {
    for (const d of level.dims) {
      const expr = resolved.dimensions.get(d)?.sources.find((s) => s.source === source)?.expr;
      if (expr !== undefined) dims.set(d, expr);
    }
    for (const k of level.keys) {
      const expr = keys.find((p) => p.id === k)?.bySource.find((b) => b.source === source)?.expr;
      if (expr !== undefined) keyExprs.set(k, expr);
    }
  }
  const all: RowExpr[] = [...dims.values(), ...keyExprs.values()];
  for (const m of draft.measures) {
    if (m.value !== undefined) all.push(m.value);
    if (m.filter !== undefined) all.push(m.filter);
  }
  return { dims, keys: keyExprs, all };
}

/** The joins and lookups a scan draft needs. */
export function scanJoinsAndLookups(
  draft: { readonly shape: { readonly source: string }; readonly levels: readonly Level[]; readonly measures: readonly ScanMeasure[] },
  resolved: ResolvedCatalog,
  keys: readonly PlanKey[],
): { joins: ScanJoin[]; lookups: ScanLookup[] } {
  const { catalog } = resolved;
  const joins: ScanJoin[] = [];
  const aliases = new Map<string, string>([['', 't0']]);
  const lookups: ScanLookup[] = [];
  const lookupKeys = new Set<string>();
  const addPath = (path: readonly string[]): void => {
    let source = catalog.sources.get(draft.shape.source);
    for (let i = 0; i < path.length; i++) {
      const step = path[i] as string;
      const join = source?.joins.get(step);
      const target = join === undefined ? undefined : catalog.sources.get(join.to.value);
      if (join === undefined || target === undefined || target.key === undefined) return;
      const k = path.slice(0, i + 1).join('.');
      if (!aliases.has(k)) {
        const alias = `t${aliases.size}`;
        aliases.set(k, alias);
        joins.push({
          path: path.slice(0, i + 1),
          alias,
          fromAlias: aliases.get(path.slice(0, i).join('.')) ?? 't0',
          on: join.on.value,
          target: target.id,
          targetKey: target.key.value,
        });
      }
      source = target;
    }
  };
  for (const expr of scanRowExprs(draft, resolved, keys).all) {
    forEachRow(expr, (e) => {
      if (e.kind === 'column') addPath(e.path);
      if (e.kind === 'lookup') {
        const k = JSON.stringify([e.lookup, e.key]);
        if (!lookupKeys.has(k)) {
          lookupKeys.add(k);
          lookups.push({ alias: `lk${lookups.length}`, lookup: e.lookup, key: e.key });
        }
      }
    });
  }
  return { joins, lookups };
}
