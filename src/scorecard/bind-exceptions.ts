/**
 * Exception limits for the evaluated period. A limit written as a number is used as is; a formula
 * (`10 * median(amount where won)`) is evaluated once for the whole organisation in the period,
 * so every node is judged against the same limit. A rule whose limit has no value is not applied,
 * and says so next to the figure.
 */
import type { Failure } from '../pipeline.js';
import type { ResolvedCatalog, ResolvedKpi } from '../resolve/resolved.js';
import type { BoundException } from './expressions.js';
import { evaluateLevel, type ExprRequest, type LevelContext } from './level-run.js';
import type { ResolvedScorecard, ScorecardCatalog } from './resolved.js';

/** The bound rules and the notes on rules left unapplied, by KPI. */
export interface BoundRules {
  readonly rules: ReadonlyMap<string, readonly BoundException[]>;
  readonly notes: ReadonlyMap<string, readonly string[]>;
}

/** Binds the exception rules of every KPI on `bodies`. */
export async function bindExceptions(
  resolved: ResolvedCatalog,
  catalog: ScorecardCatalog,
  bodies: readonly ResolvedScorecard[],
  ctx: LevelContext,
  like: ResolvedKpi,
): Promise<BoundRules | Failure> {
  const kpis = new Set<string>();
  for (const b of bodies) for (const p of b.body.perspectives) for (const e of p.entries) kpis.add(e.kpi);
  const requests: ExprRequest[] = [];
  for (const id of [...kpis].sort()) {
    for (const spec of catalog.performance.get(id)?.exceptions ?? []) {
      if (spec.above.kind !== 'literal') requests.push({ key: `${id}|${spec.rule}`, expr: spec.above, like: resolved.kpis.get(id) ?? like });
    }
  }
  const evaluated = requests.length === 0 ? undefined : await evaluateLevel(ctx, 0, requests);
  if (evaluated !== undefined && 'ok' in evaluated) return evaluated;
  const rules = new Map<string, BoundException[]>();
  const notes = new Map<string, string[]>();
  for (const id of kpis) {
    for (const spec of catalog.performance.get(id)?.exceptions ?? []) {
      const limit = spec.above.kind === 'literal' ? spec.above.value : (evaluated?.values.get(`${id}|${spec.rule}`)?.get(ctx.tree.key) ?? null);
      if (typeof limit !== 'number') {
        const why = evaluated?.unavailable.get(`${id}|${spec.rule}`);
        notes.set(id, [...(notes.get(id) ?? []), `exception rule \`${spec.rule}\` not applied: its limit has no value in ${ctx.period.label}${why === undefined ? '' : ` (${why})`}`]);
        continue;
      }
      rules.set(id, [...(rules.get(id) ?? []), { spec, limit }]);
    }
  }
  return { rules, notes };
}
