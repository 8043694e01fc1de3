/**
 * `kpic scorecard`: check the catalog, evaluate a scorecard for one node of the organisation and
 * one period, and print it as a table, JSON or a self-contained HTML page (to stdout or,
 * atomically, to `--out`). Exit codes as the other commands: 0 ok, 1 catalog or data invalid,
 * 2 usage error.
 */
import { configureCheckCache } from '../cli/check-cache.js';
import { FLAGS, SCORECARD_COMMAND } from './command-spec.js';
import path from 'node:path';
import { parseFlags, wantsHelp, type ParsedFlags } from '../cli/args.js';
import { openCatalog, sessionDataDir } from '../cli/catalog-session.js';
import { commandHelp } from '../cli/help.js';
import type { CommandSpec } from '../cli/commands.js';
import type { CliIo } from '../cli/io.js';
import { printDiagnostics, printError, progressFor, streamStyle, usageError } from '../cli/report.js';
import { refuseInvalidCatalog, reportFailure } from '../cli/request.js';
import { PLAIN } from '../diagnostics/render/style.js';
import { unwritable, writeTextAtomically } from '../results/write-atomic.js';
import { checkScorecards } from './check.js';
import { evaluateScorecard } from './evaluate.js';
import { renderScorecardHtml } from './render-html.js';
import { renderScorecardJson } from './render-json.js';
import { renderScorecardTable } from './render-table.js';
import type { ScorecardReport } from './report.js';

const spec = SCORECARD_COMMAND as unknown as CommandSpec;
const USAGE = `kpic scorecard ${FLAGS.map((f) => `[--${f.name} ${f.placeholder ?? 'VALUE'}]`).join(' ')}`;
const HELP = 'kpic scorecard --help';

function render(format: string, report: ScorecardReport, io: CliIo, toFile: boolean): string {
  if (format === 'json') return renderScorecardJson(report);
  if (format === 'html') return renderScorecardHtml(report);
  return renderScorecardTable(report, toFile ? PLAIN : streamStyle(io, io.stdout));
}

async function run(io: CliIo, flags: ParsedFlags): Promise<number> {
  configureCheckCache(io, flags);
  const format = flags.values.get('format') ?? 'table';
  const outArg = flags.values.get('out');
  const out = outArg === undefined ? undefined : path.resolve(io.cwd, outArg);
  const why = out === undefined ? undefined : unwritable(out);
  if (why !== undefined) return usageError(io, `cannot write \`--out ${outArg ?? ''}\`: ${why}`, USAGE, HELP);
  const progress = progressFor(io);
  progress.show('checking catalog…');
  const session = openCatalog(io, flags.values.get('catalog'));
  progress.clear();
  const refused = refuseInvalidCatalog(io, session);
  if (refused !== undefined) return refused;
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
  const text = render(format, result.report, io, out !== undefined);
  if (out === undefined) {
    io.stdout.write(text);
    return 0;
  }
  try {
    await writeTextAtomically(out, text);
  } catch (e) {
    printError(io, `cannot write \`${outArg ?? ''}\`: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  if (io.stderr.isTTY === true) io.stderr.write(`wrote the scorecard to ${outArg ?? ''}\n`);
  return 0;
}

/** `kpic scorecard …` (the arguments after the command name); returns the exit code. */
export async function scorecardCommand(io: CliIo, args: readonly string[]): Promise<number> {
  if (wantsHelp(args)) {
    io.stdout.write(commandHelp(spec));
    return 0;
  }
  const parsed = parseFlags(args, FLAGS);
  if (!parsed.ok) return usageError(io, parsed.message, USAGE, HELP);
  return run(io, parsed.flags);
}
