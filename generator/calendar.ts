/**
 * Dates as integers: a day is the number of days since 1970-01-01 (UTC), a timestamp the number
 * of seconds since then, a month `year * 12 + (month − 1)`. Integers keep the simulation fast and
 * exact; strings are made only when a row is written, through a cache (the span is a few years).
 */

/** The fixed "as of" date of every data set: the export was taken at the end of this day. */
export const AS_OF_DAY = dayOf(2026, 9, 30);
/** The first day of the three years the data covers. */
export const SPAN_START_DAY = dayOf(2023, 10, 1);
/** Seconds in a day. */
export const DAY_SECONDS = 86_400;

/** The day number of a calendar date (month 1–12). */
export function dayOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

const CACHE_FIRST = dayOf(2000, 1, 1);
const CACHE_LAST = dayOf(2045, 12, 31);
const dateCache: string[] = [];
const monthCache = new Int32Array(CACHE_LAST - CACHE_FIRST + 1).fill(-1);

/** Year, month (1–12) and day of a day number. */
function ymdOf(day: number): { readonly year: number; readonly month: number; readonly day: number } {
  const d = new Date(day * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The month number (`year * 12 + month − 1`) that contains a day. */
export function monthOf(day: number): number {
  if (day >= CACHE_FIRST && day <= CACHE_LAST) {
    const i = day - CACHE_FIRST;
    const hit = monthCache[i] ?? -1;
    if (hit >= 0) return hit;
    const { year, month } = ymdOf(day);
    return (monthCache[i] = year * 12 + month - 1);
  }
  const { year, month } = ymdOf(day);
  return year * 12 + month - 1;
}

/** The first day of a month number. */
export function monthStart(month: number): number {
  return Date.UTC(Math.floor(month / 12), month % 12, 1) / 86_400_000;
}

/** The last day of a month number. */
export function monthEnd(month: number): number {
  return monthStart(month + 1) - 1;
}

/** The first day of the calendar quarter that contains a day. */
export function quarterStartOf(day: number): number {
  const m = monthOf(day);
  return monthStart(m - (m % 3));
}

/** The last day of the calendar quarter that contains a day. */
export function quarterEndOf(day: number): number {
  const m = monthOf(day);
  return monthStart(m - (m % 3) + 3) - 1;
}

/** The same day-of-month `count` months later, clamped to the end of shorter months. */
export function addMonths(day: number, count: number): number {
  const { year, month, day: dom } = ymdOf(day);
  const target = year * 12 + month - 1 + count;
  return Math.min(monthStart(target) + dom - 1, monthEnd(target));
}

/** The Monday on or before a day (1970-01-01 was a Thursday). */
export function mondayOf(day: number): number {
  return day - ((day + 3) % 7);
}

/** True on Saturdays and Sundays. */
export function isWeekend(day: number): boolean {
  const dow = (day + 4) % 7; // 0 = Sunday
  return dow === 0 || dow === 6;
}

/** `YYYY-MM-DD` of a day number. */
export function formatDate(day: number): string {
  if (day >= CACHE_FIRST && day <= CACHE_LAST) {
    const i = day - CACHE_FIRST;
    const hit = dateCache[i];
    if (hit !== undefined) return hit;
    const text = computeDate(day);
    dateCache[i] = text;
    return text;
  }
  return computeDate(day);
}

function computeDate(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD HH:MM:SS` of a timestamp in seconds. */
export function formatTimestamp(seconds: number): string {
  const day = Math.floor(seconds / DAY_SECONDS);
  let rest = seconds - day * DAY_SECONDS;
  const h = Math.floor(rest / 3600);
  rest -= h * 3600;
  const m = Math.floor(rest / 60);
  const s = rest - m * 60;
  return `${formatDate(day)} ${pad2(h)}:${pad2(m)}:${pad2(s)}`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
