/**
 * Planning `as at` aggregates: which points fit the grain and which windows they may sit in, and
 * the states (interval, change log) of the sources that point scans read.
 */
import { diagnostic } from '../diagnostics/diagnostic.js';
import { moneyScale } from '../model/money-scale.js';
import type { Catalog, ColumnType } from '../model/types.js';
import { changeLogOf, trackedFields } from '../resolve/point-in-time.js';
import type { Grain, PeriodPoint, Scan, SourceColumnType, SourceState, WindowSpec } from './ir.js';
import { reportOnce, type PlannerState, type WalkContext } from './planner-state.js';
import { isNoWindow } from './windows.js';

/** The fewest days a period of each grain has, and how many whole months it holds. */
const SHORTEST: Readonly<Record<Grain, { readonly days: number; readonly months: number }>> = {
  day: { days: 1, months: 0 },
  week: { days: 7, months: 0 },
  month: { days: 28, months: 1 },
  quarter: { days: 89, months: 3 },
  year: { days: 365, months: 12 },
};

/** `end`, `start`, `week 3`. */
function describePoint(point: PeriodPoint): string {
  return point.n === undefined ? point.at : `${point.at} ${point.n}`;
}

/** Why `point` can fall outside a period of `grain`, or undefined when it always falls inside. */
function pointOutside(point: PeriodPoint, grain: Grain): string | undefined {
  const n = point.n ?? 1;
  const shortest = SHORTEST[grain];
  const fits =
    point.at === 'end' ||
    point.at === 'start' ||
    (point.at === 'day' && n <= shortest.days) ||
    (point.at === 'week' && 7 * n <= shortest.days) ||
    (point.at === 'month' && n <= shortest.months);
  if (fits) return undefined;
  const unit =
    point.at === 'month'
      ? `${shortest.months} month${shortest.months === 1 ? '' : 's'}`
      : `${shortest.days} day${shortest.days === 1 ? '' : 's'}`;
  return `\`as at ${describePoint(point)}\` falls after the end of some ${grain} periods (the shortest has ${unit})`;
}

/**
 * Checks an `as at` aggregate in its context: the point must fall inside every period of the
 * grain, and the only windows it may sit in are shifts (`prior`, `change`, `growth`) of counts,
 * sums, minima and maxima, which read the partials of another period. False after reporting.
 */
export function checkPointWindow(
  state: PlannerState,
  point: PeriodPoint,
  window: WindowSpec,
  decomposable: boolean,
  ctx: WalkContext,
): boolean {
  const outside = pointOutside(point, state.grain);
  if (outside !== undefined) {
    reportOnce(
      state,
      diagnostic('query/point-outside-period', ctx.windowSpan, `KPI \`${ctx.kpi}\` at grain ${state.grain}: ${outside}`, {
        hint: 'use a point every period of the grain has, or a coarser grain',
      }),
    );
    return false;
  }
  if (isNoWindow(window) || (window.range === undefined && decomposable)) return true;
  const why =
    window.range === undefined
      ? 'a shifted median, percentile, distinct count or balance of rows read `as at` a point is not supported'
      : `${window.range.kind === 'to_date' ? 'to_date' : window.range.kind === 'rolling' ? 'rolling' : 'a lookup window'} would add up states at several points`;
  reportOnce(
    state,
    diagnostic('query/point-in-window', ctx.windowSpan, `KPI \`${ctx.kpi}\`: ${why}`, {
      hint: 'compare points with prior(E, d), change(E, d) or growth(E, d) over a sum or count, or average them with a KPI of its own',
    }),
  );
  return false;
}

/** The IR name of a declared column type (the same words). */
function sourceColumnType(type: ColumnType): SourceColumnType {
  return type;
}

/** The states of the sources read by point scans, in order of first use. */
export function planStates(catalog: Catalog, scans: readonly Scan[]): SourceState[] {
  const out: SourceState[] = [];
  for (const scan of scans) {
    if (scan.point === undefined || out.some((s) => s.source === scan.source)) continue;
    const source = catalog.sources.get(scan.source);
    if (source === undefined) continue;
    const interval = source.interval === undefined ? undefined : { from: source.interval.from.value, to: source.interval.to?.value };
    const logSource = changeLogOf(catalog, source.id);
    const changes = logSource?.changes;
    const fields = logSource === undefined ? undefined : trackedFields(logSource);
    const log =
      changes === undefined || fields === undefined || source.key === undefined
        ? undefined
        : {
            source: logSource?.id ?? '',
            entityKey: source.key.value,
            key: changes.key.value,
            at: changes.at.value,
            field: changes.field.value,
            old: changes.old.value,
            new: changes.new.value,
            fields: fields.flatMap((f) => {
              const column = source.columns.get(f.value);
              if (column === undefined) return [];
              const type = sourceColumnType(column.type.value);
              return [type === 'money' ? { column: f.value, type, scale: moneyScale(column) } : { column: f.value, type }];
            }),
          };
    out.push({
      source: source.id,
      columns: [...source.columns.keys()],
      ...(source.key !== undefined ? { key: source.key.value } : {}),
      ...(interval !== undefined ? { interval } : {}),
      ...(log !== undefined ? { log } : {}),
    });
  }
  return out;
}
