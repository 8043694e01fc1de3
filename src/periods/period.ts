/**
 * Periods of judgement on the catalog's fiscal calendar — the periods a scorecard, a pay plan or
 * an alert is evaluated for: labels (`2026` = the fiscal year that starts in 2026, `2026-Q2` = its
 * second quarter, `2026-05` = a calendar month), parsing a label or a date, and positions in the
 * fiscal year. Plain data: a period is four strings.
 */
import type { CalendarDef } from '../model/types.js';
import { addDays, addMonths, formatIsoDate, parseIsoDate, periodStart, utcDate } from '../query/calendar.js';

/** The grains periods of judgement come in (scorecards, targets, seasonal shares). */
export const PERIOD_GRAINS = ['month', 'quarter', 'year'] as const;

/** A grain of judgement. */
export type PeriodGrain = (typeof PERIOD_GRAINS)[number];

/** One period of a grain of judgement. */
export interface Period {
  readonly grain: PeriodGrain;
  /** First day, ISO. */
  readonly start: string;
  /** Last day (inclusive), ISO. */
  readonly last: string;
  /** `2026-Q2`, `2026-05` or `2026`. */
  readonly label: string;
}

const MONTHS_OF: Record<PeriodGrain, number> = { month: 1, quarter: 3, year: 12 };

/** Length of a grain in months. */
export function grainMonths(grain: PeriodGrain): number {
  return MONTHS_OF[grain];
}

/** The UTC date of an ISO day; throws on anything else (a bug: periods hold ISO days only). */
export function utcDay(iso: string): Date {
  const d = parseIsoDate(iso);
  if (d === undefined) throw new Error(`not an ISO date: ${iso}`);
  return d;
}

/** Months from the start of the fiscal year to `start`. */
export function monthsIntoYear(start: Date, calendar: CalendarDef): number {
  const fy = periodStart(start, 'year', calendar);
  return (start.getUTCFullYear() - fy.getUTCFullYear()) * 12 + start.getUTCMonth() - fy.getUTCMonth();
}

/** The label of the period of `grain` that starts on `start`. */
function periodLabel(start: Date, grain: PeriodGrain, calendar: CalendarDef): string {
  const year = periodStart(start, 'year', calendar).getUTCFullYear();
  switch (grain) {
    case 'year':
      return String(year);
    case 'quarter':
      return `${year}-Q${Math.floor(monthsIntoYear(start, calendar) / 3) + 1}`;
    case 'month':
      return formatIsoDate(start).slice(0, 7);
    default: {
      const never: never = grain;
      return never;
    }
  }
}

/** The period of `grain` that contains `date`. */
export function periodContaining(date: Date, grain: PeriodGrain, calendar: CalendarDef): Period {
  const start = periodStart(date, grain, calendar);
  const next = addMonths(start, grainMonths(grain));
  return { grain, start: formatIsoDate(start), last: formatIsoDate(addDays(next, -1)), label: periodLabel(start, grain, calendar) };
}

/**
 * Parses a period: a label (`2026`, `2026-Q2`, `2026-05`) or an ISO date, which picks the period
 * of `grain` containing it. A string explains what is wrong.
 */
export function parsePeriod(text: string, grain: PeriodGrain, calendar: CalendarDef): Period | string {
  const p = parsePeriodText(text, grain, calendar);
  if (typeof p === 'string' || (p.start >= '0001-01-01' && p.last.length === 10)) return p;
  return `\`${text}\` runs from ${p.start} to ${p.last}, outside the dates kpic computes on (0001-01-01 to 9999-12-31)`;
}

function parsePeriodText(text: string, grain: PeriodGrain, calendar: CalendarDef): Period | string {
  const t = text.trim();
  let m = /^(\d{4})$/.exec(t);
  if (m !== null) {
    const start = utcDate(Number(m[1]), calendar.fiscalYearStart - 1, 1);
    return periodContaining(start, 'year', calendar);
  }
  m = /^(\d{4})-[Qq]([1-4])$/.exec(t);
  if (m !== null) {
    const start = addMonths(utcDate(Number(m[1]), calendar.fiscalYearStart - 1, 1), (Number(m[2]) - 1) * 3);
    return periodContaining(start, 'quarter', calendar);
  }
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(t);
  if (m !== null) return periodContaining(utcDate(Number(m[1]), Number(m[2]) - 1, 1), 'month', calendar);
  const date = parseIsoDate(t);
  if (date !== undefined) return periodContaining(date, grain, calendar);
  return `\`${text}\` is not a period; write a fiscal year (2026), a fiscal quarter (2026-Q2), a month (2026-05) or a date inside the period (2026-05-15)`;
}

/** Whether period `inner` lies inside period `outer`. */
export function periodWithin(inner: Period, outer: Period): boolean {
  return inner.start >= outer.start && inner.last <= outer.last;
}

/** The number of `grain` periods from the start of the fiscal year to the period's start. */
export function periodsIntoYear(p: Period, calendar: CalendarDef): number {
  return Math.floor(monthsIntoYear(utcDay(p.start), calendar) / grainMonths(p.grain));
}

/** The period `n` periods of the same grain before `p` (n ≥ 0). */
export function periodBefore(p: Period, n: number, calendar: CalendarDef): Period {
  return periodContaining(addMonths(utcDay(p.start), -n * grainMonths(p.grain)), p.grain, calendar);
}
