/**
 * The site's only contact with the evaluation pipeline: the recent values of each KPI for its
 * trend chart, through `runJudged` on one database. Like `kpic run`, the periods are judged
 * against the data's as-of date (found once): a period after it has no value unless the KPI looks
 * forward — a balance is not drawn flat into quarters that have not happened — and the period
 * containing it is marked incomplete. Kept in one small file so a change in that entry point is
 * absorbed here.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { openDatabase } from '../engine/duckdb.js';
import { dataAsOf, describeAsOf } from '../periods/as-of.js';
import { runJudged } from '../periods/run-as-of.js';
import type { ResolvedCatalog } from '../resolve/resolved.js';
import type { TrendPoint, TrendSeries } from './trend-chart.js';

/** The trends, the KPIs that could not be evaluated (with why), and the warnings. */
export type TrendsResult =
  | {
      readonly ok: true;
      readonly trends: ReadonlyMap<string, TrendSeries>;
      readonly skipped: ReadonlyMap<string, string>;
      /** The data's as-of date as people read it (`2026-09-30 (the latest event in 6 sources)`); undefined without one. */
      readonly asOf: string | undefined;
      readonly diagnostics: readonly Diagnostic[];
    }
  | { readonly ok: false; readonly message: string; readonly diagnostics: readonly Diagnostic[] };

/**
 * The last `count` periods of each series, after dropping the trailing periods with no value or
 * 0 (periods after the as-of date have none; a KPI that looks forward can still end in zeros).
 */
function recentPoints(points: readonly TrendPoint[], count: number): TrendPoint[] {
  let end = points.length;
  while (end > 0 && (points[end - 1]?.value ?? 0) === 0) end--;
  return points.slice(Math.max(0, end - count), end);
}

/** Evaluates `kpis` (id → grain) on the data folder and keeps the recent values of each. */
export async function kpiTrends(
  resolved: ResolvedCatalog,
  kpis: ReadonlyMap<string, string>,
  dataDir: string,
  count: number,
): Promise<TrendsResult> {
  const trends = new Map<string, TrendSeries>();
  const skipped = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  const byGrain = new Map<string, string[]>();
  for (const [id, grain] of kpis) byGrain.set(grain, [...(byGrain.get(grain) ?? []), id]);
  const db = await openDatabase();
  try {
    const found = await dataAsOf(resolved, { dataDir, db });
    if (found !== undefined && 'ok' in found) return { ok: false, message: found.message, diagnostics: found.diagnostics };
    for (const [grain, ids] of byGrain) {
      // One run per grain; if the planner refuses one KPI, the others are run one by one.
      const batches = [ids];
      while (batches.length > 0) {
        const batch = batches.shift() ?? [];
        const result = await runJudged(resolved, { kpis: batch, grain }, { dataDir, db }, found);
        if (!result.ok) {
          if (result.kind === 'data') return { ok: false, message: result.message, diagnostics: result.diagnostics };
          if (batch.length === 1) skipped.set(batch[0] ?? '', result.message);
          else batches.push(...batch.map((id) => [id]));
          continue;
        }
        diagnostics.push(...result.diagnostics);
        const points = new Map<string, TrendPoint[]>();
        for (const r of result.rows) {
          const value = typeof r.value === 'number' ? r.value : r.value === null ? null : Number(r.value);
          const point: TrendPoint = r.complete === false ? { period: r.period, value, complete: false } : { period: r.period, value };
          points.set(r.kpi, [...(points.get(r.kpi) ?? []), point]);
        }
        for (const id of batch) trends.set(id, { grain, points: recentPoints(points.get(id) ?? [], count) });
      }
    }
    return { ok: true, trends, skipped, asOf: found === undefined ? undefined : describeAsOf(found), diagnostics };
  } finally {
    db.close();
  }
}
