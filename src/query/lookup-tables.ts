/**
 * Lookups used by scans become lookup tables: fixed rows as they are, a lookup computed from a KPI
 * as a computation of its own (its KPI per key over the trailing window before each period), whose
 * scans may use more lookups — so this repeats until no scan names a lookup not yet planned.
 */
import type { Span } from '../diagnostics/span.js';
import type { Catalog } from '../model/types.js';
import type { ResolvedLookup } from '../resolve/resolved.js';
import type { LookupTable, QueryDimension, ScanPurpose } from './ir.js';
import type { Level } from './ir-expr.js';
import type { PlannerState, WalkContext } from './planner-state.js';
import { rowToIr } from './row-to-ir.js';
import { scanJoinsAndLookups } from './scan-rows.js';
import { aggregatesOf, presenceOf, walkKpi } from './walk-kpi.js';

/** The lookup tables every scan (including the lookups' own) needs, in the order first needed. */
export function planLookups(state: PlannerState, dimensions: readonly QueryDimension[]): LookupTable[] {
  const tables = new Map<string, LookupTable>();
  for (let changed = true; changed;) {
    changed = false;
    for (const draft of state.registry.scanDrafts()) {
      const used = scanJoinsAndLookups(draft, state.resolved.catalog, dimensions, state.registry.queryKeys()).lookups;
      for (const lookupId of used.map((l) => l.lookup)) {
        if (tables.has(lookupId)) continue;
        changed = true;
        const lookup = state.resolved.lookups.get(lookupId);
        if (lookup === undefined) throw new Error(`unresolved lookup ${lookupId}`);
        tables.set(lookupId, planLookup(state, lookup, `l_${tables.size}`));
      }
    }
  }
  return [...tables.values()];
}

function planLookup(state: PlannerState, lookup: ResolvedLookup, id: string): LookupTable {
  if (lookup.kind === 'rows') return { id, lookup: lookup.id, rows: lookup.rows, default: lookup.default };
  const kpi = state.resolved.kpis.get(lookup.kpi);
  if (kpi === undefined) throw new Error(`unresolved KPI ${lookup.kpi}`);
  const keyId = state.registry.key(lookup.keys.map((k) => ({ source: k.source, expr: rowToIr(k.key) })));
  const level: Level = { dims: [], keys: [keyId] };
  const purpose: ScanPurpose = { kind: 'lookup', lookup: lookup.id };
  const ctx: WalkContext = {
    purpose,
    window: { shifts: [], range: { kind: 'before', length: lookup.window } },
    level,
    kpi: kpi.id,
    windowSpan: lookupSpan(state.resolved.catalog, lookup.id) ?? kpi.def.idSpan,
  };
  const value = walkKpi(state, kpi.expr, ctx);
  const presence = presenceOf(state, kpi.expr, ctx);
  // Unwindowed row counts give the lookup's own data range (the periods it is computed for).
  for (const agg of aggregatesOf(kpi.expr, state.resolved)) {
    const shape = {
      purpose,
      source: agg.source,
      anchor: agg.anchor ?? null,
      mode: 'partials',
      last: false,
      ...(agg.point === undefined ? {} : { point: agg.point }),
    } as const;
    state.registry.measure(shape, { dims: [], keys: [] }, { fn: 'count' });
  }
  return { id, lookup: lookup.id, computed: { level, value, presence }, default: lookup.default };
}

function lookupSpan(catalog: Catalog, id: string): Span | undefined {
  return catalog.lookups.get(id)?.idSpan;
}
