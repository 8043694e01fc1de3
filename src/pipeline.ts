/**
 * The pipeline as functions: compile KPIs to SQL, and run them on DuckDB over the data folder,
 * from a resolved catalog (check-catalog.ts loads and checks one). The CLI is a thin shell over
 * these, and every consumer of figures (periods, org, targets, scorecards) computes through them.
 */
import path from 'node:path';
import { dedupeDiagnostics, hasErrors, sortDiagnostics, type Diagnostic, type PhaseResult } from './diagnostics/diagnostic.js';
import { checkLoggedValues } from './engine/check-change-log.js';
import { checkJoinKeys, checkSourceData, type CheckCache, type CheckedSource, type CheckOptions } from './engine/check-data.js';
import { defaultCheckCache } from './engine/default-check-cache.js';
import { openDatabase, type Database, type Row } from './engine/duckdb.js';
import { locateSourceFiles, type SourceFiles } from './engine/source-files.js';
import { outputClashes, type PlannedOutput, type RunInput } from './engine/output-clash.js';
import type { OutputFile } from './engine/quarantine.js';
import { fileSpan } from './diagnostics/span.js';
import { checkedSourcesReader, declaredFilesReader } from './engine/source-readers.js';
import { Decimal } from './model/decimal.js';
import type { Catalog, SourceDef } from './model/types.js';
import type { QueryPlan } from './query/ir.js';
import { planQuery } from './query/planner.js';
import type { QueryRequest } from './query/request.js';
import type { RowsQuery } from './query/rows-ir.js';
import type { ResolvedCatalog } from './resolve/resolved.js';
import type { Dialect } from './sql/dialect.js';
import { DEFAULT_DIALECT } from './sql/dialects.js';
import { duckdb } from './sql/duckdb.js';
import { emitRowsSql } from './sql/emit-rows.js';
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
  /**
   * The quarantine files to write (see {@link RunOptions.quarantine}): the run writes nothing
   * itself, so that a caller writes them together with its own output, or not at all.
   */
  readonly files: readonly OutputFile[];
}

export { useCheckCacheFile } from './engine/default-check-cache.js';

/** Options of {@link runKpis}. */
export interface RunOptions {
  readonly dataDir: string;
  /**
   * Leave rows that break the data contract out instead of failing; their file (this path, or one
   * per source beside it when the run reads several) is returned in {@link RunResult.files}.
   */
  readonly quarantine?: string | undefined;
  /**
   * Absolute paths of files the caller will write with the results: refused (before anything is
   * read) when one is a data or catalog file, through any link, or names the same file as
   * another output.
   */
  readonly out?: readonly string[] | undefined;
  /** The catalog folder, whose files an output must not replace. */
  readonly catalogDir?: string | undefined;
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

/** The sources a query plan reads (scanned, joined, and the change logs of point scans). */
function planSources(plan: QueryPlan): string[] {
  const ids = new Set<string>();
  for (const scan of plan.scans) {
    ids.add(scan.source);
    for (const j of scan.joins) ids.add(j.target);
  }
  for (const state of plan.states) if (state.log !== undefined) ids.add(state.log.source);
  return [...ids].sort();
}

function quarantineFile(base: string, source: string, many: boolean): string {
  if (!many) return base;
  const ext = path.extname(base);
  return `${base.slice(0, base.length - ext.length)}.${source}${ext === '' ? '.csv' : ext}`;
}

/** Outputs (the caller's and the quarantine files) that are inputs or name one file twice. */
function checkOutputs(resolved: ResolvedCatalog, ids: readonly string[], options: RunOptions): Diagnostic[] {
  const { quarantine } = options;
  const outputs: PlannedOutput[] = [
    ...(options.out ?? []).map((p) => ({ field: 'out', path: p }) as const),
    ...(quarantine === undefined
      ? []
      : ids.map((id) => ({ field: 'quarantine', path: quarantineFile(quarantine, id, ids.length > 1) }) as const)),
  ];
  if (outputs.length === 0) return [];
  const inputs: RunInput[] = [];
  for (const source of resolved.catalog.sources.values()) {
    const what = `the data file of source \`${source.id}\``;
    inputs.push(...locateSourceFiles(source, options.dataDir).value.paths.map((p) => ({ path: p, what })));
  }
  const { catalogDir } = options;
  if (catalogDir !== undefined)
    for (const file of resolved.catalog.files.keys()) inputs.push({ path: path.join(catalogDir, file), what: 'a catalog file' });
  return outputClashes(outputs, inputs, fileSpan(resolved.catalog.meta?.file ?? 'catalog.yaml'));
}

/** The files of each source of `ids` in `dataDir`; sources whose files cannot be found give diagnostics. */
export function locateSources(
  sources: ReadonlyMap<string, SourceDef>,
  ids: readonly string[],
  dataDir: string,
): PhaseResult<ReadonlyMap<string, SourceFiles>> {
  const diagnostics: Diagnostic[] = [];
  const located = new Map<string, SourceFiles>();
  for (const id of ids) {
    const source = sources.get(id);
    if (source === undefined) throw new Error(`unknown source ${id}`);
    const files = locateSourceFiles(source, dataDir);
    diagnostics.push(...files.diagnostics);
    located.set(id, files.value);
  }
  return { value: located, diagnostics };
}

/** Checks each located source against its data contract, with the options `optionsOf` gives it. */
export async function checkSources(
  db: Database,
  sources: ReadonlyMap<string, SourceDef>,
  located: ReadonlyMap<string, SourceFiles>,
  optionsOf: (id: string) => CheckOptions,
): Promise<PhaseResult<Map<string, CheckedSource>>> {
  const diagnostics: Diagnostic[] = [];
  const checked = new Map<string, CheckedSource>();
  for (const [id, files] of located) {
    const source = sources.get(id);
    if (source === undefined) continue;
    const result = await checkSourceData(db, source, files, optionsOf(id));
    diagnostics.push(...result.diagnostics);
    checked.set(id, result.value);
  }
  return { value: checked, diagnostics };
}

/** The state sources a plan reads through a change log (their logged values are checked against the source). */
type LoggedStates = QueryPlan['states'];

/**
 * Locates and checks the sources `ids` against their contracts (and the join keys of `joined`
 * sources, and the logged values of `states`), after `earlier` diagnostics: the checked sources,
 * or why the data cannot be used.
 */
async function preparedData(
  resolved: ResolvedCatalog,
  ids: readonly string[],
  joined: ReadonlySet<string>,
  states: LoggedStates,
  options: RunOptions,
  db: Database,
  earlier: readonly Diagnostic[],
  plan?: QueryPlan,
): Promise<{ readonly checked: ReadonlyMap<string, CheckedSource>; readonly diagnostics: readonly Diagnostic[] } | Failure> {
  const { sources } = resolved.catalog;
  const found = locateSources(sources, ids, options.dataDir);
  const diagnostics: Diagnostic[] = [...earlier, ...found.diagnostics];
  if (hasErrors(diagnostics))
    return { ok: false, kind: 'data', message: 'the data cannot be read', diagnostics: sortDiagnostics(diagnostics) };
  // Partition pruning: the files in `year=`… folders of dates the plan does not read are left out.
  const located = new Map(found.value);
  for (const [id, files] of located) {
    const source = sources.get(id);
    const range = plan === undefined || source === undefined ? undefined : timeRangeRead(plan, source);
    if (range !== undefined) located.set(id, prunePartitions(files, options.dataDir, range).files);
  }
  const checks = await checkSources(db, sources, located, (id) => ({
    quarantine: options.quarantine === undefined ? undefined : quarantineFile(options.quarantine, id, ids.length > 1),
    cache: options.checkCache ?? defaultCheckCache(),
    dataDir: options.dataDir,
  }));
  diagnostics.push(...checks.diagnostics);
  const checked = checks.value;
  if (!hasErrors(diagnostics)) {
    for (const id of joined) {
      const source = sources.get(id);
      if (source !== undefined) diagnostics.push(...(await checkJoinKeys(db, source, sources, checked)).diagnostics);
    }
    for (const state of states) {
      const log = state.log === undefined ? undefined : sources.get(state.log.source);
      const target = sources.get(state.source);
      const files = log === undefined ? undefined : checked.get(log.id)?.files;
      if (log !== undefined && target !== undefined && files !== undefined)
        diagnostics.push(...(await checkLoggedValues(db, log, target, files)));
    }
  }
  const unique = dedupeDiagnostics(diagnostics);
  if (hasErrors(unique)) return { ok: false, kind: 'data', message: 'the data breaks its contract', diagnostics: sortDiagnostics(unique) };
  return { checked, diagnostics: unique };
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
  const clashes = checkOutputs(resolved, ids, options);
  if (clashes.length > 0) return { ok: false, kind: 'usage', message: clashes[0]?.message ?? '', diagnostics: clashes };
  const db = options.db ?? (await openDatabase({ memoryLimit: options.memoryLimit }));
  try {
    const prepared = await checkedQuery(resolved, plan, planned.diagnostics, options, db);
    if (!prepared.ok) return prepared;
    const rows = await db.query(prepared.sql);
    return { ...prepared, rows: rows.map((r) => resultRow(plan, r)) };
  } catch (error) {
    if (!isOutOfMemory(error)) throw error;
    return { ok: false, kind: 'data', message: outOfMemoryMessage(error as Error, options.memoryLimit), diagnostics: [] };
  } finally {
    if (options.db === undefined) db.close();
  }
}

/** A planned query whose data passed its checks, as DuckDB SQL over the checked data of one database. */
export interface PreparedQuery {
  readonly ok: true;
  readonly by: readonly string[];
  readonly queryPlan: QueryPlan;
  readonly sql: string;
  /** Warnings (e.g. quarantined rows). */
  readonly diagnostics: readonly Diagnostic[];
  /** The quarantine files to write (see {@link RunOptions.quarantine}). */
  readonly files: readonly OutputFile[];
}

/** Checks the data a planned query reads on `db` and writes its SQL over the checked data. */
async function checkedQuery(
  resolved: ResolvedCatalog,
  plan: QueryPlan,
  warnings: readonly Diagnostic[],
  options: RunOptions,
  db: Database,
  ordered = true,
): Promise<PreparedQuery | Failure> {
  const joined = new Set(plan.scans.filter((s) => s.joins.length > 0).map((s) => s.source));
  // Warnings of the request (a KPI evaluated finer than its grain) travel with the results.
  const data = await preparedData(resolved, planSources(plan), joined, plan.states, options, db, warnings, plan);
  if ('ok' in data) return data;
  // The engine is DuckDB: the query is written in its dialect.
  const sql = emitSql(plan, { dialect: duckdb, sources: checkedSourcesReader(data.checked), ordered });
  return {
    ok: true,
    by: plan.by,
    queryPlan: plan,
    sql,
    diagnostics: sortDiagnostics(data.diagnostics),
    files: [...data.checked.values()].flatMap((c) => (c.quarantineFile === undefined ? [] : [c.quarantineFile])),
  };
}

/**
 * Plans the request and checks the data it reads on `db`, as {@link runKpis} does, without
 * running it: the SQL (DuckDB's dialect, one SELECT) reads the checked data on that database, for
 * a caller that consumes a result too large to hold as rows in its own SQL (aggregated, or read
 * in batches from a table it creates). The result columns are those of {@link runKpis}'s query:
 * `kpi`, `period`, the breakdown dimensions, `value` and the exact value's text; in no particular
 * order unless `ordered` (the sort of a large result costs more than the rest of the query).
 */
export async function prepareKpis(
  resolved: ResolvedCatalog,
  request: QueryRequest,
  options: Omit<RunOptions, 'engine' | 'db'> & { readonly db: Database; readonly ordered?: boolean | undefined },
): Promise<PreparedQuery | Failure> {
  const planned = planQuery(resolved, request);
  if (planned.value === undefined) return queryFailure(planned.diagnostics);
  const clashes = checkOutputs(resolved, planSources(planned.value), options);
  if (clashes.length > 0) return { ok: false, kind: 'usage', message: clashes[0]?.message ?? '', diagnostics: clashes };
  return checkedQuery(resolved, planned.value, planned.diagnostics, options, options.db, options.ordered ?? false);
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
    files: [],
  };
}

/** A page of listed rows and how many match in all. */
export interface RowsResult {
  readonly ok: true;
  readonly columns: readonly string[];
  readonly rows: readonly Row[];
  readonly total: number;
  readonly sql: string;
  readonly diagnostics: readonly Diagnostic[];
}

/** Lists the rows of a rows query (src/query/plan-rows.ts) on the data folder, checked as {@link runKpis} checks it. */
export async function listRows(resolved: ResolvedCatalog, query: RowsQuery, options: RunOptions): Promise<RowsResult | Failure> {
  const ids = [...new Set([query.source, ...query.joins.map((j) => j.target)])].sort();
  const db = options.db ?? (await openDatabase({ memoryLimit: options.memoryLimit }));
  try {
    const joined = new Set(query.joins.length > 0 ? [query.source] : []);
    const data = await preparedData(resolved, ids, joined, [], options, db, []);
    if ('ok' in data) return data;
    const calendar = resolved.catalog.meta?.calendar ?? { fiscalYearStart: 1, weekStart: 'monday' as const };
    const sql = emitRowsSql(query, { dialect: duckdb, sources: checkedSourcesReader(data.checked), calendar });
    const rows = await db.query(sql.rows);
    const count = await db.query(sql.count);
    const n = count[0]?.['n'];
    return {
      ok: true,
      columns: query.columns.map((c) => c.name),
      rows,
      total: typeof n === 'number' ? n : 0,
      sql: sql.rows,
      diagnostics: sortDiagnostics(data.diagnostics),
    };
  } finally {
    if (options.db === undefined) db.close();
  }
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
