/**
 * `kpic alerts`: evaluate the catalog's alerts for a period and print the ones that fire (table,
 * JSON or NDJSON, for people and schedulers); with `--deliver FILE`, send each to its managers and
 * channels (e-mail files in an outbox, webhooks), remembering in `--state` what was sent so that
 * an alert that keeps firing is not sent again until it clears or escalates. Exit codes: 0 (alerts
 * firing or not), 1 catalog or data invalid or a delivery failed, 2 usage error.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkAlerts } from '../alerts/check.js';
import { parseDeliveryConfig } from '../alerts/delivery-config.js';
import { dispatchAlerts, type Dispatch } from '../alerts/dispatch.js';
import { evaluateAlerts, type Firing } from '../alerts/evaluate.js';
import { renderAlertsJson, renderAlertsNdjson, renderAlertsTable, type RenderInput } from '../alerts/render.js';
import { openAlertState } from '../alerts/state.js';
import { commentLine } from '../commentary/attach.js';
import { openCommentary, type CommentaryStore } from '../commentary/store.js';
import { checkScorecards } from '../scorecard/check.js';
import type { CommentLine } from '../scorecard/report.js';
import { didYouMean } from '../diagnostics/suggest.js';
import type { ParsedFlags } from './args.js';
import { sessionDataDir } from './catalog-session.js';
import { configureCheckCache } from './check-cache.js';
import { commandSpec, usageLine } from './commands.js';
import type { CliIo } from './io.js';
import { printDiagnostics, printError, progressFor, usageError } from './report.js';
import { openValidCatalog, reportFailure } from './request.js';

function notesOf(store: CommentaryStore | undefined): (f: Firing) => readonly CommentLine[] {
  if (store === undefined) return () => [];
  return (f) => f.kpis.flatMap((kpi) => store.find({ kpi, nodes: [f.node.key], period: f.period.label })).map(commentLine);
}

/** Runs `alerts`; returns the exit code. */
export async function alertsCommand(io: CliIo, flags: ParsedFlags): Promise<number> {
  configureCheckCache(io, flags);
  const spec = commandSpec('alerts');
  const usage = spec === undefined ? 'kpic alerts' : usageLine(spec);
  const format = flags.values.get('format') ?? 'table';
  const deliverArg = flags.values.get('deliver');
  const stateDir = path.resolve(io.cwd, flags.values.get('state') ?? '.kpic');
  let config;
  if (deliverArg !== undefined) {
    const file = path.resolve(io.cwd, deliverArg);
    if (!existsSync(file)) return usageError(io, `\`--deliver ${deliverArg}\`: no such file`, usage, 'kpic alerts --help');
    config = parseDeliveryConfig(readFileSync(file, 'utf8'), file);
    if ('problems' in config)
      return usageError(io, `\`--deliver ${deliverArg}\`: ${config.problems.join('; ')}`, usage, 'kpic alerts --help');
  }
  const progress = progressFor(io);
  const session = openValidCatalog(io, flags.values.get('catalog'), progress);
  if (typeof session === 'number') return session;
  const resolved = session.checked.resolved;
  const scorecards = checkScorecards(resolved).value;
  const all = checkAlerts(resolved, scorecards.hierarchies).value;
  const wanted = flags.lists.get('alert');
  for (const id of wanted ?? []) {
    if (!all.has(id))
      return usageError(
        io,
        `unknown alert \`${id}\`${((h) => (h === undefined ? '' : `; ${h}`))(didYouMean(id, all.keys()))}`,
        usage,
        'kpic alerts --help',
      );
  }
  const alerts = [...all.values()].filter((a) => wanted === undefined || wanted.includes(a.id));
  progress.show('evaluating alerts…');
  let result;
  try {
    result = await evaluateAlerts(
      resolved,
      scorecards,
      alerts,
      { period: flags.values.get('period') },
      { dataDir: sessionDataDir(io, session, flags.values.get('data')) },
    );
  } finally {
    progress.clear();
  }
  if (!result.ok) return reportFailure(io, session, result, 'alerts');
  printDiagnostics(io, io.stderr, result.diagnostics, session.render);
  const notesFile = path.join(stateDir, 'commentary.db');
  const store = existsSync(notesFile) ? openCommentary(notesFile, { readonly: true }) : undefined;
  const currency = resolved.catalog.meta?.currency ?? 'USD';
  let dispatch: Dispatch | undefined;
  try {
    if (config !== undefined) {
      mkdirSync(stateDir, { recursive: true });
      const state = openAlertState(path.join(stateDir, 'alerts.db'));
      try {
        dispatch = await dispatchAlerts(result.evaluations, { config, state, now: () => new Date(), currency, notes: notesOf(store) });
      } finally {
        state.close();
      }
    }
    const input: RenderInput = { evaluations: result.evaluations, dispatch, currency, notes: notesOf(store) };
    io.stdout.write(
      format === 'json' ? renderAlertsJson(input) : format === 'ndjson' ? renderAlertsNdjson(input) : renderAlertsTable(input),
    );
  } finally {
    store?.close();
  }
  const failed = dispatch?.outcomes.filter((o) => o.status === 'failed') ?? [];
  for (const f of failed)
    printError(io, `alert \`${f.firing.alert}\` at ${f.firing.node.label} was not delivered: ${f.why ?? 'unknown reason'}`);
  return failed.length > 0 ? 1 : 0;
}
