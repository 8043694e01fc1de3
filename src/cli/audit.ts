/**
 * `kpic audit`: check the catalog, run its `check` documents (or those `--check` names) on the
 * data folder, and print every finding as a table, JSON or NDJSON. Exit codes: 0 no finding of
 * an error-severity check, 1 such findings (or the catalog or data invalid), 2 usage error.
 */
import { checkChecks } from '../audit/check.js';
import { renderAuditJson, renderAuditNdjson, renderAuditTable } from '../audit/render.js';
import { runAudit } from '../audit/run.js';
import { didYouMean } from '../diagnostics/suggest.js';
import type { ParsedFlags } from './args.js';
import { sessionDataDir } from './catalog-session.js';
import { configureCheckCache } from './check-cache.js';
import { commandSpec, usageLine } from './commands.js';
import type { CliIo } from './io.js';
import { printDiagnostics, progressFor, usageError } from './report.js';
import { openValidCatalog, reportFailure } from './request.js';

/** Whether `text` is a real calendar day written `YYYY-MM-DD`. */
function isDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** Runs `audit`; returns the exit code. */
export async function auditCommand(io: CliIo, flags: ParsedFlags): Promise<number> {
  configureCheckCache(io, flags);
  const spec = commandSpec('audit');
  const usage = spec === undefined ? 'kpic audit' : usageLine(spec);
  const day = flags.values.get('as-of') ?? new Date().toISOString().slice(0, 10);
  if (!isDay(day)) return usageError(io, `\`--as-of ${day}\` is not a date; write YYYY-MM-DD, e.g. 2026-03-31`, usage, 'kpic audit --help');
  const progress = progressFor(io);
  const session = openValidCatalog(io, flags.values.get('catalog'), progress);
  if (typeof session === 'number') return session;
  const all = checkChecks(session.checked.resolved).value;
  const wanted = flags.lists.get('check') ?? [];
  for (const id of wanted) {
    if (!all.has(id)) {
      const hint = didYouMean(id, [...all.keys()]);
      return usageError(io, `unknown check \`${id}\`${hint === undefined ? '' : `; ${hint}`}`, usage, 'kpic audit --help');
    }
  }
  const checks = wanted.length === 0 ? [...all.values()] : wanted.map((id) => all.get(id)).filter((c) => c !== undefined);
  progress.show('checking data and running checks…');
  let result;
  try {
    result = await runAudit(session.checked.resolved, checks, { dataDir: sessionDataDir(io, session, flags.values.get('data')), day });
  } finally {
    progress.clear();
  }
  if (!('kind' in result) || result.kind !== 'audit-report') return reportFailure(io, session, result, 'audit');
  printDiagnostics(io, io.stderr, result.diagnostics, session.render);
  const format = flags.values.get('format') ?? 'table';
  io.stdout.write(format === 'json' ? renderAuditJson(result) : format === 'ndjson' ? renderAuditNdjson(result) : renderAuditTable(result));
  return result.failed ? 1 : 0;
}
