/**
 * Running the audit: read the payroll file, compute each plan's payouts for the fiscal years its
 * rows fall in (one database for all), load the snapshots of the periods paid when a snapshot
 * folder is given, and compare (audit.ts). A bad payroll file comes back as a data failure naming
 * its line and column.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { openDatabase } from '../engine/duckdb.js';
import { calendarOf } from '../model/calendar.js';
import type { Failure } from '../pipeline.js';
import type { ResolvedCatalog } from '../resolve/resolved.js';
import { audit, readPaid, yearsToCompute, type AuditReport } from './audit.js';
import { evaluatePayouts } from './evaluate.js';
import type { PlanPayout } from './report.js';
import type { ResolvedPlan } from './resolved.js';
import { readSnapshot, type SnapshotRow } from './snapshot.js';

/** Where the payroll file is, and what to narrow the audit to. */
export interface AuditRequest {
  /** The file to read, and how to name it in messages (as the user gave it). */
  readonly file: string;
  readonly shown: string;
  readonly plan?: string | undefined;
  readonly rep?: string | undefined;
  /** A folder of snapshots (snapshot.ts) that explain what changed since a period was approved. */
  readonly snapshots?: string | undefined;
}

/** Audits payroll against the plans. */
export async function runAudit(
  resolved: ResolvedCatalog,
  plans: ReadonlyMap<string, ResolvedPlan>,
  request: AuditRequest,
  options: { readonly dataDir: string },
): Promise<{ readonly ok: true; readonly audit: AuditReport; readonly diagnostics: readonly Diagnostic[] } | Failure> {
  const read = readPaid(request.file, request.shown);
  if (typeof read === 'string') return { ok: false, kind: 'data', message: read, diagnostics: [] };
  const rows = read.filter(
    (r) => (request.plan === undefined || r.plan === request.plan) && (request.rep === undefined || r.rep === request.rep),
  );
  const calendar = calendarOf(resolved.catalog);
  const db = await openDatabase();
  try {
    const payouts: PlanPayout[] = [];
    const diagnostics: Diagnostic[] = [];
    for (const id of [...new Set(rows.map((r) => r.plan))].sort()) {
      const plan = plans.get(id);
      if (plan === undefined) continue;
      const years = yearsToCompute(
        rows.filter((r) => r.plan === id),
        plan,
        calendar,
        request.shown,
      );
      if (typeof years === 'string') return { ok: false, kind: 'data', message: years, diagnostics: [] };
      for (const year of years) {
        const result = await evaluatePayouts(resolved, plans, { plan: id, period: year, rep: undefined }, { dataDir: options.dataDir, db });
        if (!result.ok) return result;
        diagnostics.push(...result.diagnostics);
        const rep = request.rep;
        payouts.push(...result.report.plans.map((p) => (rep === undefined ? p : { ...p, reps: p.reps.filter((r) => r.rep === rep) })));
      }
    }
    const snapshots = new Map<string, readonly SnapshotRow[] | undefined>();
    if (request.snapshots !== undefined)
      for (const key of new Set(rows.map((r) => `${r.plan}|${r.period}`))) {
        const [plan = '', period = ''] = key.split('|');
        snapshots.set(key, await readSnapshot(request.snapshots, plan, period));
      }
    const report = audit(request.shown, rows, { plans: payouts, periods: [] }, plans, (plan, period) => snapshots.get(`${plan}|${period}`));
    return { ok: true, audit: report, diagnostics };
  } finally {
    db.close();
  }
}
