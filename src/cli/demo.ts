/**
 * `kpic demo` (what `npm start` runs): validate the catalog, run its KPIs that are not
 * deprecated at grain quarter on its data — by `region` for every KPI whose sources all declare
 * that dimension, without breakdown for the others — and print the latest quarter against the
 * one before. Works on any catalog; one with errors gets its diagnostics and exit code 1.
 */
import { configureCheckCache } from './check-cache.js';
import path from 'node:path';
import { validationSummary } from '../diagnostics/render/summary.js';
import type { ResolvedCatalog, ResolvedKpi } from '../resolve/resolved.js';
import { addMonths, formatIsoDate, parseIsoDate } from '../query/calendar.js';
import type { Style } from '../diagnostics/render/style.js';
import { openDatabase, type Database } from '../engine/duckdb.js';
import { dataAsOf, describeAsOf } from '../periods/as-of.js';
import { horizons, judgeRows } from '../periods/complete.js';
import { latestCompletePeriod } from '../periods/latest-period.js';
import { runKpis, type Failure, type ResultRow, type RunResult } from '../pipeline.js';
import type { ParsedFlags } from './args.js';
import { openCatalog, sessionDataDir, type CatalogSession } from './catalog-session.js';
import { latestActivePeriod, renderDemoSummary, type DemoKpi } from './demo-summary.js';
import type { CliIo } from './io.js';
import { refuseInvalidCatalog, reportFailure } from './request.js';
import { progressFor, streamStyle } from './report.js';
import { runsByDefault } from '../model/kpi-status.js';

const REGION = 'region';

/** Whether a KPI can be broken down by region: it reads sources and each declares the dimension. */
function byRegion(kpi: ResolvedKpi, resolved: ResolvedCatalog): boolean {
  const dimension = resolved.dimensions.get(REGION);
  if (dimension === undefined || kpi.sources.length === 0) return false;
  return kpi.sources.every((s) => dimension.sources.some((d) => d.source === s));
}

function quarterText(start: string): string {
  const date = parseIsoDate(start);
  if (date === undefined) return start;
  const end = new Date(addMonths(date, 3).getTime() - 86_400_000);
  return `${start} – ${formatIsoDate(end)}`;
}

type RunBatch = (ids: readonly string[], by: readonly string[]) => Promise<RunResult | Failure>;

/** Rows of a batch, the KPIs left out (with why), or the data failure that stops the demo. */
interface BatchOutcome {
  readonly rows: readonly ResultRow[];
  readonly skipped: readonly string[];
  readonly failure?: Failure | undefined;
}

/**
 * Runs KPIs, degrading rather than giving up: a batch the planner refuses by region runs whole,
 * and if it still refuses, KPI by KPI so that one odd KPI does not hide the others. Data problems
 * stop everything: the numbers would be wrong.
 */
async function runBatch(run: RunBatch, ids: readonly string[], by: readonly string[]): Promise<BatchOutcome> {
  const attempts = by.length > 0 ? [by, []] : [[]];
  for (const attempt of attempts) {
    const result = await run(ids, attempt);
    if (result.ok) return { rows: result.rows, skipped: [] };
    if (result.kind === 'data') return { rows: [], skipped: [], failure: result };
  }
  const rows: ResultRow[] = [];
  const skipped: string[] = [];
  for (const id of ids) {
    const one = await run([id], []);
    if (one.ok) rows.push(...one.rows);
    else if (one.kind === 'data') return { rows, skipped, failure: one };
    else skipped.push(`${id}: ${one.message}`);
  }
  return { rows, skipped };
}

/** Runs `demo`; returns the exit code. */
export async function demoCommand(io: CliIo, flags: ParsedFlags): Promise<number> {
  configureCheckCache(io, flags);
  const session = openCatalog(io, flags.values.get('catalog'));
  const refused = refuseInvalidCatalog(io, session);
  if (refused !== undefined) return refused;
  const { resolved, catalog, diagnostics } = session.checked;
  const style = streamStyle(io, io.stdout);
  const meta = catalog.meta;
  const name = [meta?.title ?? meta?.id ?? 'catalog', meta?.version === undefined ? '' : `v${meta.version.value}`]
    .filter((s) => s !== '')
    .join(' ');
  const dataDir = sessionDataDir(io, session, flags.values.get('data'));
  const counts = { kpis: catalog.kpis.size, sources: catalog.sources.size, lookups: catalog.lookups.size };
  const shownData = path.relative(io.cwd, dataDir) || '.';
  const db = await openDatabase();
  try {
    const found = await dataAsOf(resolved, { dataDir, db });
    if (found !== undefined && 'ok' in found) return reportFailure(io, session, found, 'demo');
    const asOfText = found === undefined ? '' : `, as of ${describeAsOf(found)}`;
    io.stdout.write(
      `${style.bold(name)}\n${style.green(validationSummary(diagnostics, counts, false))}\ndata: ${shownData}${asOfText}\n\n`,
    );
    return await summarise(io, session, { dataDir, db, asOf: found?.date, style });
  } finally {
    db.close();
  }
}

/** Runs the KPIs by quarter and prints the summary; returns the exit code. */
async function summarise(
  io: CliIo,
  session: CatalogSession,
  env: { readonly dataDir: string; readonly db: Database; readonly asOf: string | undefined; readonly style: Style },
): Promise<number> {
  const { resolved, catalog } = session.checked;
  const { dataDir, db, asOf, style } = env;
  const meta = catalog.meta;
  const kpis = [...resolved.kpis.values()].filter((k) => runsByDefault(k.def.status.value));
  if (kpis.length === 0) {
    io.stdout.write('no KPIs to run: every KPI is deprecated or retired\n');
    return 0;
  }
  const regional = kpis.filter((k) => byRegion(k, resolved)).map((k) => k.id);
  const plain = kpis.filter((k) => !byRegion(k, resolved)).map((k) => k.id);
  const batches: { kpis: string[]; by: string[] }[] = [
    { kpis: regional, by: [REGION] },
    { kpis: plain, by: [] },
  ];
  const rows: ResultRow[] = [];
  const skipped: string[] = [];
  const progress = progressFor(io);
  const run: RunBatch = async (ids, by) => {
    const result = await runKpis(resolved, { kpis: ids, grain: 'quarter', by }, { dataDir, db });
    return result.ok ? { ...result, rows: judgeRows(result.rows, 'quarter', asOf, horizons(resolved)) } : result;
  };
  for (const batch of batches.filter((b) => b.kpis.length > 0)) {
    progress.show(`running ${batch.kpis.length} KPI${batch.kpis.length === 1 ? '' : 's'}${batch.by.length > 0 ? ' by region' : ''}…`);
    const outcome = await runBatch(run, batch.kpis, batch.by);
    progress.clear();
    if (outcome.failure !== undefined) return reportFailure(io, session, outcome.failure, 'demo');
    rows.push(...outcome.rows);
    skipped.push(...outcome.skipped);
  }
  for (const note of skipped) io.stderr.write(`kpic: skipped ${note}\n`);
  const calendar = meta?.calendar ?? { fiscalYearStart: 1, weekStart: 'monday' as const };
  // The latest quarter complete as of the data; without an as-of date, the latest with data.
  const latest = asOf === undefined ? latestActivePeriod(rows) : latestCompletePeriod(asOf, 'quarter', calendar).start;
  if (latest === undefined) {
    io.stdout.write('no data: the KPIs have no periods to show\n');
    return 0;
  }
  const latestDate = parseIsoDate(latest);
  const prior = latestDate === undefined ? latest : formatIsoDate(addMonths(latestDate, -3));
  // KPIs that look forward are read for the first quarter that is not complete: what is due next.
  const next = latestDate === undefined ? latest : formatIsoDate(addMonths(latestDate, 3));
  io.stdout.write(`${style.bold(`Quarter ${quarterText(latest)}`)} ${style.dim(`against ${quarterText(prior)}`)}\n`);
  if (kpis.some((k) => k.def.horizon.value === 'forward'))
    io.stdout.write(style.dim(`KPIs that look forward (due, planned) are for ${quarterText(next)}, without a comparison\n`));
  io.stdout.write('\n');
  const shown: DemoKpi[] = kpis.map((k) => ({
    id: k.id,
    title: k.def.title ?? k.id,
    unit: k.unit,
    direction: k.def.direction,
    perspective: k.def.perspective,
    horizon: k.def.horizon.value,
  }));
  io.stdout.write(renderDemoSummary({ kpis: shown, rows, latest, prior, next, currency: meta?.currency ?? 'USD', style }));
  return 0;
}
