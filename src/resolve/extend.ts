/**
 * Extending a resolved catalog for consumers that evaluate more than the catalog's own KPIs:
 * scorecards add org levels as of a period (a rep's team then) as breakdown dimensions, and
 * targets or exception reports as KPIs. The catalog itself is never changed: these return copies.
 */
import type { Span } from '../diagnostics/span.js';
import type { ResolvedCatalog, ResolvedKpi } from './resolved.js';
import { expressionSources } from './kpi-expr.js';
import type { KpiAggregate, KpiExpr, RowExpr } from './types.js';

/**
 * A copy of `resolved` with a dimension `name` in every source that declares dimension `from`:
 * the `from` value mapped through `entries` (compared as text; unmapped values give null).
 */
export function withMappedDimension(
  resolved: ResolvedCatalog,
  name: string,
  from: string,
  entries: readonly (readonly [string, string | null])[],
): ResolvedCatalog {
  const base = resolved.dimensions.get(from);
  if (base === undefined) return resolved;
  const dimensions = new Map(resolved.dimensions);
  dimensions.set(name, {
    name,
    type: 'string',
    sources: base.sources.map((s) => ({
      source: s.source,
      expr: { kind: 'map', operand: s.expr, entries, type: 'string' } satisfies RowExpr,
    })),
  });
  return { ...resolved, dimensions };
}

/** A KPI made from an expression, inheriting the descriptive fields of `like`. */
export function syntheticKpi(resolved: ResolvedCatalog, id: string, expr: KpiExpr, like: ResolvedKpi): ResolvedKpi {
  const sources = [...expressionSources(expr, (k) => new Set(resolved.kpis.get(k)?.sources ?? []))].sort();
  return {
    ...like,
    // Not the KPI itself: its finest grain says nothing about what a consumer derives from it.
    def: { ...like.def, grain: undefined },
    id,
    expr,
    type: expr.type,
    unit: like.unit,
    inferredUnit: expr.unit,
    sources,
    references: [],
    lookups: like.lookups,
    target: undefined,
    overrides: [],
  };
}

/** A copy of `resolved` with more KPIs (ids must not collide with the catalog's). */
export function withKpis(resolved: ResolvedCatalog, kpis: readonly ResolvedKpi[]): ResolvedCatalog {
  const all = new Map(resolved.kpis);
  for (const k of kpis) {
    if (all.has(k.id)) throw new Error(`KPI id ${k.id} already exists`);
    all.set(k.id, k);
  }
  return { ...resolved, kpis: all };
}

/**
 * `count(source)` as a KPI expression: the rows of `source` in each cell, placed in time by
 * `anchor` (a date column) or, without one, counted whatever the period. Consumers count rows to
 * learn about the data itself (where it ends, which spells a hierarchy holds).
 */
export function rowCount(source: string, anchor: string | undefined, span: Span): KpiAggregate {
  return {
    kind: 'aggregate',
    fn: 'count',
    source,
    anchor,
    value: undefined,
    filter: undefined,
    last: false,
    span,
    type: 'number',
    unit: 'count',
  };
}
