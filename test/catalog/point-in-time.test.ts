/**
 * The point-in-time pipeline KPIs of the shipped catalog on the committed example data: the
 * waterfall balances in every quarter and region — recomputed here from its steps, not read from
 * `waterfall_gap` alone — and its won step is what a hand-written replay of the history says was
 * won in the quarter by its end (bookings, less closes backdated into it later); the seasonal
 * thresholds of `stalled_share_eop` apply in the quarters they name.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlainRow } from '../helpers/workspace.js';
import { checkCatalog } from '../../src/check-catalog.js';
import { parsePeriod, type Period } from '../../src/periods/period.js';
import { checkScorecards } from '../../src/scorecard/check.js';
import { chooseSettings } from '../../src/targets/choose.js';
import { CATALOG_DIR, openExampleData, runCatalog } from './helpers.js';
import { HISTORY_SNAPSHOT } from './history-snapshot.js';

const STEPS = ['start', 'created', 'pulled_in', 'increased', 'decreased', 'won', 'lost', 'pushed_out', 'end'] as const;
const SIGN: Readonly<Record<(typeof STEPS)[number], number>> = {
  start: 1,
  created: 1,
  pulled_in: 1,
  increased: 1,
  decreased: -1,
  won: -1,
  lost: -1,
  pushed_out: -1,
  end: 0,
};

/** Values of one KPI by `period|region`. */
function cells(rows: readonly PlainRow[], kpi: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) if (r['kpi'] === kpi) out.set(`${String(r['period'])}|${String(r['region'])}`, Number(r['value']));
  return out;
}

describe('the pipeline waterfall on the example data, by quarter and region', () => {
  let rows: PlainRow[];
  beforeAll(async () => {
    const kpis = [...STEPS.map((s) => `waterfall_${s}`), 'waterfall_gap', 'bookings', 'open_pipeline_eop'];
    rows = await runCatalog({ kpis, grain: 'quarter', by: ['region'], from: '2023-10-01', to: '2026-09-30' });
  });

  it('balances in every cell: start + inflows − outflows = end', () => {
    const steps = new Map(STEPS.map((s) => [s, cells(rows, `waterfall_${s}`)]));
    const end = steps.get('end') ?? new Map<string, number>();
    expect(end.size).toBe(12 * 4); // 12 quarters × AMER, APAC, EMEA and deals of deleted users
    const off: string[] = [];
    for (const key of end.keys()) {
      const sum = STEPS.reduce((acc, s) => acc + SIGN[s] * (steps.get(s)?.get(key) ?? NaN), 0);
      if (Math.abs(sum - (end.get(key) ?? NaN)) > 1e-6) off.push(`${key}: steps give ${sum}, end is ${end.get(key)}`);
    }
    expect(off).toEqual([]);
    expect([...cells(rows, 'waterfall_gap').values()].every((v) => Math.abs(v) < 1e-6)).toBe(true);
  });

  it('moves real money through every step', () => {
    for (const s of STEPS.filter((x) => x !== 'end')) {
      const total = [...(cells(rows, `waterfall_${s}`).values() ?? [])].reduce((a, b) => a + b, 0);
      expect(total, s).toBeGreaterThan(0);
    }
  });

  it('has as its won step the deals won in the quarter as known at its end (not backdated wins)', async () => {
    const db = await openExampleData();
    try {
      const periods = [...new Set(rows.map((r) => String(r['period'])))].map((p) => `DATE '${p}'`).join(', ');
      await db.run(`CREATE TABLE grid AS SELECT p AS period, CAST(p + INTERVAL 3 MONTH - INTERVAL 1 DAY AS DATE) AS period_end
        FROM (SELECT unnest([${periods}]) AS p)`);
      const sql = `WITH ${HISTORY_SNAPSHOT}
        SELECT s.period, r.region, SUM(s.amount) AS value FROM snap s JOIN grid g ON g.period = s.period
        LEFT JOIN reps r ON r.rep_id = s.owner_id
        WHERE s.stage = 'Closed Won' AND s.close_date BETWEEN g.period AND g.period_end GROUP BY ALL`;
      const expected = new Map((await db.query(sql)).map((r) => [`${String(r['period'])}|${String(r['region'])}`, Number(r['value'])]));
      const won = cells(rows, 'waterfall_won');
      for (const [key, v] of won) expect(v, key).toBeCloseTo(expected.get(key) ?? 0, 6);
      // A close backdated into Q4 2025 after it ended (won on 8 Jan 2026): in bookings, not in the
      // quarter's waterfall.
      const q4 = '2025-10-01|EMEA';
      expect((cells(rows, 'bookings').get(q4) ?? NaN) - (won.get(q4) ?? NaN)).toBeCloseTo(3312, 6);
    } finally {
      db.close();
    }
  });
});

describe('seasonal thresholds of the point-in-time KPIs', () => {
  it('stalled_share_eop tolerates less in the fiscal Q4 its overrides name', () => {
    const checked = checkCatalog(CATALOG_DIR);
    const perf = checkScorecards(checked.resolved).value.performance.get('stalled_share_eop');
    const calendar = checked.catalog.meta?.calendar ?? { fiscalYearStart: 10, weekStart: 'monday' as const };
    const thresholdsIn = (label: string): unknown => {
      const at = { scope: new Map<string, string>(), period: parsePeriod(label, 'quarter', calendar) as Period, calendar };
      const chosen = chooseSettings(perf, undefined, { scoring: { method: 'capped_attainment', cap: 1.2 }, missing: 'ignore' }, at);
      return chosen.thresholds;
    };
    expect(thresholdsIn('2026-Q4')).toMatchObject({ green: 1, amber: 0.9 });
    expect(thresholdsIn('2026-Q1')).toMatchObject({ green: 1, amber: 0.8 });
  });
});
