/**
 * The final rows: every output KPI evaluated on the grid's cells (a frame of the grid with every
 * measure the outputs read), one row per cell whose tuple the KPI's sources reach, ordered by KPI,
 * period and breakdown values (nulls last). `value` is always a real number; an exact output's
 * value also comes as decimal text in {@link EXACT_VALUE}, each row with its own scale (a union of
 * decimals would give them one, rounding some).
 */
import type { Output } from '../query/ir.js';
import type { Level } from '../query/ir-expr.js';
import type { EmitContext } from './emit-context.js';
import { cellSql } from './emit-expr.js';
import { emitFrame } from './emit-frame.js';
import type { Grid } from './emit-grid.js';

/**
 * The result column holding the exact decimal of an exact output as text (null for the others).
 * Its space keeps it apart from every breakdown dimension's name.
 */
export const EXACT_VALUE = 'exact value';

/** Writes the `cells` frame; returns the query's final SELECT. */
export function emitOutputs(ctx: EmitContext, grid: Grid): string {
  const { plan } = ctx;
  const q = ctx.dialect.quoteIdentifier;
  const base: Level = { dims: plan.by, keys: [] };
  const driving = { sql: grid.sql, deps: grid.deps, timeless: false };
  const exprs = plan.outputs.map((o) => o.expr);
  const measure = emitFrame(ctx, { name: 'cells', driving, level: base, exprs, extra: grid.sources.map(grid.flag) });
  const outputs = plan.outputs.map((o, i) => outputSql(ctx, o, i, grid, (m) => `c.${measure(m)}`));
  if (outputs.length === 0) {
    return `SELECT NULL AS kpi, NULL AS period, NULL AS value, ${ctx.dialect.cast('NULL', 'string')} AS ${q(EXACT_VALUE)} WHERE FALSE`;
  }
  const order = ['_ord', 'period', ...plan.by.map((b) => `${q(b)} NULLS LAST`)].join(', ');
  const columns = ['kpi', 'period', ...plan.by.map(q), 'value', q(EXACT_VALUE)].join(', ');
  return `SELECT ${columns} FROM (\n${outputs.join('\n  UNION ALL\n')}\n) AS results\nORDER BY ${order}`;
}

/** One output's rows: its value in every cell its sources reach. */
function outputSql(ctx: EmitContext, output: Output, index: number, grid: Grid, measure: Parameters<typeof cellSql>[2]): string {
  const { dialect: d, plan, names } = ctx;
  const member = output.sources.length === 0 ? 'TRUE' : output.sources.map((s) => `c.${grid.flag(s)}`).join(' OR ');
  const where = plan.only === undefined ? member : `(${member}) AND ${onlySql(ctx, plan.only)}`;
  const cols = [
    `${index} AS _ord`,
    `${d.stringLiteral(output.kpi)} AS kpi`,
    'c.period',
    ...plan.by.map((b) => `c.${names.dimColumn(b)} AS ${d.quoteIdentifier(b)}`),
  ];
  const value = cellSql(ctx, output.expr, measure);
  cols.push(`${d.cast(value, 'real')} AS value`, `${output.exact ? d.cast(value, 'string') : 'NULL'} AS ${d.quoteIdentifier(EXACT_VALUE)}`);
  return `SELECT ${cols.join(', ')}\n  FROM cells AS c\n  WHERE ${where}`;
}

/** The cells a restricted plan returns: its dimension's value, as text, among the values. */
function onlySql(ctx: EmitContext, only: NonNullable<EmitContext['plan']['only']>): string {
  const { dialect: d, names } = ctx;
  if (only.values.length === 0) return 'FALSE';
  const column = d.cast(`c.${names.dimColumn(only.dimension)}`, 'string');
  return `${column} IN (${only.values.map((v) => d.stringLiteral(v)).join(', ')})`;
}
