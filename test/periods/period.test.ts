/** Periods of judgement on fiscal calendars, positions in the fiscal year, and the default (latest complete) period. */
import { describe, expect, it } from 'vitest';
import type { CalendarDef } from '../../src/model/types.js';
import { latestCompletePeriod } from '../../src/periods/latest-period.js';
import { parsePeriod, periodsIntoYear, type Period } from '../../src/periods/period.js';

const october: CalendarDef = { fiscalYearStart: 10, weekStart: 'monday' };
const january: CalendarDef = { fiscalYearStart: 1, weekStart: 'monday' };

describe('parsePeriod', () => {
  it.each([
    ['2026', 'quarter', october, { grain: 'year', start: '2026-10-01', last: '2027-09-30', label: '2026' }],
    ['2025-Q4', 'quarter', october, { grain: 'quarter', start: '2026-07-01', last: '2026-09-30', label: '2025-Q4' }],
    ['2025-q1', 'quarter', october, { grain: 'quarter', start: '2025-10-01', last: '2025-12-31', label: '2025-Q1' }],
    ['2026-02', 'quarter', october, { grain: 'month', start: '2026-02-01', last: '2026-02-28', label: '2026-02' }],
    ['2026-08-15', 'quarter', october, { grain: 'quarter', start: '2026-07-01', last: '2026-09-30', label: '2025-Q4' }],
    ['2026-08-15', 'month', january, { grain: 'month', start: '2026-08-01', last: '2026-08-31', label: '2026-08' }],
    ['2024-02-29', 'year', january, { grain: 'year', start: '2024-01-01', last: '2024-12-31', label: '2024' }],
  ] as const)('%s (default grain %s)', (text, grain, calendar, want) => {
    expect(parsePeriod(text, grain, calendar)).toEqual(want);
  });

  it.each(['2026-Q5', '2026-13', 'Q2 2026', '2026-02-30', ''])('refuses %j with a hint', (text) => {
    expect(parsePeriod(text, 'quarter', january)).toMatch(/is not a period; write a fiscal year \(2026\)/);
  });
});

describe('position in the fiscal year', () => {
  const q = (label: string): Period => parsePeriod(label, 'quarter', october) as Period;

  it('counts whole periods since the fiscal year started', () => {
    expect([periodsIntoYear(q('2025-Q1'), october), periodsIntoYear(q('2025-Q4'), october)]).toEqual([0, 3]);
  });
});

describe('the latest complete period as of the data', () => {
  it.each([
    ['2026-09-30', '2025-Q4'],
    ['2026-09-28', '2025-Q3'], // two days short of the quarter's end: that quarter is not complete
    ['2026-10-01', '2025-Q4'],
    ['2026-07-01', '2025-Q3'],
    ['2026-06-30', '2025-Q3'],
  ])('as of %s → %s', (asOf, label) => {
    expect(latestCompletePeriod(asOf, 'quarter', october).label).toBe(label);
  });
});
