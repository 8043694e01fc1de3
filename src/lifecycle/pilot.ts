/**
 * Pilots in scorecards: a pilot KPI is scored only for the nodes its `pilot.where` holds for (a
 * condition on hierarchy levels, evaluated the way a scorecard evaluates override scopes) and only
 * in periods that overlap its dates. The conditions are resolved once per resolved catalog.
 */
import { diagnostic, type Diagnostic, type PhaseResult } from '../diagnostics/diagnostic.js';
import { stageOf } from '../model/kpi-status.js';
import { createEnv, parseOnce } from '../resolve/env.js';
import type { ResolvedCatalog } from '../resolve/resolved.js';
import { resolveRow } from '../resolve/row.js';
import type { RowExpr, Typed } from '../resolve/types.js';
import { readLifecycle } from './read.js';

/** A pilot with its scope resolved. */
export interface ResolvedPilot {
  readonly kind: 'resolved-pilot';
  readonly kpi: string;
  /** The scopes that try the KPI; absent when the condition is missing (an error is reported). */
  readonly where?: RowExpr | undefined;
  readonly from?: string | undefined;
  readonly until?: string | undefined;
}

/** Level names of every hierarchy: what a pilot's scope may name (besides dimensions). */
function levelNames(resolved: ResolvedCatalog): string[] {
  const out: string[] = [];
  for (const doc of resolved.catalog.documents) {
    if (doc.kind !== 'hierarchy') continue;
    const levels = doc.tree.byKey.get('levels')?.value;
    if (levels?.kind !== 'seq') continue;
    for (const item of levels.items) {
      const name = item.kind === 'map' ? item.byKey.get('level')?.value : undefined;
      if (name?.kind === 'scalar' && typeof name.value === 'string') out.push(name.value);
    }
  }
  return out;
}

/** Resolves the scope of every pilot KPI; unknown names and non-conditions are reported. */
export function resolvePilots(resolved: ResolvedCatalog): PhaseResult<ReadonlyMap<string, ResolvedPilot>> {
  const env = createEnv(resolved.catalog);
  const dimensions = new Map<string, Typed>();
  for (const [name, d] of resolved.dimensions) dimensions.set(name, { type: d.type });
  for (const level of levelNames(resolved)) if (!dimensions.has(level)) dimensions.set(level, { type: 'string' });
  const pilots = new Map<string, ResolvedPilot>();
  const diagnostics: Diagnostic[] = [];
  for (const kpi of resolved.catalog.kpis.values()) {
    if (stageOf(kpi.status.value) !== 'pilot') continue;
    const pilot = readLifecycle(kpi, resolved.catalog.files).pilot;
    let where: RowExpr | undefined;
    if (pilot?.where !== undefined) {
      where = resolveRow(env, parseOnce(env, pilot.where), { dimensions });
      if (where.type !== 'boolean' && where.type !== 'error') {
        const message = `the pilot scope \`${pilot.where.text}\` must be a condition (true or false), e.g. \`region = 'EMEA'\``;
        diagnostics.push(diagnostic('resolve/type-mismatch', pilot.where.node.span, message));
      }
    }
    pilots.set(kpi.id, { kind: 'resolved-pilot', kpi: kpi.id, where, from: pilot?.from?.value, until: pilot?.until?.value });
  }
  return { value: pilots, diagnostics: [...env.diagnostics, ...diagnostics] };
}

const cache = new WeakMap<ResolvedCatalog, ReadonlyMap<string, ResolvedPilot>>();

/** The pilot of a KPI (undefined when the KPI is not a pilot), resolved once per catalog. */
export function pilotOf(resolved: ResolvedCatalog, kpi: string): ResolvedPilot | undefined {
  let pilots = cache.get(resolved);
  if (pilots === undefined) {
    pilots = resolvePilots(resolved).value;
    cache.set(resolved, pilots);
  }
  return pilots.get(kpi);
}

/** Whether the pilot runs during the period `[start, last]` (ISO dates; open ends always overlap). */
export function pilotOverlaps(pilot: ResolvedPilot, start: string, last: string): boolean {
  return (pilot.from === undefined || pilot.from <= last) && (pilot.until === undefined || pilot.until >= start);
}
