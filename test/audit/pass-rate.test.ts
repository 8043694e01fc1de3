/**
 * `pass_rate(check)` on real DuckDB over the hand-made deals of pass-rate-fixture.ts; every
 * expected share is counted by hand from the table there.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkCatalog } from '../../src/check-catalog.js';
import { makeWorkspace, runWorkspace, series, valueOf, type PlainRow } from '../helpers/workspace.js';
import { PASS_RATE_DATA, passRateCatalog } from './pass-rate-fixture.js';

const Q1 = '2026-01-01';
const Q2 = '2026-04-01';
const Q3 = '2026-07-01';
const Q4 = '2026-10-01';

const KPIS = `kpi: next_step_rate
formula: pass_rate(next_step)
unit: percent
---
kpi: lead_source_rate
formula: pass_rate(lead_source)
unit: percent
---
kpi: next_step_by_created
formula: pass_rate(next_step on created_date)
---
kpi: next_step_not_r3
formula: pass_rate(next_step where owner_id != 'r3')
---
kpi: on_time_eop
formula: pass_rate(past_close as at end)
unit: percent
---
kpi: on_time_by_start_eop
formula: pass_rate(past_close_by_start as at end)
---
kpi: next_step_findings
formula: count(opportunities where open and next_step is null)
---
kpi: next_step_two_quarters
formula: rolling(pass_rate(next_step), 2 quarters)
`;

function run(request: Parameters<typeof runWorkspace>[1]): Promise<PlainRow[]> {
  return runWorkspace(makeWorkspace(passRateCatalog(KPIS), PASS_RATE_DATA), request);
}

describe('pass_rate(check) placed by the source’s time anchor', () => {
  let all: PlainRow[];
  let byRep: PlainRow[];
  let byTeam: PlainRow[];
  beforeAll(async () => {
    const kpis = [
      'next_step_rate',
      'lead_source_rate',
      'next_step_by_created',
      'next_step_not_r3',
      'next_step_findings',
      'next_step_two_quarters',
    ];
    const range = { grain: 'quarter', from: '2026-01-01', to: '2026-12-31', kpis };
    [all, byRep, byTeam] = await Promise.all([run(range), run({ ...range, by: ['rep'] }), run({ ...range, by: ['team'] })]);
  });

  it('is the share of the check’s rows in the period that are not findings', () => {
    // By close date: Q1 o2 fails (o3 is closed: not a row of the check) → 0/1; Q2 o1, o4 pass,
    // o5 fails → 2/3; Q3 o6 fails → 0/1; Q4 only o8, closed → no rows: null, not 0. o7 has no
    // close date and belongs to no period.
    expect(series(all, 'next_step_rate')).toEqual({ [Q1]: 0, [Q2]: 2 / 3, [Q3]: 0, [Q4]: null });
    // The findings count of the same rows is 0 in Q4, where the share has nothing to divide.
    expect(series(all, 'next_step_findings')).toEqual({ [Q1]: 1, [Q2]: 1, [Q3]: 1, [Q4]: 0 });
  });

  it('applies the check’s where: a Prospecting deal without a lead source is not a row', () => {
    // Q1 o2 fails → 0; Q2 o1, o5 pass (o4 is Prospecting) → 1; Q3 o6 passes → 1; Q4 none.
    expect(series(all, 'lead_source_rate')).toEqual({ [Q1]: 0, [Q2]: 1, [Q3]: 1, [Q4]: null });
  });

  it('splits per rep and team, null where a member has no rows of the check', () => {
    // Q1: r1 o2 fails → 0; r2 has only o3 (closed) → null; r3 has no deal closing in Q1 → null.
    expect(valueOf(byRep, 'next_step_rate', Q1, { rep: 'r1' })).toBe(0);
    expect(valueOf(byRep, 'next_step_rate', Q1, { rep: 'r2' })).toBeNull();
    expect(valueOf(byRep, 'next_step_rate', Q1, { rep: 'r3' })).toBeNull();
    // Q2: r1 o1 passes → 1; r2 o4 passes → 1; r3 o5 fails → 0.
    expect(valueOf(byRep, 'next_step_rate', Q2, { rep: 'r1' })).toBe(1);
    expect(valueOf(byRep, 'next_step_rate', Q2, { rep: 'r2' })).toBe(1);
    expect(valueOf(byRep, 'next_step_rate', Q2, { rep: 'r3' })).toBe(0);
    // Teams A = r1, B = r2 + r3: Q2 A 1/1, B o4 passes and o5 fails → 1/2.
    expect(valueOf(byTeam, 'next_step_rate', Q2, { team: 'A' })).toBe(1);
    expect(valueOf(byTeam, 'next_step_rate', Q2, { team: 'B' })).toBe(0.5);
  });

  it('is recomputed from its two counts over a window, never averaged', () => {
    // Q1 + Q2: 0 + 2 passing of 1 + 3 rows → 1/2 (the average of 0 and 2/3 would be 1/3).
    // Q2 + Q3: 2 of 3 + 1 → 1/2; Q3 + Q4: 0 of 1 → 0.
    expect(series(all, 'next_step_two_quarters')).toEqual({ [Q1]: 0, [Q2]: 0.5, [Q3]: 0.5, [Q4]: 0 });
  });

  it('takes where and on like an aggregate', () => {
    // By created date: Q1 o1, o4, o7 pass, o2, o5 fail (o3 closed) → 3/5; Q2 o6 fails → 0;
    // Q3 only o8, closed → null.
    expect(series(all, 'next_step_by_created')).toEqual({ [Q1]: 0.6, [Q2]: 0, [Q3]: null, [Q4]: null });
    // Without r3's deals: Q2 o1, o4 → 1; Q3 (o6 is r3's) → null.
    expect(series(all, 'next_step_not_r3')).toEqual({ [Q1]: 0, [Q2]: 1, [Q3]: null, [Q4]: null });
  });
});

describe('pass_rate(check as at end): the audit day is the point', () => {
  let all: PlainRow[];
  let byRep: PlainRow[];
  beforeAll(async () => {
    const request = { grain: 'quarter', from: '2026-01-01', to: '2026-06-30', kpis: ['on_time_eop', 'on_time_by_start_eop'] };
    [all, byRep] = await Promise.all([run(request), run({ ...request, by: ['rep'] })]);
  });

  it('reads the deals open at each quarter’s end with the close dates they had then', () => {
    // 31 Mar: o1 (close 15 Mar then) fails; o2 (31 Mar: on the day is not late), o4, o5 pass,
    // o7 (no close date: the condition is null, not a finding) passes; o3 was won on 5 Mar;
    // o6 did not exist → 4/5. 30 Jun: o1 (20 Apr), o2, o5 fail; o4 (30 Jun), o6, o7 pass → 3/6.
    expect(series(all, 'on_time_eop')).toEqual({ [Q1]: 0.8, [Q2]: 0.5 });
    expect(valueOf(byRep, 'on_time_eop', Q1, { rep: 'r1' })).toBeCloseTo(2 / 3, 12);
    expect(valueOf(byRep, 'on_time_eop', Q2, { rep: 'r1' })).toBeCloseTo(1 / 3, 12);
    expect(valueOf(byRep, 'on_time_eop', Q2, { rep: 'r3' })).toBe(0.5);
  });

  it('reads period_start() in a check as the audit day too, not the quarter’s first day', () => {
    expect(series(all, 'on_time_by_start_eop')).toEqual(series(all, 'on_time_eop'));
  });
});

describe('pass_rate in the catalog', () => {
  it('is a ratio, shown as a percent when declared so', () => {
    const checked = checkCatalog(makeWorkspace(passRateCatalog(KPIS), PASS_RATE_DATA).catalogDir);
    expect(checked.diagnostics).toEqual([]);
    expect(checked.resolved.kpis.get('next_step_rate')?.inferredUnit).toBe('ratio');
    expect(checked.resolved.kpis.get('next_step_rate')?.sources).toEqual(['opportunities']);
  });
});
