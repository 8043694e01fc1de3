/**
 * The rows behind a figure — the deals of a cell: for one KPI at one node in one period, each
 * aggregate the figure reads (figure-parts.ts) listed as the source rows it takes, restricted in
 * the query itself to the node's members that the user may see, with the columns the user's role
 * may see (guarded fields left out of the SELECT, never hidden later). Parts taken over the whole
 * organisation (`total()`) are listed only for roles that see every row. Listings are kept until
 * the KPI's refresh, like its figures.
 */
import { hiddenColumns } from '../access/grant.js';
import type { Identity } from '../access/model.js';
import { listRows } from '../pipeline.js';
import { figureParts } from '../query/figure-parts.js';
import { planRows, type RowsRequest } from '../query/plan-rows.js';
import { forEachRow } from '../resolve/row-walk.js';
import type { RowExpr } from '../resolve/types.js';
import type { Row } from '../engine/duckdb.js';
import type { OrgNode } from '../org/tree.js';
import { refusalOf, type Dashboard, type Place, type Refusal } from './dashboard.js';
import { viewerKey, type FigureTimes } from './scorecard-view.js';

/** The most rows one page lists. */
export const ROWS_PAGE = 100;

/** The most rows an export lists. */
export const ROWS_EXPORT = 100_000;

/** One aggregate's rows. */
export interface RowsPart {
  readonly source: string;
  readonly sourceTitle: string | undefined;
  /** The aggregate as written (`sum(amount) where stage = 'Closed Won'`). */
  readonly aggregate: string;
  /** The KPI whose formula holds it. */
  readonly kpi: string;
  readonly dates: { readonly from: string; readonly before: string } | undefined;
  readonly columns: readonly string[];
  readonly rows: readonly Row[];
  readonly total: number;
  /** Guarded columns left out for the user's role. */
  readonly withheld: readonly string[];
  /** Why this part has no listing (the rows cannot be told apart by node here), if so. */
  readonly unavailable?: string | undefined;
}

/** The deals page. */
export interface RowsView {
  readonly kind: 'rows-view';
  readonly place: Place;
  readonly kpi: { readonly id: string; readonly title: string };
  readonly parts: readonly RowsPart[];
  readonly offset: number;
  /** When the listing was read, and when it will be again. */
  readonly times: FigureTimes;
}

/** Whether a row expression reads a column that `hides` (source → hidden columns) withholds. */
function readsHidden(e: RowExpr | undefined, hides: (source: string) => ReadonlySet<string>): boolean {
  let found = false;
  forEachRow(e, (r) => {
    if (r.kind === 'column' && hides(r.source).has(r.column)) found = true;
  });
  return found;
}

/** Which rows of `source` belong to `node` for this user: a dimension and its values, or why none. */
function within(d: Dashboard, place: Place, source: string, node: OrgNode): RowsRequest['within'] | string {
  const h = d.hierarchy;
  const all = place.grant.role.rows === 'all';
  const dims = d.options.resolved.dimensions;
  const declares = (dim: string | undefined): boolean =>
    dim !== undefined && (dims.get(dim)?.sources.some((s) => s.source === source) ?? false);
  if (node.level === 0 && all) return [];
  if (declares(h.dimension)) {
    const last = h.levels.length - 1;
    const visibleMembers = new Set<string>();
    const walk = (n: OrgNode): void => {
      if (n.level === last && n.value !== null && place.grant.visible(n)) visibleMembers.add(n.value);
      n.children.forEach(walk);
    };
    walk(node);
    return [{ dimension: h.dimension, values: node.members.filter((m) => all || visibleMembers.has(m)) }];
  }
  const fallback = h.levels[node.level]?.dimension;
  if (declares(fallback) && fallback !== undefined && node.value !== null && all) return [{ dimension: fallback, values: [node.value] }];
  return `the rows of ${source} are not credited to a ${h.levels[node.level]?.title ?? 'node'} here`;
}

/** The rows behind `kpi` at the request's node and period, for `identity`. */
export async function rowsView(
  d: Dashboard,
  identity: Identity,
  request: { kpi: string; period?: string; at?: string; offset?: number; source?: string; key?: string; limit?: number },
): Promise<RowsView | Refusal> {
  const k = d.options.resolved.kpis.get(request.kpi);
  if (k === undefined) return { ok: false, status: 404, message: `no KPI \`${request.kpi}\`` };
  const place = await d.place(identity, request.period, request.at);
  if ('ok' in place) return place;
  const offset = request.offset ?? 0;
  // Listings are kept like figures, until the KPI's refresh; the columns depend on the role's fields.
  const fields = [...place.grant.role.fields].sort().join(',');
  const key = `rows|${k.id}|${place.period.label}|${place.node.key}|${viewerKey(place)}|${fields}|${offset}|${request.limit ?? ROWS_PAGE}|${request.source ?? ''}|${request.key ?? ''}`;
  const computed = await d.cache.get<RowsPart[] | Refusal>(key, async () => {
    const parts = await listParts(d, place, k.id, { ...request, offset });
    return { value: parts, next: Array.isArray(parts) ? d.next(d.cadenceOf(k.id)) : d.now() };
  });
  const parts = computed.value;
  if (!Array.isArray(parts)) return parts;
  const dates = (await d.dates()).value;
  return {
    kind: 'rows-view',
    place,
    kpi: { id: k.id, title: k.def.title ?? k.id },
    parts,
    offset,
    times: {
      computedAt: computed.computedAt.toISOString(),
      next: computed.next.toISOString(),
      asOf: 'ok' in dates ? '' : dates.end,
      newerData: computed.dataVersion !== d.dataVersion(),
    },
  };
}

async function listParts(
  d: Dashboard,
  place: Place,
  kpi: string,
  request: { offset: number; source?: string; key?: string; limit?: number },
): Promise<RowsPart[] | Refusal> {
  const { resolved, policy } = d.options;
  const offset = request.offset;
  const parts: RowsPart[] = [];
  for (const part of figureParts(resolved, kpi, place.period.start, place.period.grain, d.calendar)) {
    const agg = part.aggregate;
    const def = resolved.catalog.sources.get(agg.source);
    if (def === undefined || (request.source !== undefined && request.source !== agg.source)) continue;
    const hidden = hiddenColumns(policy, place.grant, agg.source);
    const columns = [...def.columns.keys()].filter((c) => !hidden.has(c));
    const base = {
      source: agg.source,
      sourceTitle: def.title,
      aggregate: `${agg.fn}(${agg.source}${agg.value === undefined ? '' : ' …'})${agg.filter === undefined ? '' : ' where …'}`,
      kpi: part.kpi,
      dates: part.dates,
      withheld: [...hidden].sort(),
    };
    const restriction =
      part.total && place.grant.role.rows !== 'all'
        ? 'taken over the whole organisation'
        : within(d, place, agg.source, part.total ? place.org.tree : place.node);
    if (typeof restriction === 'string') {
      parts.push({ ...base, columns: [], rows: [], total: 0, unavailable: restriction });
      continue;
    }
    const query = planRows(resolved, {
      source: agg.source,
      columns,
      value: readsHidden(agg.value, (s) => hiddenColumns(policy, place.grant, s)) ? undefined : agg.value,
      filter: agg.filter,
      dates: agg.anchor === undefined || part.dates === undefined ? undefined : { anchor: agg.anchor, ...part.dates },
      within: restriction,
      key: request.key,
      limit: Math.min(request.limit ?? ROWS_PAGE, ROWS_EXPORT),
      offset,
    });
    if (query.kind !== 'rows') {
      parts.push({ ...base, columns: [], rows: [], total: 0, unavailable: `these rows cannot be listed (${query.kind})` });
      continue;
    }
    const listed = await listRows(resolved, query, { dataDir: d.options.dataDir });
    if (!listed.ok) return refusalOf(listed);
    parts.push({ ...base, columns: listed.columns, rows: listed.rows, total: listed.total });
  }
  return parts;
}
