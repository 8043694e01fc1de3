/**
 * `kpic scorecard`: check the catalog, evaluate a scorecard for one node of the organisation and
 * one period, and print it as a table, JSON or a self-contained HTML page (to stdout or,
 * atomically, to `--out`). Exit codes as the other commands: 0 ok, 1 catalog or data invalid,
 * 2 usage error.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { withCommentary } from '../commentary/attach.js';
import { openCommentary } from '../commentary/store.js';
import { PLAIN } from '../diagnostics/render/style.js';
import { unwritable, writeTextAtomically } from '../results/write-atomic.js';
import { checkScorecards } from '../scorecard/check.js';
import { evaluateScorecard } from '../scorecard/evaluate.js';
import { renderScorecardHtml } from '../scorecard/render-html.js';
import { renderScorecardJson } from '../scorecard/render-json.js';
import { renderScorecardTable } from '../scorecard/render-table.js';
import type { ScorecardReport } from '../scorecard/report.js';
import type { ParsedFlags } from './args.js';
import { sessionDataDir } from './catalog-session.js';
import { configureCheckCache } from './check-cache.js';
import { commandSpec, usageLine } from './commands.js';
import type { CliIo } from './io.js';
import { writeOut } from './output.js';
import { printDiagnostics, progressFor, streamStyle, usageError } from './report.js';
import { openValidCatalog, reportFailure } from './request.js';

function render(format: string, report: ScorecardReport, io: CliIo, toFile: boolean): string {
  if (format === 'json') return renderScorecardJson(report);
  if (format === 'html') return renderScorecardHtml(report);
  return renderScorecardTable(report, toFile ? PLAIN : streamStyle(io, io.stdout));
}

/** Runs `scorecard`; returns the exit code. */
export async function scorecardCommand(io: CliIo, flags: ParsedFlags): Promise<number> {
  configureCheckCache(io, flags);
  const spec = commandSpec('scorecard');
  const usage = spec === undefined ? 'kpic scorecard' : usageLine(spec);
  const format = flags.values.get('format') ?? 'table';
  const outArg = flags.values.get('out');
  const why = outArg === undefined ? undefined : unwritable(path.resolve(io.cwd, outArg));
  if (why !== undefined) return usageError(io, `cannot write \`--out ${outArg ?? ''}\`: ${why}`, usage, 'kpic scorecard --help');
  const progress = progressFor(io);
  const session = openValidCatalog(io, flags.values.get('catalog'), progress);
  if (typeof session === 'number') return session;
  const scorecards = checkScorecards(session.checked.resolved);
  progress.show('checking data and scoring…');
  let result;
  try {
    result = await evaluateScorecard(
      session.checked.resolved,
      scorecards.value,
      { scorecard: flags.values.get('scorecard'), period: flags.values.get('period'), at: flags.values.get('at') },
      { dataDir: sessionDataDir(io, session, flags.values.get('data')) },
    );
  } finally {
    progress.clear();
  }
  if (!result.ok) return reportFailure(io, session, result, 'scorecard');
  printDiagnostics(io, io.stderr, result.diagnostics, session.render);
  const notes = path.resolve(io.cwd, flags.values.get('state') ?? '.kpic', 'commentary.db');
  let report = result.report;
  if (existsSync(notes)) {
    const store = openCommentary(notes, { readonly: true });
    try {
      report = withCommentary(report, store);
    } finally {
      store.close();
    }
  }
  const text = render(format, report, io, outArg !== undefined);
  if (outArg === undefined) {
    io.stdout.write(text);
    return 0;
  }
  return writeOut(io, outArg, 'the scorecard', (out) => writeTextAtomically(out, text));
}
