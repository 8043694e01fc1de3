/**
 * Seasonality: the index that scales flat targets (numbers, baselines) and value thresholds to a
 * period's share of the year, so a quarter that usually brings 30% of the year is measured
 * against 30% of the year's target rather than a quarter of it.
 */
import type { CalendarDef } from '../model/types.js';
import { grainMonths, monthsIntoYear, utcDay, type Period } from '../periods/period.js';
import { addMonths } from '../query/calendar.js';
import type { SeasonalSpec } from './settings.js';

/**
 * The seasonal index of a period: its share of the year × the number of such periods in a year,
 * so an average period has index 1. Quarter shares follow the fiscal quarters; month shares the
 * calendar months (a quarter's share is the sum of its months'; a month's, a third of its
 * quarter's). Without seasonal shares every period has index 1.
 */
export function seasonalIndex(p: Period, seasonal: SeasonalSpec | undefined, calendar: CalendarDef): number {
  if (seasonal === undefined || p.grain === 'year') return 1;
  const start = utcDay(p.start);
  let share = 0;
  for (let i = 0; i < grainMonths(p.grain); i++) {
    const month = addMonths(start, i);
    if (seasonal.unit === 'month') share += seasonal.shares[month.getUTCMonth()] ?? 0;
    else share += (seasonal.shares[Math.floor(monthsIntoYear(month, calendar) / 3)] ?? 0) / 3;
  }
  return (share * 12) / grainMonths(p.grain);
}
