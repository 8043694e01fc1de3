/**
 * A plan's credits kept in the database instead of in memory (docs/plans.md#how-payouts-scale):
 * the credit query (credits.ts), its data checked like any run, is stored once as a temporary
 * table with one row per credited row, numbered in credit order and by rep. Payouts then read it
 * back one batch of reps at a time, and what needs every rep's deals (the median deal, the check
 * of splits) is asked of the table in SQL. Memory holds one batch of credits, never all of them.
 */
import type { Database, Row } from '../engine/duckdb.js';
import { isOutOfMemory, outOfMemoryMessage } from '../engine/out-of-memory.js';
import { prepareKpis, type Failure } from '../pipeline.js';
import type { ResolvedCatalog, ResolvedKpi } from '../resolve/resolved.js';
import { quoteIdentifier, stringLiteral } from '../sql/quote.js';
import {
  byDateRepDeal,
  creditOf,
  creditQuery,
  CREDIT,
  DATE,
  DEAL,
  REP,
  ROWS,
  type Credit,
  type CreditQuery,
  type ReadOptions,
} from './credits.js';
import type { ResolvedPlan } from './resolved.js';

/** A plan's credits in a table of the database. */
export interface CreditTable {
  readonly kind: 'credit-table';
  readonly db: Database;
  /** The table, quoted. */
  readonly table: string;
  readonly query: CreditQuery;
  /** Credited rows. */
  readonly count: number;
  /** The latest credit date (ISO day); undefined without credits. */
  readonly lastDate: string | undefined;
  /** Per rep (as text): the numbers the table gives it (one, unless two values read as the same text) and its credited rows. */
  readonly reps: ReadonlyMap<string, { readonly numbers: readonly number[]; readonly rows: number }>;
}

let tables = 0;

/** The order of the credit query's own result (period, then each breakdown): the order among credits that sort equal. */
function queryOrder(q: CreditQuery): string {
  return ['period', ...q.by.map((b) => `${quoteIdentifier(b)} NULLS LAST`)].join(', ');
}

/**
 * Runs the credit query of `plan` over `range` into a new table: one row per credited
 * row (a cell of the query that has rows), with its exact credit, its place in credit order
 * (`__ord`: date, rep, deal as text) and its rep's number (`__rep_no`).
 */
export async function createCreditTable(
  resolved: ResolvedCatalog,
  plan: ResolvedPlan,
  like: ResolvedKpi,
  range: { readonly from: string; readonly to: string },
  options: ReadOptions,
): Promise<CreditTable | Failure> {
  const q = creditQuery(resolved, plan, like, range);
  const prepared = await prepareKpis(q.resolved, q.request, { dataDir: options.dataDir, db: options.db, ordered: false });
  if (!prepared.ok) return prepared;
  options.warnings.push(...prepared.diagnostics);
  const table = quoteIdentifier(`__kpic_credits_${++tables}`);
  const by = q.by.map(quoteIdentifier);
  const text = (name: string): string => `CAST(${quoteIdentifier(name)} AS VARCHAR)`;
  const kpi = (id: string, column: string): string => `max(CASE WHEN kpi = ${stringLiteral(id)} THEN ${column} END)`;
  try {
    await options.db.run(`CREATE TABLE ${table} AS
SELECT *,
  row_number() OVER (ORDER BY ${text(DATE)}, ${text(REP)}, ${text(DEAL)}, ${queryOrder(q)}) AS __ord,
  dense_rank() OVER (ORDER BY ${quoteIdentifier(REP)}) AS __rep_no
FROM (
  SELECT period, ${by.join(', ')},
    ${kpi(CREDIT, 'value')} AS value,
    ${kpi(CREDIT, quoteIdentifier('exact value'))} AS exact,
    ${kpi(ROWS, 'value')} AS __rows
  FROM (${prepared.sql}) AS q
  GROUP BY period, ${by.join(', ')}
) AS cells
WHERE __rows > 0 AND ${[DEAL, REP, DATE].map((c) => `${quoteIdentifier(c)} IS NOT NULL`).join(' AND ')}
  AND (exact IS NOT NULL OR value IS NOT NULL)`);
    const stats = await options.db.query(`SELECT count(*) AS n, max(${text(DATE)}) AS last FROM ${table}`);
    const perRep = await options.db.query(
      `SELECT __rep_no AS no, any_value(${quoteIdentifier(REP)}) AS rep, count(*) AS n FROM ${table} GROUP BY __rep_no ORDER BY __rep_no`,
    );
    const reps = new Map<string, { numbers: number[]; rows: number }>();
    for (const r of perRep) {
      const rep = String(r['rep']);
      const entry = reps.get(rep) ?? { numbers: [], rows: 0 };
      entry.numbers.push(Number(r['no']));
      entry.rows += Number(r['n']);
      reps.set(rep, entry);
    }
    const last = stats[0]?.['last'];
    return {
      kind: 'credit-table',
      db: options.db,
      table,
      query: q,
      count: Number(stats[0]?.['n'] ?? 0),
      lastDate: typeof last === 'string' ? last.slice(0, 10) : undefined,
      reps,
    };
  } catch (error) {
    if (!isOutOfMemory(error)) throw error;
    return { ok: false, kind: 'data', message: outOfMemoryMessage(error as Error, options.memoryLimit), diagnostics: [] };
  }
}

/** Drops the table (its rows are no longer needed). */
export async function dropCreditTable(t: CreditTable): Promise<void> {
  await t.db.run(`DROP TABLE IF EXISTS ${t.table}`);
}

/**
 * The credits of the rows that `where` (SQL over the table's columns) selects, in credit order:
 * by date, rep and deal as text, as if every credit had been read and sorted at once.
 */
export async function readCreditRows(t: CreditTable, where: string): Promise<Credit[]> {
  const rows: readonly Row[] = await t.db.query(`SELECT * FROM ${t.table} WHERE ${where} ORDER BY ${queryOrder(t.query)}`);
  const out: Credit[] = [];
  for (const row of rows) {
    const c = creditOf(t.query, row);
    if (c !== undefined) out.push(c);
  }
  return out.sort(byDateRepDeal);
}

/** SQL: the rows of the reps numbered `numbers`. */
export function ofRepNumbers(numbers: readonly number[]): string {
  return numbers.length === 0 ? 'FALSE' : `__rep_no IN (${numbers.map((n) => String(Math.trunc(n))).join(', ')})`;
}
