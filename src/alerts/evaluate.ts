/**
 * Evaluating alerts: for each alert, the period (given, or the latest complete one of its grain
 * in the data), the organisation of that period, and at each of its levels every node's facts —
 * KPI-level expressions evaluated through org's `evaluateLevel` (recomputed from their parts,
 * membership as of the period) and KPI statuses judged by targets' `chooseSettings` and
 * `judgeFigure` — then json-rules-engine decides, node by node, whether the alert fires and
 * whether it escalates. Who is told comes from the hierarchy's managers (routing.ts).
 */
import { Engine, type TopLevelCondition } from 'json-rules-engine';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { openDatabase, type Database } from '../engine/duckdb.js';
import type { ResolvedHierarchy } from '../org/hierarchy.js';
import { evaluateLevel, type ExprRequest, type LevelValues } from '../org/level-values.js';
import { readOrganisation } from '../org/organisation.js';
import { holdsFor } from '../org/scope.js';
import { nodesAt, type OrgNode } from '../org/tree.js';
import { dataAsOf } from '../periods/as-of.js';
import { latestCompletePeriod } from '../periods/latest-period.js';
import { parsePeriod, type Period } from '../periods/period.js';
import type { Failure } from '../pipeline.js';
import type { ResolvedCatalog, ResolvedKpi } from '../resolve/resolved.js';
import type { Unit } from '../model/types.js';
import type { ScorecardCatalog } from '../scorecard/resolved.js';
import { chooseSettings, literalTarget, seasonalTarget, targetCandidates } from '../targets/choose.js';
import { targetExpr } from '../targets/expressions.js';
import { judgeFigure } from '../targets/judge-figure.js';
import { seasonalIndex } from '../targets/seasonal.js';
import { DEFAULT_SCORING } from '../targets/settings.js';
import type { Status } from '../targets/status.js';
import type { AlertDef, Fact, RuleCondition, Severity } from './model.js';
import { recipientsOf, type Addressee } from './routing.js';

/** A node an alert was evaluated at. */
interface AlertNode {
  readonly level: string;
  readonly levelTitle: string;
  readonly label: string;
  /** The node's path key (`OrgNode.key`): stable across runs, what the sent state is kept by. */
  readonly key: string;
  /** Labels of its ancestors, top first. */
  readonly path: readonly string[];
  /** Every value the condition reads was there: the alert firing or not is a decision, not a gap. */
  readonly decided: boolean;
}

/** A value the condition read at a node. */
export interface AlertValue {
  readonly text: string;
  readonly value: number | Status | null;
  readonly unit: Unit | undefined;
}

/** An alert that fires at a node. */
export interface Firing {
  readonly alert: string;
  readonly title: string;
  readonly severity: Severity;
  readonly escalated: boolean;
  readonly period: Period;
  readonly node: AlertNode;
  readonly condition: string;
  readonly values: readonly AlertValue[];
  readonly to: readonly Addressee[];
  /** The KPIs the condition names (commentary on them travels with the alert). */
  readonly kpis: readonly string[];
}

/** One alert's evaluation in one period. */
export interface AlertEvaluation {
  readonly alert: string;
  readonly period: Period;
  /** Every node it was evaluated at (firing or not): a decided one not firing clears the alert there. */
  readonly nodes: readonly AlertNode[];
  readonly firing: readonly Firing[];
}

/** The evaluations of every alert asked for, or why there are none. */
export type AlertsResult =
  { readonly ok: true; readonly evaluations: readonly AlertEvaluation[]; readonly diagnostics: readonly Diagnostic[] } | Failure;

const usage = (message: string): Failure => ({ ok: false, kind: 'usage', message, diagnostics: [] });

function pathLabels(tree: OrgNode, node: OrgNode): string[] {
  const walk = (n: OrgNode, trail: string[]): string[] | undefined => {
    if (n.key === node.key) return trail;
    for (const c of n.children) {
      const found = walk(c, [...trail, n.label]);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return walk(tree, []) ?? [];
}

interface Context {
  readonly resolved: ResolvedCatalog;
  readonly catalog: ScorecardCatalog;
  readonly hierarchy: ResolvedHierarchy;
  readonly period: Period;
}

/** The expressions a level needs for the alert's facts: values, and each status's value and targets. */
function requestsFor(c: Context, facts: readonly Fact[], like: ResolvedKpi): ExprRequest[] {
  const calendar = c.resolved.catalog.meta?.calendar ?? { fiscalYearStart: 1, weekStart: 'monday' as const };
  const out: ExprRequest[] = [];
  for (const f of facts) {
    if (f.kind === 'value') {
      out.push({ key: f.id, expr: f.expr, like });
      continue;
    }
    const kpi = c.resolved.kpis.get(f.kpi);
    if (kpi === undefined) continue;
    out.push({ key: `${f.id}|v`, expr: { kind: 'kpi', id: kpi.id, span: kpi.def.idSpan, type: kpi.type, unit: kpi.unit }, like: kpi });
    targetCandidates(c.catalog.performance.get(kpi.id), undefined).forEach((t, i) => {
      if (literalTarget(t.spec) === undefined)
        out.push({ key: `${f.id}|t${i}`, expr: targetExpr(t.spec, c.period, calendar, kpi.def.idSpan), like: kpi });
    });
  }
  return out;
}

function statusAt(c: Context, f: Extract<Fact, { kind: 'status' }>, node: OrgNode, values: LevelValues): Status {
  const kpi = c.resolved.kpis.get(f.kpi);
  if (kpi === undefined) return 'none';
  const calendar = c.resolved.catalog.meta?.calendar ?? { fiscalYearStart: 1, weekStart: 'monday' as const };
  const perf = c.catalog.performance.get(kpi.id);
  const settings = chooseSettings(
    perf,
    undefined,
    { scoring: DEFAULT_SCORING, missing: 'ignore' },
    { scope: node.scope, period: c.period, calendar },
  );
  const index = seasonalIndex(c.period, settings.seasonal, calendar);
  const at = (key: string): number | null => values.values.get(key)?.get(node.key) ?? null;
  let target: number | null = null;
  const chosen = settings.target;
  if (chosen !== undefined) {
    const i = targetCandidates(perf, undefined).findIndex((t) => t.spec === chosen.spec);
    target = seasonalTarget(literalTarget(chosen.spec) ?? at(`${f.id}|t${i}`), chosen.spec, index);
  }
  return judgeFigure({ value: at(`${f.id}|v`), target, direction: kpi.def.direction, settings, seasonalIndex: index }).status;
}

const top = (c: RuleCondition): TopLevelCondition =>
  ('all' in c || 'any' in c || 'not' in c ? c : { all: [c] }) as unknown as TopLevelCondition;

async function choosePeriod(
  resolved: ResolvedCatalog,
  alert: AlertDef,
  text: string | undefined,
  like: ResolvedKpi,
  opts: { dataDir: string; db: Database; warnings: Diagnostic[] },
): Promise<Period | Failure> {
  const calendar = resolved.catalog.meta?.calendar ?? { fiscalYearStart: 1, weekStart: 'monday' as const };
  if (text !== undefined) {
    const p = parsePeriod(text, alert.grain, calendar);
    return typeof p === 'string' ? usage(p) : p;
  }
  // The data's as-of date (declared, or its latest event), as every reader of figures judges by.
  const found = await dataAsOf(resolved, opts);
  if (found !== undefined && 'ok' in found) return found;
  if (found === undefined) return usage(`alert \`${alert.id}\` reads no dated rows, so there is no latest period; give --period`);
  return latestCompletePeriod(found.date, alert.grain, calendar);
}

/** Evaluates `alerts` (period: a label or date, default the latest complete one of each alert's grain). */
export async function evaluateAlerts(
  resolved: ResolvedCatalog,
  catalog: ScorecardCatalog,
  alerts: readonly AlertDef[],
  request: { readonly period?: string | undefined },
  options: { readonly dataDir: string; readonly db?: Database | undefined },
): Promise<AlertsResult> {
  const db = options.db ?? (await openDatabase());
  const warnings: Diagnostic[] = [];
  try {
    const evaluations: AlertEvaluation[] = [];
    for (const alert of alerts) {
      const h = catalog.hierarchies.get(alert.hierarchy);
      const like = resolved.kpis.get(alert.when.kpis[0] ?? '') ?? [...resolved.kpis.values()][0];
      if (h === undefined || like === undefined) throw new Error(`alert ${alert.id} was checked without its hierarchy or KPIs`);
      const opts = { dataDir: options.dataDir, db, warnings };
      const period = await choosePeriod(resolved, alert, request.period, like, opts);
      if ('ok' in period) return period;
      const org = await readOrganisation(resolved, h, period, { ...opts, roles: [], like });
      if ('ok' in org) return org;
      const c: Context = { resolved, catalog, hierarchy: h, period };
      const facts = [...alert.when.facts, ...(alert.escalate?.when.facts ?? [])];
      const engine = new Engine([], { allowUndefinedFacts: true });
      engine.addRule({ name: 'fires', priority: 2, conditions: top(alert.when.condition), event: { type: 'fires' } });
      if (alert.escalate !== undefined)
        engine.addRule({
          name: 'escalates',
          priority: 1,
          conditions: top({ all: [alert.when.condition, alert.escalate.when.condition] }),
          event: { type: 'escalates' },
        });
      const nodes: AlertNode[] = [];
      const firing: Firing[] = [];
      for (const level of alert.levels) {
        const at = nodesAt(org.tree, level).filter(
          (n) => (level === 0 || n.value !== null) && (alert.where === undefined || holdsFor(alert.where, n.scope)),
        );
        if (at.length === 0) continue;
        const values = await evaluateLevel(
          { resolved, hierarchy: h, period, tree: org.tree, dataDir: options.dataDir, db, warnings },
          level,
          requestsFor(c, facts, like),
        );
        if ('ok' in values) return values;
        for (const node of at) {
          const read = new Map<string, number | Status | null>();
          for (const f of facts)
            read.set(f.id, f.kind === 'value' ? (values.values.get(f.id)?.get(node.key) ?? null) : statusAt(c, f, node, values));
          const ref: AlertNode = {
            level: node.levelName,
            levelTitle: h.levels[level]?.title ?? node.levelName,
            label: node.label,
            key: node.key,
            path: pathLabels(org.tree, node),
            decided: [...read.values()].every((v) => v !== null),
          };
          nodes.push(ref);
          const { events } = await engine.run(Object.fromEntries(read));
          const escalated = events.some((e) => e.type === 'escalates');
          if (!escalated && !events.some((e) => e.type === 'fires')) continue;
          const routing = escalated && alert.escalate !== undefined ? alert.escalate : alert.routing;
          firing.push({
            alert: alert.id,
            title: alert.title,
            severity: routing.severity,
            escalated,
            period,
            node: ref,
            condition: escalated && alert.escalate !== undefined ? alert.escalate.when.text : alert.when.text,
            values: facts
              .filter((f, i) => facts.findIndex((g) => g.text === f.text) === i)
              .map((f) => ({ text: f.text, value: read.get(f.id) ?? null, unit: f.kind === 'value' ? f.expr.unit : undefined })),
            to: recipientsOf(resolved, org.tree, node, routing, alert.when.kpis),
            kpis: alert.when.kpis,
          });
        }
      }
      evaluations.push({ alert: alert.id, period, nodes, firing });
    }
    return { ok: true, evaluations, diagnostics: warnings };
  } finally {
    if (options.db === undefined) db.close();
  }
}
