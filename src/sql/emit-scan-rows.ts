/**
 * The rows a scan aggregates: one row per row of its source (LEFT JOINed many-to-one to the
 * sources its columns reach, and to the lookups it indexes), with the row's period and anchor
 * date, its breakdown and key values, and every measure's value and filter as a column.
 */
import type { Scan } from '../query/ir.js';
import type { IrRowExpr } from '../query/ir-expr.js';
import { rowExprKey } from '../query/ir-keys.js';
import type { EmitContext } from './emit-context.js';
import { rowSql, type RowLeaves } from './emit-expr.js';

/** The rows of a scan as a SELECT, with how its expressions became columns. */
export interface ScanRows {
  readonly sql: string;
  /** The columns of the rows, in order. */
  readonly columns: readonly string[];
  /** The column holding a measure's value or filter. */
  column(e: IrRowExpr | undefined): string | undefined;
}

/** Where a point scan's rows find their period and their state at the period's start. */
export interface PointLeaves {
  /** The alias of the rows' versions at the period's start (`at_start(…)`). */
  readonly startAlias: string;
  periodDate(fn: 'period_start' | 'period_end' | 'point_date'): string;
}

/** A row expression of the scan as SQL over its FROM items (`t0` the source, joins, lookups). */
export function rowRenderer(ctx: EmitContext, scan: Scan, point?: PointLeaves): (e: IrRowExpr) => string {
  const q = ctx.dialect.quoteIdentifier;
  const aliasOf = new Map<string, string>([['', 't0']]);
  for (const j of scan.joins) aliasOf.set(j.path.join('.'), j.alias);
  const lookupAlias = new Map<string, string>();
  for (const l of scan.lookups) lookupAlias.set(`${l.lookup} ${rowExprKey(l.key)}`, l.alias);
  const leaves: RowLeaves = {
    column: (path, column, atStart) =>
      atStart && point !== undefined && path.length === 0
        ? `${point.startAlias}.${q(column)}`
        : `${aliasOf.get(path.join('.')) ?? 't0'}.${q(column)}`,
    lookup: (lookup, key) => {
      const alias = lookupAlias.get(`${lookup} ${rowExprKey(key)}`) ?? 'lk_missing';
      const dflt = ctx.plan.lookups.find((l) => l.lookup === lookup)?.default ?? null;
      const value = `${alias}.${q('value')}`;
      return dflt === null ? value : `coalesce(${value}, ${ctx.dialect.numberLiteral(dflt)})`;
    },
    ...(point !== undefined ? { periodDate: point.periodDate } : {}),
  };
  return (e) => rowSql(ctx, e, leaves);
}

/** The FROM items: the source, its joins, its lookups (each a dependency of the scan). */
export function fromItems(
  ctx: EmitContext,
  scan: Scan,
  row: (e: IrRowExpr) => string,
  period: string,
  deps: Set<string>,
  first?: readonly string[],
): string[] {
  const { dialect, names } = ctx;
  const q = dialect.quoteIdentifier;
  if (first === undefined) deps.add(names.sourceCte(scan.source));
  const from = first === undefined ? [`${q(names.sourceCte(scan.source))} AS t0`] : [...first];
  for (const j of scan.joins) {
    deps.add(names.sourceCte(j.target));
    from.push(`LEFT JOIN ${q(names.sourceCte(j.target))} AS ${j.alias} ON ${j.fromAlias}.${q(j.on)} = ${j.alias}.${q(j.targetKey)}`);
  }
  for (const l of scan.lookups) {
    const table = ctx.plan.lookups.find((x) => x.lookup === l.lookup);
    if (table === undefined) continue;
    deps.add(names.lookupCte(table.id));
    const key = dialect.cast(row(l.key), 'string');
    const periodMatch = table.computed === undefined ? '' : ` AND ${l.alias}.period = ${period}`;
    const on = dialect.sameValue(`${l.alias}.${q('key')}`, key);
    from.push(`LEFT JOIN ${q(names.lookupCte(table.id))} AS ${l.alias} ON ${on}${periodMatch}`);
  }
  return from;
}

/**
 * Rows with an anchor date, within the dates the plan reads. A `last` scan reads from the start
 * of the data: a balance carries over from whenever its cell last had rows.
 */
function whereSql(ctx: EmitContext, anchor: string | undefined, last: boolean): string {
  if (anchor === undefined) return '';
  const where = [`${anchor} IS NOT NULL`];
  const { scanFrom, scanTo } = ctx.plan.range;
  if (scanFrom !== null && !last) where.push(`${anchor} >= ${ctx.dialect.dateLiteral(scanFrom)}`);
  if (scanTo !== null) where.push(`${anchor} < ${ctx.dialect.dateLiteral(scanTo)}`);
  return `\n    WHERE ${where.join(' AND ')}`;
}

/** The rows of a scan; adds the CTEs they read to `deps`. */
export function scanRowsSql(ctx: EmitContext, scan: Scan, deps: Set<string>): ScanRows {
  const { dialect } = ctx;
  const row = rowRenderer(ctx, scan);
  const anchor = scan.anchor === null ? undefined : `t0.${dialect.quoteIdentifier(scan.anchor)}`;
  const anchorDate = anchor === undefined ? undefined : dialect.cast(anchor, 'date');
  const period = anchorDate === undefined ? dialect.cast('NULL', 'date') : dialect.periodStart(anchorDate, ctx.grain, ctx.calendar);
  const select: [sql: string, column: string][] = [[period, 'period']];
  if (anchorDate !== undefined) select.push([anchorDate, '_a']);
  const from = fromItems(ctx, scan, row, period, deps);
  return rowsSelect(ctx, scan, row, select, from, whereSql(ctx, anchor, scan.last));
}

/**
 * The SELECT of a scan's rows: the leading columns given (period…), then its breakdown and key
 * values and every measure's value and filter, over the FROM items given.
 */
export function rowsSelect(
  ctx: EmitContext,
  scan: Scan,
  row: (e: IrRowExpr) => string,
  leading: readonly [sql: string, column: string][],
  from: readonly string[],
  where: string,
): ScanRows {
  const { names, plan } = ctx;
  const select: [sql: string, column: string][] = [...leading];
  for (const d of new Set(scan.levels.flatMap((l) => l.dims))) {
    const expr = plan.dimensions.find((x) => x.name === d)?.bySource.find((s) => s.source === scan.source)?.expr;
    select.push([expr === undefined ? 'NULL' : row(expr), names.dimColumn(d)]);
  }
  for (const k of new Set(scan.levels.flatMap((l) => l.keys))) {
    const expr = plan.keys.find((x) => x.id === k)?.bySource.find((s) => s.source === scan.source)?.expr;
    select.push([expr === undefined ? 'NULL' : row(expr), names.keyColumn(k)]);
  }
  const valueColumns = new Map<string, string>();
  for (const m of scan.measures) {
    for (const [part, expr] of [
      ['v', m.value],
      ['f', m.filter],
    ] as const) {
      const sql = expr === undefined ? undefined : row(expr);
      if (sql === undefined || valueColumns.has(sql)) continue;
      const name = `${part}${valueColumns.size}`;
      valueColumns.set(sql, name);
      select.push([sql, name]);
    }
  }
  return {
    sql: `SELECT ${select.map(([sql, c]) => `${sql} AS ${c}`).join(', ')}\n    FROM ${from.join('\n      ')}${where}`,
    columns: select.map(([, c]) => c),
    column: (e) => (e === undefined ? undefined : valueColumns.get(row(e))),
  };
}
