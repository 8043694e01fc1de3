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

/**
 * Internal columns of the final query: the output's position (the row order) and whether the
 * cell is one the output's sources reach. A `$` cannot start a dimension's name, so they never
 * meet a breakdown column, whatever its case.
 */
const ORDER = '$ord';
const MEMBER = '$in';

/** Writes the `cells` frame; returns the query's final SELECT (in the rows' order unless `ordered` is false). */
export function emitOutputs(ctx: EmitContext, grid: Grid, ordered = true): string {
  const { plan, dialect: d, names } = ctx;
  const q = d.quoteIdentifier;
  const base: Level = { dims: plan.by, keys: [] };
  const driving = { sql: grid.sql, deps: grid.deps, timeless: false };
  const exprs = plan.outputs.map((o) => o.expr);
  const measure = emitFrame(ctx, { name: 'cells', driving, level: base, exprs, extra: grid.sources.map(grid.flag) });
  if (plan.outputs.length === 0) {
    return `SELECT NULL AS kpi, NULL AS period, NULL AS value, ${d.cast('NULL', 'string')} AS ${q(EXACT_VALUE)} WHERE FALSE`;
  }
  // Every cell becomes one row per output (a spread, linear in the number of KPIs), and the rows
  // of cells an output's sources do not reach are dropped.
  const values = plan.outputs.map((o) => cellSql(ctx, o.expr, (m) => `c.${measure(m)}`));
  const spread = d.spread([
    { name: ORDER, values: plan.outputs.map((_, i) => String(i)) },
    { name: 'kpi', values: plan.outputs.map((o) => d.stringLiteral(o.kpi)) },
    { name: 'value', values: values.map((v) => d.cast(v, 'real')) },
    { name: EXACT_VALUE, values: plan.outputs.map((o, i) => (o.exact ? d.cast(values[i] ?? 'NULL', 'string') : d.cast('NULL', 'string'))) },
    { name: MEMBER, values: plan.outputs.map((o) => memberSql(o, grid)) },
  ]);
  const dims = plan.by.map((b) => `c.${names.dimColumn(b)} AS ${q(b)}`);
  const only = plan.only === undefined ? '' : `\n  WHERE ${onlySql(ctx, plan.only)}`;
  const rows = `SELECT c.period, ${[...dims, spread].join(', ')}\n  FROM cells AS c${only}`;
  const order = [q(ORDER), 'period', ...plan.by.map((b) => `${q(b)} NULLS LAST`)].join(', ');
  const columns = ['kpi', 'period', ...plan.by.map(q), 'value', q(EXACT_VALUE)].join(', ');
  return `SELECT ${columns} FROM (\n${rows}\n) AS results\nWHERE ${q(MEMBER)}${ordered ? `\nORDER BY ${order}` : ''}`;
}

/** Whether a cell is one that the output's sources reach (a timeless output: every cell). */
function memberSql(output: Output, grid: Grid): string {
  return output.sources.length === 0 ? 'TRUE' : output.sources.map((s) => `c.${grid.flag(s)}`).join(' OR ');
}

/** The cells a restricted plan returns: its dimension's value, as text, among the values. */
function onlySql(ctx: EmitContext, only: NonNullable<EmitContext['plan']['only']>): string {
  const { dialect: d, names } = ctx;
  if (only.values.length === 0) return 'FALSE';
  const column = d.cast(`c.${names.dimColumn(only.dimension)}`, 'string');
  return `${column} IN (${only.values.map((v) => d.stringLiteral(v)).join(', ')})`;
}
