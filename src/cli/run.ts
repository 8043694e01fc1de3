/**
 * `kpic run`: check the catalog and the data, evaluate KPIs, and write the results to stdout or
 * atomically to `--out`. Nothing is written when anything fails.
 */
import { configureCheckCache } from './check-cache.js';
import path from 'node:path';
import type { Failure, RunResult } from '../pipeline.js';
import { describeAsOf } from '../periods/as-of.js';
import { runKpisAsOf, type JudgedRun } from '../periods/run-as-of.js';
import { renderCsv } from '../results/csv.js';
import { renderJsonRows, renderNdjson } from '../results/json.js';
import { writeResultsParquet } from '../results/parquet.js';
import type { ResultFormat, ResultSet } from '../results/result-set.js';
import { renderTable } from '../results/table.js';
import { unwritable, writeAllAtomically, type AtomicWrite } from '../results/write-atomic.js';
import { writeFileSync } from 'node:fs';
import type { ParsedFlags } from './args.js';
import { commandSpec, usageLine } from './commands.js';
import { sessionDataDir, type CatalogSession } from './catalog-session.js';
import type { CliIo } from './io.js';
import { writeOut } from './output.js';
import { memoryLimit, openEngine } from './engine-flags.js';
import { openValidCatalog, queryRequest, reportFailure } from './request.js';
import { printDiagnostics, progressFor, usageError } from './report.js';
import { runsByDefault } from '../model/kpi-status.js';

/** The results of a run with what formatting them takes (and the as-of date they were judged by). */
export function resultSet(session: CatalogSession, result: RunResult | JudgedRun): ResultSet {
  const units = new Map([...session.checked.resolved.kpis.values()].map((k) => [k.id, k.unit] as const));
  const asOf = 'asOf' in result && result.asOf !== undefined ? { date: result.asOf.date, about: describeAsOf(result.asOf) } : undefined;
  return { by: result.by, rows: result.rows, units, currency: session.checked.catalog.meta?.currency ?? 'USD', asOf };
}

/** The results as text in a text format. */
function renderText(format: Exclude<ResultFormat, 'parquet'>, results: ResultSet): string {
  switch (format) {
    case 'table':
      return renderTable(results);
    case 'csv':
      return renderCsv(results);
    case 'json':
      return renderJsonRows(results);
    case 'ndjson':
      return renderNdjson(results);
    default: {
      const never: never = format;
      return never;
    }
  }
}

/** Runs `run`; returns the exit code. */
export async function runCommand(io: CliIo, flags: ParsedFlags): Promise<number> {
  configureCheckCache(io, flags);
  const spec = commandSpec('run');
  const usage = spec === undefined ? 'kpic run' : usageLine(spec);
  const format = (flags.values.get('format') ?? 'table') as ResultFormat;
  const outArg = flags.values.get('out');
  if (format === 'parquet' && outArg === undefined) {
    return usageError(io, '`--format parquet` needs `--out FILE`: Parquet is not written to the terminal', usage, 'kpic run --help');
  }
  for (const flag of ['out', 'quarantine']) {
    const value = flags.values.get(flag);
    const why = value === undefined ? undefined : unwritable(path.resolve(io.cwd, value), value);
    if (why !== undefined) return usageError(io, `cannot write \`--${flag} ${value}\`: ${why}`, usage, 'kpic run --help');
  }
  const progress = progressFor(io);
  const session = openValidCatalog(io, flags.values.get('catalog'), progress);
  if (typeof session === 'number') return session;
  const engine = await openEngine(io, flags, usage, 'kpic run --help');
  if (typeof engine === 'number') return engine;
  const limit = memoryLimit(io, flags, usage, 'kpic run --help', engine);
  if (typeof limit === 'number') {
    await engine?.close();
    return limit;
  }
  const request = queryRequest(flags);
  const count = request.kpis?.length ?? [...session.checked.resolved.kpis.values()].filter((k) => runsByDefault(k.def.status.value)).length;
  progress.show(`checking data and running ${count} KPI${count === 1 ? '' : 's'}…`);
  const quarantine = flags.values.get('quarantine');
  let result: JudgedRun | Failure;
  try {
    result = await runKpisAsOf(session.checked.resolved, request, {
      dataDir: sessionDataDir(io, session, flags.values.get('data')),
      quarantine: quarantine === undefined ? undefined : path.resolve(io.cwd, quarantine),
      engine,
      memoryLimit: limit,
      out: outArg === undefined ? undefined : [path.resolve(io.cwd, outArg)],
      catalogDir: session.catalogDir,
    });
  } finally {
    progress.clear();
    await engine?.close();
  }
  if (!result.ok) return reportFailure(io, session, result, 'run');
  printDiagnostics(io, io.stderr, result.diagnostics, session.render);
  const results = resultSet(session, result);
  // Everything is rendered before anything is written; the quarantine files and `--out` are
  // then written together, so a failure leaves every earlier file as it was.
  const quarantined = result.files.map((f): AtomicWrite => ({ target: f.path, write: (t) => writeFileSync(t, f.text) }));
  if (outArg === undefined) {
    const text = renderText(format as Exclude<ResultFormat, 'parquet'>, results);
    if (quarantined.length > 0) {
      const code = await writeOut(io, quarantine ?? '', 'the quarantined rows', () => writeAllAtomically(quarantined));
      if (code !== 0) return code;
    }
    io.stdout.write(text);
    return 0;
  }
  const write =
    format === 'parquet'
      ? (temporary: string) => writeResultsParquet(results, temporary)
      : (
          (text: string) => (temporary: string) =>
            writeFileSync(temporary, text)
        )(renderText(format, results));
  return writeOut(io, outArg, `${results.rows.length} rows`, (out) => writeAllAtomically([...quarantined, { target: out, write }]));
}
