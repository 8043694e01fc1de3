/**
 * The range of a query: the output periods (`from`/`to` as period starts) and the dates the scans
 * must read, reaching back as far as any window of an output period — and, for lookups computed
 * from KPIs, as far as their windows reach from the earliest period the outputs read.
 */
import { formatIsoDate, periodEnd, periodStart } from './calendar.js';
import type { Calendar, Grain, QueryRange, ScanPurpose, WindowSpec } from './ir.js';
import { windowRange } from './windows.js';

/** The range for the request's first and last days (undefined: the data's range). */
export function queryRange(
  from: Date | undefined,
  to: Date | undefined,
  grain: Grain,
  calendar: Calendar,
  windowsUsed: readonly { readonly purpose: ScanPurpose; readonly window: WindowSpec }[],
): QueryRange {
  const fromPeriod = from === undefined ? undefined : periodStart(from, grain, calendar);
  const toPeriod = to === undefined ? undefined : periodStart(to, grain, calendar);
  let scanFrom = fromPeriod;
  let valuesFrom = fromPeriod;
  if (fromPeriod !== undefined) {
    const reach = (kind: ScanPurpose['kind'], period: Date, earliest: Date): Date =>
      windowsUsed
        .filter((w) => (w.purpose.kind === 'main') === (kind === 'main'))
        .reduce((acc, w) => minDate(acc, windowRange(w.window, period, grain, calendar).start), earliest);
    const mainEarliest = reach('main', fromPeriod, fromPeriod);
    valuesFrom = periodStart(mainEarliest, grain, calendar);
    scanFrom = reach('lookup', valuesFrom, mainEarliest);
  }
  return {
    from: fromPeriod === undefined ? null : formatIsoDate(fromPeriod),
    to: toPeriod === undefined ? null : formatIsoDate(toPeriod),
    scanFrom: scanFrom === undefined ? null : formatIsoDate(scanFrom),
    valuesFrom: valuesFrom === undefined ? null : formatIsoDate(valuesFrom),
    scanTo: toPeriod === undefined ? null : formatIsoDate(periodEnd(toPeriod, grain)),
  };
}

function minDate(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}
