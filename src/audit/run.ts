/**
 * Runs checks on the data folder: each source a check reads is checked against its data contract
 * first (as `kpic run` does, so a check never computes on rows that break it), then each check's
 * query lists its findings. Opens (and closes) its own database unless one is given.
 */
import { dedupeDiagnostics, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { checkJoinKeys, type CheckCache } from '../engine/check-data.js';
import { defaultCheckCache } from '../engine/default-check-cache.js';
import { openDatabase, type Database, type Row, type Value } from '../engine/duckdb.js';
import { isOutOfMemory, outOfMemoryMessage } from '../engine/out-of-memory.js';
import { calendarOf } from '../model/calendar.js';
import type { Catalog, SourceDef } from '../model/types.js';
import type { IrRowExpr } from '../query/ir-expr.js';
import { forEachRowNode } from '../query/ir-walk.js';
import { checkSources, locateSources, type Failure } from '../pipeline.js';
import type { ResolvedCatalog } from '../resolve/resolved.js';
import type { ResolvedCheck } from './check.js';
import { fingerprintOf } from './fingerprint.js';
import type { CheckSeverity, ReviewDef } from './model.js';
import { checkSql, GROUP_COLUMN, OWNER_DIMENSIONS } from './sql.js';

/** One finding: a row a check flags, with its shown values (key first) as text. */
export interface Finding {
  readonly kind: 'finding';
  readonly values: readonly (string | null)[];
  /** For a duplicates check: the normalised value the row shares with others. */
  readonly group?: string | undefined;
  /** Who the finding is for: the row's `rep`, `team` and `manager` dimensions (null when the source has none). */
  readonly rep: string | null;
  readonly team: string | null;
  readonly manager: string | null;
  /** Stable while the finding's check and values stay the same: what a review names. */
  readonly fingerprint: string;
  /** The review that accepted this finding, if any: it is listed but does not fail the audit. */
  readonly reviewed?: ReviewDef | undefined;
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
  /** Whether a check of severity `error` has findings not reviewed. */
  readonly failed: boolean;
  /** Checks left out because their source lacks the `--at` dimension. */
  readonly skipped: readonly string[];
  /** Reviews that match no finding any more (the finding changed or is gone), by check. */
  readonly staleReviews: readonly { readonly check: string; readonly review: ReviewDef }[];
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
  /** Only rows whose time anchor is on or after this day. */
  readonly since?: string | undefined;
  /** Only rows whose dimension has this value; checks over sources without it are skipped. */
  readonly at?: { readonly dimension: string; readonly value: string } | undefined;
  /**
   * Streaming: called with each check's outcome as soon as the check has run. With it, the
   * report's outcomes keep no findings (their `findings` are empty; `failed` and the stale reviews
   * still count them), so an audit with millions of findings never holds them all at once.
   */
  readonly onOutcome?: ((outcome: CheckOutcome) => void) | undefined;
  /** DuckDB's memory limit (`--memory-limit`) when the audit opens its own database. */
  readonly memoryLimit?: string | undefined;
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
function sourcesOf(check: ResolvedCheck, catalog: Catalog, at: string | undefined): string[] {
  const ids = new Set<string>();
  const rule = check.rule.kind === 'fails' ? [check.rule.condition] : [check.rule.value, ...check.rule.same];
  const dims = [...OWNER_DIMENSIONS, ...(at === undefined ? [] : [at])].map((d) => check.dimensions.get(d));
  reached(check.source, [...check.shown.map((s) => s.expr), ...rule, check.where, ...dims], catalog, ids);
  for (const r of check.related) reached(r.source, [r.value, r.filter], catalog, ids);
  return [...ids];
}

function text(v: Value | undefined): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return 'toString' in v && typeof v.toString === 'function' && !Array.isArray(v) ? v.toString() : JSON.stringify(v);
}

/** The finding a row of `check`'s query stands for (columns `s0…`, the group, `$rep`, `$team`, `$manager`). */
function findingOf(check: ResolvedCheck, r: Row, reviews: ReadonlyMap<string, ReviewDef>): Finding {
  const values = check.shown.map((_, i) => text(r[`s${i}`]));
  const group = check.rule.kind === 'duplicates' ? (text(r[GROUP_COLUMN]) ?? '') : undefined;
  const fingerprint = fingerprintOf(check.def.id, values, group);
  return {
    kind: 'finding',
    values,
    ...(group !== undefined ? { group } : {}),
    rep: text(r['$rep']),
    team: text(r['$team']),
    manager: text(r['$manager']),
    fingerprint,
    reviewed: reviews.get(fingerprint),
  };
}

/** Runs `checks` (already selected) on the data; a data problem refuses the audit. */
export async function runAudit(
  resolved: ResolvedCatalog,
  selected: readonly ResolvedCheck[],
  options: AuditOptions,
): Promise<AuditReport | Failure> {
  const { catalog } = resolved;
  const at = options.at;
  const checks = at === undefined ? selected : selected.filter((c) => c.dimensions.has(at.dimension));
  const skipped = selected.filter((c) => !checks.includes(c)).map((c) => c.def.id);
  const ids = [...new Set(checks.flatMap((c) => sourcesOf(c, catalog, at?.dimension)))].sort();
  const found = locateSources(catalog.sources, ids, options.dataDir);
  const diagnostics: Diagnostic[] = [...found.diagnostics];
  if (hasErrors(diagnostics))
    return { ok: false, kind: 'data', message: 'the data cannot be read', diagnostics: sortDiagnostics(diagnostics) };
  const db = options.db ?? (await openDatabase({ memoryLimit: options.memoryLimit }));
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
      since: options.since,
      at: options.at,
      relation: (id: string): string => {
        const c = checked.get(id);
        if (c === undefined) throw new Error(`unchecked source ${id}`);
        return c.sql;
      },
    };
    const outcomes: CheckOutcome[] = [];
    const staleReviews: AuditReport['staleReviews'][number][] = [];
    let failed = false;
    for (const check of checks) {
      const reviews = new Map(check.def.reviewed.map((r) => [r.finding, r]));
      const findings: Finding[] = [];
      await db.queryEach(checkSql(check, ctx), (rows) => {
        for (const r of rows) findings.push(findingOf(check, r, reviews));
      });
      const seen = new Set(findings.map((f) => f.fingerprint));
      // Reviews are only judged on a full audit: with --since or --at a reviewed finding may lie outside.
      if (options.since === undefined && at === undefined)
        for (const review of check.def.reviewed) if (!seen.has(review.finding)) staleReviews.push({ check: check.def.id, review });
      if (check.def.severity === ('error' satisfies CheckSeverity) && findings.some((f) => f.reviewed === undefined)) failed = true;
      const outcome: CheckOutcome = { kind: 'check-outcome', check, columns: check.shown.map((s) => s.label), findings };
      if (options.onOutcome === undefined) outcomes.push(outcome);
      else {
        options.onOutcome(outcome);
        outcomes.push({ ...outcome, findings: [] });
      }
    }
    return { kind: 'audit-report', day: options.day, outcomes, failed, skipped, staleReviews, diagnostics: sortDiagnostics(unique) };
  } catch (error) {
    if (!isOutOfMemory(error)) throw error;
    const message = outOfMemoryMessage(error as Error, options.memoryLimit, 'fewer checks with --check');
    return { ok: false, kind: 'data', message, diagnostics: [] };
  } finally {
    if (options.db === undefined) db.close();
  }
}
