/**
 * What a plan's credits are: one row per credited row of the credit source (a deal), with its
 * rep, credit date, exact credit amount and, for each SPIFF, whether the row qualifies and passes
 * each guard. Computed by the compiled SQL on DuckDB like every KPI: a synthetic KPI
 * `sum(amount where …)` anchored on the credit date, broken down by deal, rep and credit date, so
 * the credit source's data contract is checked as for any run. credit-table.ts keeps the result in
 * the database and reads it back in batches of reps; this module builds the query and turns a
 * result row into a {@link Credit}.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Database, Row } from '../engine/duckdb.js';
import { Decimal } from '../model/decimal.js';
import type { QueryRequest } from '../query/request.js';
import { rowCount, syntheticKpi, withKpis } from '../resolve/extend.js';
import type { ResolvedCatalog, ResolvedDimension, ResolvedKpi } from '../resolve/resolved.js';
import type { RowExpr } from '../resolve/types.js';
import { decimalOf } from './decimal-math.js';
import type { ResolvedPlan, SpiffComponent } from './resolved.js';

/** One credited row. */
export interface Credit {
  readonly deal: string;
  readonly rep: string;
  /** ISO day of the credit date. */
  readonly date: string;
  readonly amount: Decimal;
  /** Per SPIFF id: whether the row qualifies, and whether it passes each guard (in order). */
  readonly spiffs: ReadonlyMap<string, { readonly qualifies: boolean; readonly guards: readonly boolean[] }>;
  /** Per clawback (or holdback) id, when its trigger holds: the trigger's day and the contract term (months). */
  readonly clawbacks: ReadonlyMap<string, { readonly date: string; readonly term: number | null }>;
  /** A split credit: the rep's share of the deal's whole credit `of` (splits.ts); absent: the whole deal. */
  readonly split?: { readonly kind: 'revenue' | 'overlay'; readonly share: Decimal; readonly of: Decimal } | undefined;
}

/** What reading needs. */
export interface ReadOptions {
  readonly dataDir: string;
  readonly db: Database;
  readonly warnings: Diagnostic[];
  /** The database's memory limit, for the message when it is exceeded. */
  readonly memoryLimit?: string | undefined;
}

/** The synthetic KPIs and the breakdowns every credit has. */
export const CREDIT = '__p_credit';
export const ROWS = '__p_rows';
export const DEAL = '__p_deal';
export const REP = '__p_rep';
export const DATE = '__p_date';

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** A breakdown value as a result row holds it (pipeline.ts): a list or struct is no value. */
function cell(row: Row, name: string): unknown {
  const v = row[name];
  return v === undefined || (typeof v === 'object' && v !== null && !(v instanceof Decimal)) ? null : v;
}

/** The credit query of a plan: the catalog with its synthetic KPIs and breakdowns, the request, and what each breakdown means. */
export interface CreditQuery {
  readonly resolved: ResolvedCatalog;
  readonly request: QueryRequest;
  /** The breakdown dimensions, in result order: deal, rep, date, then the SPIFF and clawback flags. */
  readonly by: readonly string[];
  readonly spiffs: readonly SpiffComponent[];
  readonly clawbacks: readonly { readonly id: string; readonly term: boolean }[];
}

/** The credit KPI (`__p_credit`, the sum of the credit amount) and its row count (`__p_rows`) per deal, rep, credit date and flags. */
export function creditQuery(
  resolved: ResolvedCatalog,
  plan: ResolvedPlan,
  like: ResolvedKpi,
  range: { readonly from: string; readonly to: string },
): CreditQuery {
  const { credit } = plan;
  const dims = new Map(resolved.dimensions);
  const by: string[] = [];
  const add = (name: string, expr: RowExpr): void => {
    const dim: ResolvedDimension = { name, type: expr.type, sources: [{ source: credit.source, expr }] };
    dims.set(name, dim);
    by.push(name);
  };
  add(DEAL, credit.deal);
  add(REP, credit.rep);
  add(DATE, { kind: 'column', path: [], source: credit.source, column: credit.date, type: 'date' });
  const spiffs = plan.components.filter((c) => c.kind === 'spiff');
  // Conditions travel as text flags: a condition is true, false or unknown (null), and only true passes.
  const flag = (cond: RowExpr): RowExpr => ({
    kind: 'call',
    fn: 'if',
    args: [cond, { kind: 'literal', value: 'y', type: 'string' }, { kind: 'literal', value: 'n', type: 'string' }],
    type: 'string',
  });
  spiffs.forEach((s, i) => {
    add(`__p_spiff_${i}`, flag(s.where));
    s.guards.forEach((g, j) => add(`__p_guard_${i}_${j}`, flag(g.when)));
  });
  // Clawbacks and holdbacks with a trigger: whether it holds, and its day (and a clawback's term).
  const clawbacks = plan.components.flatMap((c) => {
    if (c.kind === 'clawback') return [{ id: c.id, trigger: c.trigger, date: c.date, term: c.term }];
    if (c.kind === 'holdback' && c.trigger !== undefined && c.date !== undefined)
      return [{ id: c.id, trigger: c.trigger, date: c.date, term: undefined }];
    return [];
  });
  clawbacks.forEach((c, i) => {
    add(`__p_claw_${i}`, flag(c.trigger));
    add(`__p_clawdate_${i}`, { kind: 'column', path: [], source: credit.source, column: c.date, type: 'date' });
    if (c.term !== undefined) add(`__p_term_${i}`, c.term);
  });
  const sum = syntheticKpi(
    resolved,
    CREDIT,
    {
      kind: 'aggregate',
      fn: 'sum',
      source: credit.source,
      anchor: credit.date,
      value: credit.amount,
      filter: credit.filter,
      last: false,
      span: like.def.idSpan,
      type: 'number',
      unit: 'money',
    },
    { ...like, unit: 'money' },
  );
  // By year with the date as a breakdown: the grid is dense (every period × every deal), so the
  // periods are few; the count tells the cells that have rows.
  const count = syntheticKpi(resolved, ROWS, { ...rowCount(credit.source, credit.date, like.def.idSpan), filter: credit.filter }, like);
  return {
    resolved: withKpis({ ...resolved, dimensions: dims }, [sum, count]),
    request: { kpis: [CREDIT, ROWS], grain: 'year', by, from: range.from, to: range.to },
    by,
    spiffs,
    clawbacks: clawbacks.map((c) => ({ id: c.id, term: c.term !== undefined })),
  };
}

const NO_FLAGS: Credit['spiffs'] = new Map();
const NO_CLAWBACKS: Credit['clawbacks'] = new Map();

/**
 * A credited row from a row of the credit table (credit-table.ts): the breakdown columns by name,
 * the credit's double `value` and exact text `exact`. Undefined for a row without a deal, rep,
 * date or amount.
 */
export function creditOf(q: CreditQuery, row: Row): Credit | undefined {
  const deal = text(cell(row, DEAL));
  const rep = text(cell(row, REP));
  const date = text(cell(row, DATE))?.slice(0, 10);
  const exact = row['exact'];
  const value = row['value'];
  const amount = typeof exact === 'string' ? Decimal.parse(exact) : typeof value === 'number' ? decimalOf(value) : undefined;
  if (deal === null || rep === null || date === undefined || amount === undefined) return undefined;
  const spiffs =
    q.spiffs.length === 0
      ? NO_FLAGS
      : new Map(
          q.spiffs.map((s, i) => [
            s.id,
            { qualifies: cell(row, `__p_spiff_${i}`) === 'y', guards: s.guards.map((_, j) => cell(row, `__p_guard_${i}_${j}`) === 'y') },
          ]),
        );
  let clawbacks = NO_CLAWBACKS;
  q.clawbacks.forEach((c, i) => {
    const day = text(cell(row, `__p_clawdate_${i}`))?.slice(0, 10);
    const term = c.term ? cell(row, `__p_term_${i}`) : null;
    if (cell(row, `__p_claw_${i}`) !== 'y' || day === undefined) return;
    if (clawbacks === NO_CLAWBACKS) clawbacks = new Map();
    (clawbacks as Map<string, { date: string; term: number | null }>).set(c.id, {
      date: day,
      term: term === null || term === undefined ? null : Number(term),
    });
  });
  return { deal, rep, date, amount, spiffs, clawbacks };
}

/** Orders credits by date, rep and deal (as text); a stable sort keeps the query's order among equals. */
export function byDateRepDeal(a: Credit, b: Credit): number {
  return a.date !== b.date
    ? a.date < b.date
      ? -1
      : 1
    : a.rep !== b.rep
      ? a.rep < b.rep
        ? -1
        : 1
      : a.deal < b.deal
        ? -1
        : a.deal > b.deal
          ? 1
          : 0;
}
