/**
 * Exception limits for the evaluated period. The rules of a KPI on a scorecard are the KPI's own
 * plus the scorecard's (a scorecard rule of the same name replaces the KPI's). A limit written
 * as a number is used as is; a formula (`10 * median(amount where won)`) is evaluated once for
 * the whole organisation in the period, so every node is judged against the same limit. A rule
 * whose limit has no value is not applied, and says so next to the figure.
 */
import { evaluateLevel, type ExprRequest, type LevelContext } from '../org/level-values.js';
import type { Failure } from '../pipeline.js';
import type { ResolvedCatalog, ResolvedKpi } from '../resolve/resolved.js';
import type { BoundException } from '../targets/expressions.js';
import type { ExceptionSpec } from '../targets/settings.js';
import type { ResolvedScorecard, ScorecardCatalog } from './resolved.js';

/** The rules that apply to one KPI of one scorecard, with their limits. */
interface RuleSet {
  /** Identifies the rule set: figures computed under the same rules share requests. */
  readonly id: string;
  readonly rules: readonly BoundException[];
  /** Notes on rules that could not be applied. */
  readonly notes: readonly string[];
}

/** Rule sets by scorecard and KPI. */
export interface BoundRules {
  forEntry(scorecard: string, kpi: string): RuleSet;
}

const NONE: RuleSet = { id: 'r0', rules: [], notes: [] };

function specsFor(catalog: ScorecardCatalog, sc: ResolvedScorecard, kpi: string): ExceptionSpec[] {
  const own = sc.body.perspectives.flatMap((p) => p.entries).find((e) => e.kpi === kpi)?.exceptions ?? [];
  const names = new Set(own.map((e) => e.rule));
  return [...(catalog.performance.get(kpi)?.exceptions ?? []).filter((e) => !names.has(e.rule)), ...own];
}

/** Binds the exception rules of every KPI on `bodies`. */
export async function bindExceptions(
  resolved: ResolvedCatalog,
  catalog: ScorecardCatalog,
  bodies: readonly ResolvedScorecard[],
  ctx: LevelContext,
  like: ResolvedKpi,
): Promise<BoundRules | Failure> {
  const pending: { sc: string; kpi: string; specs: ExceptionSpec[] }[] = [];
  const requests: ExprRequest[] = [];
  const seen = new Set<string>();
  for (const sc of bodies) {
    if (seen.has(sc.id)) continue;
    seen.add(sc.id);
    for (const entry of sc.body.perspectives.flatMap((p) => p.entries)) {
      const specs = specsFor(catalog, sc, entry.kpi);
      if (specs.length === 0) continue;
      pending.push({ sc: sc.id, kpi: entry.kpi, specs });
      for (const spec of specs) {
        if (spec.above.kind !== 'literal')
          requests.push({ key: `${sc.id}|${entry.kpi}|${spec.rule}`, expr: spec.above, like: resolved.kpis.get(entry.kpi) ?? like });
      }
    }
  }
  const evaluated = requests.length === 0 ? undefined : await evaluateLevel(ctx, 0, requests);
  if (evaluated !== undefined && 'ok' in evaluated) return evaluated;
  const interned = new Map<string, string>();
  const sets = new Map<string, RuleSet>();
  for (const { sc, kpi, specs } of pending) {
    const rules: BoundException[] = [];
    const notes: string[] = [];
    for (const spec of specs) {
      const key = `${sc}|${kpi}|${spec.rule}`;
      const limit = spec.above.kind === 'literal' ? spec.above.value : (evaluated?.values.get(key)?.get(ctx.tree.key) ?? null);
      if (typeof limit !== 'number') {
        const why = evaluated?.unavailable.get(key);
        notes.push(
          `exception rule \`${spec.rule}\` not applied: its limit has no value in ${ctx.period.label}${why === undefined ? '' : ` (${why})`}`,
        );
        continue;
      }
      rules.push({ spec, limit });
    }
    // Rules differ by their rows, test, action and limit (not by where they were written).
    const signature = JSON.stringify(
      rules.map((r) => [r.spec.rule, r.spec.source, r.spec.where ?? null, r.spec.value, r.spec.action, r.limit]),
    );
    let id = interned.get(signature);
    if (id === undefined) {
      id = `r${interned.size + 1}`;
      interned.set(signature, id);
    }
    sets.set(`${sc}|${kpi}`, { id: rules.length === 0 ? NONE.id : id, rules, notes });
  }
  return { forEntry: (sc, kpi) => sets.get(`${sc}|${kpi}`) ?? NONE };
}
