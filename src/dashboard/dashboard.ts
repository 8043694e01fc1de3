/**
 * The web app's model: one catalog, one data folder, one access document, the commentary store
 * and a clock. It answers, for a signed-in user, which period and organisation a request is
 * about, what the user may see there (their grant), and keeps what it computed until the
 * figures' refresh (cache.ts, refresh.ts). The views (scorecard, KPI, rows, notes) build on it.
 */
import { guardedKpis } from '../access/guarded.js';
import { grantFor, type Grant } from '../access/grant.js';
import type { AccessPolicy, Identity } from '../access/model.js';
import type { CommentaryStore } from '../commentary/store.js';
import { dataFingerprint } from '../engine/data-fingerprint.js';
import { openDatabase } from '../engine/duckdb.js';
import type { CalendarDef } from '../model/types.js';
import type { ResolvedHierarchy } from '../org/hierarchy.js';
import { readOrganisation, type Organisation } from '../org/organisation.js';
import type { OrgNode } from '../org/tree.js';
import { dataAsOf } from '../periods/as-of.js';
import { latestCompletePeriod } from '../periods/latest-period.js';
import { parsePeriod, periodBefore, type Period } from '../periods/period.js';
import type { Failure } from '../pipeline.js';
import type { ResolvedCatalog, ResolvedKpi } from '../resolve/resolved.js';
import type { ResolvedScorecard, ScorecardCatalog } from '../scorecard/resolved.js';
import { nodeAt, selectScorecard } from '../scorecard/select.js';
import type { NodeRef } from '../scorecard/report.js';
import { figureCache, type Computed, type FigureCache } from './cache.js';
import { nodeAtText } from './node-path.js';
import { nextRefresh, type Cadence } from './refresh.js';

/** What the dashboard is built from. */
export interface DashboardOptions {
  readonly resolved: ResolvedCatalog;
  readonly scorecards: ScorecardCatalog;
  readonly policy: AccessPolicy;
  readonly dataDir: string;
  readonly commentary?: CommentaryStore | undefined;
  /** The clock (tests move it to cross refresh boundaries). */
  readonly now?: (() => Date) | undefined;
  /** How many periods a KPI's trend shows, the current one included (default 8). */
  readonly trendPeriods?: number | undefined;
}

/** A refusal of a request: an HTTP status and a sentence. */
export interface Refusal {
  readonly ok: false;
  readonly status: 400 | 403 | 404 | 422 | 500;
  readonly message: string;
}

/** Where a request is: the period, its organisation, the user's grant, the node. */
export interface Place {
  readonly period: Period;
  readonly org: Organisation;
  readonly grant: Grant;
  readonly node: OrgNode;
  readonly path: readonly NodeRef[];
  /** The node's `at` text ('' for the top). */
  readonly at: string;
}

/** The data's dates: where it ends, the latest complete period, recent periods. */
interface DataDates {
  readonly end: string;
  readonly latest: Period;
  /** The latest complete period and those before it, newest first. */
  readonly recent: readonly Period[];
}

/** The dashboard. */
export interface Dashboard {
  readonly options: DashboardOptions;
  readonly hierarchy: ResolvedHierarchy;
  readonly scorecard: ResolvedScorecard;
  readonly calendar: CalendarDef;
  readonly currency: string;
  readonly cache: FigureCache;
  now(): Date;
  /** The data folder's fingerprint (looked at most once a second of the dashboard's clock). */
  dataVersion(): string;
  dates(): Promise<Computed<DataDates | Failure>>;
  organisation(period: Period): Promise<Organisation | Failure>;
  /** Resolves a request's period and node for a user; a refusal says why not. */
  place(identity: Identity, period: string | undefined, at: string | undefined): Promise<Place | Refusal>;
  /** The KPIs the user's role may not see the figures of, with the fields that hide them. */
  hiddenKpis(grant: Grant): ReadonlyMap<string, readonly string[]>;
  /** When a computation over KPIs of these cadences is next due. */
  next(cadence: Cadence): Date;
  /** The refresh cadence of a KPI. */
  cadenceOf(kpi: string): Cadence;
}

/** A failure of the pipeline as a refusal (usage problems are the request's fault). */
export function refusalOf(f: Failure): Refusal {
  return { ok: false, status: f.kind === 'usage' ? 400 : 500, message: f.message };
}

/** Builds the dashboard; throws only when the catalog has no scorecard (the CLI checks first). */
export function createDashboard(options: DashboardOptions): Dashboard {
  const { resolved, scorecards, policy } = options;
  const now = options.now ?? (() => new Date());
  const hierarchy = scorecards.hierarchies.get(policy.hierarchy);
  const scorecard = selectScorecard(scorecards, resolved, undefined);
  if (hierarchy === undefined || typeof scorecard === 'string')
    throw new Error(`the catalog has no scorecard on hierarchy ${policy.hierarchy}`);
  const calendar = resolved.catalog.meta?.calendar ?? { fiscalYearStart: 1, weekStart: 'monday' as const };
  const like = resolved.kpis.get(scorecard.body.perspectives[0]?.entries[0]?.kpi ?? '') as ResolvedKpi;
  let version = { at: 0, value: '' };
  const dataVersion = (): string => {
    const t = now().getTime();
    if (t - version.at > 1000) version = { at: t, value: dataFingerprint(options.dataDir) };
    return version.value;
  };
  const cache = figureCache(now, dataVersion);
  const hidden = new Map<string, ReadonlyMap<string, readonly string[]>>();
  const guarded = guardedKpis(resolved, policy);
  const dashboard: Dashboard = {
    options,
    hierarchy,
    scorecard,
    calendar,
    currency: resolved.catalog.meta?.currency ?? 'USD',
    cache,
    now,
    dataVersion,
    next: (cadence) => nextRefresh(now(), cadence, calendar),
    cadenceOf: (kpi) => resolved.kpis.get(kpi)?.def.refresh ?? 'daily',
    dates: () =>
      cache.get<DataDates | Failure>(`dates`, async () => {
        const db = await openDatabase();
        try {
          const found = await dataAsOf(resolved, { dataDir: options.dataDir, db });
          if (found !== undefined && 'ok' in found) return { value: found, next: now() };
          if (found === undefined)
            return { value: { ok: false, kind: 'data', message: 'the data has no dated rows', diagnostics: [] }, next: now() };
          const end = found.date;
          const latest = latestCompletePeriod(end, scorecard.body.grain, calendar);
          const recent = Array.from({ length: 12 }, (_, i) => (i === 0 ? latest : periodBefore(latest, i, calendar)));
          return { value: { end, latest, recent }, next: nextRefresh(now(), 'daily', calendar) };
        } finally {
          db.close();
        }
      }),
    async organisation(period) {
      const got = await cache.get<Organisation | Failure>(`org|${period.label}`, async () => {
        const db = await openDatabase();
        try {
          const org = await readOrganisation(resolved, hierarchy, period, { dataDir: options.dataDir, db, roles: [], like, warnings: [] });
          return { value: org, next: 'ok' in org ? now() : nextRefresh(now(), 'daily', calendar) };
        } finally {
          db.close();
        }
      });
      return got.value;
    },
    async place(identity, periodText, atText) {
      const dates = (await dashboard.dates()).value;
      if ('ok' in dates) return refusalOf(dates);
      let period = dates.latest;
      if (periodText !== undefined) {
        const p = parsePeriod(periodText, scorecard.body.grain, calendar);
        if (typeof p === 'string') return { ok: false, status: 400, message: p };
        period = p;
      }
      const org = await dashboard.organisation(period);
      if ('ok' in org) return refusalOf(org);
      const grant = grantFor(policy, identity, org.tree, hierarchy.levels.length - 1);
      if (grant === undefined)
        return { ok: false, status: 403, message: `${identity.user} has no role in ${period.label}: ask for access` };
      let text = atText;
      if (text === undefined || text === '') {
        const home = grant.homes[0];
        if (home === undefined)
          return { ok: false, status: 403, message: `${identity.user} sees no part of the organisation in ${period.label}` };
        text = nodeAtText(hierarchy, home);
        if (text === undefined) return { ok: false, status: 404, message: 'your part of the organisation has no name here' };
      }
      const found = nodeAt(org.tree, hierarchy, text === '' ? undefined : text, period);
      // Names of nodes outside the user's access never appear in a message (no did-you-mean).
      if (typeof found === 'string')
        return {
          ok: false,
          status: 404,
          message: grant.role.rows === 'all' ? found.replace('--at', 'at') : `no such node in ${period.label}`,
        };
      // A node the user may not see is answered as if it did not exist: no hint that it does.
      if (!grant.visible(found.node)) return { ok: false, status: 404, message: `no such node in ${period.label}` };
      return { period, org, grant, node: found.node, path: found.path, at: text };
    },
    hiddenKpis(grant) {
      const key = [...grant.role.fields].sort().join(',');
      const known = hidden.get(key);
      if (known !== undefined) return known;
      const out = new Map<string, readonly string[]>();
      for (const [kpi, fields] of guarded) {
        const lacking = [...fields].filter((f) => !grant.seesField(f)).sort();
        if (lacking.length > 0) out.set(kpi, lacking);
      }
      hidden.set(key, out);
      return out;
    },
  };
  return dashboard;
}
