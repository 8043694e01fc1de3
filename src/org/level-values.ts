/**
 * Figures by node of the organisation: expressions evaluated for every node of one level in one
 * period, recomputed from their parts. The whole organisation is `by: []`; a level in between is
 * a dimension mapped from the member dimension as of the period (each member → its node there);
 * members are the member dimension itself. An expression whose sources lack the member dimension
 * uses the level's fallback `dimension`, else it is not available at that level — never an
 * average of the level below. Scorecards, pay plans and alerts all read figures this way.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Database } from '../engine/duckdb.js';
import type { Period } from '../periods/period.js';
import { planQuery } from '../query/planner.js';
import { runKpis, type Failure } from '../pipeline.js';
import { syntheticKpi, withKpis, withMappedDimension } from '../resolve/extend.js';
import type { ResolvedCatalog, ResolvedKpi } from '../resolve/resolved.js';
import type { KpiExpr } from '../resolve/types.js';
import type { ResolvedHierarchy } from './hierarchy.js';
import { memberEntries, nodesAt, type OrgNode } from './tree.js';

/** An expression to evaluate per node, named by a caller-chosen key. */
export interface ExprRequest {
  readonly key: string;
  readonly expr: KpiExpr;
  /** The KPI whose descriptive fields (unit…) the evaluation borrows. */
  readonly like: ResolvedKpi;
}

/** Values per request key and node key; a request not evaluated at the level says why. */
export interface LevelValues {
  readonly values: ReadonlyMap<string, ReadonlyMap<string, number | null>>;
  readonly unavailable: ReadonlyMap<string, string>;
}

/** What evaluating a level needs. */
export interface LevelContext {
  readonly resolved: ResolvedCatalog;
  readonly hierarchy: ResolvedHierarchy;
  readonly period: Period;
  /** The organisation of that period. */
  readonly tree: OrgNode;
  readonly dataDir: string;
  readonly db: Database;
  /** Where the warnings of each run (quarantined rows, null time anchors) are collected. */
  readonly warnings: Diagnostic[];
  /**
   * The nodes whose figures may leave the database (a reader's access, src/access/); default all.
   * The restriction is part of each compiled query (`QueryRequest.only`): figures are computed
   * as for everyone (totals and windows over all rows), but only visible nodes' cells come back.
   */
  readonly visible?: ((node: OrgNode) => boolean) | undefined;
}

/** Why a figure of a node outside the reader's access is not shown. */
export const NOT_VISIBLE = 'not visible with your access';

const MAPPED = '__org_node';

function declares(resolved: ResolvedCatalog, dimension: string, sources: readonly string[]): boolean {
  const dim = resolved.dimensions.get(dimension);
  return dim !== undefined && sources.every((s) => dim.sources.some((d) => d.source === s));
}

/** Evaluates `requests` for every node at `level` in the context's period. */
export async function evaluateLevel(ctx: LevelContext, level: number, requests: readonly ExprRequest[]): Promise<LevelValues | Failure> {
  const { resolved, hierarchy: h, period } = ctx;
  const nodes = nodesAt(ctx.tree, level);
  const isMember = level === h.levels.length - 1;
  const fallback = level === 0 ? undefined : h.levels[level]?.dimension;
  const kpis = requests.map((r, i) => ({ request: r, kpi: syntheticKpi(resolved, `__sc_${i}`, r.expr, r.like) }));
  const unavailable = new Map<string, string>();
  const groups: {
    by: string[];
    base: ResolvedCatalog;
    toNodes: (v: unknown) => string[];
    /** The breakdown value of every node, so that a node without rows still gets its figures. */
    values: (string | null)[][];
    members: typeof kpis;
    /** The breakdown values of the nodes the reader may see: the only cells returned. */
    only?: string[];
  }[] = [];
  const present = (v: string | null): v is string => v !== null;
  const shown = ctx.visible === undefined ? undefined : nodes.filter(ctx.visible);
  if (level === 0) {
    if (shown !== undefined && shown.length === 0) {
      for (const k of kpis) unavailable.set(k.request.key, NOT_VISIBLE);
      return { values: new Map(), unavailable };
    }
    groups.push({ by: [], base: resolved, toNodes: () => [ctx.tree.key], values: [], members: kpis });
  } else {
    const mapped = isMember ? resolved : withMappedDimension(resolved, MAPPED, h.dimension, memberEntries(ctx.tree, level));
    const byMember = new Map(nodes.map((n) => [n.value ?? '', n.key] as const));
    const primary = kpis.filter((k) => declares(resolved, h.dimension, k.kpi.sources));
    groups.push({
      by: [isMember ? h.dimension : MAPPED],
      base: mapped,
      toNodes: (v) =>
        v === null || v === undefined ? [] : isMember ? [byMember.get(String(v))].filter((x): x is string => x !== undefined) : [String(v)],
      values: (isMember ? nodes.map((n) => n.value) : nodes.map((n) => n.key)).filter(present).map((v) => [v]),
      members: primary,
      ...(shown === undefined ? {} : { only: shown.map((n) => (isMember ? (n.value ?? '') : n.key)) }),
    });
    const rest = kpis.filter((k) => !primary.includes(k));
    const viaFallback = fallback === undefined ? [] : rest.filter((k) => declares(resolved, fallback, k.kpi.sources));
    if (fallback !== undefined && viaFallback.length > 0) {
      groups.push({
        by: [fallback],
        base: resolved,
        toNodes: (v) => nodes.filter((n) => n.value !== null && n.value === String(v)).map((n) => n.key),
        values: [...new Set(nodes.map((n) => n.value).filter(present))].map((v) => [v]),
        members: viaFallback,
        // A node shares its fallback value with others (two teams of one name): all must be visible.
        ...(shown === undefined
          ? {}
          : { only: [...new Set(shown.map((n) => n.value ?? ''))].filter((v) => nodes.every((n) => n.value !== v || shown.includes(n))) }),
      });
    }
    for (const k of rest) {
      if (viaFallback.includes(k)) continue;
      const lacking = k.kpi.sources.filter((s) => !declares(resolved, h.dimension, [s]));
      unavailable.set(
        k.request.key,
        `not available by ${h.levels[level]?.name ?? 'level'}: source ${lacking.map((s) => `\`${s}\``).join(', ')} has no \`${h.dimension}\` dimension`,
      );
    }
  }
  const values = new Map<string, Map<string, number | null>>();
  for (const g of groups) {
    const base = withKpis(
      g.base,
      g.members.map((m) => m.kpi),
    );
    const dimension = g.by[0];
    const only = g.only === undefined || dimension === undefined ? undefined : { dimension, values: g.only };
    const request = { grain: period.grain, by: g.by, from: period.start, to: period.last, values: g.values, only };
    // Plan each alone first: one expression the planner refuses must not sink the others.
    const runnable = g.members.filter((m) => {
      const planned = planQuery(base, { ...request, kpis: [m.kpi.id] });
      const refused = planned.value === undefined ? planned.diagnostics.find((d) => d.severity === 'error') : undefined;
      if (refused !== undefined) unavailable.set(m.request.key, refused.message);
      return refused === undefined;
    });
    if (runnable.length === 0) continue;
    const result = await runKpis(base, { ...request, kpis: runnable.map((m) => m.kpi.id) }, { dataDir: ctx.dataDir, db: ctx.db });
    if (!result.ok) return result;
    ctx.warnings.push(...result.diagnostics);
    const byId = new Map(runnable.map((m) => [m.kpi.id, m.request.key] as const));
    for (const row of result.rows) {
      const key = byId.get(row.kpi);
      if (key === undefined || row.period !== period.start) continue;
      let perNode = values.get(key);
      if (perNode === undefined) {
        perNode = new Map();
        values.set(key, perNode);
      }
      for (const node of g.toNodes(row.by[0])) perNode.set(node, row.value);
    }
    for (const m of runnable) if (!values.has(m.request.key)) values.set(m.request.key, new Map());
  }
  return { values, unavailable };
}
