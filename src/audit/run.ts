/**
 * Runs checks on the data folder: each source a check reads is checked against its data contract
 * first (as `kpic run` does, so a check never computes on rows that break it), then each check's
 * query lists its findings. Opens (and closes) its own database unless one is given.
 */
import { dedupeDiagnostics, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { checkJoinKeys, type CheckCache } from '../engine/check-data.js';
import { defaultCheckCache } from '../engine/default-check-cache.js';
import { openDatabase, type Database, type Value } from '../engine/duckdb.js';
import { calendarOf } from '../model/calendar.js';
import type { Catalog, SourceDef } from '../model/types.js';
import type { IrRowExpr } from '../query/ir-expr.js';
import { forEachRowNode } from '../query/ir-walk.js';
import { checkSources, locateSources, type Failure } from '../pipeline.js';
import type { ResolvedCatalog } from '../resolve/resolved.js';
import type { ResolvedCheck } from './check.js';
import type { CheckSeverity } from './model.js';
import { checkSql, GROUP_COLUMN } from './sql.js';

/** One finding: a row a check flags, with its shown values (key first) as text. */
export interface Finding {
  readonly kind: 'finding';
  readonly values: readonly (string | null)[];
  /** For a duplicates check: the normalised value the row shares with others. */
  readonly group?: string | undefined;
}

/** The findings of one check. */
export interface CheckOutcome {
  readonly kind: 'check-outcome';
  readonly check: ResolvedCheck;
  /** The labels of {@link Finding.values}: the source's key, then the `show` formulas. */
  readonly columns: readonly string[];
  readonly findings: readonly Finding[];
}

/** What an audit found. */
export interface AuditReport {
  readonly kind: 'audit-report';
  /** The audit day, `YYYY-MM-DD`. */
  readonly day: string;
  readonly outcomes: readonly CheckOutcome[];
  /** Whether a check of severity `error` has findings. */
  readonly failed: boolean;
  /** Warnings of the data checks. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Options of {@link runAudit}. */
export interface AuditOptions {
  readonly dataDir: string;
  /** The audit day (`YYYY-MM-DD`) that `period_start()`, `period_end()` and `point_date()` mean. */
  readonly day: string;
  readonly db?: Database | undefined;
  readonly checkCache?: CheckCache | undefined;
}

/** The sources reached from `base` through the join paths of `exprs`, added to `ids`. */
function reached(base: SourceDef, exprs: readonly (IrRowExpr | undefined)[], catalog: Catalog, ids: Set<string>): void {
  ids.add(base.id);
  for (const e of exprs) {
    forEachRowNode(e, (n) => {
      if (n.kind !== 'column') return;
      let source = base;
      for (const step of n.path) {
        const next = catalog.sources.get(source.joins.get(step)?.to.value ?? '');
        if (next === undefined) return;
        ids.add(next.id);
        source = next;
      }
    });
  }
}

/** The sources a check reads: its own, those of its related values, and those their expressions reach through joins. */
function sourcesOf(check: ResolvedCheck, catalog: Catalog): string[] {
  const ids = new Set<string>();
  const rule = check.rule.kind === 'fails' ? check.rule.condition : check.rule.value;
  reached(check.source, [...check.shown.map((s) => s.expr), rule, check.where], catalog, ids);
  for (const r of check.related) reached(r.source, [r.value, r.filter], catalog, ids);
  return [...ids];
}

function text(v: Value | undefined): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return 'toString' in v && typeof v.toString === 'function' && !Array.isArray(v) ? v.toString() : JSON.stringify(v);
}

/** Runs `checks` (already selected) on the data; a data problem refuses the audit. */
export async function runAudit(
  resolved: ResolvedCatalog,
  checks: readonly ResolvedCheck[],
  options: AuditOptions,
): Promise<AuditReport | Failure> {
  const { catalog } = resolved;
  const ids = [...new Set(checks.flatMap((c) => sourcesOf(c, catalog)))].sort();
  const found = locateSources(catalog.sources, ids, options.dataDir);
  const diagnostics: Diagnostic[] = [...found.diagnostics];
  if (hasErrors(diagnostics))
    return { ok: false, kind: 'data', message: 'the data cannot be read', diagnostics: sortDiagnostics(diagnostics) };
  const db = options.db ?? (await openDatabase());
  try {
    const data = await checkSources(db, catalog.sources, found.value, () => ({ cache: options.checkCache ?? defaultCheckCache() }));
    diagnostics.push(...data.diagnostics);
    const checked = data.value;
    if (!hasErrors(diagnostics))
      for (const c of new Set(checks.flatMap((x) => [x.source, ...x.related.map((r) => r.source)])))
        diagnostics.push(...(await checkJoinKeys(db, c, catalog.sources, checked)).diagnostics);
    const unique = dedupeDiagnostics(diagnostics);
    if (hasErrors(unique))
      return { ok: false, kind: 'data', message: 'the data breaks its contract', diagnostics: sortDiagnostics(unique) };
    const ctx = {
      catalog,
      lookups: resolved.lookups,
      calendar: calendarOf(catalog),
      day: options.day,
      relation: (id: string): string => {
        const c = checked.get(id);
        if (c === undefined) throw new Error(`unchecked source ${id}`);
        return c.sql;
      },
    };
    const outcomes: CheckOutcome[] = [];
    for (const check of checks) {
      const rows = await db.query(checkSql(check, ctx));
      const findings = rows.map((r): Finding => ({
        kind: 'finding',
        values: check.shown.map((_, i) => text(r[`s${i}`])),
        ...(check.rule.kind === 'duplicates' ? { group: text(r[GROUP_COLUMN]) ?? '' } : {}),
      }));
      outcomes.push({ kind: 'check-outcome', check, columns: check.shown.map((s) => s.label), findings });
    }
    const failed = outcomes.some((o) => o.check.def.severity === ('error' satisfies CheckSeverity) && o.findings.length > 0);
    return { kind: 'audit-report', day: options.day, outcomes, failed, diagnostics: sortDiagnostics(unique) };
  } finally {
    if (options.db === undefined) db.close();
  }
}
