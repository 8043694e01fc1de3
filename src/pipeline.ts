/**
 * The pipeline as functions: compile KPIs to SQL, and run them on DuckDB over the data folder,
 * from a resolved catalog (check-catalog.ts loads and checks one). The CLI is a thin shell over
 * these, and every consumer of figures (periods, org, targets, scorecards) computes through them.
 */
import path from 'node:path';
import { dedupeDiagnostics, hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import { checkJoinKeys, checkSourceData, type CheckCache, type CheckedSource } from './engine/check-data.js';
import { defaultCheckCache } from './engine/default-check-cache.js';
import { openDatabase, type Database, type Row } from './engine/duckdb.js';
import { locateSourceFiles } from './engine/source-files.js';
import { checkedSourcesReader, declaredFilesReader } from './engine/source-readers.js';
import { Decimal } from './model/decimal.js';
import type { Catalog } from './model/types.js';
import type { QueryPlan } from './query/ir.js';
import { planQuery } from './query/planner.js';
import type { QueryRequest } from './query/request.js';
import type { ResolvedCatalog } from './resolve/resolved.js';
import type { Dialect } from './sql/dialect.js';
import { DEFAULT_DIALECT } from './sql/dialects.js';
import { duckdb } from './sql/duckdb.js';
import { emitSql } from './sql/emit-sql.js';
import { EXACT_VALUE } from './sql/emit-outputs.js';
import type { SourceReader } from './sql/source-reader.js';
import type { SqlEngine } from './engine/sql-engine.js';
import { checkTableSource, sourcesOffEngine, tablesReader } from './engine/table-source.js';
import { prunePartitions, timeRangeRead } from './engine/hive-partitions.js';
import { isOutOfMemory, outOfMemoryMessage } from './engine/out-of-memory.js';

/** The data folder: `override` (relative to the working directory), else the catalog's `data:` (relative to the catalog folder). */
export function dataFolder(catalog: Catalog, catalogDir: string, override?: string): string {
  if (override !== undefined) return path.resolve(override);
  return path.resolve(catalogDir, catalog.meta?.data?.value ?? 'data');
}

/**
 * Why there is no result: `usage` — the request does not fit the catalog (an unknown KPI,
 * dimension or grain, a bad range: diagnostics with a `request` part); `invalid` — the catalog
 * cannot compute what is asked (a window with no meaning at the grain); `data` — the data cannot
 * be read or breaks its contract.
 */
export type Failure =
  | { readonly ok: false; readonly kind: 'usage' | 'invalid'; readonly message: string; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly kind: 'data'; readonly message: string; readonly diagnostics: readonly Diagnostic[] };

/** The failure of a query that could not be planned. */
function queryFailure(diagnostics: readonly Diagnostic[]): Failure {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : '';
  if (errors.some((d) => d.request !== undefined))
    return { ok: false, kind: 'usage', message: `${errors[0]?.message ?? 'the request does not fit the catalog'}${more}`, diagnostics };
  return { ok: false, kind: 'invalid', message: 'the KPIs cannot be computed as requested; nothing was run', diagnostics };
}

/** Options of {@link compileKpis}. */
export interface CompileOptions {
  /** The data folder the query reads the declared files from. */
  readonly dataDir: string;
  /** The SQL dialect (default: DuckDB's). */
  readonly dialect?: Dialect | undefined;
  /**
   * How the query reads each source (default: in DuckDB's dialect the declared files in `dataDir`,
   * in another each source's `table:`, or the table of its id).
   */
  readonly sources?: SourceReader | undefined;
}

/** Compiled SQL for a request (no data is read). */
export function compileKpis(
  resolved: ResolvedCatalog,
  request: QueryRequest,
  options: CompileOptions,
): { readonly ok: true; readonly queryPlan: QueryPlan; readonly sql: string; readonly diagnostics: readonly Diagnostic[] } | Failure {
  const planned = planQuery(resolved, request);
  if (planned.value === undefined) return queryFailure(planned.diagnostics);
  const dialect = options.dialect ?? DEFAULT_DIALECT;
  const sources =
    options.sources ??
    (dialect.name === duckdb.name
      ? declaredFilesReader(resolved.catalog.sources, options.dataDir)
      : tablesReader(resolved.catalog.sources, dialect));
  const sql = emitSql(planned.value, { dialect, sources });
  return { ok: true, queryPlan: planned.value, sql, diagnostics: planned.diagnostics };
}

/** One result row: a KPI's value in one cell of the grid. */
export interface ResultRow {
  readonly kpi: string;
  /** ISO date on which the period starts. */
  readonly period: string;
  /** Breakdown values, in the order of {@link RunResult.by} (a money dimension's values are exact). */
  readonly by: readonly (string | number | boolean | Decimal | null)[];
  /** The value as a double: for an exact result, the double nearest to {@link ResultRow.exact}. */
  readonly value: number | null;
  /**
   * Whether the period is complete as of the data's as-of date (src/periods/complete.ts); absent
   * when the rows were not judged against one.
   */
  readonly complete?: boolean | undefined;
  /**
   * The exact value of a result that is exact (money through sums and differences; see
   * docs/language.md) and not null. What is paid, printed or stored must come from here.
   */
  readonly exact?: Decimal | undefined;
}

/** A successful run. */
export interface RunResult {
  readonly ok: true;
  readonly by: readonly string[];
  readonly rows: readonly ResultRow[];
  readonly queryPlan: QueryPlan;
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
  /**
   * Run on this engine instead (PostgreSQL, Spark): every source the KPIs read names a `table:`
   * there, and its data contract is checked there. The caller connects and closes it.
   */
  readonly engine?: SqlEngine | undefined;
  /**
   * The most memory DuckDB may use (`4GB`, `512MiB`), beyond which it spills to temporary files
   * (DuckDB's default: 80% of the machine's memory). For the database a run opens itself.
   */
  readonly memoryLimit?: string | undefined;
}

/** The sources a query plan reads (scanned and joined). */
function planSources(plan: QueryPlan): string[] {
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
export async function runKpis(resolved: ResolvedCatalog, request: QueryRequest, options: RunOptions): Promise<RunResult | Failure> {
  const planned = planQuery(resolved, request);
  if (planned.value === undefined) return queryFailure(planned.diagnostics);
  const plan = planned.value;
  const { sources } = resolved.catalog;
  const ids = planSources(plan);
  const offEngine = sourcesOffEngine(
    ids.flatMap((id) => sources.get(id) ?? []),
    options.engine,
  );
  if (offEngine.length > 0)
    return { ok: false, kind: 'data', message: 'the data cannot be read on this engine', diagnostics: sortDiagnostics(offEngine) };
  if (options.engine !== undefined) return runOnEngine(options.engine, resolved, plan, planned.diagnostics);
  // Warnings of the request (a KPI evaluated finer than its grain) travel with the results.
  const diagnostics: Diagnostic[] = [...planned.diagnostics];
  const located = new Map<string, ReturnType<typeof locateSourceFiles>['value']>();
  for (const id of ids) {
    const source = sources.get(id);
    if (source === undefined) throw new Error(`unknown source ${id}`);
    const files = locateSourceFiles(source, options.dataDir);
    diagnostics.push(...files.diagnostics);
    // Partition pruning: files in `year=`… folders of dates the query does not read are left out.
    const range = timeRangeRead(plan, source);
    located.set(id, range === undefined ? files.value : prunePartitions(files.value, options.dataDir, range).files);
  }
  if (hasErrors(diagnostics))
    return { ok: false, kind: 'data', message: 'the data cannot be read', diagnostics: sortDiagnostics(diagnostics) };
  const db = options.db ?? (await openDatabase({ memoryLimit: options.memoryLimit }));
  try {
    const checked = new Map<string, CheckedSource>();
    for (const id of ids) {
      const source = sources.get(id);
      const files = located.get(id);
      if (source === undefined || files === undefined) continue;
      const quarantine = options.quarantine === undefined ? undefined : quarantineFile(options.quarantine, id, ids.length > 1);
      const result = await checkSourceData(db, source, files, {
        quarantine,
        cache: options.checkCache ?? defaultCheckCache(),
        dataDir: options.dataDir,
      });
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
    // The engine is DuckDB: the query is written in its dialect.
    const sql = emitSql(plan, { dialect: duckdb, sources: checkedSourcesReader(checked) });
    const rows = await db.query(sql);
    return {
      ok: true,
      by: plan.by,
      queryPlan: plan,
      sql,
      diagnostics: sortDiagnostics(unique),
      rows: rows.map((r) => resultRow(plan, r)),
    };
  } catch (error) {
    if (!isOutOfMemory(error)) throw error;
    return { ok: false, kind: 'data', message: outOfMemoryMessage(error as Error, options.memoryLimit), diagnostics: [] };
  } finally {
    if (options.db === undefined) db.close();
  }
}

/** Runs a planned query on `engine`, checking the contract of every table it reads there first. */
async function runOnEngine(
  engine: SqlEngine,
  resolved: ResolvedCatalog,
  plan: QueryPlan,
  warnings: readonly Diagnostic[],
): Promise<RunResult | Failure> {
  const { sources } = resolved.catalog;
  const keyed = new Set(plan.scans.flatMap((s) => s.joins.map((j) => j.target)));
  const diagnostics: Diagnostic[] = [...warnings];
  const relations = new Map<string, string>();
  for (const id of planSources(plan)) {
    const source = sources.get(id);
    if (source === undefined) continue;
    const checked = await checkTableSource(engine, source, keyed.has(id));
    diagnostics.push(...checked.diagnostics);
    relations.set(id, checked.value.sql);
  }
  if (hasErrors(diagnostics))
    return { ok: false, kind: 'data', message: 'the data breaks its contract', diagnostics: sortDiagnostics(diagnostics) };
  const reader: SourceReader = {
    dialect: engine.dialect.name,
    relation(id) {
      const sql = relations.get(id);
      if (sql === undefined) throw new Error(`unchecked source ${id}`);
      return sql;
    },
  };
  const sql = emitSql(plan, { dialect: engine.dialect, sources: reader });
  const rows = await engine.query(sql);
  return {
    ok: true,
    by: plan.by,
    queryPlan: plan,
    sql,
    diagnostics: sortDiagnostics(diagnostics),
    rows: rows.map((r) => resultRow(plan, r)),
  };
}

/** A row of the query as a result row; an exact output's value is read from its decimal text. */
function resultRow(plan: QueryPlan, r: Row): ResultRow {
  const by = plan.by.map((b) => {
    const v = r[b];
    return v === undefined || (typeof v === 'object' && v !== null && !(v instanceof Decimal)) ? null : v;
  });
  const text = r[EXACT_VALUE];
  if (typeof text === 'string') {
    const exact = Decimal.parse(text);
    return { kpi: String(r['kpi']), period: String(r['period']), by, value: exact.toNumber(), exact };
  }
  return { kpi: String(r['kpi']), period: String(r['period']), by, value: typeof r['value'] === 'number' ? r['value'] : null };
}
