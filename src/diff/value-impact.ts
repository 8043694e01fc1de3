/**
 * Computes the value impact of a change: the selected KPIs under both versions over the last N
 * complete periods of the data, as a whole and per top-level breakdown (`region`), and the
 * statuses of the scorecards that score them. Both versions run on the same data folder, so every
 * difference comes from the definitions.
 */
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import {
  breaksDownBy,
  completePeriods,
  mainScorecards,
  runValues,
  topLevelDimension,
  type CheckedCatalog,
  type Database,
  type Failure,
  type ScorecardGrain,
  type ValueRow,
} from './pipeline-adapter.js';
import type { ResolvedCatalog } from '../resolve/resolved.js';
import { sameValue } from './compare-values.js';
import type { ChangeImpact } from './impact.js';
import { planPayoutsSection, touchedPlans } from './plan-payouts.js';
import { statusFlips } from './status-flips.js';
import type { CatalogDiff } from './types.js';
import { selectKpis, selectScorecards, type SelectedKpi } from './value-selection.js';
import type { KpiValues, KpiValuesSection, ValueCell, ValueImpact, ValueSection } from './value-types.js';

/** How to compute the value impact. */
export interface ValueImpactOptions {
  readonly grain: ScorecardGrain;
  readonly periods: number;
  /** The breakdown: a dimension, `null` for none, undefined for the top level of the organisation. */
  readonly by?: string | null | undefined;
  readonly dataDir: string;
  readonly db: Database;
}

/** The value impact, with warnings of the runs, or why it failed (the data breaks its contract). */
export type ValueImpactResult = { readonly ok: true; readonly impact: ValueImpact; readonly diagnostics: readonly Diagnostic[] } | Failure;

const cellKey = (kpi: string, period: string, by: string | null | undefined): string =>
  `${kpi}\u0000${period}\u0000${by === undefined ? '*' : by === null ? '-' : `=${by}`}`;

async function runSide(
  resolved: ResolvedCatalog,
  ids: readonly string[],
  range: { grain: ScorecardGrain; from: string; to: string; by: string | undefined },
  options: ValueImpactOptions,
): Promise<{ ok: true; rows: ValueRow[]; diagnostics: Diagnostic[] } | Failure> {
  const whole = await runValues(resolved, { kpis: ids, grain: range.grain, from: range.from, to: range.to }, options);
  if (!whole.ok) return whole;
  const by = range.by;
  const split = by === undefined ? [] : ids.filter((k) => breaksDownBy(resolved, k, by));
  const parts = await runValues(resolved, { kpis: split, grain: range.grain, from: range.from, to: range.to, by }, options);
  if (!parts.ok) return parts;
  return { ok: true, rows: [...whole.rows, ...parts.rows], diagnostics: [...whole.diagnostics, ...parts.diagnostics] };
}

function byOrder(a: ValueCell, b: ValueCell): number {
  const rank = (c: ValueCell): string => (c.by === undefined ? '0' : c.by === null ? '2' : `1${c.by}`);
  return a.period < b.period ? -1 : a.period > b.period ? 1 : rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0;
}

function kpiValues(
  selected: SelectedKpi,
  versions: { readonly base: CheckedCatalog; readonly head: CheckedCatalog },
  cells: ReadonlyMap<string, { base: ValueRow | undefined; head: ValueRow | undefined }>,
): KpiValues {
  const id = selected.headId ?? selected.baseId ?? '';
  const shown = versions.head.resolved.kpis.get(selected.headId ?? '') ?? versions.base.resolved.kpis.get(selected.baseId ?? '');
  const out: ValueCell[] = [];
  for (const [key, c] of cells) {
    if (!key.startsWith(`${id}\u0000`)) continue;
    const row = c.head ?? c.base;
    if (row === undefined) continue;
    const base = c.base?.exact ?? c.base?.value ?? null;
    const head = c.head?.exact ?? c.head?.value ?? null;
    out.push({ period: row.period, by: row.by, base, head, same: sameValue(base, head) });
  }
  out.sort(byOrder);
  return {
    kpi: id,
    baseId: selected.baseId !== undefined && selected.baseId !== id ? selected.baseId : undefined,
    title: shown?.def.title ?? id,
    unit: shown?.unit,
    direction: shown?.def.direction ?? 'up',
    reason: selected.reason,
    cells: out,
    moved: out.some((c) => !c.same),
  };
}

/** The KPI values section (undefined when no KPI's values can move). */
async function valuesSection(
  selected: readonly SelectedKpi[],
  versions: { readonly base: CheckedCatalog; readonly head: CheckedCatalog },
  options: ValueImpactOptions,
): Promise<{ ok: true; section: KpiValuesSection; diagnostics: Diagnostic[] } | Failure | undefined> {
  const base = versions.base.resolved;
  const head = versions.head.resolved;
  const kpis = selected.filter(
    (k) => (k.baseId === undefined || base.kpis.has(k.baseId)) && (k.headId === undefined || head.kpis.has(k.headId)),
  );
  if (kpis.length === 0) return undefined;
  const headIds = kpis.flatMap((k) => (k.headId === undefined ? [] : [k.headId]));
  const baseIds = kpis.flatMap((k) => (k.baseId === undefined ? [] : [k.baseId]));
  const found = await completePeriods(headIds.length > 0 ? head : base, undefined, options.grain, options.periods, options);
  if (!found.ok) return found;
  const first = found.periods[0];
  const last = found.periods[found.periods.length - 1];
  if (first === undefined || last === undefined) return undefined;
  const by = options.by === null ? undefined : (options.by ?? topLevelDimension(head));
  const range = { grain: options.grain, from: first.start, to: last.last, by };
  const baseRun = await runSide(base, baseIds, range, options);
  if (!baseRun.ok) return baseRun;
  const headRun = await runSide(head, headIds, range, options);
  if (!headRun.ok) return headRun;
  const toHead = new Map(kpis.map((k) => [k.baseId ?? '', k.headId ?? k.baseId ?? '']));
  const cells = new Map<string, { base: ValueRow | undefined; head: ValueRow | undefined }>();
  for (const r of baseRun.rows) {
    const id = toHead.get(r.kpi) ?? r.kpi;
    cells.set(cellKey(id, r.period, r.by), { base: r, head: undefined });
  }
  for (const r of headRun.rows) {
    const key = cellKey(r.kpi, r.period, r.by);
    cells.set(key, { base: cells.get(key)?.base, head: r });
  }
  const usedBy = by !== undefined && [...cells.values()].some((c) => (c.head ?? c.base)?.by !== undefined);
  return {
    ok: true,
    section: {
      kind: 'kpi-values',
      periods: found.periods,
      by: usedBy ? by : undefined,
      dataEnd: found.dataEnd,
      kpis: kpis.map((k) => kpiValues(k, versions, cells)),
    },
    diagnostics: [...baseRun.diagnostics, ...headRun.diagnostics],
  };
}

/** The value impact of `diff` on the data folder. */
export async function valueImpact(
  diff: CatalogDiff,
  impacts: readonly ChangeImpact[],
  versions: { readonly base: CheckedCatalog; readonly head: CheckedCatalog },
  options: ValueImpactOptions,
): Promise<ValueImpactResult> {
  if (!versions.base.ok || !versions.head.ok || hasErrors(versions.base.diagnostics)) {
    return { ok: true, impact: { kind: 'not-computed', reason: 'a version of the catalog is invalid' }, diagnostics: [] };
  }
  const selected = selectKpis(diff, impacts, {
    base: [...versions.base.resolved.kpis.keys()],
    head: [...versions.head.resolved.kpis.keys()],
  });
  const sections: ValueSection[] = [];
  const diagnostics: Diagnostic[] = [];
  const values = await valuesSection(selected, versions, options);
  if (values !== undefined) {
    if (!values.ok) return values;
    sections.push(values.section);
    diagnostics.push(...values.diagnostics);
  }
  const scorecards = mainScorecards(versions.head.resolved);
  const mainOf = (id: string): string => [...scorecards.values()].find((s) => s.id === id || s.variants.includes(id))?.id ?? id;
  const chosen = selectScorecards(diff, impacts, selected, scorecards, mainOf);
  if (chosen.length > 0) {
    const statuses = await statusFlips(chosen, selected, versions, options);
    if (!statuses.ok) return statuses;
    sections.push(statuses.section);
    diagnostics.push(...statuses.diagnostics);
  }
  const pay = await planPayoutsSection(touchedPlans(diff, impacts), versions, options);
  if (pay !== undefined) {
    sections.push(pay.section);
    diagnostics.push(...pay.diagnostics);
  }
  return {
    ok: true,
    impact: { kind: 'value-impact', currency: versions.head.catalog.meta?.currency ?? 'USD', sections },
    diagnostics,
  };
}
