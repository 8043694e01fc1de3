/**
 * Judging one node against its scorecard: for each KPI, the value and the target that apply there
 * (the last matching scoped or per-period override, else the scorecard's, else the KPI's), the
 * direction-aware attainment, the status from the ordered rules, the score, and the notes that
 * must travel with the figure (exceptions, missing data, not measurable at this level).
 */
import type { ResolvedCatalog, ResolvedKpi } from '../resolve/resolved.js';
import type { CalendarDef } from '../model/types.js';
import { DEFAULT_THRESHOLDS } from './check-performance.js';
import type { BoundRules } from './bind-exceptions.js';
import { applyExceptions, exceptionReportExpr, targetExpr } from './expressions.js';
import type { ExprRequest, LevelValues } from './level-run.js';
import { PERSPECTIVE_TITLES } from './model.js';
import type { OrgNode } from './org-tree.js';
import { parsePeriod, periodWithin, seasonalIndex, type Period } from './period.js';
import type { ExceptionLine, KpiLine, NodeRef, NodeScore, PerspectiveLine } from './report.js';
import type {
  KpiPerformance,
  ResolvedBody,
  ResolvedEntry,
  ResolvedHierarchy,
  ResolvedScorecard,
  ScorecardCatalog,
  TargetSpec,
  ThresholdSpec,
} from './resolved.js';
import { attainmentOf, scoreOf, weightedAverage, type Part } from './score.js';
import { holdsFor } from './scope.js';
import { evaluateStatus, type Status } from './status.js';
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

function literalTarget(spec: TargetSpec): number | undefined {
  if (spec.kind !== 'expr') return undefined;
  const e = spec.expr;
  if (e.kind === 'literal' && typeof e.value === 'number') return e.value;
  if (e.kind === 'unary' && e.op === '-' && e.operand.kind === 'literal' && typeof e.operand.value === 'number') return -e.operand.value;
  return undefined;
}

/** Request keys: figures computed under one rule set share them across scorecards. */
const keys = {
  value: (kpi: string, rules: string): string => `v|${kpi}|${rules}`,
  override: (kpi: string, rules: string, i: number): string => `t|${kpi}|${rules}|o${i}`,
  entry: (kpi: string, rules: string, scorecard: string): string => `t|${kpi}|${rules}|s:${scorecard}`,
  kpi: (kpi: string, rules: string): string => `t|${kpi}|${rules}|kpi`,
  exception: (kpi: string, rules: string, rule: string, what: 'count' | 'sum'): string => `x|${kpi}|${rules}|${rule}|${what}`,
};

/** The targets an entry may use at some node, each with the request key of its value. */
function targetCandidates(
  perf: KpiPerformance | undefined,
  entry: ResolvedEntry,
  scorecardId: string,
  rules: string,
): { key: string; spec: TargetSpec }[] {
  const out: { key: string; spec: TargetSpec }[] = [];
  perf?.overrides.forEach((o, i) => {
    if (o.target !== undefined) out.push({ key: keys.override(entry.kpi, rules, i), spec: o.target });
  });
  if (entry.target !== undefined) out.push({ key: keys.entry(entry.kpi, rules, scorecardId), spec: entry.target });
  if (perf?.target !== undefined) out.push({ key: keys.kpi(entry.kpi, rules), spec: perf.target });
  return out;
}

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
      for (const c of targetCandidates(jc.catalog.performance.get(kpi.id), entry, scorecardId, set.id)) {
        if (literalTarget(c.spec) !== undefined) continue;
        out.push({
          key: c.key,
          expr: applyExceptions(jc.resolved, targetExpr(c.spec, jc.period, jc.calendar, kpi.def.idSpan), set.rules),
          like: kpi,
        });
      }
      for (const r of set.rules) {
        const anchor = jc.resolved.catalog.sources.get(r.spec.source)?.time?.value;
        out.push({
          key: keys.exception(kpi.id, set.id, r.spec.rule, 'count'),
          expr: exceptionReportExpr(r, 'count', anchor, kpi.def.idSpan),
          like: kpi,
        });
        out.push({
          key: keys.exception(kpi.id, set.id, r.spec.rule, 'sum'),
          expr: exceptionReportExpr(r, 'sum', anchor, kpi.def.idSpan),
          like: kpi,
        });
      }
    }
  }
  return out;
}

function inPeriod(label: string | undefined, jc: JudgeContext): boolean {
  if (label === undefined) return true;
  const outer = parsePeriod(label, jc.period.grain, jc.calendar);
  return typeof outer !== 'string' && periodWithin(jc.period, outer);
}

/** The target and thresholds that apply to `entry` at `node`. */
function settingsAt(
  jc: JudgeContext,
  node: OrgNode,
  entry: ResolvedEntry,
  perf: KpiPerformance | undefined,
  scorecardId: string,
  rules: string,
) {
  let target: { key: string; spec: TargetSpec } | undefined;
  let thresholds: ThresholdSpec | undefined;
  perf?.overrides.forEach((o, i) => {
    if (!inPeriod(o.period, jc) || !holdsFor(o.where, node.scope)) return;
    if (o.target !== undefined) target = { key: keys.override(entry.kpi, rules, i), spec: o.target };
    if (o.thresholds !== undefined) thresholds = o.thresholds;
  });
  target ??=
    entry.target !== undefined
      ? { key: keys.entry(entry.kpi, rules, scorecardId), spec: entry.target }
      : perf?.target !== undefined
        ? { key: keys.kpi(entry.kpi, rules), spec: perf.target }
        : undefined;
  return { target, thresholds: thresholds ?? entry.thresholds ?? perf?.thresholds ?? DEFAULT_THRESHOLDS };
}

function valueAt(values: LevelValues, key: string, node: OrgNode): number | null {
  return values.values.get(key)?.get(node.key) ?? null;
}

async function judgeEntry(
  jc: JudgeContext,
  node: OrgNode,
  kpi: ResolvedKpi,
  entry: ResolvedEntry,
  body: ResolvedBody,
  values: LevelValues,
  scorecardId: string,
): Promise<KpiLine> {
  const perf = jc.catalog.performance.get(kpi.id);
  const policy = entry.missing ?? perf?.missing ?? body.missing;
  const scoring = entry.scoring ?? perf?.scoring ?? body.scoring;
  const index = seasonalIndex(jc.period, entry.seasonal ?? perf?.seasonal, jc.calendar);
  const set = jc.rules.forEntry(scorecardId, kpi.id);
  const { target: chosen, thresholds } = settingsAt(jc, node, entry, perf, scorecardId, set.id);
  const base = {
    kpi: kpi.id,
    title: kpi.def.title ?? kpi.id,
    unit: kpi.unit,
    direction: kpi.def.direction,
    indicator: kpi.def.indicator,
    weight: entry.weight,
    policy,
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
  if (chosen !== undefined) {
    const literal = literalTarget(chosen.spec);
    const raw = literal ?? valueAt(values, chosen.key, node);
    // Seasonality scales flat targets (numbers, baselines); a formula target is already per period.
    target = raw === null ? null : literal !== undefined || chosen.spec.kind === 'baseline' ? raw * index : raw;
    const why = values.unavailable.get(chosen.key);
    if (why !== undefined) notes.push(`target ${why}`);
  }
  const attainment = attainmentOf(value, target, kpi.def.direction);
  const measure = thresholds.on === 'attainment' ? attainment : value;
  const scale = thresholds.on === 'value' ? index : 1;
  let status: Status = await evaluateStatus(measure, {
    green: thresholds.green * scale,
    amber: thresholds.amber * scale,
    better: thresholds.on === 'value' && kpi.def.direction === 'down' ? 'lower' : 'higher',
  });
  let score = scoreOf(scoring, attainment, value, index);
  const missing = score === null;
  if (missing) {
    notes.push(
      value === null
        ? 'no value in this period'
        : target === null
          ? 'no target in this period'
          : `a target of ${target} gives no attainment`,
    );
    if (policy === 'zero') {
      score = 0;
      status = 'red';
    }
  }
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
  return { ...base, value, target, attainment, status, score, state: missing ? 'missing' : 'scored', exceptions, notes };
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
export async function scoreNode(
  jc: JudgeContext,
  node: OrgNode,
  path: readonly NodeRef[],
  sc: ResolvedScorecard | undefined,
  values: LevelValues,
): Promise<NodeScore> {
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
      if (kpi !== undefined) kpis.push(await judgeEntry(jc, node, kpi, entry, sc.body, values, sc.id));
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
  const status = await evaluateStatus(score, {
    green: sc.body.scoreThresholds.green,
    amber: sc.body.scoreThresholds.amber,
    better: 'higher',
  });
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
