import { describe, expect, test } from 'vitest';
import { Decimal } from '../../src/model/decimal.js';
import { DEFAULT_CALENDAR } from '../../src/model/calendar.js';
import { activityByRep, type Activity } from '../../src/plans/activity.js';
import { annualQuotaToDate } from '../../src/plans/quota.js';
import type { ResolvedQuota } from '../../src/plans/resolved.js';
import type { Spell } from '../../src/org/spells.js';

const d = (s: string): Decimal => Decimal.parse(s);
const seasonal = { unit: 'quarter' as const, shares: [d('0.2'), d('0.2'), d('0.2'), d('0.4')] };
const annual = (extra: Partial<Extract<ResolvedQuota, { kind: 'annual' }>> = {}) =>
  ({ kind: 'annual', annual: d('100000'), seasonal, ramp: [], ...extra }) as const;

const spell = (member: string, from: string | null, to: string | null, roles = ['p']): Spell => ({
  member,
  from,
  to,
  values: [],
  labels: [],
  manager: null,
  roles,
});

function activity(spells: Spell[], planFrom = '2026-01-01', planTo: string | undefined = '2026-12-31'): Activity {
  const a = activityByRep(spells, 'p', planFrom, planTo).get('r1');
  if (a === undefined) throw new Error('no activity');
  return a;
}

describe('annual quota, prorated by active days with seasonal shares', () => {
  test('the issue’s example: 100,000, Q1–Q3 20%, Q4 40%, starting 1 March → 86,666.67', () => {
    // Q1's 20% is 6.667% a month; from March: 6,666.67 + 20,000 + 20,000 + 40,000
    const a = activity([spell('r1', '2026-03-01', null)]);
    expect(annualQuotaToDate(annual(), a, '2026-01-01', '2026-12-31', DEFAULT_CALENDAR, 'half_up').toString()).toBe('86666.67');
  });

  test('a full year is the annual quota; quota to date at the end of Q1 is its share', () => {
    const a = activity([spell('r1', '2020-01-01', null)]);
    expect(annualQuotaToDate(annual(), a, '2026-01-01', '2026-12-31', DEFAULT_CALENDAR, 'half_up').toString()).toBe('100000');
    expect(annualQuotaToDate(annual(), a, '2026-01-01', '2026-03-31', DEFAULT_CALENDAR, 'half_up').toString()).toBe('20000');
  });

  test('a leaver on 15 November is prorated by days in November (15 of 30): 80,000', () => {
    // 60,000 (Q1–Q3) + October 13,333.33… + November 13,333.33… × 15/30 = 80,000 exactly
    const a = activity([spell('r1', '2020-01-01', '2026-11-15')]);
    expect(annualQuotaToDate(annual(), a, '2026-01-01', '2026-12-31', DEFAULT_CALENDAR, 'half_up').toString()).toBe('80000');
  });

  test('days off the plan (another role) are not quota days; equal months without seasonal shares', () => {
    // on the plan January and March only: 2 × 100,000 / 12 = 16,666.666… → 16,666.67
    const a = activity([
      spell('r1', '2026-01-01', '2026-01-31'),
      spell('r1', '2026-02-01', '2026-02-28', ['other']),
      spell('r1', '2026-03-01', null),
    ]);
    expect(annualQuotaToDate(annual({ seasonal: undefined }), a, '2026-01-01', '2026-03-31', DEFAULT_CALENDAR, 'half_up').toString()).toBe(
      '16666.67',
    );
  });

  test('a ramp scales a new hire’s first months: 25%, 50%, 75%, then full', () => {
    // hired 1 April, equal months (8,333.33… each): Apr 25% + May 50% + Jun 75% = 1.5 months → 12,500
    const a = activity([spell('r1', '2026-04-01', null)]);
    const q = annual({ seasonal: undefined, ramp: [d('0.25'), d('0.5'), d('0.75')] });
    expect(annualQuotaToDate(q, a, '2026-01-01', '2026-06-30', DEFAULT_CALENDAR, 'half_up').toString()).toBe('12500');
    // July is full: + 8,333.33… → 20,833.33
    expect(annualQuotaToDate(q, a, '2026-01-01', '2026-07-31', DEFAULT_CALENDAR, 'half_up').toString()).toBe('20833.33');
  });

  test('the plan’s effective dates clip activity: a plan from 1 July', () => {
    const a = activity([spell('r1', '2020-01-01', null)], '2026-07-01');
    // Q3 20% + Q4 40%
    expect(annualQuotaToDate(annual(), a, '2026-01-01', '2026-12-31', DEFAULT_CALENDAR, 'half_up').toString()).toBe('60000');
  });
});
