/**
 * The status of a KPI for each rep and pay period, for bonuses paid on status
 * (`{ kpi: win_rate, status: green }`): the KPI's value per rep (kpi-by-rep.ts) judged like a
 * scorecard judges a rep's line — the target that applies to the rep's place in the hierarchy in
 * that period (an override for their region, else the KPI's), its seasonal index and thresholds
 * (src/targets/). Targets that are formulas or baselines are evaluated per rep by the engine.
 */
import type { Database } from '../engine/duckdb.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { CalendarDef } from '../model/types.js';
import { spellsAsOf, type Spell } from '../org/spells.js';
import type { Period } from '../periods/period.js';
import { runKpis, type Failure } from '../pipeline.js';
import { syntheticKpi, withKpis } from '../resolve/extend.js';
import type { ResolvedCatalog } from '../resolve/resolved.js';
import type { KpiExpr } from '../resolve/types.js';
import { chooseSettings, literalTarget, seasonalTarget, targetCandidates, type TargetOrigin } from '../targets/choose.js';
import { targetExpr } from '../targets/expressions.js';
import { judgeFigure } from '../targets/judge-figure.js';
import { seasonalIndex } from '../targets/seasonal.js';
import { DEFAULT_SCORING } from '../targets/settings.js';
import type { Status } from '../targets/status.js';
import type { ValuesByRep } from './kpi-by-rep.js';
import type { BonusCondition, ResolvedPlan } from './resolved.js';

/** A rep's judged KPI in one pay period. */
export interface Judged {
  readonly status: Status;
  readonly target: number | null;
}

/** rep → period start → judged KPI. */
export type StatusByRep = ReadonlyMap<string, ReadonlyMap<string, Judged>>;

type Numbers = Map<string, Map<string, number | null>>;

const originKey = (o: TargetOrigin): string => (o.kind === 'override' ? `o${o.index}` : o.kind);

async function evaluateByRep(
  resolved: ResolvedCatalog,
  plan: ResolvedPlan,
  kpi: string,
  expr: KpiExpr,
  range: { readonly from: string; readonly to: string },
  options: { readonly dataDir: string; readonly db: Database; readonly warnings: Diagnostic[] },
  into: Numbers,
): Promise<Failure | undefined> {
  const like = resolved.kpis.get(kpi);
  if (like === undefined) return undefined;
  const result = await runKpis(
    withKpis(resolved, [syntheticKpi(resolved, '__b_target', expr, like)]),
    { kpis: ['__b_target'], grain: plan.payPeriod, by: [plan.hierarchy.dimension], from: range.from, to: range.to },
    { dataDir: options.dataDir, db: options.db },
  );
  if (!result.ok) return result;
  options.warnings.push(...result.diagnostics);
  for (const row of result.rows) {
    const rep = row.by[0];
    if (rep === null || rep === undefined) continue;
    const perRep = into.get(String(rep)) ?? new Map<string, number | null>();
    perRep.set(row.period, row.value);
    into.set(String(rep), perRep);
  }
  return undefined;
}

/** The status of `c.kpi` for every rep with a spell on the plan, in every pay period of `periods`. */
export async function statusByRep(
  resolved: ResolvedCatalog,
  plan: ResolvedPlan,
  c: BonusCondition,
  values: ValuesByRep,
  context: { readonly periods: readonly Period[]; readonly spells: readonly Spell[]; readonly calendar: CalendarDef },
  options: { readonly dataDir: string; readonly db: Database; readonly warnings: Diagnostic[] },
): Promise<StatusByRep | Failure> {
  const kpi = resolved.kpis.get(c.kpi);
  const first = context.periods[0];
  const last = context.periods[context.periods.length - 1];
  if (kpi === undefined || first === undefined || last === undefined) return new Map();
  // Every target that may apply, evaluated per rep (a formula once; a baseline per period).
  const targets = new Map<string, Numbers>();
  for (const cand of targetCandidates(c.performance, undefined)) {
    if (literalTarget(cand.spec) !== undefined) continue;
    const into: Numbers = new Map();
    const spans =
      cand.spec.kind === 'expr'
        ? [{ from: first.start, to: last.last, p: first }]
        : context.periods.map((p) => ({ from: p.start, to: p.last, p }));
    for (const s of spans) {
      const failed = await evaluateByRep(
        resolved,
        plan,
        c.kpi,
        targetExpr(cand.spec, s.p, context.calendar, kpi.def.idSpan),
        s,
        options,
        into,
      );
      if (failed !== undefined) return failed;
    }
    targets.set(originKey(cand.origin), into);
  }
  const h = plan.hierarchy;
  const out = new Map<string, Map<string, Judged>>();
  for (const p of context.periods) {
    for (const [rep, spell] of spellsAsOf(context.spells, p, 'period_end')) {
      const scope = new Map<string, string | null>();
      h.levels.forEach((l, i) => {
        if (i === 0) return;
        scope.set(l.name, i === h.levels.length - 1 ? rep : (spell.values[i] ?? null));
      });
      const settings = chooseSettings(
        c.performance,
        undefined,
        { scoring: DEFAULT_SCORING, missing: 'ignore' },
        { scope, period: p, calendar: context.calendar },
      );
      const index = seasonalIndex(p, settings.seasonal, context.calendar);
      const chosen = settings.target;
      const raw =
        chosen === undefined ? null : (literalTarget(chosen.spec) ?? targets.get(originKey(chosen.origin))?.get(rep)?.get(p.start) ?? null);
      const target = chosen === undefined ? null : seasonalTarget(raw, chosen.spec, index);
      const value = values.get(rep)?.get(p.start)?.value ?? null;
      const judged = judgeFigure({ value, target, direction: kpi.def.direction, settings, seasonalIndex: index });
      const perRep = out.get(rep) ?? new Map<string, Judged>();
      perRep.set(p.start, { status: judged.status, target });
      out.set(rep, perRep);
    }
  }
  return out;
}
