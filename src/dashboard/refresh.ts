/**
 * Refresh cycles: a KPI's `refresh` (daily, weekly, monthly, quarterly; daily when not written)
 * decides how long its computed figures are reused. Cycles end on calendar boundaries in UTC —
 * the next midnight, the next week start of the catalog's calendar, the first of the next month,
 * the next fiscal quarter — so every figure of one cadence is recomputed at the same moment. A
 * page that shows several KPIs is recomputed at the earliest boundary among them.
 */
import type { CalendarDef } from '../model/types.js';

/** A refresh cadence. */
export type Cadence = 'daily' | 'weekly' | 'monthly' | 'quarterly';

const RANK: Readonly<Record<Cadence, number>> = { daily: 0, weekly: 1, monthly: 2, quarterly: 3 };

/** The shortest of some cadences (daily when none). */
export function shortest(cadences: Iterable<Cadence | undefined>): Cadence {
  let best: Cadence | undefined;
  for (const c of cadences) {
    const k = c ?? 'daily';
    if (best === undefined || RANK[k] < RANK[best]) best = k;
  }
  return best ?? 'daily';
}

const utc = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m, d));

/** The first boundary of `cadence` strictly after `at`. */
export function nextRefresh(at: Date, cadence: Cadence, calendar: CalendarDef): Date {
  const y = at.getUTCFullYear();
  const m = at.getUTCMonth();
  const d = at.getUTCDate();
  switch (cadence) {
    case 'daily':
      return utc(y, m, d + 1);
    case 'weekly': {
      const start = calendar.weekStart === 'sunday' ? 0 : 1;
      const ahead = (start - at.getUTCDay() + 7) % 7 || 7;
      return utc(y, m, d + ahead);
    }
    case 'monthly':
      return utc(y, m + 1, 1);
    case 'quarterly': {
      // Fiscal quarters start every three months from the fiscal year's first month.
      const first = (calendar.fiscalYearStart - 1) % 3;
      let month = m + 1;
      while ((((month - first) % 3) + 3) % 3 !== 0) month++;
      return utc(y, month, 1);
    }
    default: {
      const never: never = cadence;
      return never;
    }
  }
}
