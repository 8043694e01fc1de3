/**
 * The `period` of an expected row: the ISO date on which the period starts (as `kpic run` prints
 * it), or at month, quarter and year grain a label — `2025-01`, `2025-Q1` (fiscal quarter),
 * `2025` (the fiscal year starting in 2025). A date that is not the first day of a period is
 * refused with the period start it falls in, rather than silently moved there.
 */
import type { CalendarDef } from '../model/types.js';
import { addMonths, formatIsoDate, parseIsoDate, periodStart, type Grain } from '../query/calendar.js';

/** The grains a values expectation may use. */
export const TEST_GRAINS: readonly Grain[] = ['day', 'week', 'month', 'quarter', 'year'];

const FORMS: Readonly<Record<Grain, string>> = {
  day: 'a date (2025-01-31)',
  week: 'the first day of a week (a date)',
  month: 'a month (2025-01) or its first day (2025-01-01)',
  quarter: 'a fiscal quarter (2025-Q1) or its first day',
  year: 'a fiscal year (2025) or its first day',
};

function fiscalYearStart(year: number, calendar: CalendarDef): Date {
  return new Date(Date.UTC(year, calendar.fiscalYearStart - 1, 1));
}

/** The ISO start of the period `text` names at `grain`, or a sentence saying what is wrong. */
export function expectedPeriodStart(text: string, grain: Grain, calendar: CalendarDef): { readonly start: string } | string {
  const t = text.trim();
  let m = /^(\d{4})$/.exec(t);
  if (m !== null && grain === 'year') return { start: formatIsoDate(fiscalYearStart(Number(m[1]), calendar)) };
  m = /^(\d{4})-[Qq]([1-4])$/.exec(t);
  if (m !== null && grain === 'quarter')
    return { start: formatIsoDate(addMonths(fiscalYearStart(Number(m[1]), calendar), (Number(m[2]) - 1) * 3)) };
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(t);
  if (m !== null && grain === 'month') return { start: `${t}-01` };
  const date = parseIsoDate(t);
  if (date === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(t)) return `\`${t}\` is not a period at grain ${grain}; write ${FORMS[grain]}`;
  const start = formatIsoDate(periodStart(date, grain, calendar));
  if (start !== t) return `\`${t}\` is not the first day of a ${grain}; its ${grain} starts on ${start}`;
  return { start };
}
