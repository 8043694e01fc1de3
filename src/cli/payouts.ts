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
import { money, renderStatementsText, renderSummaryTable } from '../plans/render-text.js';
import { renderAudit } from '../plans/render-audit.js';
import { runAudit } from '../plans/run-audit.js';
import { planCurve, type PlanCurve } from '../plans/plan-model.js';
import { renderModel } from '../plans/render-model.js';
import type { ResolvedPlan } from '../plans/resolved.js';
import { calendarOf } from '../model/calendar.js';
import { Decimal } from '../model/decimal.js';
import type { CatalogSession } from './catalog-session.js';
import { readSnapshot, writeSnapshots } from '../plans/snapshot.js';
import type { PayoutReport } from '../plans/report.js';
import { unwritable, writeTextAtomically } from '../results/write-atomic.js';
import type { ParsedFlags } from './args.js';
import { sessionDataDir } from './catalog-session.js';
import { configureCheckCache } from './check-cache.js';
import { memoryLimit } from './engine-flags.js';
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

/**
 * Keeps a snapshot of each computed period that has none; for one that has, says when today's
 * pay differs from the approved one (a later change of the data or catalog is never silent).
 */
async function snapshotNotes(dir: string, report: PayoutReport): Promise<string[]> {
  const notes: string[] = [];
  for (const p of report.plans) {
    const { written, kept } = await writeSnapshots(dir, p);
    if (written.length > 0) notes.push(`snapshot: kept ${p.plan} ${written.join(', ')} as approved in ${dir}`);
    for (const period of kept) {
      const rows = (await readSnapshot(dir, p.plan, period)) ?? [];
      const then = new Map(rows.filter((r) => r.row === 'period').map((r) => [r.rep, r.amount] as const));
      const changed: string[] = [];
      for (const r of p.reps)
        for (const x of r.periods) {
          if (x.period.label !== period) continue;
          const before = then.get(r.rep) ?? null;
          if (before === null || before.compare(x.pay) !== 0)
            changed.push(`${r.rep} ${before === null ? 'not in it' : money(before)} → ${money(x.pay)}`);
          then.delete(r.rep);
        }
      for (const [rep, before] of then) changed.push(`${rep} ${before === null ? '—' : money(before)} → not paid now`);
      if (changed.length > 0)
        notes.push(
          `snapshot: ${p.plan} ${period} was approved with other pay: ${changed.slice(0, 5).join('; ')}${changed.length > 5 ? `; and ${changed.length - 5} more` : ''} (run --audit with the payroll file to see why)`,
        );
    }
  }
  return notes;
}

/** `--model`: the payout curves of the plans asked for (a plan without a quota to model is a usage error when named). */
async function model(
  io: CliIo,
  session: CatalogSession,
  plans: ReadonlyMap<string, ResolvedPlan>,
  flags: ParsedFlags,
  format: string,
  outArg: string | undefined,
  usage: string,
): Promise<number> {
  const quotaArg = flags.values.get('quota');
  const quota = quotaArg === undefined ? undefined : /^\d+(\.\d+)?$/.test(quotaArg) ? Decimal.parse(quotaArg) : null;
  if (quota === null || quota?.units === 0n)
    return usageError(io, `\`--quota ${quotaArg ?? ''}\` is not an amount above 0 (write 400000)`, usage, 'kpic payouts --help');
  const id = flags.values.get('plan');
  const chosen =
    id === undefined ? [...plans.values()].sort((a, b) => (a.id < b.id ? -1 : 1)) : [plans.get(id)].filter((p) => p !== undefined);
  if (id !== undefined && chosen.length === 0)
    return usageError(io, `unknown plan \`${id}\`; plans: ${[...plans.keys()].sort().join(', ')}`, usage, 'kpic payouts --help');
  const calendar = calendarOf(session.checked.resolved.catalog);
  const curves: PlanCurve[] = [];
  for (const p of chosen) {
    const c = planCurve(p, calendar, quota);
    if (typeof c !== 'string') curves.push(c);
    else if (id !== undefined) return usageError(io, c, usage, 'kpic payouts --help');
    else io.stderr.write(`note: ${c}\n`);
  }
  if (curves.length === 0) return usageError(io, 'no plan has a quota to model', usage, 'kpic payouts --help');
  const text = renderModel(curves, format);
  return emit(io, outArg, 'the payout curves', text, 0);
}

/** Writes `text` to stdout or, atomically, to `--out`; returns `code`, or the failure to write. */
async function emit(io: CliIo, outArg: string | undefined, what: string, text: string, code: number): Promise<number> {
  if (outArg === undefined) {
    io.stdout.write(text);
    return code;
  }
  const written = await writeOut(io, outArg, what, (out) => writeTextAtomically(out, text));
  return written === 0 ? code : written;
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
  const limit = memoryLimit(io, flags, usage, 'kpic payouts --help', undefined);
  if (typeof limit === 'number') return limit;
  const progress = progressFor(io);
  const session = openValidCatalog(io, flags.values.get('catalog'), progress);
  if (typeof session === 'number') return session;
  const plans = checkPlans(session.checked.resolved);
  const dataDir = sessionDataDir(io, session, flags.values.get('data'));
  const snapshots = flags.values.get('snapshot');
  const snapshotDir = snapshots === undefined ? undefined : path.resolve(io.cwd, snapshots);
  if (flags.switches.has('model')) return model(io, session, plans.value, flags, format, outArg, usage);
  const paid = flags.values.get('audit');
  if (paid !== undefined) {
    if (format === 'html') return usageError(io, '`--audit` writes a table, CSV or JSON, not HTML', usage, 'kpic payouts --help');
    progress.show('auditing payroll against the plans…');
    let audited;
    try {
      audited = await runAudit(
        session.checked.resolved,
        plans.value,
        {
          file: path.resolve(io.cwd, paid),
          shown: paid,
          plan: flags.values.get('plan'),
          rep: flags.values.get('rep'),
          snapshots: snapshotDir,
        },
        { dataDir },
      );
    } finally {
      progress.clear();
    }
    if (!audited.ok) return reportFailure(io, session, audited, 'payouts');
    printDiagnostics(io, io.stderr, audited.diagnostics, session.render);
    const text = renderAudit(audited.audit, format);
    const code = audited.audit.differences.length === 0 ? 0 : 1;
    return emit(io, outArg, 'the audit', text, code);
  }
  progress.show('checking data and computing payouts…');
  const statement = flags.switches.has('statement') || format === 'html';
  let result;
  try {
    result = await evaluatePayouts(
      session.checked.resolved,
      plans.value,
      {
        plan: flags.values.get('plan'),
        period: flags.values.get('period'),
        rep: flags.values.get('rep'),
        // A summary keeps no deal lines (a snapshot keeps them for later audits).
        itemised: statement || snapshotDir !== undefined,
      },
      { dataDir, memoryLimit: limit },
    );
  } finally {
    progress.clear();
  }
  if (!result.ok) return reportFailure(io, session, result, 'payouts');
  printDiagnostics(io, io.stderr, result.diagnostics, session.render);
  if (snapshotDir !== undefined) for (const note of await snapshotNotes(snapshotDir, result.report)) io.stderr.write(`${note}\n`);
  const text = render(format, result.report, statement);
  return emit(io, outArg, 'the payouts', text, 0);
}
