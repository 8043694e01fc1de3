/** The seasonal index of a period on a fiscal calendar, from quarter or month shares. */
import { describe, expect, it } from 'vitest';
import type { CalendarDef } from '../../src/model/types.js';
import { parsePeriod, type Period } from '../../src/periods/period.js';
import { seasonalIndex } from '../../src/targets/seasonal.js';

const october: CalendarDef = { fiscalYearStart: 10, weekStart: 'monday' };

describe('seasonal index', () => {
  const q = (label: string): Period => parsePeriod(label, 'quarter', october) as Period;
  const quarters = { unit: 'quarter' as const, shares: [0.1, 0.2, 0.3, 0.4] };
  const months = { unit: 'month' as const, shares: [0.06, 0.06, 0.06, 0.07, 0.07, 0.08, 0.08, 0.08, 0.09, 0.1, 0.12, 0.13] };

  it('quarter shares × 4 at quarter grain (fiscal quarters)', () => {
    expect(seasonalIndex(q('2025-Q1'), quarters, october)).toBeCloseTo(0.4, 12);
    expect(seasonalIndex(q('2025-Q4'), quarters, october)).toBeCloseTo(1.6, 12);
  });

  it('month shares summed over the quarter (Oct–Dec = 0.10 + 0.12 + 0.13)', () => {
    expect(seasonalIndex(q('2025-Q1'), months, october)).toBeCloseTo(0.35 * 4, 12);
  });

  it('a month takes a third of its quarter’s share, × 12', () => {
    const nov = parsePeriod('2025-11', 'month', october) as Period;
    expect(seasonalIndex(nov, quarters, october)).toBeCloseTo((0.1 / 3) * 12, 12);
  });

  it('no shares, or a year: index 1', () => {
    expect(seasonalIndex(q('2025-Q3'), undefined, october)).toBe(1);
    expect(seasonalIndex(parsePeriod('2025', 'year', october) as Period, quarters, october)).toBe(1);
  });
});
