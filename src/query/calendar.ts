/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`, UTC, no time zones): periods of a grain on the
 * catalog's calendar (fiscal year start, week start). The planner uses it to turn `--from` and
 * `--to` into period bounds; the SQL does the same arithmetic on rows.
 */
import type { Calendar, CalendarDuration, Grain, TimeUnit } from './ir.js';

export type { Grain } from './ir.js';

/** The grains a KPI can be evaluated at, finest first. */
export const GRAINS: readonly Grain[] = ['day', 'week', 'month', 'quarter', 'year'];

/** Parses `YYYY-MM-DD` to a UTC Date, or undefined when it is not a real calendar date. */
export function parseIsoDate(text: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m === null) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  const date = utcDate(y, mo - 1, d);
  return y >= 1 && date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? date : undefined;
}

/**
 * Formats a UTC date as `YYYY-MM-DD`. A date past 9999 (the exclusive end of a range ending on
 * 9999-12-31) keeps its plain year, `10000-01-01`, and one before year 1 (history read before a
 * range starting in 0001) is written `0002-10-01 (BC)`, as DuckDB's date literals want them (ISO's
 * expanded forms `+010000-01-01` and `-000001-10-01` are not).
 */
export function formatIsoDate(date: Date): string {
  const year = date.getUTCFullYear();
  const two = (n: number): string => String(n).padStart(2, '0');
  const monthDay = `-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}`;
  // Before year 1 (a window reaching back from 0001): year 0 is 1 BC, as DuckDB writes it.
  if (year < 1) return `${String(1 - year).padStart(4, '0')}${monthDay} (BC)`;
  return `${String(year).padStart(4, '0')}${monthDay}`;
}

/** The UTC date of a year, month (0-based, may overflow) and day; years 1–99 are not 1900–1999. */
export function utcDate(year: number, month: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month, day);
  return date;
}

/** Adds whole months, clamping the day to the month's length (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(date: Date, months: number): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + months;
  const first = utcDate(y, m, 1);
  const last = utcDate(first.getUTCFullYear(), first.getUTCMonth() + 1, 0).getUTCDate();
  return utcDate(first.getUTCFullYear(), first.getUTCMonth(), Math.min(date.getUTCDate(), last));
}

/** Adds whole days. */
export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

/** Length of a duration unit in months (for month-based units) or days (day, week). */
export function unitSize(unit: TimeUnit): { readonly months: number } | { readonly days: number } {
  switch (unit) {
    case 'day':
      return { days: 1 };
    case 'week':
      return { days: 7 };
    case 'month':
      return { months: 1 };
    case 'quarter':
      return { months: 3 };
    case 'year':
      return { months: 12 };
    default: {
      const never: never = unit;
      return never;
    }
  }
}

/** `date + sign × duration`. */
export function addDuration(date: Date, duration: CalendarDuration, sign: 1 | -1 = 1): Date {
  const size = unitSize(duration.unit);
  return 'months' in size ? addMonths(date, sign * size.months * duration.amount) : addDays(date, sign * size.days * duration.amount);
}

/** The start of the period of `grain` (or calendar unit) that contains `date`. */
export function periodStart(date: Date, grain: TimeUnit, calendar: Calendar): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth();
  switch (grain) {
    case 'day':
      return date;
    case 'week': {
      const weekday = date.getUTCDay(); // 0 = Sunday
      const back = calendar.weekStart === 'sunday' ? weekday : (weekday + 6) % 7;
      return addDays(date, -back);
    }
    case 'month':
      return utcDate(y, m, 1);
    case 'quarter':
    case 'year': {
      const span = grain === 'quarter' ? 3 : 12;
      const offset = (calendar.fiscalYearStart - 1) % span;
      const shifted = y * 12 + m - offset;
      const startIndex = Math.floor(shifted / span) * span + offset;
      return utcDate(Math.floor(startIndex / 12), startIndex % 12, 1);
    }
    default: {
      const never: never = grain;
      return never;
    }
  }
}

/** The first day after the period of `grain` that starts on `start`. */
export function periodEnd(start: Date, grain: Grain): Date {
  return addDuration(start, { amount: 1, unit: grain });
}

/**
 * Whether a duration is a whole number of periods of `grain` (so windows of that length are
 * unions of whole periods): months-based durations at month/quarter/year grains when divisible,
 * day-based durations at day/week grains when divisible.
 */
export function isWholePeriods(duration: CalendarDuration, grain: Grain): boolean {
  const d = unitSize(duration.unit);
  const g = unitSize(grain);
  if ('months' in d && 'months' in g) return (d.months * duration.amount) % g.months === 0;
  if ('days' in d && 'days' in g) return (d.days * duration.amount) % g.days === 0;
  return false;
}

/** Whether periods of `unit` always start on a `grain` boundary (year at month grain: yes). */
export function unitAlignsWithGrain(unit: TimeUnit, grain: Grain): boolean {
  const u = unitSize(unit);
  const g = unitSize(grain);
  if ('months' in u && 'months' in g) return u.months % g.months === 0;
  if ('days' in u && 'days' in g) return u.days % g.days === 0 && (unit === 'day' || grain === 'day' || unit === grain);
  return false;
}
