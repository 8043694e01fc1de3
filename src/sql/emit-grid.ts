/**
 * The grid the outputs are evaluated on: the periods (the request's range, else the range of the
 * KPIs' data) crossed with the breakdown values the KPIs' rows reach in that range, each tuple
 * flagged with the sources that have it (a KPI shows a tuple only when one of its sources does).
 */
import type { Level } from '../query/ir-expr.js';
import type { EmitContext } from './emit-context.js';
import { isTimeless, partialTablesAt, type PartialTable } from './partial-tables.js';

/** The grid's driving rows and the flag column of each output source. */
export interface Grid {
  readonly sql: string;
  readonly deps: readonly string[];
  /** The sources of the outputs, sorted; `flag(s)` is the column saying the tuple has rows of `s`. */
  readonly sources: readonly string[];
  flag(source: string): string;
}

/** Writes `bounds`, `periods_all` (including what windows read before the range), `periods` and `tuples`. */
export function emitGrid(ctx: EmitContext): Grid {
  const base: Level = { dims: ctx.plan.by, keys: [] };
  const baseTables = partialTablesAt(ctx, { kind: 'main' }, base);
  emitPeriods(ctx, baseTables);
  const sources = [...new Set(ctx.plan.outputs.flatMap((o) => o.sources))].sort();
  const flag = (s: string): string => ctx.dialect.quoteIdentifier(`s_${s}`);
  emitTuples(ctx, baseTables, sources, flag);
  return { sql: 'SELECT p.period, t.* FROM periods AS p CROSS JOIN tuples AS t', deps: ['periods', 'tuples'], sources, flag };
}

function emitPeriods(ctx: EmitContext, baseTables: readonly PartialTable[]): void {
  const { dialect: d, plan } = ctx;
  const timed = baseTables.filter((t) => !isTimeless(t.scan));
  const lo = plan.range.from !== null ? d.dateLiteral(plan.range.from) : 'dlo';
  const hi = plan.range.to !== null ? d.dateLiteral(plan.range.to) : 'dhi';
  const dataRange =
    timed.length === 0
      ? `SELECT ${d.cast('NULL', 'date')} AS dlo, ${d.cast('NULL', 'date')} AS dhi`
      : `SELECT min(period) AS dlo, max(period) AS dhi FROM (${timed.map((t) => `SELECT period FROM ${d.quoteIdentifier(t.table)}`).join(' UNION ALL ')}) AS timed`;
  ctx.ctes.push({
    name: 'bounds',
    sql: `SELECT ${lo} AS lo, ${hi} AS hi FROM (${dataRange}) AS data_range`,
    deps: timed.map((t) => t.table),
  });
  const scanFrom = plan.range.scanFrom;
  const loAll = scanFrom !== null ? `least(lo, ${d.periodStart(d.dateLiteral(scanFrom), plan.grain, plan.calendar)})` : 'lo';
  ctx.ctes.push({ name: 'periods_all', sql: d.periodSeries(loAll, 'hi', plan.grain, 'bounds'), deps: ['bounds'] });
  ctx.ctes.push({
    name: 'periods',
    sql: `SELECT p.period FROM periods_all AS p, bounds AS b WHERE p.period >= b.lo AND p.period <= b.hi`,
    deps: ['periods_all', 'bounds'],
  });
}

function emitTuples(ctx: EmitContext, baseTables: readonly PartialTable[], sources: readonly string[], flag: (s: string) => string): void {
  const d = ctx.dialect;
  const dims = ctx.plan.by.map((b) => ctx.names.dimColumn(b));
  if (dims.length === 0) {
    const flags = sources.length === 0 ? 'TRUE AS _any' : sources.map((s) => `TRUE AS ${flag(s)}`).join(', ');
    ctx.ctes.push({ name: 'tuples', sql: `SELECT ${flags}`, deps: [] });
    return;
  }
  // A window's rows before the range decide the breakdown values too (a region with rows only in
  // the months a rolling window reads still has a value in the range).
  const from = ctx.plan.range.valuesFrom;
  const lower = from !== null && from !== ctx.plan.range.from ? d.dateLiteral(from) : '(SELECT lo FROM bounds)';
  const inRange = ` WHERE period >= ${lower} AND period <= (SELECT hi FROM bounds)`;
  const parts = baseTables.map(
    (t) =>
      `SELECT ${dims.join(', ')}, ${d.stringLiteral(t.scan.source)} AS src FROM ${d.quoteIdentifier(t.table)}${isTimeless(t.scan) ? '' : inRange}`,
  );
  // Requested breakdown values (members without rows) count as reached by every output source.
  const values = ctx.plan.values;
  if (values.length > 0) {
    const row = (t: readonly (string | null)[]): string =>
      `(${t.map((v) => (v === null ? d.cast('NULL', 'string') : d.stringLiteral(v))).join(', ')})`;
    const list = `(VALUES ${values.map(row).join(', ')}) AS x(${dims.join(', ')})`;
    for (const s of sources.length === 0 ? ['*'] : sources)
      parts.push(`SELECT ${dims.join(', ')}, ${d.stringLiteral(s)} AS src FROM ${list}`);
  }
  const flags = sources.map((s) => `${d.anyTrue(`src = ${d.stringLiteral(s)}`)} AS ${flag(s)}`);
  ctx.ctes.push({
    name: 'tuples',
    sql: `SELECT ${[...dims, ...flags].join(', ')} FROM (${parts.join('\n    UNION ALL ')}) AS u GROUP BY ${dims.join(', ')}`,
    deps: ['bounds', ...baseTables.map((t) => t.table)],
  });
}
