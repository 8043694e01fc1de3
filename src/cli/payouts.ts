/**
 * `kpic payouts`: check the catalog, compute the plans' payouts for a period (per rep: credit,
 * quota, attainment, each component, draw and pay) and print them as a table, CSV, JSON or, for
 * statements, self-contained HTML — to stdout or, atomically, to `--out`. With `--statement`, every
 * line behind each pay with its deal, rate and rule. Exit codes: 0 ok, 1 catalog or data invalid,
 * 2 usage error.
 */
import path from 'node:path';
import { checkPlans } from '../plans/check.js';
import { evaluatePayouts } from '../plans/evaluate.js';
import { renderPayoutCsv, renderPayoutJson } from '../plans/render-data.js';
import { renderStatementsHtml } from '../plans/render-html.js';
import { renderStatementsText, renderSummaryTable } from '../plans/render-text.js';
import type { PayoutReport } from '../plans/report.js';
import { unwritable, writeTextAtomically } from '../results/write-atomic.js';
import type { ParsedFlags } from './args.js';
import { sessionDataDir } from './catalog-session.js';
import { configureCheckCache } from './check-cache.js';
import { commandSpec, usageLine } from './commands.js';
import type { CliIo } from './io.js';
import { writeOut } from './output.js';
import { printDiagnostics, progressFor, usageError } from './report.js';
import { openValidCatalog, reportFailure } from './request.js';

function render(format: string, report: PayoutReport, statement: boolean): string {
  switch (format) {
    case 'json':
      return renderPayoutJson(report, statement);
    case 'csv':
      return renderPayoutCsv(report, statement);
    case 'html':
      return renderStatementsHtml(report);
    default:
      return statement ? renderStatementsText(report) : renderSummaryTable(report);
  }
}

/** Runs `payouts`; returns the exit code. */
export async function payoutsCommand(io: CliIo, flags: ParsedFlags): Promise<number> {
  configureCheckCache(io, flags);
  const spec = commandSpec('payouts');
  const usage = spec === undefined ? 'kpic payouts' : usageLine(spec);
  const format = flags.values.get('format') ?? 'table';
  const outArg = flags.values.get('out');
  const why = outArg === undefined ? undefined : unwritable(path.resolve(io.cwd, outArg));
  if (why !== undefined) return usageError(io, `cannot write \`--out ${outArg ?? ''}\`: ${why}`, usage, 'kpic payouts --help');
  const progress = progressFor(io);
  const session = openValidCatalog(io, flags.values.get('catalog'), progress);
  if (typeof session === 'number') return session;
  const plans = checkPlans(session.checked.resolved);
  progress.show('checking data and computing payouts…');
  let result;
  try {
    result = await evaluatePayouts(
      session.checked.resolved,
      plans.value,
      { plan: flags.values.get('plan'), period: flags.values.get('period'), rep: flags.values.get('rep') },
      { dataDir: sessionDataDir(io, session, flags.values.get('data')) },
    );
  } finally {
    progress.clear();
  }
  if (!result.ok) return reportFailure(io, session, result, 'payouts');
  printDiagnostics(io, io.stderr, result.diagnostics, session.render);
  const text = render(format, result.report, flags.switches.has('statement') || format === 'html');
  if (outArg === undefined) {
    io.stdout.write(text);
    return 0;
  }
  return writeOut(io, outArg, 'the payouts', (out) => writeTextAtomically(out, text));
}
