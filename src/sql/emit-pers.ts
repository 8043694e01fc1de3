/**
 * Per tables: `fn(E per key)` — E computed per key on a frame of the inner level, then combined
 * over the keys present (presence > 0) for each row of the outer level.
 */
import type { PerTable } from '../query/ir.js';
import type { EmitContext } from './emit-context.js';
import { cellSql } from './emit-expr.js';
import { emitFrame, innerDriving } from './emit-frame.js';

/**
 * Writes every per table in plan order (a nested per comes before the per that reads it) and
 * registers it. Written before lookups, whose computations may read per tables.
 */
export function emitPers(ctx: EmitContext): void {
  const q = ctx.dialect.quoteIdentifier;
  for (const per of ctx.plan.pers) {
    const driving = innerDriving(ctx, per.inner, per.presence);
    const frameName = `f_${per.id}`;
    const measure = emitFrame(ctx, { name: frameName, driving, level: per.inner, exprs: [per.value, per.presence] });
    const group = ['period', ...ctx.names.levelColumns(per.outer)].join(', ');
    const inner = `SELECT ${group}, ${cellSql(ctx, per.value, measure)} AS v, ${cellSql(ctx, per.presence, measure)} AS pr FROM ${q(frameName)}`;
    ctx.ctes.push({
      name: per.id,
      sql: `SELECT ${group}, ${combineSql(ctx, per)} AS value\n  FROM (${inner}) AS x\n  WHERE pr > 0\n  GROUP BY ${group}`,
      deps: [frameName],
    });
    ctx.tables.set(per.id, { name: per.id, level: per.outer, timeless: driving.timeless });
  }
}

/** The aggregate combining the per-key values `v`. */
function combineSql(ctx: EmitContext, per: PerTable): string {
  const d = ctx.dialect;
  switch (per.fn) {
    case 'avg':
    case 'sum':
    case 'min':
    case 'max':
    case 'median':
    case 'count':
    case 'count_distinct':
    case 'percentile':
      return d.aggregate(per.fn, 'v', undefined, per.fraction);
    // Squaring is real arithmetic: on real numbers, never on decimals (whose scale would double).
    case 'hhi': {
      const v = d.cast('v', 'real');
      return d.divide(`sum(${v} * ${v})`, `sum(${v}) * sum(${v})`);
    }
    case 'top_share':
      return d.topShare('v', per.n ?? 1);
    default: {
      const never: never = per.fn;
      return never;
    }
  }
}
