/**
 * The default period of judgement: the latest one that is complete as of the data's as-of date
 * (as-of.ts) — the period containing that day when it is the period's last day, else the one
 * before. A period that ends after it is incomplete: its figures are partial.
 */
import type { CalendarDef } from '../model/types.js';
import { addDays, parseIsoDate } from '../query/calendar.js';
import { periodContaining, type Period, type PeriodGrain } from './period.js';

/** The latest period of `grain` whose last day is on or before `asOf` (an ISO date). */
export function latestCompletePeriod(asOf: string, grain: PeriodGrain, calendar: CalendarDef): Period {
  const day = parseIsoDate(asOf);
  if (day === undefined) throw new Error(`not an ISO date: ${asOf}`);
  const containing = periodContaining(day, grain, calendar);
  if (containing.last === asOf) return containing;
  const start = parseIsoDate(containing.start);
  if (start === undefined) throw new Error(`not an ISO date: ${containing.start}`);
  return periodContaining(addDays(start, -1), grain, calendar);
}
