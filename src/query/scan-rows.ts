/**
 * What a scan's rows need: the joins its columns go through (one LEFT JOIN per join path, so
 * unmatched rows keep their place) and the lookups its expressions index.
 */
import type { Catalog } from '../model/types.js';
import type { QueryDimension, QueryKey, ScanJoin, ScanLookup } from './ir.js';
import type { IrRowExpr } from './ir-expr.js';
import { rowExprKey } from './ir-keys.js';
import { forEachRowNode } from './ir-walk.js';
import type { ScanDraft } from './registry.js';

/** The row expressions of a scan draft: dimension and key expressions, measure values and filters. */
function scanRowExprs(draft: ScanDraft, dimensions: readonly QueryDimension[], keys: readonly QueryKey[]): IrRowExpr[] {
  const source = draft.shape.source;
  const dims = new Map<string, IrRowExpr>();
  const keyExprs = new Map<string, IrRowExpr>();
  for (const level of draft.levels) {
    for (const d of level.dims) {
      const expr = dimensions.find((x) => x.name === d)?.bySource.find((s) => s.source === source)?.expr;
      if (expr !== undefined) dims.set(d, expr);
    }
    for (const k of level.keys) {
      const expr = keys.find((p) => p.id === k)?.bySource.find((b) => b.source === source)?.expr;
      if (expr !== undefined) keyExprs.set(k, expr);
    }
  }
  const all: IrRowExpr[] = [...dims.values(), ...keyExprs.values()];
  for (const m of draft.measures) {
    if (m.value !== undefined) all.push(m.value);
    if (m.filter !== undefined) all.push(m.filter);
  }
  return all;
}

/**
 * The joins rows of `source` need: `addPath` adds one LEFT JOIN per join path not seen yet (`t0`
 * is the source, `t1`… the joins in the order met), and `joins` lists them.
 */
export function joinPaths(catalog: Catalog, from: string): { joins: ScanJoin[]; addPath: (path: readonly string[]) => void } {
  const joins: ScanJoin[] = [];
  const aliases = new Map<string, string>([['', 't0']]);
  const addPath = (path: readonly string[]): void => {
    let source = catalog.sources.get(from);
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
  return { joins, addPath };
}

/** The joins and lookups a scan draft needs. */
export function scanJoinsAndLookups(
  draft: ScanDraft,
  catalog: Catalog,
  dimensions: readonly QueryDimension[],
  keys: readonly QueryKey[],
): { joins: ScanJoin[]; lookups: ScanLookup[] } {
  const { joins, addPath } = joinPaths(catalog, draft.shape.source);
  const lookups: ScanLookup[] = [];
  const lookupKeys = new Set<string>();
  for (const expr of scanRowExprs(draft, dimensions, keys)) {
    forEachRowNode(expr, (e) => {
      if (e.kind === 'column') addPath(e.path);
      if (e.kind === 'lookup') {
        const k = `${e.lookup} ${rowExprKey(e.key)}`;
        if (!lookupKeys.has(k)) {
          lookupKeys.add(k);
          lookups.push({ alias: `lk${lookups.length}`, lookup: e.lookup, key: e.key });
        }
      }
    });
  }
  return { joins, lookups };
}
