/**
 * Less common combinations of windows, grains, per and last: each must compile to valid SQL and
 * give the hand-computed numbers on the fixture (fixture.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { makeWorkspace, runWorkspace, series, type PlainRow, type Workspace } from '../helpers/workspace.js';
import { DATA, catalogFiles, kpiDocs } from './fixture.js';

const KPIS = {
  bookings: 'sum(amount where won)',
  arr_end_rolling: 'rolling(last(sum(arr) on snapshot_date), 2 months)',
  bookings_30d: 'rolling(bookings, 30 days)',
  week_yoy: 'prior(count(opportunities), 1 year)',
  ytd_weekly: 'to_date(bookings, year)',
  acts_and_wins_per_rep: 'avg(count(activities) + count(opportunities where won) per rep)',
  nested_per: 'max(avg(sum(amount) per owner_id) per account_id)',
  accounts_per_segment: 'avg(count(accounts) per segment)',
  rolling_per: 'rolling(avg(sum(amount where won) per owner_id), 3 months)',
};

let ws: Workspace;
beforeAll(() => {
  ws = makeWorkspace(
    catalogFiles(kpiDocs(KPIS), {
      extra: `source: accounts_dim
file: accounts.csv
key: account_id
columns:
  account_id: { type: string }
  segment: { type: string }
  employees: { type: integer }
  parent_id: { type: string }
dimensions:
  segment: segment
`,
    }),
    { ...DATA, 'activities.csv': DATA['activities.csv']?.replace('activity_id,rep_id', 'activity_id,rep_id') ?? '' },
  );
});

describe('edge plans', () => {
  let rows: PlainRow[];
  beforeAll(async () => {
    rows = await runWorkspace(ws, { kpis: ['arr_end_rolling', 'bookings_30d', 'nested_per', 'rolling_per'] });
  });
  it('last inside rolling takes the last date of the whole window', () => {
    // Feb over Jan–Feb: last date 02-28 → a1 120. Mar over Feb–Mar: still 02-28 → 120.
    expect(series(rows, 'arr_end_rolling')).toEqual({ '2025-01-01': 310, '2025-02-01': 120, '2025-03-01': 120 });
  });
  it('a window that is not a whole number of periods reads rows', () => {
    // The 30 days before each period's end. Mar: [03-02, 04-01) → o4 300, o6 40, o8 10, o9 5 = 355.
    // Feb: [01-30, 03-01) → nothing (January's wins closed by 01-20). Jan: [01-02, 02-01) → 300.
    expect(series(rows, 'bookings_30d')).toEqual({ '2025-01-01': 300, '2025-02-01': 0, '2025-03-01': 355 });
  });
  it('nested per', () => {
    // Jan: a1 ← r1 (100 + 50) → 150; a2 ← r2 200 → 200; max = 200.
    expect(series(rows, 'nested_per')['2025-01-01']).toBe(200);
  });
  it('per inside rolling combines keys over the window', () => {
    // Mar over Jan–Mar won by owner: r1 100, r2 200 + 10 + 5, r3 300, r9 40 → 655 / 4.
    expect(series(rows, 'rolling_per')['2025-03-01']).toBeCloseTo(655 / 4, 9);
  });
  it('weekly grain with yearly windows', async () => {
    const weekly = await runWorkspace(ws, { kpis: ['week_yoy', 'ytd_weekly'], grain: 'week', from: '2026-01-05', to: '2026-01-25' });
    // The week of 2026-01-05 looks back to the week containing 2025-01-05 (Mon 2024-12-30): o1–o3 close later → 0.
    // The week of 2026-01-12 → week of 2025-01-06 (o1 on 01-10) → 1; 2026-01-19 → week of 2025-01-13 (o2) → 1.
    expect(series(weekly, 'week_yoy')).toEqual({ '2026-01-05': 0, '2026-01-12': 1, '2026-01-19': 1 });
    // No bookings in 2026: year-to-date is 0.
    expect(series(weekly, 'ytd_weekly')).toEqual({ '2026-01-05': 0, '2026-01-12': 0, '2026-01-19': 0 });
  });
  it('per over two sources with a conformed key', async () => {
    const r = await runWorkspace(ws, { kpis: ['acts_and_wins_per_rep'], from: '2025-01-01', to: '2025-01-31' });
    // Jan by rep: r1 1 activity + 1 won = 2; r2 0 + 1 = 1 → avg 1.5.
    expect(series(r, 'acts_and_wins_per_rep')).toEqual({ '2025-01-01': 1.5 });
  });
  it('per over a source without time', async () => {
    const r = await runWorkspace(ws, { kpis: ['accounts_per_segment'], from: '2025-01-01', to: '2025-02-28' });
    // accounts_dim: SMB 2, ENT 2 → 2 in every period.
    expect(series(r, 'accounts_per_segment')).toEqual({ '2025-01-01': 2, '2025-02-01': 2 });
  });
});
