/**
 * LANGUAGE.md §5–6: per, hhi, top_share, total, multi-source KPIs, conformed dimensions, lookups,
 * semi-additive last, sources without time — on the hand-made fixture (fixture.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkCatalog } from '../../src/check-catalog.js';
import { runKpis } from '../../src/pipeline.js';
import { makeWorkspace, runWorkspace, series, valueOf, type PlainRow } from '../helpers/workspace.js';
import { DATA, LOOKUPS, catalogFiles, kpiDocs } from './fixture.js';

const KPIS = {
  bookings: 'sum(amount where won)',
  avg_rep_bookings: 'avg(sum(amount where won) per owner_id)',
  avg_rep_losses: 'avg(count(opportunities where lost) per owner_id)',
  avg_account_bookings: 'avg(sum(amount where won) per account_id)',
  reps_with_wins: 'count(sum(amount where won) per owner_id)',
  max_rep_bookings: 'max(bookings per owner_id)',
  hhi_accounts: 'hhi(sum(amount where won) per account_id)',
  top1_share: 'top_share(sum(amount where won) per account_id, 1)',
  share_of_total: 'bookings / total(bookings)',
  total_bookings: 'total(bookings)',
  total_keep_region: 'total(bookings, region)',
  rolling_total: 'rolling(total(bookings), 2 months)',
  total_median: 'total(median(amount))',
  activity_count: 'count(activities)',
  acts_plus_wins: 'count(activities) + count(opportunities where won)',
  acts_per_win: 'count(activities) / count(opportunities where won)',
  arr_end: 'last(sum(arr) on snapshot_date)',
  arr_all: 'sum(arr)',
  arr_by_account: 'sum(last(sum(arr) on snapshot_date) per account_id)',
  arr_prior: 'prior(arr_end, 1 month)',
  arr_accounts: 'count(last(sum(arr) on snapshot_date) per account_id)',
  per_account: 'bookings / count(accounts)',
  account_count: 'count(accounts)',
};

let rows: PlainRow[];
beforeAll(async () => {
  rows = await runWorkspace(makeWorkspace(catalogFiles(kpiDocs(KPIS)), DATA), {
    kpis: Object.keys(KPIS).filter((k) => k !== 'account_count'),
  });
});

describe('per, hhi and top_share', () => {
  it('AGG(E per key) combines the keys that have a row matching E’s filters', () => {
    // Jan won by owner: r1 100, r2 200 → 150. Mar: r3 300, r9 40, r2 15 → 355 / 3.
    expect(series(rows, 'avg_rep_bookings')['2025-01-01']).toBe(150);
    expect(series(rows, 'avg_rep_bookings')['2025-03-01']).toBeCloseTo(355 / 3, 9);
    expect(series(rows, 'avg_rep_bookings')['2025-02-01']).toBeNull();
    // Jan lost rows: only r1 (o2) → avg 1; r2 (no lost row) does not count as a 0.
    expect(series(rows, 'avg_rep_losses')['2025-01-01']).toBe(1);
    expect(series(rows, 'reps_with_wins')).toEqual({ '2025-01-01': 2, '2025-02-01': 0, '2025-03-01': 3 });
    expect(series(rows, 'max_rep_bookings')['2025-03-01']).toBe(300);
  });
  it('rows with a null key form one key of their own', () => {
    // Mar won by account: a2 305, a4 40, (null) 10 → 355 / 3.
    expect(series(rows, 'avg_account_bookings')['2025-03-01']).toBeCloseTo(355 / 3, 9);
  });
  it('hhi and top_share', () => {
    // Jan shares: a1 1/3, a2 2/3 → 1/9 + 4/9.
    expect(series(rows, 'hhi_accounts')['2025-01-01']).toBeCloseTo(5 / 9, 12);
    // Mar: a2 305 of 355.
    expect(series(rows, 'top1_share')['2025-03-01']).toBeCloseTo(305 / 355, 12);
    expect(series(rows, 'hhi_accounts')['2025-02-01']).toBeNull();
  });
});

describe('total', () => {
  let byRegion: PlainRow[];
  beforeAll(async () => {
    byRegion = await runWorkspace(makeWorkspace(catalogFiles(kpiDocs(KPIS)), DATA), {
      kpis: ['bookings', 'share_of_total', 'total_bookings', 'total_keep_region', 'rolling_total', 'total_median'],
      by: ['region', 'segment'],
    });
  });
  it('total(E) removes every breakdown dimension, in the same period', () => {
    expect(valueOf(byRegion, 'total_bookings', '2025-03-01', { region: 'AMER', segment: 'ENT' })).toBe(355);
    expect(valueOf(byRegion, 'share_of_total', '2025-03-01', { region: 'AMER', segment: 'ENT' })).toBeCloseTo(300 / 355, 12);
  });
  it('windows over totals, and totals of non-additive aggregates', () => {
    // Feb over Jan–Feb: 300 + 0, whatever the cell; Mar over Feb–Mar: 355.
    expect(valueOf(byRegion, 'rolling_total', '2025-02-01', { region: 'EMEA', segment: 'SMB' })).toBe(300);
    expect(valueOf(byRegion, 'rolling_total', '2025-03-01', { region: null, segment: 'ENT' })).toBe(355);
    // Mar amounts 300, 40, 10, 5 (o5 null) → median 25 in every cell.
    expect(valueOf(byRegion, 'total_median', '2025-03-01', { region: 'AMER', segment: 'SMB' })).toBe(25);
  });
  it('total(E, region) keeps only region', () => {
    // Mar EMEA: o8 (no account) 10 + o9 (ENT) 5 = 15, whatever the segment.
    expect(valueOf(byRegion, 'total_keep_region', '2025-03-01', { region: 'EMEA', segment: 'ENT' })).toBe(15);
    expect(valueOf(byRegion, 'total_keep_region', '2025-03-01', { region: 'EMEA', segment: null })).toBe(15);
  });
});

describe('KPIs over several sources', () => {
  let byRegion: PlainRow[];
  beforeAll(async () => {
    byRegion = await runWorkspace(makeWorkspace(catalogFiles(kpiDocs(KPIS)), DATA), {
      kpis: ['activity_count', 'acts_plus_wins', 'acts_per_win'],
      by: ['region'],
    });
  });
  it('cells present on either side appear, with 0 for the other side’s counts', () => {
    // APAC has activities (x2, x3 in Feb) and no opportunities.
    expect(valueOf(byRegion, 'acts_plus_wins', '2025-02-01', { region: 'APAC' })).toBe(2);
    // The null region comes from the orphan opportunity o6 (Mar); no activity has it.
    expect(valueOf(byRegion, 'acts_plus_wins', '2025-03-01', { region: null })).toBe(1);
    // Jan EMEA: 1 activity (x1) / 2 won.
    expect(valueOf(byRegion, 'acts_per_win', '2025-01-01', { region: 'EMEA' })).toBe(0.5);
    expect(valueOf(byRegion, 'acts_per_win', '2025-02-01', { region: 'APAC' })).toBeNull();
  });
  it('a single-source KPI keeps its own breakdown values', () => {
    const regions = [...new Set(byRegion.filter((r) => r['kpi'] === 'activity_count').map((r) => r['region']))].sort();
    expect(regions).toEqual(['AMER', 'APAC', 'EMEA']);
  });
  it('a breakdown by a dimension one of the sources lacks is refused, naming KPI, dimension and source', async () => {
    const ws = makeWorkspace(catalogFiles(kpiDocs(KPIS)), DATA);
    const checked = checkCatalog(ws.catalogDir);
    const result = await runKpis(checked.resolved, { kpis: ['acts_plus_wins'], by: ['segment'] }, { dataDir: ws.dataDir });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.kind).toBe('usage');
      expect(result.message).toContain('acts_plus_wins');
      expect(result.message).toContain('segment');
      expect(result.message).toContain('activities');
    }
  });
});

describe('semi-additive last', () => {
  it('aggregates only the rows on the period’s last date that has rows', () => {
    // Jan: last date 01-31 → a1 110 + a2 200. Feb: last date 02-28 → a1 120 (a2's 02-15 row is earlier).
    expect(series(rows, 'arr_end')['2025-01-01']).toBe(310);
    expect(series(rows, 'arr_end')['2025-02-01']).toBe(120);
  });
  it('carries a balance over periods without rows: nothing moved in March, so it is February’s', () => {
    expect(series(rows, 'arr_end')['2025-03-01']).toBe(120);
    // Per account, each keeps its own latest balance: Feb a1 120 (02-28) + a2 210 (02-15); March
    // has no rows, so both carry (330), and both accounts are still there.
    expect(series(rows, 'arr_by_account')).toEqual({ '2025-01-01': 310, '2025-02-01': 330, '2025-03-01': 330 });
    expect(series(rows, 'arr_accounts')).toEqual({ '2025-01-01': 2, '2025-02-01': 2, '2025-03-01': 2 });
  });
  it('a balance in a window is the one at the window’s end, carried from before it if need be', async () => {
    // April 2025 has no rows and neither does March: prior(…, 1 month) of April is March's, which
    // carries February's 120.
    const r = await runWorkspace(makeWorkspace(catalogFiles(kpiDocs(KPIS)), DATA), {
      kpis: ['arr_prior', 'arr_end'],
      from: '2025-04-01',
      to: '2025-04-30',
    });
    expect(series(r, 'arr_prior')).toEqual({ '2025-04-01': 120 });
    expect(series(r, 'arr_end')).toEqual({ '2025-04-01': 120 });
    expect(series(rows, 'arr_all')['2025-01-01']).toBe(410);
  });
});

describe('sources without time', () => {
  it('give the same value in every period', () => {
    expect(series(rows, 'per_account')).toEqual({ '2025-01-01': 75, '2025-02-01': 0, '2025-03-01': 88.75 });
  });
  it('with --from/--to, a KPI over a source without time has a value in each period', async () => {
    const r = await runWorkspace(makeWorkspace(catalogFiles(kpiDocs(KPIS)), DATA), {
      kpis: ['account_count'],
      from: '2025-01-01',
      to: '2025-02-28',
    });
    expect(series(r, 'account_count')).toEqual({ '2025-01-01': 4, '2025-02-01': 4 });
  });
});

describe('lookups', () => {
  const LOOKUP_KPIS = {
    weighted_created: 'sum(amount * stage_weight[stage] on created_date)',
    expected_score: 'sum(owner_win_rate[owner_id] on created_date)',
  };
  let r: PlainRow[];
  beforeAll(async () => {
    r = await runWorkspace(makeWorkspace(catalogFiles(kpiDocs(LOOKUP_KPIS), { extra: LOOKUPS }), DATA), { kpis: Object.keys(LOOKUP_KPIS) });
  });
  it('fixed rows; a key with no row gives null', () => {
    // Created in Mar: o6 Won 40×1, o7 Open 70×0.5, o8 Won 10×1, o9 Won 5×1 → 90. Jan: o1 100 + o2 (Lost: no row) + o3 200.
    expect(series(r, 'weighted_created')).toEqual({ '2025-01-01': 300, '2025-02-01': 300, '2025-03-01': 90 });
  });
  it('a KPI evaluated per key over the window before each period, as of that period', () => {
    // As of Mar (window Jan–Feb, close dates): r1 1/2, r2 1/1; created in Mar: o6 r9 (none), o7 r1 0.5, o8 r2 1, o9 r2 1.
    // As of Feb (Dec–Jan): r3 has no closes → null for o4, o5. As of Jan: nothing before → 0.
    expect(series(r, 'expected_score')).toEqual({ '2025-01-01': 0, '2025-02-01': 0, '2025-03-01': 2.5 });
  });
});

describe('extending a resolved catalog', () => {
  it('a mapped dimension breaks KPIs down by an org level known only as of a period', async () => {
    const { withMappedDimension } = await import('../../src/resolve/extend.js');
    const ws = makeWorkspace(catalogFiles(kpiDocs(KPIS)), DATA);
    const checked = checkCatalog(ws.catalogDir);
    // Teams as of some period: r1 and r3 in T1, r2 in T2; r9 unmapped.
    const resolved = withMappedDimension(checked.resolved, 'team', 'rep', [
      ['r1', 'T1'],
      ['r2', 'T2'],
      ['r3', 'T1'],
    ]);
    const result = await runKpis(
      resolved,
      { kpis: ['bookings'], by: ['team'], from: '2025-03-01', to: '2025-03-31' },
      { dataDir: ws.dataDir },
    );
    if (!result.ok) throw new Error(result.message);
    const byTeam = Object.fromEntries(result.rows.map((r) => [String(r.by[0]), r.value]));
    // Mar won: o4 r3 300 → T1; o8 10 + o9 5 (r2) → T2; o6 r9 40 → null.
    expect(byTeam).toEqual({ T1: 300, T2: 15, null: 40 });
  });
});
