/**
 * SQL for scans: one pass over a source's rows (joined many-to-one to the sources its columns
 * reach), computing every measure the plan asked of that source and anchor — with FILTER clauses,
 * and GROUPING SETS when several levels are needed — plus the window period tables and the window
 * re-aggregations over partials.
 */
import type { CalendarDef } from '../model/types.js';
import type { Grain } from '../plan/calendar.js';
import type { Level, Plan, RollupTable, Scan, WindowSpec, WindowTable } from '../plan/ir.js';
import type { RowExpr } from '../resolve/types.js';
import { rowSql, type RowLeaves, type ScalarContext } from './emit-expr.js';
import { dimColumn, keyColumn, levelColumns, scanLevelTable, sourceCte, lookupCte } from './names.js';

/** Context for emitting scans. */
export interface ScanEmitContext extends ScalarContext {
  readonly plan: Plan;
  readonly grain: Grain;
  readonly calendar: CalendarDef;
  /** Name of the window period table for (purpose, window). */
  periodWindowTable(purpose: string, window: WindowSpec): string;
  /** The purpose (main / lookup:<id>) of a scan. */
  purposeOf(scan: Scan): string;
}

/** A CTE to emit. */
export interface Cte {
  readonly name: string;
  readonly sql: string;
  readonly deps: readonly string[];
  /**
   * Inline wherever it is read, even when read twice (`NOT MATERIALIZED`): for source rows, whose
   * second read costs less than holding every row in memory.
   */
  readonly inline?: boolean | undefined;
}

/** Rows of a scan: period, anchor date, dimension and key values, measure values and filters. */
function rowsSql(
  ctx: ScanEmitContext,
  scan: Scan,
  valueColumns: Map<string, string>,
  deps: Set<string>,
): { sql: string; row: (e: RowExpr) => string } {
  const q = ctx.dialect.quoteIdentifier;
  const aliasOf = new Map<string, string>([['', 't0']]);
  for (const j of scan.joins) aliasOf.set(j.path.join('.'), j.alias);
  const lookupAlias = new Map<string, string>();
  for (const l of scan.lookups) lookupAlias.set(JSON.stringify([l.lookup, l.key]), l.alias);
  const leaves: RowLeaves = {
    column: (path, column) => `${aliasOf.get(path.join('.')) ?? 't0'}.${q(column)}`,
    lookup: (lookup, key) => {
      const alias = lookupAlias.get(JSON.stringify([lookup, key])) ?? 'lk_missing';
      const table = ctx.plan.lookups.find((l) => l.lookup === lookup);
      const dflt = table?.default ?? null;
      return dflt === null ? `${alias}."value"` : `coalesce(${alias}."value", ${ctx.dialect.numberLiteral(dflt)})`;
    },
  };
  const row = (e: RowExpr): string => rowSql(ctx, e, leaves);
  const anchor = scan.anchor === null ? undefined : `t0.${q(scan.anchor)}`;
  const anchorDate = anchor === undefined ? undefined : ctx.dialect.toDate(anchor);
  const period = anchorDate === undefined ? 'CAST(NULL AS DATE)' : ctx.dialect.periodStart(anchorDate, ctx.grain, ctx.calendar);
  const select: string[] = [`${period} AS period`];
  if (anchorDate !== undefined) select.push(`${anchorDate} AS _a`);
  const levelDims = new Set(scan.levels.flatMap((l) => l.dims));
  const levelKeys = new Set(scan.levels.flatMap((l) => l.keys));
  for (const d of levelDims) {
    const expr = ctx.plan.dimensions.find((x) => x.name === d)?.bySource.find((s) => s.source === scan.source)?.expr;
    select.push(`${expr === undefined ? 'NULL' : row(expr)} AS ${dimColumn(d)}`);
  }
  for (const k of levelKeys) {
    const expr = ctx.plan.keys.find((x) => x.id === k)?.bySource.find((s) => s.source === scan.source)?.expr;
    select.push(`${expr === undefined ? 'NULL' : row(expr)} AS ${keyColumn(k)}`);
  }
  for (const m of scan.measures) {
    for (const [part, expr] of [
      ['v', m.value],
      ['f', m.filter],
    ] as const) {
      if (expr === undefined) continue;
      const sql = row(expr);
      if (!valueColumns.has(sql)) {
        valueColumns.set(sql, `${part}${valueColumns.size}`);
        select.push(`${sql} AS ${valueColumns.get(sql)}`);
      }
    }
  }
  deps.add(sourceCte(scan.source));
  const from = [`${q(sourceCte(scan.source))} AS t0`];
  for (const j of scan.joins) {
    deps.add(sourceCte(j.target));
    from.push(`LEFT JOIN ${q(sourceCte(j.target))} AS ${j.alias} ON ${j.fromAlias}.${q(j.on)} = ${j.alias}.${q(j.targetKey)}`);
  }
  for (const l of scan.lookups) {
    const table = ctx.plan.lookups.find((x) => x.lookup === l.lookup);
    if (table === undefined) continue;
    deps.add(lookupCte(table.id));
    const key = `CAST(${row(l.key)} AS VARCHAR)`;
    const periodMatch = table.computed === undefined ? '' : ` AND ${l.alias}.period = ${period}`;
    from.push(`LEFT JOIN ${q(lookupCte(table.id))} AS ${l.alias} ON ${ctx.dialect.sameValue(`${l.alias}."key"`, key)}${periodMatch}`);
  }
  const where: string[] = [];
  if (anchor !== undefined) {
    where.push(`${anchor} IS NOT NULL`);
    const { scanFrom, scanTo } = ctx.plan.range;
    if (scanFrom !== null) where.push(`${anchor} >= ${ctx.dialect.dateLiteral(scanFrom)}`);
    if (scanTo !== null) where.push(`${anchor} < ${ctx.dialect.dateLiteral(scanTo)}`);
  }
  return {
    sql: `SELECT ${select.join(', ')}\n    FROM ${from.join('\n      ')}${where.length > 0 ? `\n    WHERE ${where.join(' AND ')}` : ''}`,
    row,
  };
}

/** The CTEs of one scan: the scan itself and, with several levels, one view per level. */
export function emitScan(ctx: ScanEmitContext, scan: Scan): Cte[] {
  const deps = new Set<string>();
  const valueColumns = new Map<string, string>();
  const rows = rowsSql(ctx, scan, valueColumns, deps);
  const column = (e: RowExpr | undefined): string | undefined => (e === undefined ? undefined : valueColumns.get(rows.row(e)));
  let source = `(\n    ${rows.sql}\n  ) AS r`;
  if (scan.mode === 'rows-window' && scan.window !== undefined) {
    const pw = ctx.periodWindowTable(ctx.purposeOf(scan), scan.window);
    deps.add(pw);
    source = `(SELECT pw.period AS period, r.* EXCLUDE (period) FROM ${source} JOIN ${ctx.dialect.quoteIdentifier(pw)} AS pw ON r._a >= pw.ws AND r._a < pw.we) AS r`;
  }
  const timeless = scan.anchor === null;
  if (scan.last) {
    const level = scan.levels[0] ?? { dims: [], keys: [] };
    const partition = [...(timeless ? [] : ['period']), ...levelColumns(level)].join(', ');
    source = `(SELECT * FROM ${source} QUALIFY r._a = max(r._a) OVER (${partition === '' ? '' : `PARTITION BY ${partition}`})) AS r`;
  }
  const aggregates = scan.measures.map((m) => {
    const value = column(m.value);
    const filter = column(m.filter);
    return `${ctx.dialect.aggregate(m.fn, value, filter, m.fraction)} AS ${m.id}`;
  });
  const allCols = [...new Set(scan.levels.flatMap((l) => levelColumns(l)))];
  const groupCols = (l: Level): string[] => [...(timeless ? [] : ['period']), ...levelColumns(l)];
  const select = [timeless ? 'CAST(NULL AS DATE) AS period' : 'period', ...allCols, ...aggregates];
  let groupBy: string;
  if (scan.levels.length <= 1) {
    const cols = groupCols(scan.levels[0] ?? { dims: [], keys: [] });
    groupBy = cols.length === 0 ? '' : `\n  GROUP BY ${cols.join(', ')}`;
  } else {
    select.push(`GROUPING(${allCols.join(', ')}) AS _g`);
    groupBy = `\n  GROUP BY GROUPING SETS (${scan.levels.map((l) => `(${groupCols(l).join(', ')})`).join(', ')})`;
  }
  const ctes: Cte[] = [{ name: scan.id, sql: `SELECT ${select.join(', ')}\n  FROM ${source}${groupBy}`, deps: [...deps] }];
  if (scan.levels.length > 1) {
    scan.levels.forEach((level, i) => {
      const present = new Set(levelColumns(level));
      let mask = 0;
      allCols.forEach((c, bit) => {
        if (!present.has(c)) mask |= 1 << (allCols.length - 1 - bit);
      });
      ctes.push({
        name: scanLevelTable(scan, i),
        sql: `SELECT * EXCLUDE (_g) FROM ${ctx.dialect.quoteIdentifier(scan.id)} WHERE _g = ${mask}`,
        deps: [scan.id],
      });
    });
  }
  return ctes;
}

/** SQL for the window bounds `[ws, we)` of the period column `p`. */
export function windowBoundsSql(ctx: ScanEmitContext, window: WindowSpec, p: string): { ws: string; we: string } {
  const d = ctx.dialect;
  let period = p;
  for (const s of window.shifts) period = d.periodStart(d.addToDate(period, -s.amount, s.unit), ctx.grain, ctx.calendar);
  const end = d.addToDate(period, 1, ctx.grain);
  const range = window.range;
  if (range === undefined) return { ws: period, we: end };
  switch (range.kind) {
    case 'rolling':
      return { ws: d.addToDate(end, -range.length.amount, range.length.unit), we: end };
    case 'to_date':
      return { ws: d.periodStart(period, range.unit, ctx.calendar), we: end };
    case 'before':
      return { ws: d.addToDate(period, -range.length.amount, range.length.unit), we: period };
    default: {
      const never: never = range;
      return never;
    }
  }
}

/** A rollup table: partials of one scan level re-aggregated to a coarser level. */
export function emitRollupTable(ctx: ScanEmitContext, table: RollupTable, scan: Scan): Cte {
  const from = scanLevelTable(scan, table.from);
  const cols = ['part.period', ...levelColumns(table.level).map((c) => `part.${c}`)];
  const measures = table.measures.map((m) => `${m.fn}(part.${m.of}) AS ${m.id}`);
  return {
    name: table.id,
    sql: `SELECT ${[...cols, ...measures].join(', ')}\n  FROM ${ctx.dialect.quoteIdentifier(from)} AS part\n  GROUP BY ${cols.join(', ')}`,
    deps: [from],
  };
}

/** A window table: partials of one scan level (or rollup) re-aggregated over each period's window. */
export function emitWindowTable(ctx: ScanEmitContext, table: WindowTable, scan: Scan, rollup?: RollupTable): Cte {
  const level = rollup?.level ?? scan.levels[table.level] ?? { dims: [], keys: [] };
  const partName = rollup?.id ?? scanLevelTable(scan, table.level);
  const pw = ctx.periodWindowTable(ctx.purposeOf(scan), table.window);
  const cols = levelColumns(level).map((c) => `part.${c}`);
  const measures = table.measures.map((m) => `${m.fn}(part.${m.of}) AS ${m.id}`);
  const q = ctx.dialect.quoteIdentifier;
  return {
    name: table.id,
    sql: `SELECT pw.period, ${[...cols, ...measures].join(', ')}\n  FROM ${q(pw)} AS pw JOIN ${q(partName)} AS part ON part.period >= pw.ws AND part.period < pw.we\n  GROUP BY ${['pw.period', ...cols].join(', ')}`,
    deps: [pw, partName],
  };
}
