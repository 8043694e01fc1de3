/**
 * `kpic docs`: check the catalog, read each document's history from git, with `--data` evaluate
 * every KPI for its trend chart, build the site and write it atomically to `--out`. Exit codes:
 * 0 written, 1 the catalog or the data is invalid (nothing written), 2 usage error (bad flag, an
 * `--out` that would overwrite an input or a folder kpic did not write).
 */
import path from 'node:path';
import type { ResolvedCatalog } from '../resolve/resolved.js';
import { buildSite } from '../site/build-site.js';
import type { SiteTrends } from '../site/context.js';
import { kpiTrends } from '../site/engine-adapter.js';
import { catalogHistory } from '../site/history.js';
import { checkTests } from '../testing/check.js';
import type { ParsedFlags } from './args.js';
import { openCatalog, sessionDataDir, type CatalogSession } from './catalog-session.js';
import { configureCheckCache } from './check-cache.js';
import { DEFAULT_SITE_DIR, DOCS_FLAGS } from './docs-spec.js';
import { processGit } from './git-runner.js';
import type { CliIo } from './io.js';
import { printDiagnostics, printError, progressFor, usageError } from './report.js';
import { refuseInvalidCatalog } from './request.js';
import { siteOutputProblem, writeSite } from './site-output.js';

const USAGE = `kpic docs ${DOCS_FLAGS.map((f) => (f.kind === 'switch' ? `[--${f.name}]` : `[--${f.name} ${f.placeholder ?? 'VALUE'}]`)).join(' ')}`;
const HELP = 'kpic docs --help';

/** How many recent periods a trend chart shows. */
const TREND_PERIODS = 12;

/** Month for every KPI, quarter for the ones refreshed quarterly (quotas, forecast calls). */
function trendGrains(resolved: ResolvedCatalog): Map<string, string> {
  const out = new Map<string, string>();
  for (const k of resolved.kpis.values()) {
    if (k.def.status.value === 'deprecated') continue;
    out.set(k.id, k.def.refresh === 'quarterly' ? 'quarter' : 'month');
  }
  return out;
}

async function trends(io: CliIo, session: CatalogSession, dataArg: string): Promise<SiteTrends | number> {
  const dataDir = sessionDataDir(io, session, dataArg);
  const result = await kpiTrends(session.checked.resolved, trendGrains(session.checked.resolved), dataDir, TREND_PERIODS);
  if (!result.ok) {
    printDiagnostics(io, io.stderr, result.diagnostics, session.render);
    printError(io, `${result.message}; nothing was written`);
    return 1;
  }
  printDiagnostics(io, io.stderr, result.diagnostics, session.render);
  return { series: result.trends, skipped: result.skipped, asOf: result.asOf };
}

async function run(io: CliIo, flags: ParsedFlags): Promise<number> {
  const outArg = flags.values.get('out') ?? DEFAULT_SITE_DIR;
  const out = path.resolve(io.cwd, outArg);
  const progress = progressFor(io);
  progress.show('checking catalog…');
  const session = openCatalog(io, flags.values.get('catalog'));
  progress.clear();
  const dataArg = flags.values.get('data');
  const inputs = new Map<string, string>([
    ['catalog', session.catalogDir],
    ['data', sessionDataDir(io, session, dataArg)],
  ]);
  const problem = siteOutputProblem(out, inputs, outArg);
  if (problem !== undefined) return usageError(io, `cannot write the site to \`${outArg}\`: ${problem}`, USAGE, HELP);
  const refused = refuseInvalidCatalog(io, session);
  if (refused !== undefined) return refused;
  const resolved = session.checked.resolved;
  const tests = checkTests(resolved).value;
  progress.show('reading the history from git…');
  const texts = new Map([...session.checked.catalog.files].map(([file, source]) => [file, source.text]));
  const history = catalogHistory(processGit(io.env), session.catalogDir, texts);
  let siteTrends: SiteTrends | undefined;
  if (dataArg !== undefined) {
    configureCheckCache(io, flags);
    progress.show('checking data and evaluating every KPI…');
    const t = await trends(io, session, dataArg);
    progress.clear();
    if (typeof t === 'number') return t;
    siteTrends = t;
  }
  progress.show('writing the site…');
  const files = buildSite(resolved, tests, { history, trends: siteTrends });
  try {
    writeSite(out, files);
  } catch (e) {
    progress.clear();
    printError(io, `cannot write the site to \`${outArg}\`: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  progress.clear();
  const pages = [...files.keys()].filter((f) => f.endsWith('.html')).length;
  const relative = path.relative(io.cwd, out);
  const shown = relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? out : relative;
  io.stdout.write(
    `wrote ${pages} pages to ${shown}/ — open ${path.join(shown, 'index.html')}${history === undefined ? ' (no git history: not a git repository)' : ''}\n`,
  );
  return 0;
}

/** `kpic docs` with its parsed flags; returns the exit code. */
export function docsCommand(io: CliIo, flags: ParsedFlags): Promise<number> {
  return run(io, flags);
}
