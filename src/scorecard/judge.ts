/**
 * Judging one node against its scorecard: for each KPI, the value and the target that apply there
 * (src/targets/choose.ts: the last matching scoped or per-period override, else the scorecard's,
 * else the KPI's), judged by src/targets/ (attainment, status, score), with the notes that must
 * travel with the figure (exceptions, missing data, not measurable at this level); then the
 * perspective and overall scores.
 */
import type { CalendarDef } from '../model/types.js';
import type { ExprRequest, LevelValues } from '../org/level-values.js';
import type { ResolvedHierarchy } from '../org/hierarchy.js';
import { holdsFor } from '../org/scope.js';
import type { OrgNode } from '../org/tree.js';
import type { Period } from '../periods/period.js';
import type { ResolvedCatalog, ResolvedKpi } from '../resolve/resolved.js';
import { chooseSettings, literalTarget, seasonalTarget, targetCandidates, type TargetOrigin } from '../targets/choose.js';
import { applyExceptions, exceptionReportExpr, targetExpr } from '../targets/expressions.js';
import { judgeFigure, type NoScore } from '../targets/judge-figure.js';
import { maxScoreOf, weightedAverage, type Part } from '../targets/score.js';
import { seasonalIndex } from '../targets/seasonal.js';
import { statusOf } from '../targets/status.js';
import { statusLevels } from '../targets/levels.js';
import type { BoundRules } from './bind-exceptions.js';
import { PERSPECTIVE_TITLES } from './model.js';
import type { ExceptionLine, KpiLine, NodeRef, NodeScore, PerspectiveLine } from './report.js';
import type { ResolvedBody, ResolvedEntry, ResolvedScorecard, ScorecardCatalog } from './resolved.js';
import { describeException } from './text.js';
import { pilotOf, pilotOverlaps } from '../lifecycle/pilot.js';

/** What judging needs besides the node. */
export interface JudgeContext {
  readonly resolved: ResolvedCatalog;
  readonly catalog: ScorecardCatalog;
  readonly hierarchy: ResolvedHierarchy;
  readonly period: Period;
  readonly calendar: CalendarDef;
  readonly currency: string;
  /** Exception rules with their limits for the period, by scorecard and KPI. */
  readonly rules: BoundRules;
}

/** Request keys: figures computed under one rule set share them across scorecards. */
const keys = {
  value: (kpi: string, rules: string): string => `v|${kpi}|${rules}`,
  target: (kpi: string, rules: string, origin: TargetOrigin, scorecard: string): string => {
    switch (origin.kind) {
      case 'override':
        return `t|${kpi}|${rules}|o${origin.index}`;
      case 'local':
        return `t|${kpi}|${rules}|s:${scorecard}`;
      case 'kpi':
        return `t|${kpi}|${rules}|kpi`;
      default: {
        const never: never = origin;
        return never;
      }
    }
  },
  exception: (kpi: string, rules: string, rule: string, what: 'count' | 'sum'): string => `x|${kpi}|${rules}|${rule}|${what}`,
};

/** The expressions a body needs evaluated at a level: values, targets, exception reports. */
export function requestsFor(jc: JudgeContext, body: ResolvedBody, scorecardId: string): ExprRequest[] {
  const out: ExprRequest[] = [];
  for (const p of body.perspectives) {
    for (const entry of p.entries) {
      const kpi = jc.resolved.kpis.get(entry.kpi);
      if (kpi === undefined) continue;
      const set = jc.rules.forEntry(scorecardId, kpi.id);
      const self = { kind: 'kpi' as const, id: kpi.id, span: kpi.def.idSpan, type: kpi.type, unit: kpi.unit };
      out.push({ key: keys.value(kpi.id, set.id), expr: applyExceptions(jc.resolved, self, set.rules), like: kpi });
      for (const c of targetCandidates(jc.catalog.performance.get(kpi.id), entry)) {
        if (literalTarget(c.spec) !== undefined) continue;
        out.push({
          key: keys.target(kpi.id, set.id, c.origin, scorecardId),
          expr: applyExceptions(jc.resolved, targetExpr(c.spec, jc.period, jc.calendar, kpi.def.idSpan), set.rules),
          like: kpi,
        });
      }
      for (const r of set.rules) {
        const anchor = jc.resolved.catalog.sources.get(r.spec.source)?.time?.value;
        for (const what of ['count', 'sum'] as const) {
          out.push({
            key: keys.exception(kpi.id, set.id, r.spec.rule, what),
            expr: exceptionReportExpr(r, what, anchor, kpi.def.idSpan),
            like: kpi,
          });
        }
      }
    }
  }
  return out;
}

function valueAt(values: LevelValues, key: string, node: OrgNode): number | null {
  return values.values.get(key)?.get(node.key) ?? null;
}

function noScoreNote(why: NoScore, target: number | null): string {
  switch (why) {
    case 'no-value':
      return 'no value in this period';
    case 'no-target':
      return 'no target in this period';
    case 'no-attainment':
      return `a target of ${target ?? ''} gives no attainment`;
    default: {
      const never: never = why;
      return never;
    }
  }
}

function judgeEntry(
  jc: JudgeContext,
  node: OrgNode,
  kpi: ResolvedKpi,
  entry: ResolvedEntry,
  body: ResolvedBody,
  values: LevelValues,
  scorecardId: string,
): KpiLine {
  const perf = jc.catalog.performance.get(kpi.id);
  const settings = chooseSettings(perf, entry, body, { scope: node.scope, period: jc.period, calendar: jc.calendar });
  const index = seasonalIndex(jc.period, settings.seasonal, jc.calendar);
  const set = jc.rules.forEntry(scorecardId, kpi.id);
  const base = {
    kpi: kpi.id,
    title: kpi.def.title ?? kpi.id,
    unit: kpi.unit,
    direction: kpi.def.direction,
    indicator: kpi.def.indicator,
    weight: entry.weight,
    policy: settings.missing,
    maxScore: maxScoreOf(settings.scoring),
  };
  const notes = [...set.notes];
  const valueKey = keys.value(kpi.id, set.id);
  const unavailable = values.unavailable.get(valueKey);
  if (unavailable !== undefined) {
    return {
      ...base,
      value: null,
      target: null,
      attainment: null,
      status: 'none',
      score: null,
      state: 'not-applicable',
      exceptions: [],
      notes: [...notes, unavailable],
    };
  }
  const value = valueAt(values, valueKey, node);
  let target: number | null = null;
  const chosen = settings.target;
  if (chosen !== undefined) {
    const key = keys.target(kpi.id, set.id, chosen.origin, scorecardId);
    target = seasonalTarget(literalTarget(chosen.spec) ?? valueAt(values, key, node), chosen.spec, index);
    const why = values.unavailable.get(key);
    if (why !== undefined) notes.push(`target ${why}`);
  }
  const judged = judgeFigure({ value, target, direction: kpi.def.direction, settings, seasonalIndex: index });
  if (judged.why !== undefined) notes.push(noScoreNote(judged.why, target));
  const exceptions: ExceptionLine[] = [];
  for (const r of set.rules) {
    const rows = valueAt(values, keys.exception(kpi.id, set.id, r.spec.rule, 'count'), node) ?? 0;
    if (rows <= 0) continue;
    const amount = valueAt(values, keys.exception(kpi.id, set.id, r.spec.rule, 'sum'), node);
    const line: ExceptionLine = {
      rule: r.spec.rule,
      title: r.spec.title,
      action: r.spec.action,
      rows,
      amount,
      limit: r.limit,
      unit: r.spec.value.unit,
    };
    exceptions.push(line);
    notes.push(describeException(line, jc.currency));
  }
  const { attainment, status, score, state } = judged;
  const levels = statusLevels(settings.thresholds, target, kpi.def.direction, index);
  return { ...base, value, target, attainment, status, score, state, exceptions, notes, levels };
}

function part(line: KpiLine): Part {
  if (line.state === 'not-applicable') return { weight: line.weight, state: 'not-applicable' };
  if (line.state === 'missing' && line.policy !== 'zero') return { weight: line.weight, state: 'missing', policy: line.policy };
  return { weight: line.weight, state: 'scored', score: line.score ?? 0 };
}

/** A reference to a node for the report. */
export function nodeRef(h: ResolvedHierarchy, node: OrgNode): NodeRef {
  const level = h.levels[node.level];
  return { level: node.levelName, levelTitle: level?.title ?? node.levelName, value: node.value, label: node.label };
}

/** Scores a node with its scorecard (or lists it unscored when none applies). */
export function scoreNode(
  jc: JudgeContext,
  node: OrgNode,
  path: readonly NodeRef[],
  sc: ResolvedScorecard | undefined,
  values: LevelValues,
): NodeScore {
  const ref = nodeRef(jc.hierarchy, node);
  if (sc === undefined) return { ...ref, path, score: null, status: 'none', perspectives: [], members: node.members.length };
  const perspectives: PerspectiveLine[] = [];
  for (const p of sc.body.perspectives) {
    const kpis: KpiLine[] = [];
    for (const entry of p.entries) {
      const kpi = jc.resolved.kpis.get(entry.kpi);
      // A pilot KPI appears only in the scorecards of the scopes that try it, while they do.
      const pilot = pilotOf(jc.resolved, entry.kpi);
      if (
        pilot !== undefined &&
        !(pilotOverlaps(pilot, jc.period.start, jc.period.last) && pilot.where !== undefined && holdsFor(pilot.where, node.scope))
      )
        continue;
      if (kpi !== undefined) kpis.push(judgeEntry(jc, node, kpi, entry, sc.body, values, sc.id));
    }
    const avg = weightedAverage(kpis.map(part));
    perspectives.push({
      perspective: p.perspective,
      title: PERSPECTIVE_TITLES[p.perspective],
      weight: p.weight,
      score: avg.state === 'scored' ? avg.score : null,
      state: avg.state,
      kpis,
    });
  }
  const overall = weightedAverage(
    perspectives.map((p): Part =>
      p.state === 'scored' ? { weight: p.weight, state: 'scored', score: p.score ?? 0 } : { weight: p.weight, state: p.state },
    ),
  );
  const score = overall.state === 'scored' ? overall.score : null;
  const status = statusOf(score, { green: sc.body.scoreThresholds.green, amber: sc.body.scoreThresholds.amber, better: 'higher' });
  return {
    ...ref,
    path,
    scorecard: { kind: sc.kind, id: sc.id, title: sc.title },
    score,
    status,
    perspectives,
    members: node.members.length,
  };
}
