/**
 * A request to evaluate KPIs (which KPIs, at which grain, broken down by what, over which range)
 * checked against the resolved catalog. Every problem is a diagnostic with a `request` part naming
 * the field at fault; messages speak of the request, never of command-line flags (the CLI phrases
 * them in its own terms).
 */
import { runsByDefault } from '../model/kpi-status.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import { diagnostic, hasErrors, type Diagnostic, type PhaseResult, type RequestField } from '../diagnostics/diagnostic.js';
import { fileSpan, type Span } from '../diagnostics/span.js';
import { didYouMean } from '../diagnostics/suggest.js';
import type { ResolvedCatalog, ResolvedKpi } from '../resolve/resolved.js';
import { GRAINS, parseIsoDate } from './calendar.js';
import type { Grain } from './ir.js';

/** What to evaluate. */
export interface QueryRequest {
  /** KPI ids; default: every KPI that is not deprecated. */
  readonly kpis?: readonly string[] | undefined;
  /** Default: month. */
  readonly grain?: string | undefined;
  /** Breakdown dimensions, in output order; default: none. */
  readonly by?: readonly string[] | undefined;
  /** ISO dates (first and last day evaluated); default: the range of the data. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  /**
   * Breakdown values every requested KPI shows besides those its rows reach, one tuple per
   * combination, in `by` order: the members of an organisation, say, so that a rep without a
   * deal in the period gets bookings of 0 (and a baseline from history) rather than no row. Only
   * for breakdowns whose dimensions hold text.
   */
  readonly values?: readonly (readonly (string | null)[])[] | undefined;
  /**
   * Only the cells whose value of one breakdown dimension (of `by`) is one of `values` are
   * returned: the rest are computed where a figure needs them (a total, a window) but never leave
   * the query. How a consumer confines what a reader sees (src/access/) inside the query itself.
   */
  readonly only?: CellFilter | undefined;
}

/** A restriction of the returned cells to some values of one breakdown dimension. */
interface CellFilter {
  readonly dimension: string;
  /** Compared as text; an empty list returns no cell. */
  readonly values: readonly string[];
}

/** A request that makes sense for the catalog. */
export interface CheckedRequest {
  readonly kpis: readonly ResolvedKpi[];
  readonly grain: Grain;
  readonly by: readonly string[];
  readonly from: Date | undefined;
  readonly to: Date | undefined;
  readonly only: CellFilter | undefined;
  readonly values: readonly (readonly (string | null)[])[];
}

/**
 * The dimension names every result row already uses for its own fields. Compared without case:
 * DuckDB, Parquet readers and spreadsheet users all treat `Value` and `value` as one column.
 */
const RESERVED = new Set(['kpi', 'period', 'value']);

/** Checks a request; the value is undefined when any diagnostic is an error. */
export function checkRequest(resolved: ResolvedCatalog, request: QueryRequest): PhaseResult<CheckedRequest | undefined> {
  const at = requestSpan(resolved);
  const diagnostics: Diagnostic[] = [];
  const report = (code: DiagnosticCode, field: RequestField, value: string, message: string, hint?: string): void => {
    diagnostics.push(diagnostic(code, at, message, { hint, request: [{ field, value }] }));
  };
  const grain = request.grain ?? 'month';
  if (!(GRAINS as readonly string[]).includes(grain))
    report('query/unknown-grain', 'grain', grain, `unknown grain \`${grain}\``, `use one of ${GRAINS.join(', ')}`);
  const kpis: ResolvedKpi[] = [];
  const named = request.kpis ?? defaultKpis(resolved);
  named.forEach((id, i) => {
    const first = named.indexOf(id);
    if (first !== i) {
      if (named.indexOf(id, i + 1) < 0) report('query/repeated-kpi', 'kpis', id, `KPI \`${id}\` is named twice in the request`);
      return;
    }
    const kpi = resolved.kpis.get(id);
    if (kpi === undefined) report('query/unknown-kpi', 'kpis', id, `unknown KPI \`${id}\``, didYouMean(id, resolved.kpis.keys()));
    else kpis.push(kpi);
  });
  const by = [...(request.by ?? [])];
  diagnostics.push(...checkBreakdown(resolved, by, kpis, at));
  const from = parseDate(request.from, 'from', diagnostics, at);
  const to = parseDate(request.to, 'to', diagnostics, at);
  if (from !== undefined && to !== undefined && from > to) {
    const parts = [
      { field: 'from', value: request.from ?? '' },
      { field: 'to', value: request.to ?? '' },
    ] as const;
    const message = `the range starts on ${request.from ?? ''}, after its last day ${request.to ?? ''}`;
    diagnostics.push(diagnostic('query/empty-range', at, message, { request: parts }));
  }
  if (request.only !== undefined && !by.includes(request.only.dimension))
    throw new Error(`the cells are restricted by \`${request.only.dimension}\`, which the request does not break down by`);
  if (hasErrors(diagnostics)) return { value: undefined, diagnostics };
  for (const kpi of kpis) diagnostics.push(...grainWarning(kpi, grain as Grain));
  return {
    value: { kpis, grain: grain as Grain, by, from, to, values: textValues(resolved, by, request.values), only: request.only },
    diagnostics,
  };
}

/** The requested extra breakdown values, when every dimension holds text and each tuple fits. */
function textValues(
  resolved: ResolvedCatalog,
  by: readonly string[],
  values: QueryRequest['values'],
): readonly (readonly (string | null)[])[] {
  if (values === undefined || by.length === 0) return [];
  if (!by.every((d) => resolved.dimensions.get(d)?.type === 'string')) return [];
  return values.filter((t) => t.length === by.length);
}

/** Grains from the finest up. */
const GRAIN_ORDER: readonly Grain[] = ['day', 'week', 'month', 'quarter', 'year'];

/**
 * A KPI evaluated finer than its `grain:` (a quarterly quota by month) has a value in one period
 * of several, or part of one: said at the KPI's `grain:`, where its author stated it.
 */
function grainWarning(kpi: ResolvedKpi, grain: Grain): Diagnostic[] {
  const own = kpi.def.grain;
  if (own === undefined || GRAIN_ORDER.indexOf(grain) >= GRAIN_ORDER.indexOf(own.value)) return [];
  return [
    diagnostic(
      'query/grain-too-fine',
      own.span,
      `KPI \`${kpi.id}\` is evaluated by ${grain}, but it means something only by ${own.value} or longer: most ${grain}s would show no value, or part of one`,
      { hint: `evaluate it by ${own.value} (or year)` },
    ),
  ];
}

/** The KPIs of a request that names none: every KPI that is not deprecated (or retired). */
export function defaultKpis(resolved: ResolvedCatalog): string[] {
  return [...resolved.kpis.values()].filter((k) => runsByDefault(k.def.status.value)).map((k) => k.id);
}

/** Request problems have no place in the catalog of their own: they point at its root file. */
function requestSpan(resolved: ResolvedCatalog): Span {
  return fileSpan(resolved.catalog.meta?.file ?? 'catalog.yaml');
}

/** The breakdown: known dimensions, each once, declared by every source of every KPI. */
function checkBreakdown(resolved: ResolvedCatalog, by: readonly string[], kpis: readonly ResolvedKpi[], at: Span): Diagnostic[] {
  const out: Diagnostic[] = [];
  by.forEach((dim, i) => {
    const request = [{ field: 'by', value: dim }] as const;
    if (by.indexOf(dim) !== i) {
      if (by.indexOf(dim, i + 1) < 0)
        out.push(diagnostic('query/repeated-dimension', at, `dimension \`${dim}\` is named twice in the breakdown`, { request }));
      return;
    }
    if (RESERVED.has(dim.toLowerCase())) {
      const message = `dimension \`${dim}\` cannot be a breakdown: results already have a \`${dim.toLowerCase()}\` field`;
      out.push(diagnostic('query/reserved-dimension', at, message, { hint: 'rename the dimension', request }));
      return;
    }
    const known = resolved.dimensions.get(dim);
    if (known === undefined) {
      const hint = didYouMean(dim, resolved.dimensions.keys());
      out.push(diagnostic('query/unknown-dimension', at, `unknown dimension \`${dim}\``, { hint, request }));
      return;
    }
    // One diagnostic per source lacking the dimension (the fix is there), naming its KPIs.
    const lacking = new Map<string, ResolvedKpi[]>();
    for (const kpi of kpis) {
      for (const source of kpi.sources) {
        if (!known.sources.some((s) => s.source === source)) lacking.set(source, [...(lacking.get(source) ?? []), kpi]);
      }
    }
    for (const [source, readers] of lacking) out.push(missingDimension(resolved, readers, source, dim, at));
  });
  return out;
}

/** One diagnostic per source: every KPI that reads it is named, so one run tells the whole story. */
function missingDimension(resolved: ResolvedCatalog, kpis: readonly ResolvedKpi[], source: string, dim: string, at: Span): Diagnostic {
  const def = resolved.catalog.sources.get(source);
  const names = kpis.map((k) => `\`${k.id}\``);
  const message =
    kpis.length === 1
      ? `KPI ${names.join('')} cannot be broken down by \`${dim}\`: its source \`${source}\` does not declare that dimension`
      : `${kpis.length} KPIs cannot be broken down by \`${dim}\` because their source \`${source}\` does not declare that dimension: ${names.join(', ')}`;
  return diagnostic('query/missing-dimension', def?.idSpan ?? at, message, {
    hint: `declare \`${dim}\` under \`dimensions:\` of source \`${source}\`, or leave it out of the breakdown`,
    related: kpis.map((k) => ({ span: k.def.idSpan, message: `KPI \`${k.id}\` reads source \`${source}\`` })),
    request: [{ field: 'by', value: dim }],
  });
}

function parseDate(text: string | undefined, field: 'from' | 'to', out: Diagnostic[], at: Span): Date | undefined {
  if (text === undefined) return undefined;
  const date = parseIsoDate(text);
  if (date === undefined) {
    const which = field === 'from' ? 'first' : 'last';
    const message = `the ${which} day of the range must be a date from 0001-01-01 to 9999-12-31 written YYYY-MM-DD, not \`${text}\``;
    out.push(diagnostic('query/bad-date', at, message, { request: [{ field, value: text }] }));
  }
  return date;
}
