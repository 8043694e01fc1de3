/**
 * `kpic audit`: check the catalog, run its `check` documents (or those `--check` names) on the
 * data folder (optionally only rows since a day or of one dimension value), and print every
 * finding as a table, JSON, NDJSON, CSV, SARIF or HTML, to stdout or atomically to `--out`.
 * Exit codes: 0 no unreviewed finding of an error-severity check, 1 such findings (or the catalog
 * or data invalid), 2 usage error.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkChecks } from '../audit/check.js';
import { renderAuditJson, renderAuditTable } from '../audit/render.js';
import { renderAuditHtml } from '../audit/render-html.js';
import { renderAuditSarif } from '../audit/render-sarif.js';
import { runAudit, type AuditReport } from '../audit/run.js';
import { lineColumnOf } from '../diagnostics/span.js';
import { unwritable, writeTextAtomically } from '../results/write-atomic.js';
import { didYouMean } from '../diagnostics/suggest.js';
import type { ParsedFlags } from './args.js';
import { streamAudit, streams } from './audit-stream.js';
import { memoryLimit } from './engine-flags.js';
import { sessionDataDir } from './catalog-session.js';
import { configureCheckCache } from './check-cache.js';
import type { CatalogSession } from './catalog-session.js';
import { commandSpec, usageLine } from './commands.js';
import type { CliIo } from './io.js';
import { writeOut } from './output.js';
import { kpicVersion } from './version.js';
import { printDiagnostics, progressFor, usageError } from './report.js';
import { openValidCatalog, reportFailure } from './request.js';

/** Whether `text` is a real calendar day written `YYYY-MM-DD`. */
function isDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

function render(format: string, report: AuditReport, session: CatalogSession): string {
  switch (format) {
    case 'json':
      return renderAuditJson(report);
    case 'html':
      return renderAuditHtml(report);
    case 'sarif': {
      const files = session.checked.catalog.files;
      return renderAuditSarif(report, {
        version: kpicVersion(),
        catalogUri: `${pathToFileURL(session.catalogDir).href}/`,
        lineOf: (span) => {
          const text = files.get(span.file);
          return text === undefined ? 1 : lineColumnOf(text, span.start).line;
        },
      });
    }
    default:
      return renderAuditTable(report);
  }
}

/** `--at DIM=VALUE` as its parts, or undefined when malformed. */
function atPair(text: string): { dimension: string; value: string } | undefined {
  const i = text.indexOf('=');
  const dimension = text.slice(0, i).trim();
  const value = text.slice(i + 1).trim();
  return i <= 0 || dimension === '' || value === '' ? undefined : { dimension, value };
}

/** Runs `audit`; returns the exit code. */
export async function auditCommand(io: CliIo, flags: ParsedFlags): Promise<number> {
  configureCheckCache(io, flags);
  const spec = commandSpec('audit');
  const usage = spec === undefined ? 'kpic audit' : usageLine(spec);
  const day = flags.values.get('as-of') ?? new Date().toISOString().slice(0, 10);
  if (!isDay(day)) return usageError(io, `\`--as-of ${day}\` is not a date; write YYYY-MM-DD, e.g. 2026-03-31`, usage, 'kpic audit --help');
  const since = flags.values.get('since');
  if (since !== undefined && !isDay(since))
    return usageError(io, `\`--since ${since}\` is not a date; write YYYY-MM-DD, e.g. 2026-01-01`, usage, 'kpic audit --help');
  const atArg = flags.values.get('at');
  const at = atArg === undefined ? undefined : atPair(atArg);
  if (atArg !== undefined && at === undefined)
    return usageError(io, `\`--at ${atArg}\` is not DIM=VALUE; write e.g. --at region=EMEA`, usage, 'kpic audit --help');
  const outArg = flags.values.get('out');
  const why = outArg === undefined ? undefined : unwritable(path.resolve(io.cwd, outArg));
  if (why !== undefined) return usageError(io, `cannot write \`--out ${outArg ?? ''}\`: ${why}`, usage, 'kpic audit --help');
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
  if (at !== undefined && !checks.some((c) => c.dimensions.has(at.dimension))) {
    const known = [...new Set(checks.flatMap((c) => [...c.dimensions.keys()]))].sort();
    const hint = didYouMean(at.dimension, known) ?? `the checks' sources have: ${known.join(', ')}`;
    return usageError(io, `no check reads a source with the dimension \`${at.dimension}\`; ${hint}`, usage, 'kpic audit --help');
  }
  const limit = memoryLimit(io, flags, usage, 'kpic audit --help', undefined);
  if (typeof limit === 'number') return limit;
  progress.show('checking data and running checks…');
  const format = flags.values.get('format') ?? 'table';
  const options = { dataDir: sessionDataDir(io, session, flags.values.get('data')), day, since, at, memoryLimit: limit };
  if (streams(format)) {
    let streamed;
    try {
      streamed = await streamAudit(io, outArg, format, (onOutcome) =>
        runAudit(session.checked.resolved, checks, { ...options, onOutcome }),
      );
    } finally {
      progress.clear();
    }
    if (streamed.kind === 'exit') return streamed.code;
    const done = streamed.result;
    if (!('kind' in done) || done.kind !== 'audit-report') return reportFailure(io, session, done, 'audit');
    printDiagnostics(io, io.stderr, done.diagnostics, session.render);
    return done.failed ? 1 : 0;
  }
  let result;
  try {
    result = await runAudit(session.checked.resolved, checks, options);
  } finally {
    progress.clear();
  }
  if (!('kind' in result) || result.kind !== 'audit-report') return reportFailure(io, session, result, 'audit');
  printDiagnostics(io, io.stderr, result.diagnostics, session.render);
  const text = render(format, result, session);
  const failed = result.failed ? 1 : 0;
  if (outArg === undefined) {
    io.stdout.write(text);
    return failed;
  }
  const written = await writeOut(io, outArg, 'the audit', (out) => writeTextAtomically(out, text));
  return written === 0 ? failed : written;
}
