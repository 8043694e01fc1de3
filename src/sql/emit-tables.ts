/**
 * The tables measures are read from: scans (one table per level), rollup tables (partials
 * re-aggregated to a coarser level) and window tables (partials re-aggregated over each period's
 * window). Each is written as CTEs and registered with its level.
 */
import type { Reaggregation, RollupTable, WindowTable } from '../query/ir.js';
import type { Level } from '../query/ir-expr.js';
import type { EmitContext } from './emit-context.js';
import { emitScan } from './emit-scan.js';
import { isTimeless } from './partial-tables.js';
import type { Cte } from './order-ctes.js';

const NO_LEVEL: Level = { dims: [], keys: [] };

/** Writes every scan, rollup and window table of the plan and registers them. */
export function emitScanTables(ctx: EmitContext): void {
  const { plan, names } = ctx;
  for (const scan of plan.scans) {
    ctx.ctes.push(...emitScan(ctx, scan));
    scan.levels.forEach((level, i) => {
      const name = names.scanLevelTable(scan, i);
      ctx.tables.set(name, { name, level, timeless: isTimeless(scan) });
    });
  }
  const rollups = new Map(plan.rollups.map((r) => [r.id, r]));
  for (const r of plan.rollups) {
    ctx.ctes.push(rollupTable(ctx, r));
    ctx.tables.set(r.id, { name: r.id, level: r.level, timeless: isTimeless(ctx.scan(r.scan)) });
  }
  for (const w of plan.windows) {
    const rollup = w.rollup === undefined ? undefined : rollups.get(w.rollup);
    ctx.ctes.push(windowTable(ctx, w, rollup));
    ctx.tables.set(w.id, { name: w.id, level: rollup?.level ?? ctx.scan(w.scan).levels[w.level] ?? NO_LEVEL, timeless: false });
  }
}

function reaggregations(ctx: EmitContext, measures: readonly Reaggregation[]): string[] {
  return measures.map((m) => `${ctx.dialect.aggregate(m.fn, `part.${m.of}`, undefined)} AS ${m.id}`);
}

/** A rollup table: partials of one scan level re-aggregated to a coarser level. */
function rollupTable(ctx: EmitContext, table: RollupTable): Cte {
  const from = ctx.names.scanLevelTable(ctx.scan(table.scan), table.from);
  const cols = ['part.period', ...ctx.names.levelColumns(table.level).map((c) => `part.${c}`)];
  return {
    name: table.id,
    sql: `SELECT ${[...cols, ...reaggregations(ctx, table.measures)].join(', ')}\n  FROM ${ctx.dialect.quoteIdentifier(from)} AS part\n  GROUP BY ${cols.join(', ')}`,
    deps: [from],
  };
}

/** A window table: partials of one scan level (or rollup) re-aggregated over each period's window. */
function windowTable(ctx: EmitContext, table: WindowTable, rollup: RollupTable | undefined): Cte {
  const scan = ctx.scan(table.scan);
  const level = rollup?.level ?? scan.levels[table.level] ?? NO_LEVEL;
  const partName = rollup?.id ?? ctx.names.scanLevelTable(scan, table.level);
  const pw = ctx.periodWindowTable(scan.purpose, table.window);
  const cols = ctx.names.levelColumns(level).map((c) => `part.${c}`);
  const q = ctx.dialect.quoteIdentifier;
  return {
    name: table.id,
    sql: `SELECT pw.period, ${[...cols, ...reaggregations(ctx, table.measures)].join(', ')}\n  FROM ${q(pw)} AS pw JOIN ${q(partName)} AS part ON part.period >= pw.ws AND part.period < pw.we\n  GROUP BY ${['pw.period', ...cols].join(', ')}`,
    deps: [pw, partName],
  };
}
