/**
 * The rows of a point scan: every version of the source's rows joined to each period whose point
 * it holds at (`_hf` < point ≤ `_ht`, the point being the instant that ends the point's day), with
 * the version that held at the period's start beside it when `at_start(…)` needs it.
 *
 * Periods of a source run from the period of its earliest date (or the range's first scanned
 * period) to the period of its latest date (or the range's last). A point after the data's last
 * date is read as at the end of that date: the latest state known.
 */
import type { PeriodPoint, Scan } from '../query/ir.js';
import type { IrRowExpr } from '../query/ir-expr.js';
import { forEachRowNode } from '../query/ir-walk.js';
import type { EmitContext } from './emit-context.js';
import { fromItems, rowRenderer, rowsSelect, type ScanRows } from './emit-scan-rows.js';
import { pointsCte, stateCte } from './emit-states.js';

const START: PeriodPoint = { at: 'start' };

/** The columns a scan's expressions read as at the period's start (`at_start`). */
function startColumns(exprs: readonly (IrRowExpr | undefined)[]): string[] {
  const out = new Set<string>();
  for (const e of exprs) {
    if (e === undefined) continue;
    forEachRowNode(e, (n) => {
      if (n.kind === 'column' && n.atStart === true) out.add(n.column);
    });
  }
  return [...out];
}

/** The day after a point: the exclusive bound of the instants up to the point. */
function pointBound(ctx: EmitContext, point: PeriodPoint, period: string): string {
  const d = ctx.dialect;
  const n = point.n ?? 1;
  switch (point.at) {
    case 'end':
      return d.addToDate(period, 1, ctx.grain);
    case 'start':
      return period;
    case 'day':
      return d.addToDate(period, n, 'day');
    case 'week':
      return d.addToDate(period, 7 * n, 'day');
    case 'month':
      return d.addToDate(period, n, 'month');
    default: {
      const never: never = point.at;
      return never;
    }
  }
}

/** Writes (once) the bounds, periods and points CTEs of `source` at `point`; returns the points CTE. */
function ensurePoints(ctx: EmitContext, source: string, point: PeriodPoint): string {
  const d = ctx.dialect;
  const q = d.quoteIdentifier;
  const bounds = `pb_${source}`;
  const periods = `pp_${source}`;
  if (!ctx.ctes.some((c) => c.name === bounds)) {
    const end = ensureDataEnd(ctx);
    const dates = datesCte(ctx, source);
    const { scanFrom, scanTo } = ctx.plan.range;
    const lo = scanFrom === null ? 'min(s.dlo)' : d.dateLiteral(scanFrom);
    const hi = scanTo === null ? 'max(e.dhi)' : d.addToDate(d.dateLiteral(scanTo), -1, 'day');
    ctx.ctes.push({
      name: bounds,
      sql: `SELECT ${d.periodStart(lo, ctx.grain, ctx.calendar)} AS lo, ${d.periodStart(hi, ctx.grain, ctx.calendar)} AS hi, max(e.dhi) AS dhi FROM ${q(dates)} AS s, ${q(end)} AS e`,
      deps: [dates, end],
    });
    ctx.ctes.push({ name: periods, sql: d.periodSeries('lo', 'hi', ctx.grain, bounds), deps: [bounds] });
  }
  const name = pointsCte(source, point);
  if (!ctx.ctes.some((c) => c.name === name)) {
    const bound = `least(${pointBound(ctx, point, 'p.period')}, ${d.addToDate('b.dhi', 1, 'day')})`;
    ctx.ctes.push({
      name,
      sql: `SELECT p.period AS period, ${bound} AS _pn, ${d.addToDate(d.addToDate('p.period', 1, ctx.grain), -1, 'day')} AS _pe FROM ${q(periods)} AS p, ${q(bounds)} AS b`,
      deps: [periods, bounds],
    });
  }
  return name;
}

/**
 * Writes (once) `pd_<source>`: the first and last date of a source read as at points — of its
 * rows' interval starts and ends and of its change log's changes — read from the sources' rows
 * (cheap scans), not from the versions.
 */
function datesCte(ctx: EmitContext, source: string): string {
  const name = `pd_${source}`;
  if (ctx.ctes.some((c) => c.name === name)) return name;
  const d = ctx.dialect;
  const q = d.quoteIdentifier;
  const state = ctx.plan.states.find((s) => s.source === source);
  const columns: [cte: string, column: string][] = [];
  const src = ctx.names.sourceCte(source);
  if (state?.interval !== undefined) columns.push([src, state.interval.from]);
  if (state?.interval?.to !== undefined) columns.push([src, state.interval.to]);
  if (state?.log !== undefined) columns.push([ctx.names.sourceCte(state.log.source), state.log.at]);
  const parts = columns.map(([cte, c]) => `SELECT ${d.cast(q(c), 'date')} AS d FROM ${q(cte)} WHERE ${q(c)} IS NOT NULL`);
  ctx.ctes.push({
    name,
    sql: `SELECT min(d) AS dlo, max(d) AS dhi FROM (${parts.length === 0 ? `SELECT ${d.cast('NULL', 'date')} AS d` : parts.join(' UNION ALL ')}) AS dates`,
    deps: [...new Set(columns.map(([cte]) => cte))],
  });
  return name;
}

/**
 * Writes (once) `pit_end`: the data's last date over every source read as at points — the latest
 * start or end of a row, or change. Points after it are read as at its end.
 */
function ensureDataEnd(ctx: EmitContext): string {
  const name = 'pit_end';
  if (ctx.ctes.some((c) => c.name === name)) return name;
  const dates = ctx.plan.states.map((s) => datesCte(ctx, s.source));
  ctx.ctes.push({
    name,
    sql: `SELECT max(dhi) AS dhi FROM (${dates.map((c) => `SELECT dhi FROM ${ctx.dialect.quoteIdentifier(c)}`).join(' UNION ALL ')}) AS ends`,
    deps: dates,
  });
  return name;
}

/** The rows of a point scan; adds the CTEs they read to `deps`. */
export function pointScanRowsSql(ctx: EmitContext, scan: Scan, point: PeriodPoint, deps: Set<string>): ScanRows {
  const d = ctx.dialect;
  const q = d.quoteIdentifier;
  const state = ctx.plan.states.find((s) => s.source === scan.source);
  const st = stateCte(scan.source);
  const pts = ensurePoints(ctx, scan.source, point);
  deps.add(st);
  deps.add(pts);
  const from = [`${q(st)} AS t0`, `JOIN ${q(pts)} AS pt ON t0._hf < pt._pn AND t0._ht >= pt._pn`];
  const exprs = scan.measures.flatMap((m) => [m.value, m.filter]);
  if (startColumns(exprs).length > 0) {
    if (state?.key === undefined) throw new Error(`at_start() on ${scan.source}, which has no key, reached the emitter`);
    const starts = ensurePoints(ctx, scan.source, START);
    deps.add(starts);
    const key = q(state.key);
    const read = [...new Set([state.key, ...startColumns(exprs)])].map((c) => `s.${q(c)}`);
    from.push(
      `LEFT JOIN (SELECT ${read.join(', ')}, ps.period AS _sp FROM ${q(st)} AS s JOIN ${q(starts)} AS ps ON s._hf < ps._pn AND s._ht >= ps._pn) AS t0s` +
        ` ON t0s.${key} = t0.${key} AND t0s._sp = pt.period`,
    );
  }
  const row = rowRenderer(ctx, scan, {
    startAlias: 't0s',
    periodDate: (fn) => (fn === 'period_start' ? 'pt.period' : fn === 'period_end' ? 'pt._pe' : d.addToDate('pt._pn', -1, 'day')),
  });
  const all = fromItems(ctx, scan, row, 'pt.period', deps, from);
  return rowsSelect(ctx, scan, row, [['pt.period', 'period']], all, '');
}
