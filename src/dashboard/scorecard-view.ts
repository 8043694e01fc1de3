/**
 * The scorecard page of one node for one user: the scorecard evaluated with the user's access
 * inside its queries (only visible nodes' cells come back; children outside it are left out),
 * figures the role may not see redacted, managers' notes attached, and each KPI's computed and
 * next refresh times. Evaluations are kept until the earliest refresh of their KPIs.
 */
import { withCommentary } from '../commentary/attach.js';
import type { Identity } from '../access/model.js';
import { evaluateScorecard } from '../scorecard/evaluate.js';
import type { ScorecardReport } from '../scorecard/report.js';
import type { Failure } from '../pipeline.js';
import type { Computed } from './cache.js';
import type { OrgNode } from '../org/tree.js';
import { refusalOf, type Dashboard, type Place, type Refusal } from './dashboard.js';
import { nodeAtText } from './node-path.js';
import { redactReport } from './redact.js';
import { shortest } from './refresh.js';

/** When the figures of a page were computed, on which data, and when they will be again. */
export interface FigureTimes {
  /** ISO times. */
  readonly computedAt: string;
  readonly next: string;
  /** The data's as-of date (declared, or its latest event: src/periods/as-of.ts). */
  readonly asOf: string;
  /** The data on disk changed since: the figures will pick it up at `next`. */
  readonly newerData: boolean;
}

/** A scorecard page. */
export interface ScorecardView {
  readonly kind: 'scorecard-view';
  readonly place: Place;
  readonly report: ScorecardReport;
  /** The `at` text of each child of the report (undefined: it cannot be named), in order. */
  readonly childAt: readonly (string | undefined)[];
  /** The `at` of each ancestor the user may open (undefined where they may not), top first. */
  readonly crumbs: readonly { readonly label: string; readonly at: string | undefined }[];
  readonly times: FigureTimes;
  /** Refresh cadence of each KPI shown. */
  readonly cadences: ReadonlyMap<string, string>;
}

/** Whose view a cached evaluation is: everyone who sees everything shares one. */
export function viewerKey(place: Place): string {
  return place.grant.role.rows === 'all' ? 'all' : `${place.grant.role.id}:${place.grant.identity.member ?? place.grant.identity.user}`;
}

/**
 * The scorecard of a node as a viewer sees it (their visible nodes inside the queries), computed
 * or reused until the earliest refresh of its KPIs. Redaction and notes come after: this is what
 * every viewer with the same rows shares.
 */
export function computedScorecard(
  d: Dashboard,
  scorecard: string | undefined,
  period: string,
  nodeKey: string,
  at: string,
  viewer: string,
  visible: (n: OrgNode) => boolean,
): Promise<Computed<ScorecardReport | Failure>> {
  const kpis = new Set(d.scorecard.body.perspectives.flatMap((p) => p.entries.map((e) => e.kpi)));
  const cadence = shortest([...kpis].map((k) => d.cadenceOf(k)));
  return d.cache.get<ScorecardReport | Failure>(`sc|${scorecard ?? ''}|${period}|${nodeKey}|${viewer}`, async () => {
    const result = await evaluateScorecard(
      d.options.resolved,
      d.options.scorecards,
      { scorecard, period, at: at === '' ? undefined : at },
      { dataDir: d.options.dataDir, visible },
    );
    return result.ok ? { value: result.report, next: d.next(cadence) } : { value: result, next: d.now() };
  });
}

/** The scorecard page for `identity` at `at` in `period`. */
export async function scorecardView(
  d: Dashboard,
  identity: Identity,
  request: { period?: string; at?: string; scorecard?: string },
): Promise<ScorecardView | Refusal> {
  const place = await d.place(identity, request.period, request.at);
  if ('ok' in place) return place;
  const kpis = new Set(d.scorecard.body.perspectives.flatMap((p) => p.entries.map((e) => e.kpi)));
  const computed = await computedScorecard(
    d,
    request.scorecard,
    place.period.label,
    place.node.key,
    place.at,
    viewerKey(place),
    place.grant.visible,
  );
  const value = computed.value;
  if ('ok' in value) return refusalOf(value);
  let report = redactReport(value, d.hiddenKpis(place.grant));
  if (d.options.commentary !== undefined) report = withCommentary(report, d.options.commentary);
  const dates = (await d.dates()).value;
  const h = d.hierarchy;
  const childNodes = place.node.children.filter(place.grant.visible);
  const childAt = (report.children?.nodes ?? []).map((c) => {
    const node = childNodes.find((n) => n.label === c.label && n.value === c.value);
    return node === undefined ? undefined : nodeAtText(h, node);
  });
  const chain: (typeof place.node)[] = [];
  const walk = (n: typeof place.node, trail: (typeof place.node)[]): boolean => {
    if (n.key === place.node.key) {
      chain.push(...trail);
      return true;
    }
    return n.children.some((c) => walk(c, [...trail, n]));
  };
  walk(place.org.tree, []);
  return {
    kind: 'scorecard-view',
    place,
    report,
    childAt,
    crumbs: chain.map((n) => ({ label: n.label, at: place.grant.visible(n) ? nodeAtText(h, n) : undefined })),
    times: {
      computedAt: computed.computedAt.toISOString(),
      next: computed.next.toISOString(),
      asOf: 'ok' in dates ? '' : dates.end,
      newerData: computed.dataVersion !== d.dataVersion(),
    },
    cadences: new Map([...kpis].map((k) => [k, d.cadenceOf(k)])),
  };
}
