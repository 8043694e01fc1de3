import { describe, expect, it } from 'vitest';
import {
  AS_OF_DAY,
  SPAN_START_DAY,
  addMonths,
  dayOf,
  formatDate,
  formatTimestamp,
  isWeekend,
  mondayOf,
  monthEnd,
  monthOf,
  monthStart,
  quarterEndOf,
  quarterStartOf,
} from '../../generator/calendar.js';

const d = (iso: string): number => {
  const [y, m, day] = iso.split('-').map(Number);
  return dayOf(y ?? 0, m ?? 0, day ?? 0);
};

describe('calendar', () => {
  it('fixes the span independently of the clock', () => {
    expect(formatDate(SPAN_START_DAY)).toBe('2023-10-01');
    expect(formatDate(AS_OF_DAY)).toBe('2026-09-30');
  });

  it.each([
    ['2024-02-29', 1, '2024-03-29'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-11-15', 3, '2025-02-15'],
    ['2025-03-31', -1, '2025-02-28'],
  ])('addMonths(%s, %d) = %s', (from, n, want) => {
    expect(formatDate(addMonths(d(from), n))).toBe(want);
  });

  it.each([
    ['2024-01-01', '2024-01-01', '2024-03-31'],
    ['2024-03-31', '2024-01-01', '2024-03-31'],
    ['2024-04-01', '2024-04-01', '2024-06-30'],
    ['2024-08-15', '2024-07-01', '2024-09-30'],
    ['2024-12-31', '2024-10-01', '2024-12-31'],
  ])('quarter of %s is %s … %s', (day, start, end) => {
    expect(formatDate(quarterStartOf(d(day)))).toBe(start);
    expect(formatDate(quarterEndOf(d(day)))).toBe(end);
  });

  it('months round-trip across years', () => {
    for (let day = d('2023-01-01'); day < d('2027-01-01'); day += 13) {
      const m = monthOf(day);
      expect(monthStart(m)).toBeLessThanOrEqual(day);
      expect(monthEnd(m)).toBeGreaterThanOrEqual(day);
      expect(formatDate(monthStart(m)).slice(8)).toBe('01');
    }
  });

  it('finds Mondays and weekends', () => {
    expect(formatDate(mondayOf(d('2026-09-30')))).toBe('2026-09-28');
    expect(formatDate(mondayOf(d('2026-09-28')))).toBe('2026-09-28');
    expect(isWeekend(d('2026-09-26'))).toBe(true);
    expect(isWeekend(d('2026-09-28'))).toBe(false);
  });

  it('formats timestamps', () => {
    expect(formatTimestamp(d('2025-06-30') * 86_400 + 9 * 3600 + 5 * 60 + 7)).toBe('2025-06-30 09:05:07');
  });
});
