/**
 * The KPI page of one node: the KPI's trend over recent periods — each period's value, target,
 * status and status levels judged exactly as the node's scorecard judges it that period
 * (organisation, targets, thresholds and exception rules of that period) — with the current
 * period's exceptions and notes, the figure's lineage, managers' notes on it, and refresh times.
 */
import type { Identity } from '../access/model.js';
import { commentLine } from '../commentary/attach.js';
import { periodBefore, type Period } from '../periods/period.js';
import type { Failure } from '../pipeline.js';
import { evaluateScorecard } from '../scorecard/evaluate.js';
import type { CommentLine, KpiLine } from '../scorecard/report.js';
import { nodeAt } from '../scorecard/select.js';
import { grantFor } from '../access/grant.js';
import { refusalOf, type Dashboard, type Place, type Refusal } from './dashboard.js';
import { lineageOf, type Lineage } from './lineage.js';
import type { FigureTimes } from './scorecard-view.js';
import { viewerKey } from './scorecard-view.js';

/** One period of a trend: the KPI's line there, or why there is none. */
interface TrendPoint {
  readonly period: Period;
  readonly line: KpiLine | undefined;
  readonly missing?: string | undefined;
  /** When the point was computed and is next due, and on which data version. */
  readonly computed?: { readonly at: Date; readonly next: Date; readonly dataVersion: string } | undefined;
}

/** A KPI page. */
export interface KpiView {
  readonly kind: 'kpi-view';
  readonly place: Place;
  readonly kpi: {
    readonly id: string;
    readonly title: string;
    readonly description: string | undefined;
    readonly owner: string | undefined;
    readonly unit: string | undefined;
    readonly direction: 'up' | 'down';
  };
  readonly trend: readonly TrendPoint[];
  /** The line of the requested period. */
  readonly current: KpiLine;
  /** The fields that hide this KPI's figures from the user (empty: they see them). */
  readonly hiddenBy: readonly string[];
  readonly lineage: Lineage | undefined;
  readonly notes: readonly (CommentLine & { readonly id: number; readonly period: string; readonly version: number })[];
  readonly times: FigureTimes;
  readonly cadence: string;
}

async function pointAt(
  d: Dashboard,
  identity: Identity,
  kpi: string,
  at: string,
  period: Period,
  viewer: string,
  scorecard: string | undefined,
): Promise<TrendPoint> {
  const org = await d.organisation(period);
  if ('ok' in org) return { period, line: undefined, missing: org.message };
  const grant = grantFor(d.options.policy, identity, org.tree, d.hierarchy.levels.length - 1);
  const found = nodeAt(org.tree, d.hierarchy, at === '' ? undefined : at, period);
  if (grant === undefined || typeof found === 'string' || !grant.visible(found.node))
    return { period, line: undefined, missing: 'not in the organisation you see then' };
  const computed = await d.cache.get<KpiLine | Failure | undefined>(
    `kpi|${kpi}|${period.label}|${found.node.key}|${viewer}|${scorecard ?? ''}`,
    async () => {
      const r = await evaluateScorecard(
        d.options.resolved,
        d.options.scorecards,
        { scorecard, period: period.label, at: at === '' ? undefined : at, kpi },
        { dataDir: d.options.dataDir, visible: grant.visible },
      );
      if (!r.ok) return { value: r, next: d.now() };
      return { value: r.report.node.perspectives.flatMap((p) => p.kpis).find((k) => k.kpi === kpi), next: d.next(d.cadenceOf(kpi)) };
    },
  );
  const v = computed.value;
  const when = { at: computed.computedAt, next: computed.next, dataVersion: computed.dataVersion };
  if (v === undefined) return { period, line: undefined, missing: 'not on this node’s scorecard then', computed: when };
  if ('ok' in v) return { period, line: undefined, missing: v.message, computed: when };
  return { period, line: v, computed: when };
}

/** The KPI page of `kpi` for `identity` at `at` in `period`. */
export async function kpiView(
  d: Dashboard,
  identity: Identity,
  request: { kpi: string; period?: string; at?: string; scorecard?: string },
): Promise<KpiView | Refusal> {
  const k = d.options.resolved.kpis.get(request.kpi);
  if (k === undefined) return { ok: false, status: 404, message: `no KPI \`${request.kpi}\`` };
  const place = await d.place(identity, request.period, request.at);
  if ('ok' in place) return place;
  const n = d.options.trendPeriods ?? 8;
  const viewer = viewerKey(place);
  const trend: TrendPoint[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const p = i === 0 ? place.period : periodBefore(place.period, i, d.calendar);
    trend.push(await pointAt(d, identity, k.id, place.at, p, viewer, request.scorecard));
  }
  const last = trend[trend.length - 1];
  const current = last?.line;
  if (current === undefined) {
    const why = trend[trend.length - 1]?.missing ?? 'not on this node’s scorecard';
    return why.startsWith('not ')
      ? { ok: false, status: 404, message: `${k.def.title ?? k.id} is ${why}` }
      : refusalOf({ ok: false, kind: 'data', message: why, diagnostics: [] });
  }
  const hiddenBy = d.hiddenKpis(place.grant).get(k.id) ?? [];
  const hide = (line: KpiLine | undefined): KpiLine | undefined =>
    line === undefined || hiddenBy.length === 0
      ? line
      : { ...line, value: null, target: null, levels: null, exceptions: line.exceptions.map((e) => ({ ...e, amount: null })) };
  const store = d.options.commentary;
  const notes =
    store === undefined
      ? []
      : store
          .find({ kpi: k.id, nodes: [place.node.key] })
          .reverse()
          .map((note) => ({ ...commentLine(note), id: note.id, period: note.period, version: note.version }));
  const dates = (await d.dates()).value;
  const cadence = d.cadenceOf(k.id);
  return {
    kind: 'kpi-view',
    place,
    kpi: {
      id: k.id,
      title: k.def.title ?? k.id,
      description: k.def.description,
      owner: k.def.owner,
      unit: k.unit,
      direction: k.def.direction,
    },
    trend: trend.map((t) => ({ ...t, line: hide(t.line) })),
    current: hide(current) ?? current,
    hiddenBy,
    lineage: lineageOf(d.options.resolved, d.hierarchy, place.org.tree, place.node, k.id, place.period, d.options.dataDir),
    notes,
    times: {
      computedAt: (last?.computed?.at ?? d.now()).toISOString(),
      next: (last?.computed?.next ?? d.next(cadence)).toISOString(),
      asOf: 'ok' in dates ? '' : dates.end,
      newerData: last?.computed !== undefined && last.computed.dataVersion !== d.dataVersion(),
    },
    cadence,
  };
}
