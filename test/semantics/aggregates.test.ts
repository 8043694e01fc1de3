/**
 * LANGUAGE.md §5–6 on the hand-made fixture: aggregates, empty cells, nulls, joins, fan-out.
 * Expected values are computed by hand from the rows listed in fixture.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { makeWorkspace, runWorkspace, series, valueOf, type PlainRow } from '../helpers/workspace.js';
import { DATA, catalogFiles, kpiDocs } from './fixture.js';

const KPIS = {
  bookings: 'sum(amount where won)',
  won: 'count(opportunities where won)',
  closed: 'count(opportunities where closed)',
  win_rate: 'won / closed',
  avg_deal: 'avg(amount where won)',
  max_amount: 'max(amount)',
  min_amount: 'min(amount where won)',
  median_amount: 'median(amount)',
  p90_amount: 'percentile(amount, 0.9)',
  won_accounts: 'count_distinct(account_id where won)',
  created: 'count(opportunities on created_date)',
  counted_amounts: 'count(amount)',
  employees_won: 'sum(account.employees where won)',
  avg_employees_won: 'avg(account.employees where won)',
  parent_smb: "count(opportunities where account.parent.segment = 'SMB')",
  no_account: 'count(opportunities where account_id is null)',
  qualified: 'sum(opportunities.amount where opportunities.won)',
  cycle_days: 'avg(days_between(created_date, close_date) where won)',
  hostile: "count(opportunities where owner_id = 'x''); DROP TABLE t; --')",
  div_zero: 'sum(amount) / 0',
  in_list: "count(opportunities where stage in ('Won', 'Lost') and amount between 40 and 200)",
  not_in: "count(opportunities where stage not in ('Won'))",
  functions: 'sum(round(abs(-amount) / 3, 1) where won)',
};

let rows: PlainRow[];
beforeAll(async () => {
  rows = await runWorkspace(makeWorkspace(catalogFiles(kpiDocs(KPIS)), DATA), {});
});

describe('aggregates over periods (grain month, no breakdown)', () => {
  it('periods run from the first to the last month with data, with no gaps', () => {
    expect(Object.keys(series(rows, 'bookings'))).toEqual(['2025-01-01', '2025-02-01', '2025-03-01']);
  });
  it('sum and count give 0 in an empty period (February has no closed rows)', () => {
    // Jan: o1 100 + o3 200; Mar: o4 300 + o6 40 + o8 10 + o9 5.
    expect(series(rows, 'bookings')).toEqual({ '2025-01-01': 300, '2025-02-01': 0, '2025-03-01': 355 });
    expect(series(rows, 'won')).toEqual({ '2025-01-01': 2, '2025-02-01': 0, '2025-03-01': 4 });
    expect(series(rows, 'closed')).toEqual({ '2025-01-01': 3, '2025-02-01': 0, '2025-03-01': 5 });
  });
  it('a ratio of counts divides by zero to null, never an error', () => {
    const s = series(rows, 'win_rate');
    expect(s['2025-01-01']).toBeCloseTo(2 / 3, 12);
    expect(s['2025-02-01']).toBeNull();
    expect(s['2025-03-01']).toBeCloseTo(0.8, 12);
    expect(series(rows, 'div_zero')['2025-01-01']).toBeNull();
  });
  it('avg, min, max, median and percentile give null in an empty period', () => {
    expect(series(rows, 'avg_deal')).toEqual({ '2025-01-01': 150, '2025-02-01': null, '2025-03-01': 88.75 });
    expect(series(rows, 'max_amount')).toEqual({ '2025-01-01': 200, '2025-02-01': null, '2025-03-01': 300 });
    expect(series(rows, 'min_amount')).toEqual({ '2025-01-01': 100, '2025-02-01': null, '2025-03-01': 5 });
    // Mar amounts: 300, (null), 40, 10, 5 → median of 5, 10, 40, 300 = 25.
    expect(series(rows, 'median_amount')).toEqual({ '2025-01-01': 100, '2025-02-01': null, '2025-03-01': 25 });
    // Jan amounts 50, 100, 200: continuous percentile at 0.9 → 100 + 0.8 × 100.
    expect(series(rows, 'p90_amount')['2025-01-01']).toBeCloseTo(180, 9);
    expect(series(rows, 'p90_amount')['2025-02-01']).toBeNull();
  });
  it('count_distinct ignores null keys; count(column) counts non-null values', () => {
    expect(series(rows, 'won_accounts')).toEqual({ '2025-01-01': 2, '2025-02-01': 0, '2025-03-01': 2 });
    // Mar closed rows: o4, o5 (amount null), o6, o8, o9 → 4 non-null amounts.
    expect(series(rows, 'counted_amounts')).toEqual({ '2025-01-01': 3, '2025-02-01': 0, '2025-03-01': 4 });
  });
  it('`on` picks another time anchor; a row with a null anchor belongs to no period', () => {
    // created_date: Jan o1 o2 o3; Feb o4 o5; Mar o6 o7 o8 o9 (o7 counts here: it has a created date).
    expect(series(rows, 'created')).toEqual({ '2025-01-01': 3, '2025-02-01': 2, '2025-03-01': 4 });
    // o7 (no close date) is in no period of the close_date anchor: Mar closed rows are 5, not 6.
    expect(series(rows, 'closed')['2025-03-01']).toBe(5);
  });
  it('a value reached through a join counts each joined row once per cell (no fan-out)', () => {
    // Mar won rows: o4 a2, o6 a4, o8 (no account), o9 a2 → accounts a2 (100) and a4 (50) once each.
    expect(series(rows, 'employees_won')).toEqual({ '2025-01-01': 110, '2025-02-01': 0, '2025-03-01': 150 });
    expect(series(rows, 'avg_employees_won')['2025-03-01']).toBe(75);
  });
  it('joins follow hop by hop; unmatched joins give null values', () => {
    // account.parent.segment = SMB for accounts whose parent is a1: a2 (o3 in Jan; o4, o9 in Mar).
    expect(series(rows, 'parent_smb')).toEqual({ '2025-01-01': 1, '2025-02-01': 0, '2025-03-01': 2 });
  });
  it('an empty CSV field is null, whatever the type', () => {
    expect(series(rows, 'no_account')).toEqual({ '2025-01-01': 0, '2025-02-01': 0, '2025-03-01': 1 });
  });
  it('qualified columns and definitions resolve in the source', () => {
    expect(series(rows, 'qualified')).toEqual(series(rows, 'bookings'));
  });
  it('row functions, predicates and literals', () => {
    // Jan won: o1 8 days, o3 15 days.
    expect(series(rows, 'cycle_days')['2025-01-01']).toBe(11.5);
    // Jan: o1 (100), o2 (50), o3 (200) all within [40, 200]; Mar: o4 300 no, o5 null no, o6 40, o8 10 no, o9 5 no.
    expect(series(rows, 'in_list')).toEqual({ '2025-01-01': 3, '2025-02-01': 0, '2025-03-01': 1 });
    // stage not in ('Won'): Jan o2; Mar o5.
    expect(series(rows, 'not_in')).toEqual({ '2025-01-01': 1, '2025-02-01': 0, '2025-03-01': 1 });
    // Jan: round(100/3, 1) + round(200/3, 1) = 33.3 + 66.7.
    expect(series(rows, 'functions')['2025-01-01']).toBeCloseTo(100, 9);
  });
  it('hostile strings stay literals', () => {
    expect(series(rows, 'hostile')).toEqual({ '2025-01-01': 0, '2025-02-01': 0, '2025-03-01': 0 });
  });
});

describe('breakdowns', () => {
  let byRegion: PlainRow[];
  beforeAll(async () => {
    byRegion = await runWorkspace(makeWorkspace(catalogFiles(kpiDocs(KPIS)), DATA), {
      kpis: ['bookings', 'win_rate', 'employees_won'],
      by: ['region'],
    });
  });
  it('every breakdown value reached in the range appears in every period, orphans under null', () => {
    const cells = byRegion.filter((r) => r['kpi'] === 'bookings').map((r) => `${r['period']} ${r['region']} ${r['value']}`);
    expect(cells).toEqual([
      '2025-01-01 AMER 0',
      '2025-01-01 EMEA 300',
      '2025-01-01 null 0',
      '2025-02-01 AMER 0',
      '2025-02-01 EMEA 0',
      '2025-02-01 null 0',
      '2025-03-01 AMER 300',
      '2025-03-01 EMEA 15',
      '2025-03-01 null 40',
    ]);
  });
  it('ratios per breakdown value', () => {
    expect(valueOf(byRegion, 'win_rate', '2025-03-01', { region: 'AMER' })).toBe(0.5);
    expect(valueOf(byRegion, 'win_rate', '2025-03-01', { region: 'EMEA' })).toBe(1);
    expect(valueOf(byRegion, 'win_rate', '2025-01-01', { region: 'AMER' })).toBeNull();
  });
  it('fan-out is avoided within each cell', () => {
    // Mar EMEA won: o8 (no account), o9 a2 → 100; AMER: o4 a2 → 100; null region: o6 a4 → 50.
    expect(valueOf(byRegion, 'employees_won', '2025-03-01', { region: 'EMEA' })).toBe(100);
    expect(valueOf(byRegion, 'employees_won', '2025-03-01', { region: 'AMER' })).toBe(100);
    expect(valueOf(byRegion, 'employees_won', '2025-03-01', { region: null })).toBe(50);
  });
  it('a dimension that is an expression (if) groups rows, null conditions taking the else branch', async () => {
    const r = await runWorkspace(makeWorkspace(catalogFiles(kpiDocs(KPIS)), DATA), { kpis: ['closed'], by: ['size_band'] });
    // Jan: o1 100 Large, o2 50 Small, o3 200 Large. Mar: o4 Large; o5 (null amount) Small; o6, o8, o9 Small.
    expect(valueOf(r, 'closed', '2025-01-01', { size_band: 'Large' })).toBe(2);
    expect(valueOf(r, 'closed', '2025-01-01', { size_band: 'Small' })).toBe(1);
    expect(valueOf(r, 'closed', '2025-03-01', { size_band: 'Small' })).toBe(4);
  });
  it('two breakdown dimensions', async () => {
    const r = await runWorkspace(makeWorkspace(catalogFiles(kpiDocs(KPIS)), DATA), { kpis: ['won'], by: ['region', 'segment'] });
    const tuples = [...new Set(r.map((x) => `${x['region']}/${x['segment']}`))].sort();
    // Rows in range reach: EMEA/SMB (o1,o2), EMEA/ENT (o3,o9), AMER/ENT (o4), AMER/SMB (o5), null/ENT (o6), EMEA/null (o8).
    expect(tuples).toEqual(['AMER/ENT', 'AMER/SMB', 'EMEA/ENT', 'EMEA/SMB', 'EMEA/null', 'null/ENT']);
    expect(valueOf(r, 'won', '2025-03-01', { region: 'EMEA', segment: 'ENT' })).toBe(1);
  });
});
