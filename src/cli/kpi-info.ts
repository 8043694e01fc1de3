/**
 * What an analyst needs to know about a KPI before using it, gathered from the checked catalog:
 * its settings, the sources it reads, the dimensions it can be broken down by (those every one of
 * its sources declares), what it depends on and what depends on it — KPIs naming it in their
 * formula or target, lookups computed from it, scorecards and roles scoring it. Plain data, so
 * `kpic show` prints it as text or JSON.
 */
import { lineColumnOf } from '../diagnostics/span.js';
import type { KpiGrain, KpiHorizon, KpiStatus, Unit } from '../model/types.js';
import type { ResolvedCatalog, ResolvedKpi } from '../resolve/resolved.js';
import type { KpiExpr } from '../resolve/types.js';
import { forEachKpi } from '../resolve/kpi-walk.js';
import type { ScorecardCatalog } from '../scorecard/resolved.js';

/** A scorecard or role that scores the KPI, and under which perspective. */
interface KpiUse {
  readonly kind: 'scorecard' | 'role';
  readonly id: string;
  readonly perspective: string;
}

/** One KPI, described. */
export interface KpiInfo {
  readonly id: string;
  readonly title: string | undefined;
  readonly description: string | undefined;
  readonly formula: string;
  readonly unit: Unit | undefined;
  readonly direction: 'up' | 'down';
  readonly indicator: string | undefined;
  readonly perspective: string | undefined;
  readonly owner: string | undefined;
  readonly refresh: string | undefined;
  readonly status: KpiStatus;
  readonly horizon: KpiHorizon;
  /** The finest grain it is meaningful at; undefined: any. */
  readonly grain: KpiGrain | undefined;
  readonly target: string | undefined;
  readonly sources: readonly string[];
  readonly dimensions: readonly string[];
  readonly uses: { readonly kpis: readonly string[]; readonly lookups: readonly string[]; readonly checks: readonly string[] };
  readonly usedBy: {
    readonly kpis: readonly string[];
    /** KPIs whose target (or an override's) names it. */
    readonly targets: readonly string[];
    readonly lookups: readonly string[];
    readonly scorecards: readonly KpiUse[];
  };
  /** Where it is written: catalog-relative file and 1-based line. */
  readonly file: string;
  readonly line: number;
}

const sorted = (values: Iterable<string>): string[] => [...new Set(values)].sort();

/** The checks whose pass rates a formula reads (`pass_rate(check)`). */
function checksOf(expr: KpiExpr): string[] {
  const out: string[] = [];
  forEachKpi(expr, (e) => {
    if (e.kind === 'aggregate' && e.check !== undefined) out.push(e.check);
  });
  return sorted(out);
}

/** The dimensions a KPI can be broken down by: those every source it reads declares. */
export function kpiDimensions(resolved: ResolvedCatalog, kpi: ResolvedKpi): string[] {
  if (kpi.sources.length === 0) return [];
  const out: string[] = [];
  for (const dim of resolved.dimensions.values()) {
    if (kpi.sources.every((s) => dim.sources.some((d) => d.source === s))) out.push(dim.name);
  }
  return out.sort();
}

function names(expr: KpiExpr | undefined, id: string): boolean {
  let found = false;
  if (expr !== undefined)
    forEachKpi(expr, (e) => {
      if (e.kind === 'kpi' && e.id === id) found = true;
    });
  return found;
}

function lineOf(resolved: ResolvedCatalog, kpi: ResolvedKpi): number {
  const source = resolved.catalog.files.get(kpi.def.idSpan.file);
  return source === undefined ? 1 : lineColumnOf(source, kpi.def.idSpan.start).line;
}

/** Describes the KPI `kpi` of the catalog. */
export function kpiInfo(resolved: ResolvedCatalog, scorecards: ScorecardCatalog, kpi: ResolvedKpi): KpiInfo {
  const def = kpi.def;
  const others = [...resolved.kpis.values()].filter((k) => k.id !== kpi.id);
  const scoring: KpiUse[] = [];
  for (const sc of [...scorecards.scorecards.values(), ...scorecards.roles.values()]) {
    for (const p of sc.body.perspectives) {
      if (p.entries.some((e) => e.kpi === kpi.id)) scoring.push({ kind: sc.kind, id: sc.id, perspective: p.perspective });
    }
  }
  scoring.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    id: kpi.id,
    title: def.title,
    description: def.description,
    formula: def.formula.text.trim(),
    unit: kpi.unit,
    direction: def.direction,
    indicator: def.indicator,
    perspective: def.perspective,
    owner: def.owner,
    refresh: def.refresh,
    status: def.status.value,
    horizon: def.horizon.value,
    grain: def.grain?.value,
    target: def.target?.text.trim(),
    sources: kpi.sources,
    dimensions: kpiDimensions(resolved, kpi),
    uses: { kpis: sorted(kpi.references.map((r) => r.id)), lookups: sorted(kpi.lookups), checks: checksOf(kpi.expr) },
    usedBy: {
      kpis: sorted(others.filter((k) => k.references.some((r) => r.id === kpi.id)).map((k) => k.id)),
      targets: sorted(
        [...resolved.kpis.values()]
          .filter((k) => names(k.target, kpi.id) || k.overrides.some((o) => names(o.target, kpi.id)))
          .map((k) => k.id),
      ),
      lookups: sorted([...resolved.lookups.values()].filter((l) => l.kind === 'kpi' && l.kpi === kpi.id).map((l) => l.id)),
      scorecards: scoring,
    },
    file: def.idSpan.file,
    line: lineOf(resolved, kpi),
  };
}
