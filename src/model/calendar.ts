/**
 * The catalog's calendar, with its defaults in one place: a fiscal year starting in January and
 * weeks starting on Monday, for a catalog whose `catalog` document says nothing (or is missing).
 */
import type { CalendarDef, Catalog } from './types.js';

/** The calendar of a catalog that declares none. */
export const DEFAULT_CALENDAR: CalendarDef = { fiscalYearStart: 1, weekStart: 'monday' };

/** The calendar periods, quarters and years of `catalog` follow. */
export function calendarOf(catalog: Catalog): CalendarDef {
  return catalog.meta?.calendar ?? DEFAULT_CALENDAR;
}
