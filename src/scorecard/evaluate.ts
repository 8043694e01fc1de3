/**
 * Evaluating a scorecard for one node of the organisation and one period: pick the scorecard and
 * the period, place every member in the organisation as of that period, bind exception limits,
 * evaluate each needed level from the data (recomputing every figure from its parts), and judge
 * the node and its children. Never throws for a user mistake: a usage problem (unknown
 * scorecard, period or node) or a data problem comes back as a {@link Failure}.
 */
import { dedupeDiagnostics, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { openDatabase, type Database } from '../engine/duckdb.js';
import { calendarOf } from '../model/calendar.js';
import { evaluateLevel, type ExprRequest, type LevelContext, type LevelValues } from '../org/level-values.js';
import { readOrganisation } from '../org/organisation.js';
import type { OrgNode } from '../org/tree.js';
import { dataAsOf, describeAsOf } from '../periods/as-of.js';
import { latestCompletePeriod } from '../periods/latest-period.js';
import { parsePeriod, type Period } from '../periods/period.js';
import type { Failure } from '../pipeline.js';
import type { ResolvedCatalog } from '../resolve/resolved.js';
import { ON_TARGET } from '../targets/score.js';
import { bindExceptions } from './bind-exceptions.js';
import { nodeRef, requestsFor, scoreNode, type JudgeContext } from './judge.js';
import type { NodeRef, NodeScore, ScorecardReport } from './report.js';
import type { ResolvedScorecard, ScorecardCatalog } from './resolved.js';
import { assignScorecard, nodeAt, selectScorecard } from './select.js';

/** What to evaluate; every field has a default. */
export interface ScorecardRequest {
  /** A scorecard or role id (default: the catalog's main scorecard). */
  readonly scorecard?: string | undefined;
  /** A period label or a date inside it (default: the latest complete period in the data). */
  readonly period?: string | undefined;
  /** `LEVEL=VALUE` (or `LEVEL=VALUE/LEVEL=VALUE`): the node (default: the whole organisation). */
  readonly at?: string | undefined;
  /** Evaluate only this KPI of the node's scorecard (its line, judged as on the full scorecard); no children. */
  readonly kpi?: string | undefined;
}

/** A scorecard reduced to one KPI's entries (scores then mean nothing; the KPI's line is what is read). */
function onlyKpi(sc: ResolvedScorecard | undefined, kpi: string | undefined): ResolvedScorecard | undefined {
  if (sc === undefined || kpi === undefined) return sc;
  const perspectives = sc.body.perspectives
    .map((p) => ({ ...p, entries: p.entries.filter((e) => e.kpi === kpi) }))
    .filter((p) => p.entries.length > 0);
  return { ...sc, body: { ...sc.body, perspectives } };
}

/** A scorecard report, or why there is none. */
export type ScorecardResult =
  { readonly ok: true; readonly report: ScorecardReport; readonly diagnostics: readonly Diagnostic[] } | Failure;

const usage = (message: string): Failure => ({ ok: false, kind: 'usage', message, diagnostics: [] });

/** A period judged against the data's as-of date, with the notes that say so. */
interface ChosenPeriod {
  readonly period: Period;
  readonly asOf: string | undefined;
  readonly complete: boolean | undefined;
  readonly notes: readonly string[];
}

/**
 * The period to score: `--period`, or the latest complete one as of the data's as-of date. A
 * period after that date has not happened and is refused; one that contains it is scored on
 * partial figures, and says so.
 */
async function choosePeriod(
  resolved: ResolvedCatalog,
  sc: ResolvedScorecard,
  text: string | undefined,
  opts: { dataDir: string; db: Database; warnings: Diagnostic[] },
): Promise<ChosenPeriod | Failure> {
  const calendar = calendarOf(resolved.catalog);
  const found = await dataAsOf(resolved, opts);
  if (found !== undefined && 'ok' in found) return found;
  const asOfNote = found === undefined ? [] : [`data as of ${describeAsOf(found)}`];
  if (text !== undefined) {
    const p = parsePeriod(text, sc.body.grain, calendar);
    if (typeof p === 'string') return usage(p);
    if (found === undefined) return { period: p, asOf: undefined, complete: undefined, notes: [] };
    if (p.start > found.date) {
      const latest = latestCompletePeriod(found.date, p.grain, calendar);
      return usage(
        `${p.label} (${p.start} – ${p.last}) has not started: the data runs to ${found.date}; the latest complete ${p.grain} is ${latest.label}`,
      );
    }
    const complete = p.last <= found.date;
    const partial = complete ? [] : [`${p.label} is not complete: its figures run to ${found.date}, ${p.last} is its last day`];
    return { period: p, asOf: found.date, complete, notes: [...asOfNote, ...partial] };
  }
  if (found === undefined) return usage('the catalog reads no dated rows, so there is no latest period; give `--period`');
  return {
    period: latestCompletePeriod(found.date, sc.body.grain, calendar),
    asOf: found.date,
    complete: true,
    notes: [...asOfNote, `period: the latest ${sc.body.grain} complete as of that date; choose another with --period`],
  };
}

/** The highest score each KPI of a node can reach. */
function maxScores(node: NodeScore): number[] {
  return node.perspectives.flatMap((p) => p.kpis.filter((k) => k.state !== 'not-applicable').map((k) => k.maxScore));
}

/** Evaluates the request; opens (and closes) its own database unless one is given. */
export async function evaluateScorecard(
  resolved: ResolvedCatalog,
  catalog: ScorecardCatalog,
  request: ScorecardRequest,
  options: {
    readonly dataDir: string;
    readonly db?: Database | undefined;
    /**
     * The nodes the reader may see (src/access/): the requested node must be one, children that
     * are not are left out, and every figure query returns visible nodes' cells only. Exception
     * limits are policy figures computed on all rows.
     */
    readonly visible?: ((node: OrgNode) => boolean) | undefined;
  },
): Promise<ScorecardResult> {
  const selected = selectScorecard(catalog, resolved, request.scorecard);
  if (typeof selected === 'string') return usage(selected);
  const h = catalog.hierarchies.get(selected.hierarchy);
  const firstKpi = selected.body.perspectives[0]?.entries[0]?.kpi;
  const like = firstKpi === undefined ? undefined : resolved.kpis.get(firstKpi);
  if (h === undefined || like === undefined) throw new Error(`scorecard ${selected.id} was checked without its hierarchy or KPIs`);
  const db = options.db ?? (await openDatabase());
  try {
    const warnings: Diagnostic[] = [];
    const opts = { dataDir: options.dataDir, db, warnings };
    const chosen = await choosePeriod(resolved, selected, request.period, opts);
    if ('ok' in chosen) return chosen;
    const { period } = chosen;
    const calendar = calendarOf(resolved.catalog);
    const roles = [...catalog.roles.values()].filter((r) => r.hierarchy === h.id).sort((a, b) => (a.id < b.id ? -1 : 1));
    const org = await readOrganisation(resolved, h, period, { ...opts, roles, like });
    if ('ok' in org) return org;
    const { tree, membershipDate } = org;
    const found = nodeAt(tree, h, request.at, period);
    if (typeof found === 'string') return usage(found);
    const { node, path } = found;
    const visible = options.visible;
    if (visible !== undefined && !visible(node)) return usage(`${node.levelName} \`${node.label}\` is not visible with your access`);
    const scorecardOf = (n: OrgNode): ResolvedScorecard | undefined =>
      onlyKpi(assignScorecard(catalog, h, selected, roles, n), request.kpi);
    const levelCtx: LevelContext = { resolved, hierarchy: h, period, tree, dataDir: options.dataDir, db, warnings, visible };
    const children = request.kpi !== undefined ? [] : visible === undefined ? node.children : node.children.filter(visible);
    const bodies = [scorecardOf(node), ...children.map(scorecardOf)].filter((s): s is ResolvedScorecard => s !== undefined);
    const bound = await bindExceptions(resolved, catalog, bodies, { ...levelCtx, visible: undefined }, like);
    if ('ok' in bound) return bound;
    const jc: JudgeContext = {
      resolved,
      catalog,
      hierarchy: h,
      period,
      calendar,
      currency: resolved.catalog.meta?.currency ?? 'USD',
      rules: bound,
    };
    const run = async (
      level: number,
      scorecards: readonly (ResolvedScorecard | undefined)[],
      extra: readonly ExprRequest[],
    ): Promise<LevelValues | Failure> => {
      const requests = new Map<string, ExprRequest>();
      for (const sc of scorecards) if (sc !== undefined) for (const r of requestsFor(jc, sc.body, sc.id)) requests.set(r.key, r);
      for (const r of extra) requests.set(r.key, r);
      return evaluateLevel(levelCtx, level, [...requests.values()]);
    };
    const own = await run(node.level, [scorecardOf(node)], []);
    if ('ok' in own) return own;
    const nodeScore = scoreNode(jc, node, path, scorecardOf(node), own);
    let childScores: NodeScore[] = [];
    let childrenScore: number | null = null;
    const rollup = selected.rollupWeight === undefined ? undefined : resolved.kpis.get(selected.rollupWeight);
    if (children.length > 0) {
      const weightRequest: ExprRequest[] =
        rollup === undefined
          ? []
          : [
              {
                key: `w|${rollup.id}`,
                expr: { kind: 'kpi', id: rollup.id, span: rollup.def.idSpan, type: rollup.type, unit: rollup.unit },
                like: rollup,
              },
            ];
      const values = await run(node.level + 1, children.map(scorecardOf), weightRequest);
      if ('ok' in values) return values;
      const childPath: NodeRef[] = [...path, nodeRef(h, node)];
      const scored: { node: OrgNode; score: NodeScore }[] = [];
      for (const child of children) scored.push({ node: child, score: scoreNode(jc, child, childPath, scorecardOf(child), values) });
      // A node for members with no value at this level is shown only when it has figures.
      const shown = scored.filter(
        (c) => c.node.value !== null || c.score.perspectives.some((p) => p.kpis.some((k) => k.value !== null && k.value !== 0)),
      );
      childScores = shown.map((c) => c.score);
      let sum = 0;
      let weights = 0;
      for (const c of shown) {
        const w = rollup === undefined ? 1 : (values.values.get(`w|${rollup.id}`)?.get(c.node.key) ?? null);
        if (c.score.score === null || w === null || !(w > 0)) continue;
        sum += w * c.score.score;
        weights += w;
      }
      childrenScore = weights > 0 ? sum / weights : null;
    }
    const notes = [
      ...chosen.notes,
      `organisation as of ${membershipDate} (${h.asOf === 'period_end' ? 'the period’s last day; leavers as of their last day in it' : 'the period’s first day; joiners as of their first day in it'}): ${
        // A reader confined to part of the organisation is not told its size.
        visible === undefined ? `${tree.members.length} members` : `${node.members.length} members in ${node.label}`
      }`,
    ];
    const report: ScorecardReport = {
      catalog: resolved.catalog.meta?.id ?? '',
      currency: jc.currency,
      hierarchy: { id: h.id, title: h.title },
      scorecard: { kind: selected.kind, id: selected.id, title: selected.title },
      period,
      asOf: chosen.asOf,
      complete: chosen.complete,
      membershipDate,
      scale: { onTarget: ON_TARGET, max: Math.max(ON_TARGET, ...[nodeScore, ...childScores].flatMap(maxScores)) },
      node: nodeScore,
      childrenScore,
      rollupWeight: rollup?.id,
      children:
        children.length === 0
          ? undefined
          : { level: h.levels[node.level + 1]?.name ?? '', levelTitle: h.levels[node.level + 1]?.title ?? '', nodes: childScores },
      notes,
    };
    return { ok: true, report, diagnostics: sortDiagnostics(dedupeDiagnostics(warnings)) };
  } finally {
    if (options.db === undefined) db.close();
  }
}
