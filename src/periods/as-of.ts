/**
 * The data's as-of date: the last day the data is complete up to. Every reader of figures shows
 * it and judges periods by it — the period containing it is incomplete, and a period after it
 * has not happened (no value, except for KPIs that look forward by design, `horizon: forward`).
 *
 * Where it comes from, first match wins:
 * 1. the catalog's `as_of:` (a day the author knows, e.g. the export date);
 * 2. else the latest **event** in the sources: for each source, the latest of its rows' event
 *    dates — its `as_of:` row formula, else its time anchor; `as_of: false` leaves a source out.
 *    Only events count, things that happened: an open deal's close date is the day it is
 *    *expected* to close (so the opportunities source says `as_of: if(closed, close_date,
 *    created_date)`), and a quota dated on its quarter's first day is a plan (`as_of: false`).
 *    A source without `time:` counts only with a formula.
 * The latest rather than a typical last day: the data reaches as far as its newest event, and a
 * source that lags (a monthly ledger dated on the 1st) does not hold the others back. A source
 * whose files are missing or break their contract is left out (a run that reads it says why).
 */
import type { Database } from '../engine/duckdb.js';
import { addDays, formatIsoDate, parseIsoDate } from '../query/calendar.js';
import { runKpis, type Failure, type ResultRow } from '../pipeline.js';
import { syntheticKpi, withKpis } from '../resolve/extend.js';
import type { ResolvedCatalog } from '../resolve/resolved.js';
import type { KpiAggregate, RowExpr } from '../resolve/types.js';

/** The as-of date and where it comes from. */
export interface DataAsOf {
  /** ISO day: the data is complete up to and including it. */
  readonly date: string;
  /** `declared`: the catalog's `as_of:`; `events`: the latest event in the sources. */
  readonly origin: 'declared' | 'events';
  /** For `events`: each counted source's latest event day, by source id. */
  readonly sources: ReadonlyMap<string, string>;
}

/** How the as-of date reads in a note: `2026-09-30 (the latest event in 6 sources)`. */
export function describeAsOf(asOf: DataAsOf): string {
  if (asOf.origin === 'declared') return `${asOf.date} (declared in catalog.yaml)`;
  const latest = [...asOf.sources].filter(([, day]) => day === asOf.date).map(([s]) => s);
  return `${asOf.date} (the latest event in ${latest.length === 1 ? `source \`${latest[0] ?? ''}\`` : `${latest.length} sources`})`;
}

const EPOCH = '1970-01-01';

/** `max(days_between(1970-01-01, E))` over every row of a source, whatever its period. */
function latestEvent(source: string, event: RowExpr, span: KpiAggregate['span']): KpiAggregate {
  const days: RowExpr = {
    kind: 'call',
    fn: 'days_between',
    args: [{ kind: 'literal', value: EPOCH, type: 'date' }, event],
    type: 'number',
    unit: 'days',
  };
  return { kind: 'aggregate', fn: 'max', source, anchor: undefined, value: days, filter: undefined, last: false, span, type: 'number' };
}

/** Each source's events as a row expression, for the sources that have some. */
function eventExpressions(resolved: ResolvedCatalog): Map<string, RowExpr> {
  const out = new Map<string, RowExpr>();
  for (const [id, events] of resolved.events) {
    const source = resolved.catalog.sources.get(id);
    if (source === undefined) continue;
    switch (events.kind) {
      case 'none':
        break;
      case 'formula':
        if (events.expr.type === 'date' || events.expr.type === 'timestamp') out.set(id, events.expr);
        break;
      case 'anchor': {
        const type = source.columns.get(events.column)?.type.value;
        if (type === 'date' || type === 'timestamp') out.set(id, { kind: 'column', path: [], source: id, column: events.column, type });
        break;
      }
      default: {
        const never: never = events;
        return never;
      }
    }
  }
  return out;
}

/**
 * The data's as-of date: declared, or read from the sources' latest events (their data checked
 * like any run's). Undefined when the catalog declares none and no source has an event.
 */
export async function dataAsOf(
  resolved: ResolvedCatalog,
  options: { readonly dataDir: string; readonly db?: Database | undefined },
): Promise<DataAsOf | undefined | Failure> {
  const declared = resolved.catalog.meta?.asOf;
  if (declared !== undefined) {
    if (parseIsoDate(declared.value) === undefined)
      return {
        ok: false,
        kind: 'invalid',
        message: `\`as_of: ${declared.value}\` in catalog.yaml is not a calendar date`,
        diagnostics: [],
      };
    return { date: declared.value, origin: 'declared', sources: new Map() };
  }
  const like = resolved.kpis.values().next().value;
  const events = eventExpressions(resolved);
  if (like === undefined || events.size === 0) return undefined;
  const ids = [...events.keys()].sort();
  const kpis = ids.map((s, i) => syntheticKpi(resolved, `__as_of_${i}`, latestEvent(s, events.get(s) as RowExpr, like.def.idSpan), like));
  const extended = withKpis(resolved, kpis);
  // Aggregates without a time anchor have the same value in every period: one period is enough.
  const run = (ids: readonly string[]): ReturnType<typeof runKpis> =>
    runKpis(extended, { kpis: ids, grain: 'year', from: EPOCH, to: EPOCH }, { dataDir: options.dataDir, db: options.db });
  let rows: ResultRow[] = [];
  const all = await run(kpis.map((k) => k.id));
  if (all.ok) rows = [...all.rows];
  else {
    // A source whose files are missing or break their contract is left out of the as-of date,
    // not made the problem of a run that does not read it (a run that does reports it).
    for (const k of kpis) {
      const one = await run([k.id]);
      if (one.ok) rows.push(...one.rows);
    }
  }
  const epoch = parseIsoDate(EPOCH) as Date;
  const sources = new Map<string, string>();
  for (const row of rows) {
    const source = ids[Number(row.kpi.slice('__as_of_'.length))];
    if (source === undefined || row.value === null) continue;
    sources.set(source, formatIsoDate(addDays(epoch, Math.floor(row.value))));
  }
  const days = [...sources.values()].sort();
  const date = days[days.length - 1];
  return date === undefined ? undefined : { date, origin: 'events', sources };
}
