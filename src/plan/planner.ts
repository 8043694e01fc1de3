/**
 * The planner: from resolved KPIs and a run request (grain, breakdown, range) to the plan IR.
 * Walks each requested KPI's expression (inlining referenced KPIs) with the evaluation context —
 * time window, kept dimensions, per keys — and registers every aggregate in the scan that will
 * compute it.
 */
import { didYouMean } from '../diagnostics/suggest.js';
import { calendarOf } from '../model/calendar.js';
import type { ResolvedCatalog, ResolvedKpi } from '../resolve/resolved.js';
import type { KpiAggregate, KpiExpr, KpiPer, RowExpr } from '../resolve/types.js';
import { GRAINS, formatIsoDate, parseIsoDate, periodEnd, periodStart, type Grain } from './calendar.js';
import { fanOutKey } from './fan-out.js';
import { forEachKpi } from '../resolve/kpi-walk.js';
import type { CellExpr, Level, LookupTable, Output, PerTable, Plan, Scan } from './ir.js';
import { PlanRegistry, toScan, type ScanShape } from './registry.js';
import { scanJoinsAndLookups } from './scan-rows.js';
import { NO_WINDOW, checkWindow, composeWindow, isNoWindow, windowRange } from './windows.js';
import type { WindowSpec } from './ir.js';

/** What to evaluate. */
export interface PlanRequest {
  /** KPI ids; default: every KPI that is not deprecated. */
  readonly kpis?: readonly string[] | undefined;
  readonly grain?: string | undefined;
  readonly by?: readonly string[] | undefined;
  /** ISO dates; default: the range of the data. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

/** A plan, or why there is none: `usage` (the request is wrong) or `invalid` (the catalog can't do it). */
export type PlanResult =
  { readonly ok: true; readonly plan: Plan } | { readonly ok: false; readonly kind: 'usage' | 'invalid'; readonly message: string };

class PlanError extends Error {
  constructor(
    readonly kind: 'usage' | 'invalid',
    message: string,
  ) {
    super(message);
  }
}

interface Ctx {
  readonly purpose: string;
  readonly window: WindowSpec;
  readonly level: Level;
  /** The KPI being planned, for messages. */
  readonly kpi: string;
}

const EMPTY_ZERO = new Set(['count', 'count_distinct', 'sum']);

/** Plans the evaluation of KPIs. Never throws for a user mistake. */
export function planRun(resolved: ResolvedCatalog, request: PlanRequest): PlanResult {
  try {
    return { ok: true, plan: buildPlan(resolved, request) };
  } catch (e) {
    if (e instanceof PlanError) return { ok: false, kind: e.kind, message: e.message };
    throw e;
  }
}

function buildPlan(resolved: ResolvedCatalog, request: PlanRequest): Plan {
  const catalog = resolved.catalog;
  const calendar = calendarOf(catalog);
  const grain = (request.grain ?? 'month') as Grain;
  if (!GRAINS.includes(grain)) {
    throw new PlanError('usage', `unknown grain \`${request.grain}\`; use one of ${GRAINS.join(', ')}`);
  }
  const ids = request.kpis ?? [...resolved.kpis.values()].filter((k) => k.def.status.value !== 'deprecated').map((k) => k.id);
  const kpis: ResolvedKpi[] = ids.map((id) => {
    const kpi = resolved.kpis.get(id);
    if (kpi === undefined) {
      const hint = didYouMean(id, resolved.kpis.keys());
      throw new PlanError('usage', `unknown KPI \`${id}\`${hint === undefined ? '' : `; ${hint}`}`);
    }
    return kpi;
  });
  const by = [...(request.by ?? [])];
  for (const dim of by) {
    if (dim === 'kpi' || dim === 'period' || dim === 'value') {
      throw new PlanError(
        'usage',
        `dimension \`${dim}\` cannot be a breakdown: results already have a \`${dim}\` field; rename the dimension`,
      );
    }
    const known = resolved.dimensions.get(dim);
    if (known === undefined) {
      const hint = didYouMean(dim, resolved.dimensions.keys());
      throw new PlanError('usage', `unknown dimension \`${dim}\`${hint === undefined ? '' : `; ${hint}`}`);
    }
    if (by.indexOf(dim) !== by.lastIndexOf(dim)) throw new PlanError('usage', `dimension \`${dim}\` is named twice in --by`);
    for (const kpi of kpis) {
      for (const source of kpi.sources) {
        if (!known.sources.some((s) => s.source === source)) {
          throw new PlanError(
            'usage',
            `KPI \`${kpi.id}\` cannot be broken down by \`${dim}\`: its source \`${source}\` does not declare that dimension`,
          );
        }
      }
    }
  }
  const from = parseRequestDate(request.from, '--from');
  const to = parseRequestDate(request.to, '--to');
  if (from !== undefined && to !== undefined && from > to)
    throw new PlanError('usage', `--from ${request.from} is after --to ${request.to}`);

  const registry = new PlanRegistry();
  const pers: PerTable[] = [];
  const lookupTables = new Map<string, LookupTable>();
  const windowsUsed: { purpose: string; window: WindowSpec }[] = [];
  const base: Level = { dims: by, keys: [] };

  const walk = (expr: KpiExpr, ctx: Ctx): CellExpr => {
    switch (expr.kind) {
      case 'literal':
        return { kind: 'literal', value: expr.value, sqlType: expr.type === 'date' ? 'date' : undefined };
      case 'kpi': {
        const target = resolved.kpis.get(expr.id);
        if (target === undefined) throw new Error(`unresolved KPI ${expr.id}`);
        return walk(target.expr, ctx);
      }
      case 'aggregate':
        return aggregate(expr, ctx);
      case 'binary':
        return { kind: 'binary', op: expr.op, left: walk(expr.left, ctx), right: walk(expr.right, ctx) };
      case 'unary':
        return { kind: 'unary', op: expr.op, operand: walk(expr.operand, ctx) };
      case 'call':
        return { kind: 'call', fn: expr.fn, args: expr.args.map((a) => walk(a, ctx)) };
      case 'predicate':
        return {
          kind: 'predicate',
          test: expr.test,
          negated: expr.negated,
          operand: walk(expr.operand, ctx),
          args: expr.args.map((a) => walk(a, ctx)),
        };
      case 'window': {
        const window = composeWindow(ctx.window, expr.window);
        if (typeof window === 'string') throw new PlanError('invalid', `KPI \`${ctx.kpi}\`: ${window}`);
        return walk(expr.expr, { ...ctx, window });
      }
      case 'total':
        return walk(expr.expr, { ...ctx, level: { dims: ctx.level.dims.filter((d) => expr.keep.includes(d)), keys: ctx.level.keys } });
      case 'per':
        return per(expr.fn, expr.expr, expr.keys, ctx, expr.n, undefined);
      default: {
        const never: never = expr;
        return never;
      }
    }
  };

  const per = (
    fn: PerTable['fn'],
    inner: KpiExpr,
    keys: KpiPer['keys'],
    ctx: Ctx,
    n: number | undefined,
    fraction: number | undefined,
  ): CellExpr => {
    const keyId = registry.key(keys);
    const innerLevel: Level = { dims: ctx.level.dims, keys: [...ctx.level.keys, keyId] };
    const innerCtx = { ...ctx, level: innerLevel };
    const value = walk(inner, innerCtx);
    const presence = presenceOf(inner, innerCtx);
    const id = `p${pers.length}`;
    pers.push({ id, fn, n, fraction, outer: ctx.level, inner: innerLevel, value, presence });
    return { kind: 'measure', table: id, column: 'value', level: ctx.level, empty: fn === 'sum' || fn === 'count' ? 0 : null };
  };

  /** Rows of the inner level count for a per only when some aggregate of E has a matching row. */
  const presenceOf = (inner: KpiExpr, ctx: Ctx): CellExpr => {
    const groups = new Map<string, { agg: KpiAggregate; filters: (RowExpr | undefined)[] }>();
    for (const agg of aggregatesOf(inner, resolved)) {
      const k = `${agg.source}\u0000${agg.anchor ?? ''}`;
      const g = groups.get(k) ?? { agg, filters: [] };
      g.filters.push(agg.filter);
      groups.set(k, g);
    }
    let total: CellExpr | undefined;
    for (const { agg, filters } of groups.values()) {
      const filter = filters.some((f) => f === undefined)
        ? undefined
        : filters.reduce<RowExpr | undefined>(
            (acc, f) => (acc === undefined ? f : { kind: 'binary', op: 'or', left: acc, right: f as RowExpr, type: 'boolean' }),
            undefined,
          );
      // Presence is a row count: it shares its column with any equal count(…) of the scan.
      const m = measureAt({ ...agg, fn: 'count', value: undefined, filter, last: false }, 'count', ctx);
      total = total === undefined ? m : { kind: 'binary', op: '+', left: total, right: m };
    }
    return total ?? { kind: 'literal', value: 1 };
  };

  const aggregate = (agg: KpiAggregate, ctx: Ctx): CellExpr => {
    const key = fanOutKey(agg, catalog);
    if (key !== undefined && ['sum', 'avg', 'count', 'median', 'percentile'].includes(agg.fn)) {
      // Values reached through a join count each joined row once per cell: combine per join key.
      const inner: KpiAggregate = { ...agg, fn: 'max' };
      return per(agg.fn, inner, [{ source: agg.source, key }], ctx, undefined, agg.fraction);
    }
    if (agg.fn === 'avg') {
      const sum = measureAt({ ...agg, fn: 'sum' }, 'sum', ctx);
      const count = measureAt({ ...agg, fn: 'count' }, 'count', ctx);
      return { kind: 'binary', op: '/', left: sum, right: count };
    }
    return measureAt(agg, agg.fn, ctx);
  };

  const measureAt = (agg: KpiAggregate, fn: KpiAggregate['fn'], ctx: Ctx): CellExpr => {
    const anchor = agg.anchor ?? null;
    const window = anchor === null ? NO_WINDOW : ctx.window;
    const spec = { fn, value: agg.value, filter: agg.filter, fraction: agg.fraction };
    const empty = EMPTY_ZERO.has(fn) ? 0 : null;
    const shape = (mode: ScanShape['mode'], w?: WindowSpec): ScanShape => ({
      purpose: ctx.purpose,
      source: agg.source,
      anchor,
      mode,
      last: agg.last,
      window: w,
      lastLevel: agg.last ? JSON.stringify(ctx.level) : undefined,
    });
    const decomposable = (fn === 'count' || fn === 'sum' || fn === 'min' || fn === 'max') && !agg.last;
    const reagg = fn === 'min' || fn === 'max' ? fn : 'sum';
    // A decomposable measure at a level with fewer breakdown dimensions (inside total()) is rolled
    // up from the full breakdown's partials, so the scan groups its rows once.
    const full: Level = { dims: by, keys: ctx.level.keys };
    const rollup = decomposable && ctx.level.dims.length < by.length;
    const partialAt = (): { table: string; column: string; scan: string; rollup?: string } => {
      if (!rollup) {
        const m = registry.measure(shape('partials'), ctx.level, spec);
        return { table: m.scan, column: m.column, scan: m.scan };
      }
      const p = registry.measure(shape('partials'), full, spec);
      const r = registry.rollupMeasure(p.scan, full, ctx.level, reagg, p.column);
      return { table: r.table, column: r.column, scan: p.scan, rollup: r.table };
    };
    if (isNoWindow(window)) {
      const m = partialAt();
      return { kind: 'measure', table: m.table, column: m.column, level: ctx.level, empty };
    }
    const check = checkWindow(window, grain);
    if (typeof check === 'string') throw new PlanError('invalid', `KPI \`${ctx.kpi}\` at grain ${grain}: ${check}`);
    windowsUsed.push({ purpose: ctx.purpose, window });
    if (decomposable && check.aligned) {
      const partial = partialAt();
      const m = registry.windowMeasure(partial.scan, ctx.level, window, reagg, partial.column, partial.rollup);
      return { kind: 'measure', table: m.table, column: m.column, level: ctx.level, empty };
    }
    const m = registry.measure(shape('rows-window', window), ctx.level, spec);
    return { kind: 'measure', table: m.scan, column: m.column, level: ctx.level, empty };
  };

  const outputs: Output[] = kpis.map((kpi) => {
    const ctx: Ctx = { purpose: 'main', window: NO_WINDOW, level: base, kpi: kpi.id };
    const expr = walk(kpi.expr, ctx);
    // Every source of the KPI gets a base-level row count: it decides the grid's breakdown values.
    for (const agg of aggregatesOf(kpi.expr, resolved)) {
      registry.measure({ purpose: 'main', source: agg.source, anchor: agg.anchor ?? null, mode: 'partials', last: false }, base, {
        fn: 'count',
      });
    }
    return { kpi: kpi.id, expr, sources: kpi.sources };
  });

  // Lookups used by scans are planned as their own computations (which may use more lookups).
  const planned = new Set<string>();
  for (let changed = true; changed;) {
    changed = false;
    for (const draft of registry.scanDrafts()) {
      for (const lookupId of scanJoinsAndLookups(draft, resolved, registry.planKeys()).lookups.map((l) => l.lookup)) {
        if (planned.has(lookupId)) continue;
        planned.add(lookupId);
        changed = true;
        const lookup = resolved.lookups.get(lookupId);
        if (lookup === undefined) throw new Error(`unresolved lookup ${lookupId}`);
        if (lookup.kind === 'rows') {
          lookupTables.set(lookupId, { id: `l_${lookupTables.size}`, lookup: lookupId, rows: lookup.rows, default: lookup.default });
          continue;
        }
        const kpi = resolved.kpis.get(lookup.kpi);
        if (kpi === undefined) throw new Error(`unresolved KPI ${lookup.kpi}`);
        const keyId = registry.key(lookup.keys);
        const level: Level = { dims: [], keys: [keyId] };
        const ctx: Ctx = {
          purpose: `lookup:${lookupId}`,
          window: { shifts: [], range: { kind: 'before', length: lookup.window } },
          level,
          kpi: kpi.id,
        };
        const value = walk(kpi.expr, ctx);
        const presence = presenceOf(kpi.expr, ctx);
        // Unwindowed row counts give the lookup's own data range (the periods it is computed for).
        for (const agg of aggregatesOf(kpi.expr, resolved)) {
          registry.measure(
            { purpose: ctx.purpose, source: agg.source, anchor: agg.anchor ?? null, mode: 'partials', last: false },
            { dims: [], keys: [] },
            { fn: 'count' },
          );
        }
        lookupTables.set(lookupId, {
          id: `l_${lookupTables.size}`,
          lookup: lookupId,
          computed: { level, value, presence },
          default: lookup.default,
        });
      }
    }
  }

  const scans: Scan[] = registry.scanDrafts().map((draft) => {
    const { joins, lookups } = scanJoinsAndLookups(draft, resolved, registry.planKeys());
    return toScan(draft, joins, lookups);
  });

  const fromPeriod = from === undefined ? undefined : periodStart(from, grain, calendar);
  const toPeriod = to === undefined ? undefined : periodStart(to, grain, calendar);
  let scanFrom = fromPeriod;
  if (fromPeriod !== undefined) {
    let earliest = fromPeriod;
    for (const { purpose, window } of windowsUsed)
      if (purpose === 'main') earliest = minDate(earliest, windowRange(window, fromPeriod, grain, calendar).start);
    const mainEarliest = periodStart(earliest, grain, calendar);
    for (const { purpose, window } of windowsUsed)
      if (purpose !== 'main') earliest = minDate(earliest, windowRange(window, mainEarliest, grain, calendar).start);
    scanFrom = earliest;
  }
  return {
    grain,
    calendar,
    by,
    range: {
      from: fromPeriod === undefined ? null : formatIsoDate(fromPeriod),
      to: toPeriod === undefined ? null : formatIsoDate(toPeriod),
      scanFrom: scanFrom === undefined ? null : formatIsoDate(scanFrom),
      scanTo: toPeriod === undefined ? null : formatIsoDate(periodEnd(toPeriod, grain)),
    },
    dimensions: by.map((name) => ({
      name,
      bySource: (resolved.dimensions.get(name)?.sources ?? []).map((s) => ({ source: s.source, expr: s.expr })),
    })),
    keys: registry.planKeys(),
    lookups: [...lookupTables.values()],
    scans,
    rollups: registry.planRollups(),
    windows: registry.planWindows(),
    pers,
    outputs,
  };
}

function minDate(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

function parseRequestDate(text: string | undefined, flag: string): Date | undefined {
  if (text === undefined) return undefined;
  const date = parseIsoDate(text);
  if (date === undefined) throw new PlanError('usage', `${flag} needs a date written YYYY-MM-DD, not \`${text}\``);
  return date;
}

/** Every row aggregate inside an expression, through referenced KPIs. */
function aggregatesOf(expr: KpiExpr, resolved: ResolvedCatalog, out: KpiAggregate[] = []): KpiAggregate[] {
  forEachKpi(expr, (e) => {
    if (e.kind === 'aggregate') out.push(e);
    else if (e.kind === 'kpi') {
      const target = resolved.kpis.get(e.id);
      if (target !== undefined) aggregatesOf(target.expr, resolved, out);
    }
  });
  return out;
}
