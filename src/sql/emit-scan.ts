/**
 * SQL for scans: one pass over a source's rows computing every measure the plan asked of that
 * source, anchor and purpose — with FILTER clauses, and GROUPING SETS when several levels are
 * needed (then one view per level). Row-window scans first join each row to the windows of the
 * periods it falls in; `last` scans keep only each cell's last anchor date.
 */
import type { Scan } from '../query/ir.js';
import type { Level } from '../query/ir-expr.js';
import { periodsTable, type EmitContext } from './emit-context.js';
import { scanRowsSql, type ScanRows } from './emit-scan-rows.js';
import { pointScanRowsSql } from './emit-point-scan.js';
import { isTimeless } from './partial-tables.js';
import type { Cte } from './order-ctes.js';

const NO_LEVEL: Level = { dims: [], keys: [] };

/** The relation a scan aggregates, `… AS r`: its rows, joined to windows, keeping the last dates. */
function scanRelation(ctx: EmitContext, scan: Scan, rows: ScanRows, deps: Set<string>): string {
  const { dialect, names } = ctx;
  let relation = `(\n    ${rows.sql}\n  ) AS r`;
  if (scan.mode === 'rows-window' && scan.window !== undefined) {
    const pw = ctx.periodWindowTable(scan.purpose, scan.window);
    deps.add(pw);
    const columns = dialect.allColumnsExcept('r', rows.columns, ['period']);
    // A balance (`last`) at a window's end is the one of the last date with rows up to that end,
    // however long before the window that was: a stock carries over periods without rows.
    const from = scan.last ? '' : 'r._a >= pw.ws AND ';
    relation = `(SELECT pw.period AS period, ${columns} FROM ${relation} JOIN ${dialect.quoteIdentifier(pw)} AS pw ON ${from}r._a < pw.we) AS r`;
  }
  if (scan.last) {
    const partition = [...(isTimeless(scan) ? [] : ['period']), ...names.levelColumns(scan.levels[0] ?? NO_LEVEL)];
    relation = `(${dialect.keepLast(relation, 'r', '_a', partition)}) AS r`;
    if (scan.mode === 'partials' && scan.anchor !== null) relation = carriedForward(ctx, scan, rows, relation, deps);
  }
  return relation;
}

/**
 * A balance carried over periods without rows: each cell's rows at its last date in a period
 * stand for every following period of the query until the next period in which the cell has
 * rows (`lead`), so a stock keeps its last value instead of falling to 0 where nothing moved.
 */
function carriedForward(ctx: EmitContext, scan: Scan, rows: ScanRows, kept: string, deps: Set<string>): string {
  const { dialect: d, names } = ctx;
  const cell = names.levelColumns(scan.levels[0] ?? NO_LEVEL);
  const keptName = `${scan.id}_kept`;
  ctx.ctes.push({ name: keptName, sql: `SELECT * FROM ${kept}`, deps: [...deps] });
  const periods = periodsTable(scan.purpose);
  deps.clear();
  deps.add(keptName);
  deps.add(periods);
  const partition = cell.length === 0 ? '' : `PARTITION BY ${cell.join(', ')} `;
  const distinct = [...cell, 'period'].join(', ');
  const next = `(SELECT ${distinct}, lead(period) OVER (${partition}ORDER BY period) AS _next FROM (SELECT DISTINCT ${distinct} FROM ${d.quoteIdentifier(keptName)}) AS kd) AS n`;
  const same = ['n.period = k.period', ...cell.map((c) => d.sameValue(`n.${c}`, `k.${c}`))].join(' AND ');
  const columns = d.allColumnsExcept('k', rows.columns, ['period']);
  return `(SELECT g.period AS period, ${columns} FROM ${d.quoteIdentifier(keptName)} AS k JOIN ${next} ON ${same} JOIN ${d.quoteIdentifier(periods)} AS g ON g.period >= k.period AND (n._next IS NULL OR g.period < n._next)) AS r`;
}

/** The CTEs of one scan: the scan itself and, with several levels, one view per level. */
export function emitScan(ctx: EmitContext, scan: Scan): Cte[] {
  const { dialect, names } = ctx;
  const deps = new Set<string>();
  const rows = scan.point === undefined ? scanRowsSql(ctx, scan, deps) : pointScanRowsSql(ctx, scan, scan.point, deps);
  const relation = scanRelation(ctx, scan, rows, deps);
  const timeless = isTimeless(scan);
  const aggregates = scan.measures.map(
    (m) => `${dialect.aggregate(m.fn, rows.column(m.value), rows.column(m.filter), m.fraction)} AS ${m.id}`,
  );
  const allCols = [...new Set(scan.levels.flatMap((l) => names.levelColumns(l)))];
  const groupCols = (l: Level): string[] => [...(timeless ? [] : ['period']), ...names.levelColumns(l)];
  const select = [timeless ? `${dialect.cast('NULL', 'date')} AS period` : 'period', ...allCols, ...aggregates];
  let groupBy: string;
  if (scan.levels.length <= 1) {
    const cols = groupCols(scan.levels[0] ?? NO_LEVEL);
    groupBy = cols.length === 0 ? '' : `\n  GROUP BY ${cols.join(', ')}`;
  } else {
    select.push(`${dialect.groupingMask(allCols)} AS _g`);
    groupBy = `\n  GROUP BY GROUPING SETS (${scan.levels.map((l) => `(${groupCols(l).join(', ')})`).join(', ')})`;
  }
  const ctes: Cte[] = [{ name: scan.id, sql: `SELECT ${select.join(', ')}\n  FROM ${relation}${groupBy}`, deps: [...deps] }];
  if (scan.levels.length > 1) {
    const columns = ['period', ...allCols, ...scan.measures.map((m) => m.id), '_g'];
    ctes.push(...scan.levels.map((level, i) => levelView(ctx, scan, i, level, allCols, columns)));
  }
  return ctes;
}

/** The rows of one grouping set of a multi-level scan: those whose GROUPING() mask says so. */
function levelView(ctx: EmitContext, scan: Scan, index: number, level: Level, allCols: readonly string[], columns: readonly string[]): Cte {
  const present = new Set(ctx.names.levelColumns(level));
  let mask = 0;
  allCols.forEach((c, bit) => {
    if (!present.has(c)) mask |= 1 << (allCols.length - 1 - bit);
  });
  const select = ctx.dialect.allColumnsExcept(undefined, columns, ['_g']);
  return {
    name: ctx.names.scanLevelTable(scan, index),
    sql: `SELECT ${select} FROM ${ctx.dialect.quoteIdentifier(scan.id)} WHERE _g = ${mask}`,
    deps: [scan.id],
  };
}
