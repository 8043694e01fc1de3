/**
 * The ARR bridge, NRR, GRR, logo churn and concentration of the shipped catalog on a tiny
 * hand-built ledger, against the standard definitions computed by hand below. The catalog's own
 * catalog.yaml (fiscal year from October), ARR sources and KPI files are copied into a temp
 * folder; only the data is made up.
 *
 * Accounts (region; parent): A AMER; B AMER; C EMEA; D EMEA; E APAC, subsidiary of A; F APAC.
 * Ledger (ARR at month end, movement, delta):
 *   A  2025-03 80 new · Apr–Aug 80 flat · Sep 100 expansion +20 · Oct 100 flat · Nov 150 expansion +50
 *      · Dec 150 flat · 2026-01 150 flat · Feb 120 contraction −30 · Mar 120 flat
 *   B  2025-09 200 new · Oct 150 contraction −50 · Nov 0 churn −150
 *   C  2025-10 80 new · Nov 100 expansion +20 · Dec 100 flat · 2026-01 0 churn −100 · Mar 60 reactivation +60
 *   D  2025-09 50 new · Oct 50 · Nov 50 · Dec 90 expansion +40 · 2026-01 90 · Feb 90 · Mar 90
 *   E  2025-12 40 new · 2026-01 40 · Feb 70 expansion +30 · Mar 70
 *   F  2025-03 500 new · Apr–Aug 500 flat · Sep 400 contraction −100 · Oct 400 · Nov 400 · Dec 0 churn −400
 *
 * ARR at month end: Mar–Aug 2025 580 (A80 F500) · Sep 750 (A100 B200 D50 F400) · Oct 780
 * (A100 B150 C80 D50 F400) · Nov 700 (A150 B0 C100 D50 F400) · Dec 380 (A150 C100 D90 E40 F0) ·
 * Jan 280 (A150 C0 D90 E40) · Feb 280 (A120 D90 E70) · Mar 340 (A120 C60 D90 E70).
 *
 * Standard definitions: beginning ARR = ARR at the end of the period before; NRR = Σ end ARR of the
 * accounts that were customers at the start ÷ Σ their start ARR; GRR = Σ min(start, end) ÷ Σ start;
 * a logo is lost when start > 0 and end = 0.
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeWorkspace, runWorkspace, valueOf, type PlainRow, type Workspace } from '../helpers/workspace.js';
import { CATALOG_DIR, close, runCatalog } from './helpers.js';

type Movement = 'new' | 'expansion' | 'contraction' | 'churn' | 'reactivation' | 'flat';
const LEDGER: readonly (readonly [string, string, number, Movement, number])[] = [
  ['A', '2025-03', 80, 'new', 80],
  ...(['04', '05', '06', '07', '08'] as const).map((m) => ['A', `2025-${m}`, 80, 'flat', 0] as const),
  ['A', '2025-09', 100, 'expansion', 20],
  ['A', '2025-10', 100, 'flat', 0],
  ['A', '2025-11', 150, 'expansion', 50],
  ['A', '2025-12', 150, 'flat', 0],
  ['A', '2026-01', 150, 'flat', 0],
  ['A', '2026-02', 120, 'contraction', -30],
  ['A', '2026-03', 120, 'flat', 0],
  ['B', '2025-09', 200, 'new', 200],
  ['B', '2025-10', 150, 'contraction', -50],
  ['B', '2025-11', 0, 'churn', -150],
  ['C', '2025-10', 80, 'new', 80],
  ['C', '2025-11', 100, 'expansion', 20],
  ['C', '2025-12', 100, 'flat', 0],
  ['C', '2026-01', 0, 'churn', -100],
  ['C', '2026-03', 60, 'reactivation', 60],
  ['D', '2025-09', 50, 'new', 50],
  ['D', '2025-10', 50, 'flat', 0],
  ['D', '2025-11', 50, 'flat', 0],
  ['D', '2025-12', 90, 'expansion', 40],
  ['D', '2026-01', 90, 'flat', 0],
  ['D', '2026-02', 90, 'flat', 0],
  ['D', '2026-03', 90, 'flat', 0],
  ['E', '2025-12', 40, 'new', 40],
  ['E', '2026-01', 40, 'flat', 0],
  ['E', '2026-02', 70, 'expansion', 30],
  ['E', '2026-03', 70, 'flat', 0],
  ['F', '2025-03', 500, 'new', 500],
  ...(['04', '05', '06', '07', '08'] as const).map((m) => ['F', `2025-${m}`, 500, 'flat', 0] as const),
  ['F', '2025-09', 400, 'contraction', -100],
  ['F', '2025-10', 400, 'flat', 0],
  ['F', '2025-11', 400, 'flat', 0],
  ['F', '2025-12', 0, 'churn', -400],
];

const ACCOUNTS = [
  'account_id,name,segment,industry,region,employees,created_date,parent_account_id',
  'A,Alpha,Enterprise,Software,AMER,5000,2024-01-01,',
  'B,Beta,SMB,Retail,AMER,40,2024-01-01,',
  'C,Gamma,Mid-Market,Energy,EMEA,400,2024-01-01,',
  'D,Delta,SMB,Media,EMEA,30,2024-01-01,',
  'E,Alpha Asia,Mid-Market,Software,APAC,300,2024-01-01,A',
  'F,Foxtrot,Enterprise,Healthcare,APAC,9000,2024-01-01,',
  '',
].join('\n');

/** The catalog's ARR files, copied as they are. */
const CATALOG_FILES = ['catalog.yaml', 'sources/arr_ledger.yaml', 'sources/accounts.yaml', 'kpis/arr.yaml', 'kpis/concentration.yaml'];

function ledgerWorkspace(): Workspace {
  const csv = ['account_id,month,arr,movement,delta', ...LEDGER.map(([a, m, arr, mv, d]) => `${a},${m}-01,${arr},${mv},${d}`), ''].join(
    '\n',
  );
  const ws = makeWorkspace({}, { 'arr_ledger.csv': csv, 'accounts.csv': ACCOUNTS });
  for (const file of CATALOG_FILES) {
    mkdirSync(path.dirname(path.join(ws.catalogDir, file)), { recursive: true });
    copyFileSync(path.join(CATALOG_DIR, file), path.join(ws.catalogDir, file));
  }
  return ws;
}

/** Asserts period → value for each KPI (within 1e-9 relative), listing every mismatch. */
function expectSeries(
  rows: readonly PlainRow[],
  expected: Readonly<Record<string, Readonly<Record<string, number | null>>>>,
  dims: Readonly<Record<string, string | null>> = {},
): void {
  const wrong: string[] = [];
  for (const [kpi, series] of Object.entries(expected)) {
    for (const [period, want] of Object.entries(series)) {
      const got = valueOf(rows, kpi, period, dims);
      if (got === undefined || !close(got, want)) wrong.push(`${kpi} ${period}: kpic ${String(got)}, by hand ${String(want)}`);
    }
  }
  expect(wrong).toEqual([]);
}

const KPIS = readFileSync(path.join(CATALOG_DIR, 'kpis/arr.yaml'), 'utf8')
  .split('\n')
  .filter((l) => l.startsWith('kpi: '))
  .map((l) => l.slice(5).trim())
  .concat(['arr_hhi', 'top10_arr_share']);

describe('the ARR bridge and retention on a hand-built ledger, by month', () => {
  let rows: PlainRow[];
  beforeAll(async () => {
    rows = await runWorkspace(ledgerWorkspace(), { kpis: KPIS, grain: 'month' });
  });

  it('moves ARR from the beginning to the end of each month', () => {
    expectSeries(rows, {
      arr: {
        '2025-03-01': 580,
        '2025-08-01': 580,
        '2025-09-01': 750,
        '2025-10-01': 780,
        '2025-11-01': 700,
        '2025-12-01': 380,
        '2026-01-01': 280,
        '2026-02-01': 280,
        '2026-03-01': 340,
      },
      beginning_arr: {
        '2025-03-01': 0,
        '2025-04-01': 580,
        '2025-09-01': 580,
        '2025-10-01': 750,
        '2025-11-01': 780,
        '2025-12-01': 700,
        '2026-01-01': 380,
        '2026-02-01': 280,
        '2026-03-01': 280,
      },
      // Sep: B 200 + D 50 new; A +20; F −100.
      new_arr: { '2025-03-01': 580, '2025-04-01': 0, '2025-09-01': 250, '2025-10-01': 80, '2025-12-01': 40 },
      expansion_arr: { '2025-09-01': 20, '2025-11-01': 70, '2025-12-01': 40, '2026-02-01': 30 },
      contraction_arr: { '2025-09-01': 100, '2025-10-01': 50, '2026-02-01': 30, '2026-03-01': 0 },
      churned_arr: { '2025-11-01': 150, '2025-12-01': 400, '2026-01-01': 100, '2026-02-01': 0 },
      reactivation_arr: { '2026-03-01': 60, '2026-02-01': 0 },
      net_new_arr: {
        '2025-09-01': 170,
        '2025-10-01': 30,
        '2025-11-01': -80,
        '2025-12-01': -320,
        '2026-01-01': -100,
        '2026-02-01': 0,
        '2026-03-01': 60,
      },
    });
  });

  it('NRR and GRR count only the customers at the start of the month, GRR capped per account', () => {
    expectSeries(rows, {
      // Mar 2025: no customer before → null. Sep: A 80→100, F 500→400 (B, D new): 500/580; GRR 80+400.
      // Oct: A100 B200 D50 F400 → A100 B150 D50 F400 (C new). Nov: 780 → A150 B0 C100 D50 F400.
      // Dec: A150 C100 D50 F400 = 700 → A150 C100 D90 F0 (E new). Jan: 380 → 280.
      // Feb: A150 D90 E40 → A120 D90 E70: NRR 1, GRR 120+90+40. Mar: C's reactivation is excluded.
      nrr: {
        '2025-03-01': null,
        '2025-04-01': 1,
        '2025-09-01': 500 / 580,
        '2025-10-01': 700 / 750,
        '2025-11-01': 700 / 780,
        '2025-12-01': 340 / 700,
        '2026-01-01': 280 / 380,
        '2026-02-01': 1,
        '2026-03-01': 1,
      },
      grr: {
        '2025-03-01': null,
        '2025-04-01': 1,
        '2025-09-01': 480 / 580,
        '2025-10-01': 700 / 750,
        '2025-11-01': 630 / 780,
        '2025-12-01': 300 / 700,
        '2026-01-01': 280 / 380,
        '2026-02-01': 250 / 280,
        '2026-03-01': 1,
      },
      // Trailing 12 months ending Mar 2026: customers of end-Mar-2025 were A 80 and F 500; now A 120, F 0.
      nrr_ttm: { '2026-02-01': null, '2026-03-01': 120 / 580 },
      grr_ttm: { '2026-03-01': 80 / 580 },
      logo_churn_rate_ttm: { '2026-03-01': 1 / 2 },
    });
  });

  it('counts logos: customers, new, starting, lost', () => {
    expectSeries(rows, {
      customers: { '2025-03-01': 2, '2025-09-01': 4, '2025-11-01': 4, '2025-12-01': 4, '2026-01-01': 3, '2026-03-01': 4 },
      new_customers: { '2025-03-01': 2, '2025-09-01': 2, '2025-10-01': 1, '2025-12-01': 1, '2026-03-01': 0 },
      starting_customers: {
        '2025-09-01': 2,
        '2025-10-01': 4,
        '2025-11-01': 5,
        '2025-12-01': 4,
        '2026-01-01': 4,
        '2026-02-01': 3,
        '2026-03-01': 3,
      },
      churned_customers: { '2025-11-01': 1, '2025-12-01': 1, '2026-01-01': 1, '2026-03-01': 0 },
      logo_churn_rate: { '2025-03-01': null, '2025-11-01': 1 / 5, '2025-12-01': 1 / 4, '2026-01-01': 1 / 4, '2026-02-01': 0 },
    });
  });

  it('measures concentration over corporate families (E counts toward its parent A)', () => {
    expectSeries(rows, {
      // Dec: family A = 150 + 40, C 100, D 90, F 0 of 380.
      arr_hhi: { '2025-12-01': (190 ** 2 + 100 ** 2 + 90 ** 2) / 380 ** 2, '2025-03-01': (80 ** 2 + 500 ** 2) / 580 ** 2 },
      // Fewer than 10 families: they hold everything.
      top10_arr_share: { '2025-12-01': 1 },
    });
  });
});

describe('the ARR bridge and retention on a hand-built ledger, by fiscal quarter', () => {
  let rows: PlainRow[];
  beforeAll(async () => {
    rows = await runWorkspace(ledgerWorkspace(), { kpis: KPIS, grain: 'quarter' });
  });

  it('adds the monthly movements up over the quarter', () => {
    // Fiscal quarters start in Oct, Jan, Apr, Jul. Oct–Dec 2025: 750 → 380; new C 80 + E 40;
    // expansion Nov 70 + Dec 40; contraction B 50; churn B 150 + F 400.
    expectSeries(rows, {
      arr: { '2025-01-01': 580, '2025-04-01': 580, '2025-07-01': 750, '2025-10-01': 380, '2026-01-01': 340 },
      beginning_arr: { '2025-01-01': 0, '2025-04-01': 580, '2025-07-01': 580, '2025-10-01': 750, '2026-01-01': 380 },
      new_arr: { '2025-07-01': 250, '2025-10-01': 120, '2026-01-01': 0 },
      expansion_arr: { '2025-07-01': 20, '2025-10-01': 110, '2026-01-01': 30 },
      contraction_arr: { '2025-07-01': 100, '2025-10-01': 50, '2026-01-01': 30 },
      churned_arr: { '2025-07-01': 0, '2025-10-01': 550, '2026-01-01': 100 },
      reactivation_arr: { '2025-10-01': 0, '2026-01-01': 60 },
      net_new_arr: { '2025-07-01': 170, '2025-10-01': -370, '2026-01-01': -40 },
    });
  });

  it('NRR excludes the quarter’s new customers and keeps an account that churned and came back', () => {
    expectSeries(rows, {
      // Oct–Dec: start A100 B200 D50 F400 = 750, end A150 B0 D90 F0 = 240; GRR 100 + 0 + 50 + 0.
      // Jan–Mar: start A150 C100 D90 E40 = 380, end A120 C60 D90 E70 = 340; GRR 120 + 60 + 90 + 40.
      nrr: { '2025-01-01': null, '2025-04-01': 1, '2025-07-01': 500 / 580, '2025-10-01': 240 / 750, '2026-01-01': 340 / 380 },
      grr: { '2025-04-01': 1, '2025-07-01': 480 / 580, '2025-10-01': 150 / 750, '2026-01-01': 310 / 380 },
      // Oct–Dec: B and F lost of A, B, D, F. Jan–Mar: C churned but is back by March: not lost.
      churned_customers: { '2025-10-01': 2, '2026-01-01': 0 },
      logo_churn_rate: { '2025-10-01': 2 / 4, '2026-01-01': 0 },
      customers: { '2025-10-01': 4, '2026-01-01': 4 },
      new_customers: { '2025-10-01': 2, '2026-01-01': 0 },
      // Apr 2025 – Mar 2026, as by month.
      nrr_ttm: { '2025-10-01': null, '2026-01-01': 120 / 580 },
      grr_ttm: { '2026-01-01': 80 / 580 },
    });
  });

  it('breaks down by the account’s region', async () => {
    const byRegion = await runWorkspace(ledgerWorkspace(), {
      kpis: ['arr', 'beginning_arr', 'nrr', 'grr', 'churned_arr', 'net_new_arr'],
      grain: 'quarter',
      by: ['region'],
    });
    // Oct–Dec, AMER: A 100 → 150, B 200 → 0. EMEA: D 50 → 90 (C new). APAC: F 400 → 0 (E new).
    expectSeries(
      byRegion,
      {
        arr: { '2025-10-01': 150 },
        beginning_arr: { '2025-10-01': 300 },
        nrr: { '2025-10-01': 0.5 },
        grr: { '2025-10-01': 100 / 300 },
        churned_arr: { '2025-10-01': 150 },
        net_new_arr: { '2025-10-01': -150 },
      },
      { region: 'AMER' },
    );
    expectSeries(byRegion, { arr: { '2025-10-01': 190 }, nrr: { '2025-10-01': 90 / 50 }, grr: { '2025-10-01': 1 } }, { region: 'EMEA' });
    expectSeries(
      byRegion,
      { arr: { '2025-10-01': 40 }, nrr: { '2025-10-01': 0 }, grr: { '2025-10-01': 0 }, churned_arr: { '2025-10-01': 400 } },
      { region: 'APAC' },
    );
  });
});

describe('on the committed example data', () => {
  it('GRR never exceeds 100%, and each period begins with the ARR the previous one ended with', async () => {
    for (const grain of ['month', 'quarter', 'year'] as const) {
      const rows = await runCatalog({ kpis: ['grr', 'grr_ttm', 'arr', 'beginning_arr'], grain, by: ['region'] });
      const over = rows.filter(
        (r) => (r['kpi'] === 'grr' || r['kpi'] === 'grr_ttm') && r['value'] !== null && (r['value'] as number) > 1 + 1e-12,
      );
      expect(over, grain).toEqual([]);
      // beginning_arr is ending ARR minus the period's movements: it must meet the previous period's
      // ending ARR (read from the ledger's balances), region by region.
      const periods = [...new Set(rows.map((r) => String(r['period'])))].sort();
      const broken: string[] = [];
      for (const r of rows.filter((x) => x['kpi'] === 'beginning_arr')) {
        const i = periods.indexOf(String(r['period']));
        const previous = i === 0 ? 0 : valueOf(rows, 'arr', periods[i - 1] ?? '', { region: r['region'] as string | null });
        if (!close(r['value'] as number, previous ?? 0))
          broken.push(`${String(r['period'])} ${String(r['region'])}: ${String(r['value'])} vs ${String(previous)}`);
      }
      expect(broken, grain).toEqual([]);
    }
  });
});
