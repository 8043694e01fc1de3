/**
 * LANGUAGE.md §5–6: KPI-level time functions and the calendar, on the hand-made fixture
 * (fixture.ts). February 2025 has no closed rows: gaps must never shift prior, rolling or to_date.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { makeWorkspace, runWorkspace, series, type PlainRow } from '../helpers/workspace.js';
import { DATA, catalogFiles, kpiDocs } from './fixture.js';

const KPIS = {
  bookings: 'sum(amount where won)',
  won: 'count(opportunities where won)',
  closed: 'count(opportunities where closed)',
  win_rate: 'won / closed',
  prior_bookings: 'prior(bookings, 1 month)',
  change_bookings: 'change(bookings, 1 month)',
  growth_bookings: 'growth(bookings, 1 month)',
  rolling_win_rate: 'rolling(win_rate, 3 months)',
  rolling_bookings: 'rolling(bookings, 2 months)',
  rolling_median: 'rolling(median(amount), 3 months)',
  rolling_accounts: 'rolling(count_distinct(account_id where won), 3 months)',
  ytd: 'to_date(bookings, year)',
  qtd: 'to_date(bookings, quarter)',
  yoy: 'prior(bookings, 1 year)',
  prior_rolling: 'prior(rolling(bookings, 2 months), 1 month)',
  fiscal_q1: 'count(opportunities where quarter(close_date) = 1)',
  fiscal_year: 'max(year(close_date))',
};

describe('time windows at grain month', () => {
  let rows: PlainRow[];
  beforeAll(async () => {
    rows = await runWorkspace(makeWorkspace(catalogFiles(kpiDocs(KPIS)), DATA), {});
  });
  it('prior, change and growth work on calendar periods, not on rows', () => {
    // bookings: Jan 300, Feb 0, Mar 355; Dec has no data (0).
    expect(series(rows, 'prior_bookings')).toEqual({ '2025-01-01': 0, '2025-02-01': 300, '2025-03-01': 0 });
    expect(series(rows, 'change_bookings')).toEqual({ '2025-01-01': 300, '2025-02-01': -300, '2025-03-01': 355 });
    // growth = E / prior − 1; a zero prior gives null.
    expect(series(rows, 'growth_bookings')).toEqual({ '2025-01-01': null, '2025-02-01': -1, '2025-03-01': null });
  });
  it('rolling re-aggregates the parts of a ratio; it never averages ratios', () => {
    const s = series(rows, 'rolling_win_rate');
    // Mar over Jan–Mar: (2 + 0 + 4) / (3 + 0 + 5) = 0.75 (the average of the monthly ratios would be 0.733).
    expect(s['2025-03-01']).toBeCloseTo(0.75, 12);
    // Feb over Dec–Feb: 2 / 3.
    expect(s['2025-02-01']).toBeCloseTo(2 / 3, 12);
    expect(series(rows, 'rolling_bookings')).toEqual({ '2025-01-01': 300, '2025-02-01': 300, '2025-03-01': 355 });
  });
  it('rolling re-aggregates non-additive aggregates from rows', () => {
    // Jan–Mar amounts: 100, 50, 200, 300, 40, 10, 5 (o5 null) → median 50.
    expect(series(rows, 'rolling_median')['2025-03-01']).toBe(50);
    // Feb: Dec–Feb → Jan's 50, 100, 200 → 100.
    expect(series(rows, 'rolling_median')['2025-02-01']).toBe(100);
    // Jan–Mar won accounts: a1, a2, a4 (o8 has none) → 3.
    expect(series(rows, 'rolling_accounts')).toEqual({ '2025-01-01': 2, '2025-02-01': 2, '2025-03-01': 3 });
  });
  it('to_date accumulates from the start of the enclosing year and quarter', () => {
    expect(series(rows, 'ytd')).toEqual({ '2025-01-01': 300, '2025-02-01': 300, '2025-03-01': 655 });
    expect(series(rows, 'qtd')).toEqual({ '2025-01-01': 300, '2025-02-01': 300, '2025-03-01': 655 });
  });
  it('windows compose: prior of a rolling sum', () => {
    // Mar: rolling 2 months of Feb = Jan + Feb = 300.
    expect(series(rows, 'prior_rolling')).toEqual({ '2025-01-01': 0, '2025-02-01': 300, '2025-03-01': 300 });
  });
});

describe('the fiscal calendar', () => {
  it('to_date and quarters follow the fiscal year start (FY labelled by its start year)', async () => {
    const rows = await runWorkspace(makeWorkspace(catalogFiles(kpiDocs(KPIS), { fiscal: 2 }), DATA), {});
    // FY2025 starts 2025-02-01: January belongs to FY2024.
    expect(series(rows, 'ytd')).toEqual({ '2025-01-01': 300, '2025-02-01': 0, '2025-03-01': 355 });
    // Fiscal Q1 = Feb–Apr: March's 5 closed rows.
    expect(series(rows, 'fiscal_q1')).toEqual({ '2025-01-01': 0, '2025-02-01': 0, '2025-03-01': 5 });
    expect(series(rows, 'fiscal_year')).toEqual({ '2025-01-01': 2024, '2025-02-01': null, '2025-03-01': 2025 });
  });
  it('quarter and year periods start on fiscal boundaries', async () => {
    const ws = makeWorkspace(catalogFiles(kpiDocs(KPIS), { fiscal: 2 }), DATA);
    const q = await runWorkspace(ws, { kpis: ['bookings'], grain: 'quarter' });
    // Fiscal quarters start Nov, Feb, May, Aug: January is in the quarter of 2024-11-01.
    expect(series(q, 'bookings')).toEqual({ '2024-11-01': 300, '2025-02-01': 355 });
    const y = await runWorkspace(ws, { kpis: ['bookings'], grain: 'year' });
    expect(series(y, 'bookings')).toEqual({ '2024-02-01': 300, '2025-02-01': 355 });
  });
  it('weeks start on the configured weekday', async () => {
    const monday = await runWorkspace(makeWorkspace(catalogFiles(kpiDocs(KPIS)), DATA), {
      kpis: ['bookings'],
      grain: 'week',
      to: '2025-01-31',
    });
    // o1 Fri 2025-01-10 → week of Mon 01-06; o3 Mon 01-20 → 01-20; the weeks between are 0.
    expect(series(monday, 'bookings')).toEqual({ '2025-01-06': 100, '2025-01-13': 0, '2025-01-20': 200, '2025-01-27': 0 });
    const sunday = await runWorkspace(makeWorkspace(catalogFiles(kpiDocs(KPIS), { weekStart: 'sunday' }), DATA), {
      kpis: ['bookings'],
      grain: 'week',
      to: '2025-01-31',
    });
    expect(series(sunday, 'bookings')).toEqual({ '2025-01-05': 100, '2025-01-12': 0, '2025-01-19': 200, '2025-01-26': 0 });
  });
  it('day grain', async () => {
    const rows = await runWorkspace(makeWorkspace(catalogFiles(kpiDocs(KPIS)), DATA), {
      kpis: ['won'],
      grain: 'day',
      from: '2025-01-09',
      to: '2025-01-11',
    });
    expect(series(rows, 'won')).toEqual({ '2025-01-09': 0, '2025-01-10': 1, '2025-01-11': 0 });
  });
});

describe('--from and --to', () => {
  it('select whole periods; windows still read data before --from', async () => {
    const rows = await runWorkspace(makeWorkspace(catalogFiles(kpiDocs(KPIS)), DATA), {
      kpis: ['bookings', 'prior_bookings', 'rolling_win_rate', 'ytd'],
      from: '2025-02-15',
      to: '2025-03-31',
    });
    expect(series(rows, 'bookings')).toEqual({ '2025-02-01': 0, '2025-03-01': 355 });
    expect(series(rows, 'prior_bookings')).toEqual({ '2025-02-01': 300, '2025-03-01': 0 });
    expect(series(rows, 'rolling_win_rate')['2025-03-01']).toBeCloseTo(0.75, 12);
    expect(series(rows, 'ytd')).toEqual({ '2025-02-01': 300, '2025-03-01': 655 });
  });
  it('periods with no data inside the range still appear', async () => {
    const rows = await runWorkspace(makeWorkspace(catalogFiles(kpiDocs(KPIS)), DATA), {
      kpis: ['bookings'],
      from: '2024-11-01',
      to: '2025-04-30',
    });
    expect(series(rows, 'bookings')).toEqual({
      '2024-11-01': 0,
      '2024-12-01': 0,
      '2025-01-01': 300,
      '2025-02-01': 0,
      '2025-03-01': 355,
      '2025-04-01': 0,
    });
  });
  it('a year-ago comparison reads the year before', async () => {
    const rows = await runWorkspace(makeWorkspace(catalogFiles(kpiDocs(KPIS)), DATA), {
      kpis: ['yoy'],
      from: '2026-01-01',
      to: '2026-03-31',
    });
    expect(series(rows, 'yoy')).toEqual({ '2026-01-01': 300, '2026-02-01': 0, '2026-03-01': 355 });
  });
});

describe('a window broken down by a dimension does not depend on --from', () => {
  it('the rows a window reads before the range decide the breakdown values too', async () => {
    const ws = makeWorkspace(catalogFiles(kpiDocs(KPIS)), DATA);
    // February has no closed rows at all; its Jan–Feb window holds EMEA's January bookings
    // (o1 100 + o3 200). The same cell read with a range starting in January has that value.
    const feb = await runWorkspace(ws, { kpis: ['rolling_bookings'], by: ['region'], from: '2025-02-01', to: '2025-02-28' });
    expect(feb).toEqual([{ kpi: 'rolling_bookings', period: '2025-02-01', region: 'EMEA', value: 300 }]);
    const wide = await runWorkspace(ws, { kpis: ['rolling_bookings'], by: ['region'], from: '2025-01-01', to: '2025-02-28' });
    expect(wide.filter((r) => r['period'] === '2025-02-01')).toEqual(feb);
  });
});
