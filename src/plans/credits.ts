/**
 * Reading a plan's credits from the data: one row per credited row of the credit source (a deal),
 * with its rep, credit date, exact credit amount and, for each SPIFF, whether the row qualifies and
 * passes each guard. Computed by the compiled SQL on DuckDB like every KPI: a synthetic KPI
 * `sum(amount where …)` anchored on the credit date, broken down by deal, rep and credit date, so the
 * credit source's data contract is checked as for any run.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Database } from '../engine/duckdb.js';
import type { Decimal } from '../model/decimal.js';
import { runKpis, type Failure } from '../pipeline.js';
import { rowCount, syntheticKpi, withKpis } from '../resolve/extend.js';
import type { ResolvedCatalog, ResolvedDimension, ResolvedKpi } from '../resolve/resolved.js';
import type { RowExpr } from '../resolve/types.js';
import { decimalOf } from './decimal-math.js';
import type { ResolvedPlan } from './resolved.js';

/** One credited row. */
export interface Credit {
  readonly deal: string;
  readonly rep: string;
  /** ISO day of the credit date. */
  readonly date: string;
  readonly amount: Decimal;
  /** Per SPIFF id: whether the row qualifies, and whether it passes each guard (in order). */
  readonly spiffs: ReadonlyMap<string, { readonly qualifies: boolean; readonly guards: readonly boolean[] }>;
  /** Per clawback id, when its trigger holds: the trigger's day and the contract term (months). */
  readonly clawbacks: ReadonlyMap<string, { readonly date: string; readonly term: number | null }>;
}

/** What reading needs. */
export interface ReadOptions {
  readonly dataDir: string;
  readonly db: Database;
  readonly warnings: Diagnostic[];
}

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** The credits of `plan` dated `from` … `to` (ISO days), sorted by date, rep and deal. */
export async function readCredits(
  resolved: ResolvedCatalog,
  plan: ResolvedPlan,
  like: ResolvedKpi,
  range: { readonly from: string; readonly to: string },
  options: ReadOptions,
): Promise<Credit[] | Failure> {
  const { credit } = plan;
  const dims = new Map(resolved.dimensions);
  const by: string[] = [];
  const add = (name: string, expr: RowExpr): void => {
    const dim: ResolvedDimension = { name, type: expr.type, sources: [{ source: credit.source, expr }] };
    dims.set(name, dim);
    by.push(name);
  };
  add('__p_deal', credit.deal);
  add('__p_rep', credit.rep);
  add('__p_date', { kind: 'column', path: [], source: credit.source, column: credit.date, type: 'date' });
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
  const clawbacks = plan.components.filter((c) => c.kind === 'clawback');
  clawbacks.forEach((c, i) => {
    add(`__p_claw_${i}`, flag(c.trigger));
    add(`__p_clawdate_${i}`, { kind: 'column', path: [], source: credit.source, column: c.date, type: 'date' });
    if (c.term !== undefined) add(`__p_term_${i}`, c.term);
  });
  const sum = syntheticKpi(
    resolved,
    '__p_credit',
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
  const count = syntheticKpi(
    resolved,
    '__p_rows',
    { ...rowCount(credit.source, credit.date, like.def.idSpan), filter: credit.filter },
    like,
  );
  const result = await runKpis(
    withKpis({ ...resolved, dimensions: dims }, [sum, count]),
    { kpis: ['__p_credit', '__p_rows'], grain: 'year', by, from: range.from, to: range.to },
    { dataDir: options.dataDir, db: options.db },
  );
  if (!result.ok) return result;
  options.warnings.push(...result.diagnostics);
  const index = new Map(by.map((b, i) => [b, i] as const));
  const at = (row: readonly unknown[], name: string): unknown => row[index.get(name) ?? -1];
  const cellKey = (row: (typeof result.rows)[number]): string =>
    JSON.stringify([row.period, ...row.by.map((v) => (v === null ? null : String(v)))]);
  const present = new Set(result.rows.filter((r) => r.kpi === '__p_rows' && r.value !== null && r.value > 0).map(cellKey));
  const out: Credit[] = [];
  for (const row of result.rows) {
    if (row.kpi !== '__p_credit' || !present.has(cellKey(row))) continue;
    const deal = text(at(row.by, '__p_deal'));
    const rep = text(at(row.by, '__p_rep'));
    const date = text(at(row.by, '__p_date'))?.slice(0, 10);
    const amount = row.exact ?? (row.value === null ? undefined : decimalOf(row.value));
    if (deal === null || rep === null || date === undefined || amount === undefined) continue;
    const flags = new Map(
      spiffs.map((s, i) => [
        s.id,
        { qualifies: at(row.by, `__p_spiff_${i}`) === 'y', guards: s.guards.map((_, j) => at(row.by, `__p_guard_${i}_${j}`) === 'y') },
      ]),
    );
    const claws = new Map<string, { date: string; term: number | null }>();
    clawbacks.forEach((c, i) => {
      const day = text(at(row.by, `__p_clawdate_${i}`))?.slice(0, 10);
      const term = at(row.by, `__p_term_${i}`);
      if (at(row.by, `__p_claw_${i}`) === 'y' && day !== undefined)
        claws.set(c.id, { date: day, term: term === null || term === undefined ? null : Number(term) });
    });
    out.push({ deal, rep, date, amount, spiffs: flags, clawbacks: claws });
  }
  return out.sort((a, b) =>
    a.date !== b.date
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
            : 0,
  );
}
