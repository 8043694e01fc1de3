/**
 * The planner: from resolved KPIs and a request (KPIs, grain, breakdown, range) to the query plan.
 * It checks the request, walks each requested KPI's expression with its evaluation context
 * (`walk-kpi.ts`), plans the lookups the scans use (`lookup-tables.ts`), then gives each scan its
 * joins and lookups and the plan its range.
 */
import { diagnostic, hasErrors, type Diagnostic, type PhaseResult } from '../diagnostics/diagnostic.js';
import { fileSpan } from '../diagnostics/span.js';
import { isExactKpi } from '../resolve/exact.js';
import { calendarOf } from '../model/calendar.js';
import type { ResolvedCatalog, ResolvedKpi } from '../resolve/resolved.js';
import type { Output, QueryDimension, QueryPlan } from './ir.js';
import type { Level } from './ir-expr.js';
import { planLookups } from './lookup-tables.js';
import { newPlannerState, type PlannerState } from './planner-state.js';
import { queryRange } from './query-range.js';
import { toScan } from './registry.js';
import { checkRequest, type CheckedRequest, type QueryRequest } from './request.js';
import { rowToIr } from './row-to-ir.js';
import { scanJoinsAndLookups } from './scan-rows.js';
import { aggregatesOf, walkKpi } from './walk-kpi.js';
import { NO_WINDOW } from './windows.js';
import { planStates } from './point-scans.js';

/**
 * Plans the evaluation of KPIs. A request that does not fit the catalog (an unknown KPI, a window
 * with no meaning at the grain…) gives diagnostics and no plan; it never throws for a user mistake.
 */
export function planQuery(resolved: ResolvedCatalog, request: QueryRequest): PhaseResult<QueryPlan | undefined> {
  const checked = checkRequest(resolved, request);
  if (checked.value === undefined) return { value: undefined, diagnostics: checked.diagnostics };
  const state = newPlannerState(resolved, checked.value.grain, checked.value.by);
  const plan = buildQueryPlan(state, checked.value);
  const diagnostics = [...checked.diagnostics, ...state.diagnostics, ...rangeBeforeYearOne(resolved, plan, request)];
  return { value: hasErrors(diagnostics) ? undefined : plan, diagnostics };
}

function buildQueryPlan(state: PlannerState, request: CheckedRequest): QueryPlan {
  const { resolved, registry, grain, by } = state;
  const calendar = calendarOf(resolved.catalog);
  const dimensions = planDimensions(resolved, by);
  const outputs = request.kpis.map((kpi) => planOutput(state, kpi));
  const lookups = planLookups(state, dimensions);
  const keys = registry.queryKeys();
  const scans = registry.scanDrafts().map((draft) => {
    const { joins, lookups: used } = scanJoinsAndLookups(draft, resolved.catalog, dimensions, keys);
    return toScan(draft, joins, used);
  });
  return {
    grain,
    calendar,
    by,
    values: request.values,
    range: queryRange(request.from, request.to, grain, calendar, state.windowsUsed),
    dimensions,
    keys,
    lookups,
    states: planStates(resolved.catalog, scans),
    scans,
    rollups: registry.rollupTables(),
    windows: registry.windowTables(),
    pers: state.pers,
    outputs,
    ...(request.only === undefined ? {} : { only: request.only }),
  };
}

/** The breakdown dimensions with their expression in each source that declares them. */
function planDimensions(resolved: ResolvedCatalog, by: readonly string[]): QueryDimension[] {
  return by.map((name) => ({
    name,
    bySource: (resolved.dimensions.get(name)?.sources ?? []).map((s) => ({ source: s.source, expr: rowToIr(s.expr) })),
  }));
}

/** A requested KPI at the base level; every source it reads gets a base-level row count, which decides the grid's breakdown values. */
function planOutput(state: PlannerState, kpi: ResolvedKpi): Output {
  const base: Level = { dims: state.by, keys: [] };
  const expr = walkKpi(state, kpi.expr, {
    purpose: { kind: 'main' },
    window: NO_WINDOW,
    level: base,
    kpi: kpi.id,
    windowSpan: kpi.def.idSpan,
  });
  for (const agg of aggregatesOf(kpi.expr, state.resolved)) {
    const point = agg.point === undefined ? {} : { point: agg.point };
    const shape = {
      purpose: { kind: 'main' },
      source: agg.source,
      anchor: agg.anchor ?? null,
      mode: 'partials',
      last: false,
      ...point,
    } as const;
    state.registry.measure(shape, base, { fn: 'count' });
  }
  return { kpi: kpi.id, expr, sources: kpi.sources, exact: isExactKpi(state.resolved, kpi) };
}

/**
 * Dates run from 0001-01-01: a range whose KPIs' windows read further back (`prior(x, 1 year)`
 * from 0001) cannot be computed, and says how far back they read.
 */
function rangeBeforeYearOne(resolved: ResolvedCatalog, plan: QueryPlan, request: QueryRequest): Diagnostic[] {
  const reach = plan.range.scanFrom;
  if (reach === null || !reach.endsWith('(BC)')) return [];
  const message = `the range starting ${request.from ?? ''} needs data from ${reach} for the windows of its KPIs; dates run from 0001-01-01`;
  return [
    diagnostic('query/date-out-of-range', fileSpan(resolved.catalog.meta?.file ?? 'catalog.yaml'), message, {
      hint: 'start the range later',
      request: [{ field: 'from', value: request.from ?? '' }],
    }),
  ];
}
