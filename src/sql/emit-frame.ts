/**
 * Frames: the rows of one level (the *driving* rows) with every measure some cell expressions read
 * joined on, so those expressions become plain column arithmetic. An absent row of a count or sum
 * reads 0; any other absent measure reads null.
 */
import type { IrCellExpr, IrMeasure, Level } from '../query/ir-expr.js';
import { sameLevel } from '../query/ir-keys.js';
import { cellMeasures } from '../query/ir-walk.js';
import type { EmitContext } from './emit-context.js';

/** The rows a frame is built on: a SELECT with a `period` column and the level's columns. */
export interface DrivingRows {
  readonly sql: string;
  /** The CTEs the SELECT reads. */
  readonly deps: readonly string[];
  /** Rows without a period: joined tables match them on the level's columns only. */
  readonly timeless: boolean;
}

/** What a frame is. */
export interface FrameSpec {
  readonly name: string;
  readonly driving: DrivingRows;
  readonly level: Level;
  /** The expressions whose measures are joined on. */
  readonly exprs: readonly IrCellExpr[];
  /** More columns of the driving rows to keep. */
  readonly extra?: readonly string[] | undefined;
}

/** Writes a frame; returns how a measure is read from it (a quoted column of the frame). */
export function emitFrame(ctx: EmitContext, spec: FrameSpec): (m: IrMeasure) => string {
  const { dialect, names } = ctx;
  const q = dialect.quoteIdentifier;
  const joined = new Map<string, string>();
  const select = ['drv.period', ...names.levelColumns(spec.level).map((c) => `drv.${c}`), ...(spec.extra ?? []).map((c) => `drv.${c}`)];
  const joins: string[] = [];
  const columns = new Set<string>();
  for (const ref of cellMeasures(spec.exprs)) {
    const table = ctx.tableOf(ref);
    let alias = joined.get(table.name);
    if (alias === undefined) {
      const a = `j${joined.size}`;
      alias = a;
      joined.set(table.name, a);
      const on = [
        ...(table.timeless || spec.driving.timeless ? [] : [`${a}.period = drv.period`]),
        ...names.levelColumns(table.level).map((c) => dialect.sameValue(`${a}.${c}`, `drv.${c}`)),
      ];
      joins.push(`LEFT JOIN ${q(table.name)} AS ${a} ON ${on.length === 0 ? 'TRUE' : on.join(' AND ')}`);
    }
    const column = `${table.name}__${ref.column}`;
    if (columns.has(column)) continue;
    columns.add(column);
    select.push(`${ref.empty === 0 ? `coalesce(${alias}.${ref.column}, 0)` : `${alias}.${ref.column}`} AS ${q(column)}`);
  }
  ctx.ctes.push({
    name: spec.name,
    sql: `SELECT ${select.join(', ')}\n  FROM (${spec.driving.sql}) AS drv\n  ${joins.join('\n  ')}`,
    deps: [...spec.driving.deps, ...joined.keys()],
  });
  return (m) => q(`${ctx.tableOf(m).name}__${m.column}`);
}

/**
 * The driving rows of an inner level (of a per, or a computed lookup): the level's rows present in
 * the tables its presence expression reads.
 */
export function innerDriving(ctx: EmitContext, level: Level, presence: IrCellExpr): DrivingRows {
  const own = [
    ...new Set(
      cellMeasures([presence])
        .map((m) => ctx.tableOf(m))
        .filter((t) => sameLevel(t.level, level)),
    ),
  ];
  if (own.length === 0) throw new Error('a per level without presence');
  const cols = ['period', ...ctx.names.levelColumns(level)].join(', ');
  return {
    sql: own.map((t) => `SELECT ${cols} FROM ${ctx.dialect.quoteIdentifier(t.name)}`).join(' UNION '),
    deps: own.map((t) => t.name),
    timeless: own.every((t) => t.timeless),
  };
}
