/**
 * Point-in-time KPIs follow the exact-money rule (docs/language.md, "Exact and real numbers"):
 * amounts rebuilt from a change log are decimals of the column's scale, so sums as at a point add
 * up to the cent where doubles would not (0.7 + 0.1, 0.1 + 0.2), and the waterfall's differences
 * `amount - at_start(amount)` are exact too. Calendar quarters; the data ends on 31 Mar 2025.
 *
 * - E1 (created 1 Nov 2024, due 30 Jun 2025): amount 0.70 until 1 Mar 2025, then 0.10.
 * - E2 (created 1 Nov 2024, due 30 Jun 2025): amount 0.10 until 1 Mar 2025, then 0.20.
 * - E3 (created 1 Nov 2024): fee 0.001 (a `scale: 3` money column) until 31 Mar, then 0.002.
 *
 * End of Q4 2024: 0.70 + 0.10 = 0.8 (doubles: 0.7999999999999999); end of Q1 2025: 0.10 + 0.20 =
 * 0.3 (doubles: 0.30000000000000004). Change over Q1: E1 −0.6, E2 +0.1 → −0.5.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkCatalog } from '../../src/check-catalog.js';
import { runKpis, type ResultRow } from '../../src/pipeline.js';
import { assertValid, makeWorkspace } from '../helpers/workspace.js';

const CATALOG = `catalog: pit_money
version: 1.0.0
data: ../data
calendar: { fiscal_year_start: 1 }
`;

const SOURCES = `source: deals
file: deals.csv
key: id
time: close_date
interval: { from: created_date }
columns:
  id: { type: string, required: true, unique: true }
  amount: { type: money }
  fee: { type: money, scale: 3 }
  created_date: { type: date }
  close_date: { type: date }
---
source: deal_history
file: deal_history.csv
time: changed_at
changes: { of: deals, key: id, at: changed_at, field: field, old: old_value, new: new_value }
columns:
  id: { type: string, required: true }
  changed_at: { type: timestamp, required: true }
  field: { type: string, values: [amount, fee] }
  old_value: { type: string }
  new_value: { type: string }
`;

const KPIS: Record<string, string> = {
  open_eop: 'sum(amount as at end)',
  change_in_period: 'sum(amount - at_start(amount) as at end)',
  fees_eop: 'sum(fee as at end)',
  count_eop: 'count(deals as at end)',
};

const DATA = {
  'deals.csv': `id,amount,fee,created_date,close_date
E1,0.10,,2024-11-01,2025-06-30
E2,0.20,,2024-11-01,2025-06-30
E3,,0.002,2024-11-01,
`,
  'deal_history.csv': `id,changed_at,field,old_value,new_value
E1,2025-03-01 09:00:00,amount,0.70,0.10
E2,2025-03-01 09:00:00,amount,0.1,0.2
E3,2025-03-31 23:59:00,fee,0.001,0.002
`,
};

function exactSeries(rows: readonly ResultRow[], kpi: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of rows.filter((x) => x.kpi === kpi)) {
    if (r.exact === undefined) throw new Error(`${kpi} ${r.period} is not exact (value ${String(r.value)})`);
    out[r.period] = r.exact.toString();
  }
  return out;
}

describe('point-in-time money is exact', () => {
  let rows: readonly ResultRow[];
  beforeAll(async () => {
    const docs = Object.entries(KPIS).map(([id, formula]) => `kpi: ${id}\nformula: "${formula}"`);
    const ws = makeWorkspace({ 'catalog.yaml': CATALOG, 'sources.yaml': SOURCES, 'kpis.yaml': docs.join('\n---\n') }, DATA);
    const checked = checkCatalog(ws.catalogDir);
    assertValid(checked);
    const result = await runKpis(checked.resolved, { kpis: Object.keys(KPIS), grain: 'quarter' }, { dataDir: ws.dataDir });
    if (!result.ok) throw new Error(result.message);
    rows = result.rows;
  });

  it('sums amounts rebuilt from the log to the cent', () => {
    expect(exactSeries(rows, 'open_eop')).toEqual({ '2024-10-01': '0.8', '2025-01-01': '0.3' });
    expect(rows.find((r) => r.kpi === 'open_eop' && r.period === '2025-01-01')?.value).toBe(0.3);
  });

  it('takes differences with the start of the period exactly', () => {
    // Q4: no deal held at its start, so every difference is null and the sum is null.
    expect(
      exactSeries(
        rows.filter((r) => r.period === '2025-01-01'),
        'change_in_period',
      ),
    ).toEqual({ '2025-01-01': '-0.5' });
  });

  it("keeps a money column's own scale", () => {
    // The fee's old value 0.001 (three places) before the change at 23:59 on the quarter's last day.
    expect(exactSeries(rows, 'fees_eop')).toEqual({ '2024-10-01': '0.001', '2025-01-01': '0.002' });
  });

  it('counts are integers, not money', () => {
    expect(rows.filter((r) => r.kpi === 'count_eop').map((r) => [r.period, r.value, r.exact])).toEqual([
      ['2024-10-01', 3, undefined],
      ['2025-01-01', 3, undefined],
    ]);
  });
});

describe('logged values are checked against the columns they change', () => {
  const run = async (history: string): Promise<{ ok: boolean; found: string[] }> => {
    const docs = `kpi: open_eop\nformula: sum(amount as at end)`;
    const data = { ...DATA, 'deal_history.csv': `id,changed_at,field,old_value,new_value\n${history}` };
    const ws = makeWorkspace({ 'catalog.yaml': CATALOG, 'sources.yaml': SOURCES, 'kpis.yaml': docs }, data);
    const checked = checkCatalog(ws.catalogDir);
    assertValid(checked);
    const result = await runKpis(checked.resolved, { kpis: ['open_eop'], grain: 'quarter' }, { dataDir: ws.dataDir });
    const found = result.diagnostics
      .filter((d) => d.severity === 'error')
      .map((d) => `${d.location?.line}:${d.location?.column} ${d.code} ${d.message}`);
    return { ok: result.ok, found };
  };

  it('refuses an amount with more decimal places than the scale instead of rounding it', async () => {
    const { ok, found } = await run('E1,2025-03-01 09:00:00,amount,0.705,0.10\nE3,2025-03-31 23:59:00,fee,0.001,0.0025\n');
    expect(ok).toBe(false);
    expect(found).toEqual([
      '2:4 data/bad-value `0.705` in column `old_value`, a logged `amount` of `deals`, has 3 decimal places, more than the default scale of 2 allows',
      '3:5 data/bad-value `0.0025` in column `new_value`, a logged `fee` of `deals`, has 4 decimal places, more than its `scale: 3` allows',
    ]);
  });

  it('accepts what reads exactly: plain decimals, exponents, empty values', async () => {
    const { ok, found } = await run('E1,2025-03-01 09:00:00,amount,,1.5e1\nE2,2025-03-01 09:00:00,amount,0.1,0.20\n');
    expect([ok, found]).toEqual([true, []]);
  });
});
