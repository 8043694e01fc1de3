/**
 * `kpic review`: the quarterly review of the catalog (see src/review/). Reads data only for the
 * guardrail trends, and only when some KPI declares guardrails. Exit codes: 0 the review was
 * printed (whatever it lists); 1 the catalog or the data is invalid; 2 a usage error.
 */
import path from 'node:path';
import { dateProblem } from '../formula/literals.js';
import { dataFolderOf, openSharedDatabase, type ScorecardGrain } from '../diff/pipeline-adapter.js';
import { readGovernance } from '../governance/read.js';
import { todayIso } from '../lifecycle/check.js';
import { guardrailTrends } from '../review/guardrails.js';
import { renderReviewJson, renderReviewMarkdown, renderReviewTable } from '../review/render.js';
import { reviewCatalog } from '../review/review.js';
import type { ParsedFlags } from './args.js';
import { configureCheckCache } from './check-cache.js';
import { openVersion } from './catalog-versions.js';
import { refuseInvalidHead } from './comparison.js';
import { parsePeriods } from './diff.js';
import { emit, refuseUnwritable } from './governance-run.js';
import type { CliIo } from './io.js';
import { printDiagnostics, printError, progressFor, usageError } from './report.js';

const HELP = 'kpic review --help';

/** Runs `kpic review`. */
export async function reviewCommand(io: CliIo, flags: ParsedFlags, usage: string): Promise<number> {
  configureCheckCache(io, flags);
  const refused = await refuseUnwritable(io, flags.values.get('out'), usage, 'review');
  if (refused !== undefined) return refused;
  const date = flags.values.get('date') ?? todayIso();
  const bad = dateProblem(date);
  if (bad !== undefined) return usageError(io, `\`--date ${date}\` is not a date: ${bad.replace(/date '(.*)'/, '$1')}`, usage, HELP);
  const periods = parsePeriods(flags.values.get('periods'));
  if (typeof periods === 'string') return usageError(io, periods, usage, HELP);
  const catalogDir = path.resolve(io.cwd, flags.values.get('catalog') ?? 'catalog');
  const opened = openVersion(io, undefined, 'head', catalogDir);
  if (!opened.ok) return usageError(io, opened.message, usage, HELP);
  const invalid = refuseInvalidHead(io, opened.value, catalogDir);
  if (invalid !== undefined) return invalid;
  const { checked } = opened.value;
  const dataArg = flags.values.get('data');
  const dataDir = dataFolderOf(checked, catalogDir, dataArg === undefined ? undefined : path.resolve(io.cwd, dataArg));
  const progress = progressFor(io);
  progress.show('computing guardrail trends…');
  const db = await openSharedDatabase();
  let trends;
  try {
    trends = await guardrailTrends(checked.resolved, {
      grain: (flags.values.get('grain') ?? 'quarter') as ScorecardGrain,
      periods,
      dataDir,
      db,
    });
  } finally {
    db.close();
    progress.clear();
  }
  if (!trends.ok) {
    printDiagnostics(io, io.stderr, trends.diagnostics, { files: opened.value.files, catalogDir, cwd: io.cwd });
    printError(io, trends.message);
    return trends.kind === 'usage' ? 2 : 1;
  }
  const report = reviewCatalog(checked.resolved, readGovernance(checked.catalog).value, date, trends.section);
  const format = flags.values.get('format') ?? 'table';
  const text =
    format === 'json' ? renderReviewJson(report) : format === 'markdown' ? renderReviewMarkdown(report) : renderReviewTable(report);
  return emit(io, text, flags.values.get('out'), 'the review');
}
