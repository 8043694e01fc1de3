/**
 * The SQL emitter: one query for a whole plan. CTEs, in dependency order: typed source rows,
 * lookups, scans, period tables, window tables, frames (a level's rows with every measure joined
 * on), per tables, the grid of periods × breakdown values, and the final rows.
 */
import type { CellExpr, Level, PerTable, Plan, Scan } from '../plan/ir.js';
import { cellSql } from './emit-expr.js';
import { emitRollupTable, emitScan, emitWindowTable, windowBoundsSql, type Cte, type ScanEmitContext } from './emit-scan.js';
import type { Dialect } from './dialect.js';
import { dimColumn, levelColumns, lookupCte, scanLevelTable, sourceCte } from './names.js';
import { orderCtes } from './order-ctes.js';

/**
 * The result column holding the exact decimal of an exact output as text (null for the others).
 * Its space keeps it apart from every breakdown dimension's name.
 */
export const EXACT_VALUE = 'exact value';

/** What the emitter needs besides the plan. */
export interface EmitOptions {
  readonly dialect: Dialect;
  /** SQL (a SELECT) of the typed rows of a source: it reads the source's files. */
  readonly sourceRelation: (source: string) => string;
}

type MeasureRef = Extract<CellExpr, { kind: 'measure' }>;

interface TableInfo {
  readonly name: string;
  readonly level: Level;
  readonly timeless: boolean;
}

const sameLevel = (a: Level, b: Level): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Every measure reference in cell expressions. */
function measureRefs(exprs: readonly CellExpr[], out: MeasureRef[] = []): MeasureRef[] {
  const visit = (e: CellExpr): void => {
    switch (e.kind) {
      case 'measure':
        out.push(e);
        break;
      case 'binary':
        visit(e.left);
        visit(e.right);
        break;
      case 'unary':
        visit(e.operand);
        break;
      case 'call':
        e.args.forEach(visit);
        break;
      case 'predicate':
        visit(e.operand);
        e.args.forEach(visit);
        break;
      case 'literal':
        break;
      default: {
        const never: never = e;
        return never;
      }
    }
  };
  exprs.forEach(visit);
  return out;
}

/** Emits the SQL of a plan. */
export function emitSql(plan: Plan, options: EmitOptions): string {
  const { dialect } = options;
  const q = dialect.quoteIdentifier;
  const ctes: Cte[] = [];
  const scansById = new Map(plan.scans.map((s) => [s.id, s]));
  const purposeOf = (scan: Scan): string => scan.purpose;
  const periodTables = new Map<string, string>();
  const ctx: ScanEmitContext = {
    dialect,
    calendar: plan.calendar,
    plan,
    grain: plan.grain,
    purposeOf,
    periodWindowTable(purpose, window) {
      const key = JSON.stringify([purpose, window]);
      let name = periodTables.get(key);
      if (name === undefined) {
        name = `pw${periodTables.size}`;
        periodTables.set(key, name);
        const periods = purpose === 'main' ? 'periods_all' : `periods_${purpose.slice('lookup:'.length)}`;
        const { ws, we } = windowBoundsSql(ctx, window, 'period');
        ctes.push({ name, sql: `SELECT period, ${ws} AS ws, ${we} AS we FROM ${q(periods)}`, deps: [periods] });
      }
      return name;
    },
  };

  // Typed source rows.
  const sources = new Set<string>();
  for (const scan of plan.scans) {
    sources.add(scan.source);
    scan.joins.forEach((j) => sources.add(j.target));
  }
  for (const s of [...sources].sort()) ctes.push({ name: sourceCte(s), sql: options.sourceRelation(s), deps: [], inline: true });

  // Tables with their levels, for joins.
  const tables = new Map<string, TableInfo>();
  for (const scan of plan.scans) {
    ctes.push(...emitScan(ctx, scan));
    scan.levels.forEach((level, i) =>
      tables.set(scanLevelTable(scan, i), { name: scanLevelTable(scan, i), level, timeless: scan.anchor === null }),
    );
  }
  const rollups = new Map(plan.rollups.map((r) => [r.id, r]));
  for (const r of plan.rollups) {
    const scan = scansById.get(r.scan);
    if (scan === undefined) throw new Error(`unknown scan ${r.scan}`);
    ctes.push(emitRollupTable(ctx, r, scan));
    tables.set(r.id, { name: r.id, level: r.level, timeless: scan.anchor === null });
  }
  for (const w of plan.windows) {
    const scan = scansById.get(w.scan);
    if (scan === undefined) throw new Error(`unknown scan ${w.scan}`);
    const rollup = w.rollup === undefined ? undefined : rollups.get(w.rollup);
    ctes.push(emitWindowTable(ctx, w, scan, rollup));
    tables.set(w.id, { name: w.id, level: rollup?.level ?? scan.levels[w.level] ?? { dims: [], keys: [] }, timeless: false });
  }
  const tableOf = (m: MeasureRef): TableInfo => {
    const scan = scansById.get(m.table);
    const name =
      scan === undefined
        ? m.table
        : scanLevelTable(
            scan,
            scan.levels.findIndex((l) => sameLevel(l, m.level)),
          );
    const info = tables.get(name);
    if (info === undefined) throw new Error(`unknown table ${name}`);
    return info;
  };

  /** A frame: driving rows at `level` with every referenced measure joined on. */
  const frame = (
    name: string,
    driving: string,
    drivingDeps: string[],
    level: Level,
    timeless: boolean,
    exprs: readonly CellExpr[],
    extra: readonly string[] = [],
  ): ((m: MeasureRef) => string) => {
    const joined = new Map<string, string>();
    const select = ['drv.period', ...levelColumns(level).map((c) => `drv.${c}`), ...extra.map((c) => `drv.${c}`)];
    const joins: string[] = [];
    const columns = new Map<string, string>();
    for (const ref of measureRefs(exprs)) {
      const table = tableOf(ref);
      let alias = joined.get(table.name);
      if (alias === undefined) {
        alias = `j${joined.size}`;
        joined.set(table.name, alias);
        const on = [
          ...(table.timeless || timeless ? [] : [`${alias}.period = drv.period`]),
          ...levelColumns(table.level).map((c) => dialect.sameValue(`${alias}.${c}`, `drv.${c}`)),
        ];
        joins.push(`LEFT JOIN ${q(table.name)} AS ${alias} ON ${on.length === 0 ? 'TRUE' : on.join(' AND ')}`);
      }
      const column = `${table.name}__${ref.column}`;
      if (!columns.has(column)) {
        columns.set(column, column);
        select.push(`${ref.empty === 0 ? `coalesce(${alias}.${ref.column}, 0)` : `${alias}.${ref.column}`} AS ${q(column)}`);
      }
    }
    ctes.push({
      name,
      sql: `SELECT ${select.join(', ')}\n  FROM (${driving}) AS drv\n  ${joins.join('\n  ')}`,
      deps: [...drivingDeps, ...joined.keys()],
    });
    return (m) => q(`${tableOf(m).name}__${m.column}`);
  };

  /** Driving rows of an inner level: the keys present in the tables its presence reads. */
  const innerDriving = (level: Level, presence: CellExpr): { sql: string; deps: string[]; timeless: boolean } => {
    const own = [
      ...new Set(
        measureRefs([presence])
          .map(tableOf)
          .filter((t) => sameLevel(t.level, level)),
      ),
    ];
    const cols = ['period', ...levelColumns(level)].join(', ');
    if (own.length === 0) throw new Error('a per level without presence');
    return {
      sql: own.map((t) => `SELECT ${cols} FROM ${q(t.name)}`).join(' UNION '),
      deps: own.map((t) => t.name),
      timeless: own.every((t) => t.timeless),
    };
  };

  // Per tables in plan order: a nested per comes before the per that reads it. (Emitted before
  // lookups, whose computations may read per tables; the CTE order follows dependencies.)
  for (const per of plan.pers) {
    const driving = innerDriving(per.inner, per.presence);
    const frameName = `f_${per.id}`;
    const measure = frame(frameName, driving.sql, driving.deps, per.inner, driving.timeless, [per.value, per.presence]);
    const outerCols = levelColumns(per.outer);
    const group = ['period', ...outerCols].join(', ');
    ctes.push({
      name: per.id,
      sql: `SELECT ${group}, ${combineSql(dialect, per)} AS value\n  FROM (SELECT ${group}, ${cellSql(ctx, per.value, measure)} AS v, ${cellSql(ctx, per.presence, measure)} AS pr FROM ${q(frameName)}) AS x\n  WHERE pr > 0\n  GROUP BY ${group}`,
      deps: [frameName],
    });
    tables.set(per.id, { name: per.id, level: per.outer, timeless: driving.timeless });
  }

  // Lookups: fixed rows, or computed per key as of each period.
  for (const lookup of plan.lookups) {
    if (lookup.rows !== undefined) {
      const values = lookup.rows.map(([k, v]) => `(${dialect.stringLiteral(k)}, ${dialect.numberLiteral(v)})`);
      ctes.push({
        name: lookupCte(lookup.id),
        sql:
          values.length === 0
            ? `SELECT CAST(NULL AS VARCHAR) AS "key", CAST(NULL AS DOUBLE) AS "value" WHERE FALSE`
            : `SELECT CAST("key" AS VARCHAR) AS "key", CAST("value" AS DOUBLE) AS "value" FROM (VALUES ${values.join(', ')}) AS v("key", "value")`,
        deps: [],
      });
      continue;
    }
    const computed = lookup.computed;
    if (computed === undefined) continue;
    const purpose = `lookup:${lookup.lookup}`;
    emitLookupPeriods(ctes, plan, lookup.lookup, purpose, dialect);
    const driving = innerDriving(computed.level, computed.presence);
    const frameName = `f_${lookup.id}`;
    const measure = frame(frameName, driving.sql, driving.deps, computed.level, driving.timeless, [computed.value, computed.presence]);
    const key = levelColumns(computed.level)[0] ?? 'NULL';
    ctes.push({
      name: lookupCte(lookup.id),
      sql: `SELECT period, CAST(${key} AS VARCHAR) AS "key", CAST(${cellSql(ctx, computed.value, measure)} AS DOUBLE) AS "value"\n  FROM ${q(frameName)}\n  WHERE ${cellSql(ctx, computed.presence, measure)} > 0`,
      deps: [frameName],
    });
  }

  // The grid: periods × the breakdown values the KPIs' rows reach in the range.
  const base: Level = { dims: plan.by, keys: [] };
  const baseTables = plan.scans
    .filter((s) => purposeOf(s) === 'main' && s.mode === 'partials' && !s.last && s.levels.some((l) => sameLevel(l, base)))
    .map((s) => ({
      scan: s,
      table: scanLevelTable(
        s,
        s.levels.findIndex((l) => sameLevel(l, base)),
      ),
    }));
  const timed = baseTables.filter((t) => t.scan.anchor !== null);
  const d = dialect;
  const lo = plan.range.from !== null ? d.dateLiteral(plan.range.from) : 'dlo';
  const hi = plan.range.to !== null ? d.dateLiteral(plan.range.to) : 'dhi';
  const dataRange =
    timed.length === 0
      ? 'SELECT CAST(NULL AS DATE) AS dlo, CAST(NULL AS DATE) AS dhi'
      : `SELECT min(period) AS dlo, max(period) AS dhi FROM (${timed.map((t) => `SELECT period FROM ${q(t.table)}`).join(' UNION ALL ')})`;
  ctes.push({ name: 'bounds', sql: `SELECT ${lo} AS lo, ${hi} AS hi FROM (${dataRange}) AS data_range`, deps: timed.map((t) => t.table) });
  const loAll =
    plan.range.scanFrom !== null ? `least(lo, ${d.periodStart(d.dateLiteral(plan.range.scanFrom), plan.grain, plan.calendar)})` : 'lo';
  ctes.push({
    name: 'periods_all',
    sql: `SELECT CAST(unnest(${d.periodSeries(loAll, 'hi', plan.grain)}) AS DATE) AS period FROM bounds`,
    deps: ['bounds'],
  });
  ctes.push({
    name: 'periods',
    sql: `SELECT p.period FROM periods_all AS p, bounds AS b WHERE p.period >= b.lo AND p.period <= b.hi`,
    deps: ['periods_all', 'bounds'],
  });
  const sourcesOfOutputs = [...new Set(plan.outputs.flatMap((o) => o.sources))].sort();
  const flag = (s: string): string => q(`s_${s}`);
  const dims = plan.by.map(dimColumn);
  if (dims.length === 0) {
    ctes.push({
      name: 'tuples',
      sql: `SELECT ${sourcesOfOutputs.length === 0 ? 'TRUE AS _any' : sourcesOfOutputs.map((s) => `TRUE AS ${flag(s)}`).join(', ')}`,
      deps: [],
    });
  } else {
    const parts = baseTables.map(
      (t) =>
        `SELECT ${dims.join(', ')}, ${dialect.stringLiteral(t.scan.source)} AS src FROM ${q(t.table)}${t.scan.anchor === null ? '' : ` WHERE period >= (SELECT lo FROM bounds) AND period <= (SELECT hi FROM bounds)`}`,
    );
    const flags = sourcesOfOutputs.map((s) => `bool_or(src = ${dialect.stringLiteral(s)}) AS ${flag(s)}`);
    ctes.push({
      name: 'tuples',
      sql: `SELECT ${[...dims, ...flags].join(', ')} FROM (${parts.join('\n    UNION ALL ')}) AS u GROUP BY ${dims.join(', ')}`,
      deps: ['bounds', ...baseTables.map((t) => t.table)],
    });
  }
  const gridSql = `SELECT p.period, t.* FROM periods AS p CROSS JOIN tuples AS t`;
  const measure = frame(
    'cells',
    gridSql,
    ['periods', 'tuples'],
    base,
    false,
    plan.outputs.map((o) => o.expr),
    sourcesOfOutputs.map(flag),
  );
  const outputs = plan.outputs.map((o, i) => {
    const member = o.sources.length === 0 ? 'TRUE' : o.sources.map((s) => `c.${flag(s)}`).join(' OR ');
    const cols = [
      `${i} AS _ord`,
      `${dialect.stringLiteral(o.kpi)} AS kpi`,
      'c.period',
      ...plan.by.map((b) => `c.${dimColumn(b)} AS ${q(b)}`),
    ];
    const value = cellSql(ctx, o.expr, (m) => `c.${measure(m)}`);
    // Exact results (money sums…) also come as decimal text, each with its own scale (a union of
    // decimals would give them one, rounding some); `value` is always a double.
    cols.push(`CAST(${value} AS DOUBLE) AS value`, `${o.exact ? `CAST(${value} AS VARCHAR)` : 'NULL'} AS ${q(EXACT_VALUE)}`);
    return `SELECT ${cols.join(', ')}\n  FROM cells AS c\n  WHERE ${member}`;
  });
  const order = ['_ord', 'period', ...plan.by.map((b) => `${q(b)} NULLS LAST`)].join(', ');
  const columns = ['kpi', 'period', ...plan.by.map(q), 'value', q(EXACT_VALUE)].join(', ');
  const body =
    outputs.length === 0
      ? `SELECT NULL AS kpi, NULL AS period, NULL AS value, CAST(NULL AS VARCHAR) AS ${q(EXACT_VALUE)} WHERE FALSE`
      : `SELECT ${columns} FROM (\n${outputs.join('\n  UNION ALL\n')}\n) AS results\nORDER BY ${order}`;
  return `WITH\n${orderCtes(ctes)
    .map((c) => `${q(c.name)} AS ${c.inline === true ? 'NOT MATERIALIZED ' : ''}(\n  ${c.sql}\n)`)
    .join(',\n')}\n${body}`;
}

function combineSql(dialect: Dialect, per: PerTable): string {
  switch (per.fn) {
    case 'avg':
    case 'sum':
    case 'min':
    case 'max':
    case 'count':
      return `${per.fn}(v)`;
    // Interpolating and squaring are real arithmetic: on doubles, never on rounded decimals.
    case 'median':
      return 'median(CAST(v AS DOUBLE))';
    case 'count_distinct':
      return 'count(DISTINCT v)';
    case 'percentile':
      return `quantile_cont(CAST(v AS DOUBLE), ${per.fraction ?? 0.5})`;
    case 'hhi':
      return '(sum(CAST(v AS DOUBLE) * CAST(v AS DOUBLE)) / NULLIF(sum(CAST(v AS DOUBLE)) * sum(CAST(v AS DOUBLE)), 0))';
    case 'top_share':
      return dialect.topShare('v', per.n ?? 1);
    default: {
      const never: never = per.fn;
      return never;
    }
  }
}

/** The periods a computed lookup is evaluated for: from its data's first period to the last + window. */
function emitLookupPeriods(ctes: Cte[], plan: Plan, lookupId: string, purpose: string, dialect: Dialect): void {
  const q = dialect.quoteIdentifier;
  const none: Level = { dims: [], keys: [] };
  const tables = plan.scans
    .filter(
      (s) => s.purpose === purpose && s.mode === 'partials' && !s.last && s.anchor !== null && s.levels.some((l) => sameLevel(l, none)),
    )
    .map((s) =>
      scanLevelTable(
        s,
        s.levels.findIndex((l) => sameLevel(l, none)),
      ),
    );
  const lookup = plan.lookups.find((l) => l.lookup === lookupId);
  const windowLength = lookup?.computed === undefined ? undefined : lookupWindow(plan, purpose);
  const hi =
    windowLength === undefined
      ? 'max(period)'
      : dialect.periodStart(dialect.addToDate('max(period)', windowLength.amount, windowLength.unit), plan.grain, plan.calendar);
  const range =
    tables.length === 0
      ? 'SELECT CAST(NULL AS DATE) AS lo, CAST(NULL AS DATE) AS hi'
      : `SELECT min(period) AS lo, ${hi} AS hi FROM (${tables.map((t) => `SELECT period FROM ${q(t)}`).join(' UNION ALL ')})`;
  ctes.push({
    name: `periods_${lookupId}`,
    sql: `SELECT CAST(unnest(${dialect.periodSeries('lo', 'hi', plan.grain)}) AS DATE) AS period FROM (${range}) AS r`,
    deps: tables,
  });
}

/** The `before` window length of a lookup computation (from its window tables or scans). */
function lookupWindow(plan: Plan, purpose: string): { amount: number; unit: import('../formula/ast.js').DurationUnit } | undefined {
  for (const scan of plan.scans) {
    if (scan.purpose !== purpose) continue;
    const range = scan.window?.range;
    if (range?.kind === 'before') return range.length;
  }
  for (const w of plan.windows) {
    const scan = plan.scans.find((s) => s.id === w.scan);
    if (scan?.purpose === purpose && w.window.range?.kind === 'before') return w.window.range.length;
  }
  return undefined;
}
