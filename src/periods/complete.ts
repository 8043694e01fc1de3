/**
 * Periods judged against the data's as-of date (as-of.ts): a period is complete when its last day
 * is on or before the as-of date; a period that starts after it has not happened, so a KPI that
 * measures what happened (`horizon: past` or `snapshot`) has no value there — only a KPI that
 * looks forward by design (`horizon: forward`: pipeline due next quarter, next quarter's quota)
 * keeps its value, marked incomplete.
 */
import type { KpiHorizon } from '../model/types.js';
import type { ResultRow } from '../pipeline.js';
import type { Grain } from '../query/ir.js';
import { addDays, formatIsoDate, parseIsoDate, periodEnd } from '../query/calendar.js';
import type { ResolvedCatalog } from '../resolve/resolved.js';

/** The last day of the period of `grain` starting on `start` (ISO). */
export function periodLastDay(start: string, grain: Grain): string {
  const day = parseIsoDate(start);
  if (day === undefined) throw new Error(`not an ISO date: ${start}`);
  return formatIsoDate(addDays(periodEnd(day, grain), -1));
}

/** Whether the period of `grain` starting on `start` is complete as of `asOf` (ISO days). */
export function periodComplete(start: string, grain: Grain, asOf: string): boolean {
  return periodLastDay(start, grain) <= asOf;
}

/**
 * Rows with their periods judged: `complete` on every row, and a period that starts after the
 * as-of date keeps a value only for KPIs that look forward. Without an as-of date (no dated
 * events and none declared) the rows are returned as they are.
 */
export function judgeRows(
  rows: readonly ResultRow[],
  grain: Grain,
  asOf: string | undefined,
  horizonOf: (kpi: string) => KpiHorizon,
): ResultRow[] {
  if (asOf === undefined) return [...rows];
  return rows.map((r) => {
    const complete = periodComplete(r.period, grain, asOf);
    const future = r.period > asOf && horizonOf(r.kpi) !== 'forward';
    return future ? { ...r, value: null, exact: undefined, complete } : { ...r, complete };
  });
}

/** A KPI's horizon by id (`past` for ids the catalog does not know, e.g. synthetic ones). */
export function horizons(resolved: ResolvedCatalog): (kpi: string) => KpiHorizon {
  return (kpi) => resolved.kpis.get(kpi)?.def.horizon.value ?? 'past';
}

/**
 * The last day a run evaluates when the request names none: the as-of date — periods after it
 * have no value — unless a requested KPI looks forward (then the data's range), or the range
 * starts after it.
 */
export function defaultRangeEnd(
  resolved: ResolvedCatalog,
  kpis: readonly string[],
  from: string | undefined,
  asOf: string | undefined,
): string | undefined {
  if (asOf === undefined || (from !== undefined && from > asOf)) return undefined;
  return kpis.some((k) => resolved.kpis.get(k)?.def.horizon.value === 'forward') ? undefined : asOf;
}
