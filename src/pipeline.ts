/**
 * The pipeline as functions: check a catalog (load → schema → resolve), compile KPIs to SQL, and
 * run them on DuckDB over the data folder. The CLI is a thin shell over these.
 */
import path from 'node:path';
import { dedupeDiagnostics, hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import { checkJoinKeys, checkSourceData, type CheckCache, type CheckedSource } from './engine/check-data.js';
import { defaultCheckCache } from './engine/default-check-cache.js';
import { openDatabase, type Database } from './engine/duckdb.js';
import { declaredSourceFiles, locateSourceFiles, sourcePathProblems } from './engine/source-files.js';
import { sourceRelationSql } from './engine/source-sql.js';
import { loadCatalog, loadCatalogFromFiles } from './load/load-catalog.js';
import type { Catalog } from './model/types.js';
import type { Plan } from './plan/ir.js';
import { planRun, type PlanRequest } from './plan/planner.js';
import type { ResolvedCatalog } from './resolve/resolved.js';
import { resolveCatalog } from './resolve/resolve-catalog.js';
import { checkScorecards } from './scorecard/check.js';
import type { Dialect } from './sql/dialect.js';
import { duckdb } from './sql/duckdb.js';
import { emitSql } from './sql/emit-plan.js';

/** A catalog checked as far as it goes: every diagnostic of every phase. */
export interface CheckedCatalog {
  readonly catalog: Catalog;
  /** Present when loading got far enough to resolve. */
  readonly resolved: ResolvedCatalog;
  readonly diagnostics: readonly Diagnostic[];
  /** No errors (warnings allowed). */
  readonly ok: boolean;
}

function check(loaded: { value: Catalog; diagnostics: readonly Diagnostic[] }): CheckedCatalog {
  const resolved = resolveCatalog(loaded.value);
  // Source paths that could never be read (absolute, climbing out with `..`, unknown format) are
  // catalog errors: validate reports them without any data.
  const paths = [...loaded.value.sources.values()].flatMap(sourcePathProblems);
  const scorecards = checkScorecards(resolved.value);
  const diagnostics = sortDiagnostics([...loaded.diagnostics, ...resolved.diagnostics, ...paths, ...scorecards.diagnostics]);
  return { catalog: loaded.value, resolved: resolved.value, diagnostics, ok: !hasErrors(diagnostics) };
}

/** Loads, validates and resolves the catalog in `dir`. */
export function checkCatalog(dir: string): CheckedCatalog {
  return check(loadCatalog(dir));
}

/** Like {@link checkCatalog}, from in-memory files (catalog-relative path → text). */
export function checkCatalogFiles(files: ReadonlyMap<string, string>): CheckedCatalog {
  return check(loadCatalogFromFiles(files));
}

/** The data folder: `override` (relative to the working directory), else the catalog's `data:` (relative to the catalog folder). */
export function dataFolder(catalog: Catalog, catalogDir: string, override?: string): string {
  if (override !== undefined) return path.resolve(override);
  return path.resolve(catalogDir, catalog.meta?.data?.value ?? 'data');
}

/** Why there is no result. */
export type Failure =
  | { readonly ok: false; readonly kind: 'usage' | 'invalid'; readonly message: string; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly kind: 'data'; readonly message: string; readonly diagnostics: readonly Diagnostic[] };

/** Compiled SQL for a request (no data is read). */
export function compileKpis(
  resolved: ResolvedCatalog,
  request: PlanRequest,
  options: { readonly dataDir: string; readonly dialect?: Dialect },
): { readonly ok: true; readonly plan: Plan; readonly sql: string } | Failure {
  const planned = planRun(resolved, request);
  if (!planned.ok) return { ok: false, kind: planned.kind, message: planned.message, diagnostics: [] };
  const sources = resolved.catalog.sources;
  const sql = emitSql(planned.plan, {
    dialect: options.dialect ?? duckdb,
    sourceRelation: (id) => {
      const source = sources.get(id);
      if (source === undefined) throw new Error(`unknown source ${id}`);
      return sourceRelationSql(source, declaredSourceFiles(source, options.dataDir));
    },
  });
  return { ok: true, plan: planned.plan, sql };
}

/** One result row: a KPI's value in one cell of the grid. */
export interface ResultRow {
  readonly kpi: string;
  /** ISO date on which the period starts. */
  readonly period: string;
  /** Breakdown values, in the order of {@link RunResult.by}. */
  readonly by: readonly (string | number | boolean | null)[];
  readonly value: number | null;
}

/** A successful run. */
export interface RunResult {
  readonly ok: true;
  readonly by: readonly string[];
  readonly rows: readonly ResultRow[];
  readonly plan: Plan;
  readonly sql: string;
  /** Warnings (e.g. quarantined rows). */
  readonly diagnostics: readonly Diagnostic[];
}

export { useCheckCacheFile } from './engine/default-check-cache.js';

/** Options of {@link runKpis}. */
export interface RunOptions {
  readonly dataDir: string;
  /** Leave rows that break the data contract out, writing them here, instead of failing. */
  readonly quarantine?: string | undefined;
  /** Where passed data checks are remembered (default: the process's, see `useCheckCacheFile`). */
  readonly checkCache?: CheckCache | undefined;
  /** A database to use (default: a fresh in-memory one, closed afterwards). */
  readonly db?: Database | undefined;
}

/** The sources a plan reads (scanned and joined). */
function planSources(plan: Plan): string[] {
  const ids = new Set<string>();
  for (const scan of plan.scans) {
    ids.add(scan.source);
    for (const j of scan.joins) ids.add(j.target);
  }
  return [...ids].sort();
}

function quarantineFile(base: string, source: string, many: boolean): string {
  if (!many) return base;
  const ext = path.extname(base);
  return `${base.slice(0, base.length - ext.length)}.${source}${ext === '' ? '.csv' : ext}`;
}

/** Evaluates KPIs on the data folder. Data problems refuse the run (or quarantine rows). */
export async function runKpis(resolved: ResolvedCatalog, request: PlanRequest, options: RunOptions): Promise<RunResult | Failure> {
  const planned = planRun(resolved, request);
  if (!planned.ok) return { ok: false, kind: planned.kind, message: planned.message, diagnostics: [] };
  const plan = planned.plan;
  const { sources } = resolved.catalog;
  const ids = planSources(plan);
  const diagnostics: Diagnostic[] = [];
  const located = new Map<string, ReturnType<typeof locateSourceFiles>['value']>();
  for (const id of ids) {
    const source = sources.get(id);
    if (source === undefined) throw new Error(`unknown source ${id}`);
    const files = locateSourceFiles(source, options.dataDir);
    diagnostics.push(...files.diagnostics);
    located.set(id, files.value);
  }
  if (hasErrors(diagnostics))
    return { ok: false, kind: 'data', message: 'the data cannot be read', diagnostics: sortDiagnostics(diagnostics) };
  const db = options.db ?? (await openDatabase());
  try {
    const checked = new Map<string, CheckedSource>();
    for (const id of ids) {
      const source = sources.get(id);
      const files = located.get(id);
      if (source === undefined || files === undefined) continue;
      const quarantine = options.quarantine === undefined ? undefined : quarantineFile(options.quarantine, id, ids.length > 1);
      const result = await checkSourceData(db, source, files, { quarantine, cache: options.checkCache ?? defaultCheckCache() });
      diagnostics.push(...result.diagnostics);
      checked.set(id, result.value);
    }
    if (!hasErrors(diagnostics)) {
      for (const id of new Set(plan.scans.filter((s) => s.joins.length > 0).map((s) => s.source))) {
        const source = sources.get(id);
        if (source !== undefined) diagnostics.push(...(await checkJoinKeys(db, source, sources, checked)).diagnostics);
      }
    }
    const unique = dedupeDiagnostics(diagnostics);
    if (hasErrors(unique))
      return { ok: false, kind: 'data', message: 'the data breaks its contract', diagnostics: sortDiagnostics(unique) };
    const sql = emitSql(plan, {
      dialect: duckdb,
      sourceRelation: (id) => {
        const c = checked.get(id);
        if (c === undefined) throw new Error(`unchecked source ${id}`);
        return c.sql;
      },
    });
    const rows = await db.query(sql);
    return {
      ok: true,
      by: plan.by,
      plan,
      sql,
      diagnostics: sortDiagnostics(unique),
      rows: rows.map((r) => ({
        kpi: String(r['kpi']),
        period: String(r['period']),
        by: plan.by.map((b) => {
          const v = r[b];
          return v === undefined || (typeof v === 'object' && v !== null) ? null : v;
        }),
        value: typeof r['value'] === 'number' ? r['value'] : null,
      })),
    };
  } finally {
    if (options.db === undefined) db.close();
  }
}
