/**
 * Running KPIs as people read them: the data's as-of date found first (as-of.ts), the range
 * ending there unless asked otherwise (or unless a requested KPI looks forward), and every row's
 * period judged against it (complete.ts). What `kpic run` and `kpic demo` print.
 */
import { openDatabase, type Database } from '../engine/duckdb.js';
import { isOutOfMemory, outOfMemoryMessage } from '../engine/out-of-memory.js';
import { runKpis, type Failure, type RunOptions, type RunResult } from '../pipeline.js';
import { defaultKpis, type QueryRequest } from '../query/request.js';
import type { ResolvedCatalog } from '../resolve/resolved.js';
import { dataAsOf, type DataAsOf } from './as-of.js';
import { defaultRangeEnd, horizons, judgeRows } from './complete.js';
import type { Grain } from '../query/ir.js';
import { GRAINS } from '../query/calendar.js';

/** A run with the as-of date its rows were judged against (undefined when there is none). */
export type JudgedRun = RunResult & { readonly asOf: DataAsOf | undefined };

/** Runs `request` on the data folder with its rows judged against the data's as-of date. */
export async function runKpisAsOf(resolved: ResolvedCatalog, request: QueryRequest, options: RunOptions): Promise<JudgedRun | Failure> {
  const db: Database = options.db ?? (await openDatabase({ memoryLimit: options.memoryLimit }));
  try {
    const found = await dataAsOf(resolved, { dataDir: options.dataDir, db });
    if (found !== undefined && 'ok' in found) return found;
    return await runJudged(resolved, request, { ...options, db }, found);
  } catch (error) {
    if (!isOutOfMemory(error)) throw error;
    return { ok: false, kind: 'data', message: outOfMemoryMessage(error as Error, options.memoryLimit), diagnostics: [] };
  } finally {
    if (options.db === undefined) db.close();
  }
}

/**
 * Runs `request` with its rows judged against `found`, an as-of date already found (by
 * {@link dataAsOf}; undefined when there is none): for callers that run many requests on the
 * same data and look the date up once.
 */
export async function runJudged(
  resolved: ResolvedCatalog,
  request: QueryRequest,
  options: RunOptions,
  found: DataAsOf | undefined,
): Promise<JudgedRun | Failure> {
  const asOf = found?.date;
  const to = request.to ?? defaultRangeEnd(resolved, request.kpis ?? defaultKpis(resolved), request.from, asOf);
  const result = await runKpis(resolved, { ...request, to }, options);
  if (!result.ok) return result;
  const grain = (GRAINS as readonly string[]).includes(request.grain ?? 'month') ? ((request.grain ?? 'month') as Grain) : 'month';
  return { ...result, rows: judgeRows(result.rows, grain, asOf, horizons(resolved)), asOf: found };
}
