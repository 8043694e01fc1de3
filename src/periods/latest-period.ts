/**
 * The default period of judgement: the latest one that is complete in the data. Each timed
 * source that a scorecard (or any reader of KPIs against targets) reads ends on the last day it
 * has rows for; the data as a whole ends on the median of those days — robust to one source
 * dated into the future (open deals' expected close dates) and to one lagging behind (quotas
 * dated on their quarter's first day). A period is complete when it ends at most
 * {@link LAG_DAYS} days after that: a feed refreshed weekly (forecast calls every Monday) has no
 * rows for the last days of a period and must not hold it back.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Database } from '../engine/duckdb.js';
import type { CalendarDef } from '../model/types.js';
import { addDays, parseIsoDate } from '../query/calendar.js';
import { runKpis, type Failure } from '../pipeline.js';
import { rowCount, syntheticKpi, withKpis } from '../resolve/extend.js';
import type { ResolvedCatalog, ResolvedKpi } from '../resolve/resolved.js';
import { periodContaining, type Period, type PeriodGrain } from './period.js';

/** The last day with rows of each timed source in `sources` (sources without rows are left out). */
export async function sourceEnds(
  resolved: ResolvedCatalog,
  sources: readonly string[],
  like: ResolvedKpi,
  options: { readonly dataDir: string; readonly db: Database; readonly warnings: Diagnostic[] },
): Promise<Map<string, string> | Failure> {
  const timed = sources.filter((s) => resolved.catalog.sources.get(s)?.time !== undefined).sort();
  const kpis = timed.map((s, i) =>
    syntheticKpi(resolved, `__end_${i}`, rowCount(s, resolved.catalog.sources.get(s)?.time?.value, like.def.idSpan), like),
  );
  const ends = new Map<string, string>();
  if (kpis.length === 0) return ends;
  const result = await runKpis(
    withKpis(resolved, kpis),
    { kpis: kpis.map((k) => k.id), grain: 'day' },
    { dataDir: options.dataDir, db: options.db },
  );
  if (!result.ok) return result;
  options.warnings.push(...result.diagnostics);
  for (const row of result.rows) {
    const source = timed[Number(row.kpi.slice('__end_'.length))];
    if (source === undefined || row.value === null || row.value <= 0) continue;
    const seen = ends.get(source);
    if (seen === undefined || row.period > seen) ends.set(source, row.period);
  }
  return ends;
}

/** The median (the upper one of an even count) of the sources' last days; undefined for none. */
export function dataEnd(ends: ReadonlyMap<string, string>): string | undefined {
  const days = [...ends.values()].sort();
  return days[Math.floor(days.length / 2)];
}

/** How many days a period may end after the data's end and still count as complete. */
export const LAG_DAYS = 6;

/** The latest period of `grain` that ends at most {@link LAG_DAYS} days after `end` (an ISO date). */
export function latestCompletePeriod(end: string, grain: PeriodGrain, calendar: CalendarDef): Period {
  const day = parseIsoDate(end);
  if (day === undefined) throw new Error(`not an ISO date: ${end}`);
  const containing = periodContaining(day, grain, calendar);
  const lastDay = parseIsoDate(containing.last);
  if (lastDay !== undefined && lastDay.getTime() - day.getTime() <= LAG_DAYS * 86_400_000) return containing;
  const before = parseIsoDate(containing.start);
  if (before === undefined) throw new Error(`not an ISO date: ${containing.start}`);
  return periodContaining(addDays(before, -1), grain, calendar);
}
