/**
 * Time windows: composing `prior`/`rolling`/`to_date` into one {@link WindowSpec}, deciding whether
 * a window is a union of whole periods (so partials can be re-aggregated), and the earliest date a
 * window reaches (so scans read enough history).
 */
import type { TimeWindow } from '../resolve/types.js';
import { addDuration, isWholePeriods, periodEnd, periodStart, unitAlignsWithGrain, unitSize } from './calendar.js';
import type { Calendar, Grain, WindowSpec } from './ir.js';

/** The window of the period itself. */
export const NO_WINDOW: WindowSpec = { shifts: [] };

/** Whether a spec is the period itself. */
export function isNoWindow(w: WindowSpec): boolean {
  return w.shifts.length === 0 && w.range === undefined;
}

/** Adds `inner` (a window inside the current one) to `outer`; an error text when they don't compose. */
export function composeWindow(outer: WindowSpec, inner: TimeWindow): WindowSpec | string {
  if (inner.kind === 'shift') return { shifts: [...outer.shifts, inner.offset], range: outer.range };
  if (outer.range !== undefined) {
    return `${inner.kind === 'rolling' ? 'rolling' : 'to_date'}() inside ${outer.range.kind === 'rolling' ? 'rolling' : outer.range.kind === 'to_date' ? 'to_date' : 'a lookup window'}() has no single meaning`;
  }
  return {
    shifts: outer.shifts,
    range: inner.kind === 'rolling' ? { kind: 'rolling', length: inner.length } : { kind: 'to_date', unit: inner.unit },
  };
}

/**
 * Checks a window against the grain: an error text when it has no meaning (a to_date unit or a
 * shift shorter than the grain), else whether it is a union of whole periods.
 */
export function checkWindow(w: WindowSpec, grain: Grain): { readonly aligned: boolean } | string {
  for (const s of w.shifts) {
    if (!isWholePeriods(s, grain) && isShorterThan(s, grain)) return `a shift of ${s.amount} ${s.unit}(s) is shorter than a ${grain}`;
  }
  const range = w.range;
  if (range === undefined) return { aligned: true };
  if (range.kind === 'to_date') {
    if (isShorterThan({ amount: 1, unit: range.unit }, grain) && range.unit !== grain)
      return `to_date(…, ${range.unit}) needs a grain of ${range.unit} or finer, not ${grain}`;
    return { aligned: unitAlignsWithGrain(range.unit, grain) };
  }
  if (isShorterThan(range.length, grain)) return `a window of ${range.length.amount} ${range.length.unit}(s) is shorter than a ${grain}`;
  return { aligned: isWholePeriods(range.length, grain) };
}

function approxDays(amount: number, unit: Parameters<typeof unitSize>[0]): number {
  const size = unitSize(unit);
  return 'months' in size ? size.months * amount * 30.4 : size.days * amount;
}

function isShorterThan(d: { amount: number; unit: Parameters<typeof unitSize>[0] }, grain: Grain): boolean {
  return approxDays(d.amount, d.unit) < approxDays(1, grain) - 0.5;
}

/** The date range `[start, end)` a window covers for the period starting `period`. */
export function windowRange(w: WindowSpec, period: Date, grain: Grain, calendar: Calendar): { start: Date; end: Date } {
  let p = period;
  for (const s of w.shifts) p = periodStart(addDuration(p, s, -1), grain, calendar);
  const end = periodEnd(p, grain);
  const range = w.range;
  if (range === undefined) return { start: p, end };
  switch (range.kind) {
    case 'rolling':
      return { start: addDuration(end, range.length, -1), end };
    case 'to_date':
      return { start: periodStart(p, range.unit, calendar), end };
    case 'before':
      return { start: addDuration(p, range.length, -1), end: p };
    default: {
      const never: never = range;
      return never;
    }
  }
}
