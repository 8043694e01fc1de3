/**
 * Exact money, end to end on small data computed by hand: amounts that binary floating point
 * cannot add (0.1 + 0.2, ten times 0.10, a thousand cents), negative amounts and amounts beyond
 * 2^53 cents, through literals, windows, totals and `per`, to the result rows and the JSON, CSV
 * and table outputs. Which results are exact and which are real follows docs/language.md.
 *
 * payments (paid_on anchors):
 *   Jan 2025  EU 0.10, 0.20          US -0.10 (a refund), 5.55
 *   Feb 2025  EU ten rows of 0.10    US —
 *   Mar 2025  EU —                   US a thousand rows of 0.01
 *   Apr 2025  EU 90071992547409.93   US 90071992547409.93   (each 2^53 + 1 cents)
 * Monthly sums: Jan EU 0.3, US 5.45 (5.75); Feb EU 1 (1); Mar US 10 (10); Apr each
 * 90071992547409.93 (180143985094819.86).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Decimal } from '../../src/model/decimal.js';
import { checkCatalog } from '../../src/check-catalog.js';
import { runKpis, type ResultRow } from '../../src/pipeline.js';
import type { QueryRequest } from '../../src/query/request.js';
import { renderCsv } from '../../src/results/csv.js';
import { renderJsonRows } from '../../src/results/json.js';
import type { ResultSet } from '../../src/results/result-set.js';
import { renderTable } from '../../src/results/table.js';
import { assertValid, makeWorkspace, type Workspace } from '../helpers/workspace.js';

const LARGE = '90071992547409.93';

const PAYMENTS = [
  'id,region,paid_on,amount,qty,rate',
  'j1,EU,2025-01-05,0.10,1,0.5',
  'j2,EU,2025-01-06,0.20,2,0.5',
  'j3,US,2025-01-07,-0.10,1,0.5',
  'j4,US,2025-01-08,5.55,3,0.5',
  ...Array.from({ length: 10 }, (_, i) => `f${i},EU,2025-02-10,0.10,1,0.5`),
  ...Array.from({ length: 1000 }, (_, i) => `m${i},US,2025-03-15,0.01,1,0.5`),
  `a1,EU,2025-04-01,${LARGE},1,0.5`,
  `a2,US,2025-04-30,${LARGE},1,0.5`,
  '',
].join('\n');

const KPIS: Readonly<Record<string, string>> = {
  bookings: 'sum(amount)',
  rolling_bookings: 'rolling(bookings, 2 months)',
  ytd_bookings: 'to_date(bookings, year)',
  change_bookings: 'change(bookings, 1 month)',
  prior_bookings: 'prior(bookings, 1 month)',
  total_bookings: 'total(bookings)',
  per_region_sum: 'sum(sum(amount) per region)',
  largest_region: 'max(sum(amount) per region)',
  tenth: 'bookings * 0.10',
  fee: 'bookings * 1.5% + 0.25',
  commission: 'bookings * 1.1%',
  net: 'sum(amount where amount > 0) + sum(amount where amount < 0)',
  largest_payment: 'max(amount)',
  priced: 'sum(amount * qty)',
  tier: 'if(bookings > 5, bookings * 0.12, bookings * 0.1)',
  capped: 'least(bookings * 0.125, 1)',
  first_of: 'coalesce(min(amount where amount > 100), bookings * 0.001)',
  row_tier: 'sum(if(amount > 1, amount * 0.125, amount))',
  avg_payment: 'avg(amount)',
  median_payment: 'median(amount)',
  share: 'bookings / total(bookings)',
  per_payment: 'bookings / count(payments)',
  weighted: 'sum(amount * rate)',
};

/** Units of the KPIs that are not money. */
const NOT_MONEY: Readonly<Record<string, string>> = { share: 'ratio' };

function files(): Record<string, string> {
  const kpis = Object.entries(KPIS)
    .map(([id, formula]) => `kpi: ${id}\nformula: "${formula}"\nunit: ${NOT_MONEY[id] ?? 'money'}\n`)
    .join('---\n');
  return {
    'catalog.yaml': 'catalog: money\nversion: 1.0.0\ncurrency: USD\ndata: ../data\n',
    'sources/payments.yaml': `source: payments
file: payments.csv
key: id
time: paid_on
columns:
  id: { type: string, required: true, unique: true }
  region: { type: string }
  paid_on: { type: date, required: true }
  amount: { type: money }
  qty: { type: integer }
  rate: { type: number }
dimensions:
  region: region
`,
    'kpis/kpis.yaml': kpis,
  };
}

async function run(ws: Workspace, request: QueryRequest): Promise<{ rows: readonly ResultRow[]; by: readonly string[] }> {
  const checked = checkCatalog(ws.catalogDir);
  assertValid(checked);
  const result = await runKpis(checked.resolved, request, { dataDir: ws.dataDir });
  if (!result.ok) throw new Error(`${result.message}: ${result.diagnostics.map((d) => d.message).join('; ')}`);
  return result;
}

/** `period → exact text` of one KPI (every row must be exact). */
function exactSeries(rows: readonly ResultRow[], kpi: string, region?: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of rows) {
    if (r.kpi !== kpi || (region !== undefined && r.by[0] !== region)) continue;
    if (r.exact === undefined) throw new Error(`${kpi} ${r.period} is not exact (value ${String(r.value)})`);
    out[r.period] = r.exact.toString();
  }
  return out;
}

let ws: Workspace;
let whole: readonly ResultRow[];
let byRegion: readonly ResultRow[];
beforeAll(async () => {
  ws = makeWorkspace(files(), { 'payments.csv': PAYMENTS });
  whole = (await run(ws, {})).rows;
  byRegion = (await run(ws, { by: ['region'] })).rows;
});

describe('sums of money are exact', () => {
  it('cents that binary floating point cannot add, negative amounts, amounts beyond 2^53 cents', () => {
    // As doubles: 0.1 + 0.2 = 0.30000000000000004; ten times 0.1 = 0.9999999999999999.
    expect(exactSeries(byRegion, 'bookings', 'EU')).toEqual({
      '2025-01-01': '0.3',
      '2025-02-01': '1',
      '2025-03-01': '0',
      '2025-04-01': LARGE,
    });
    expect(exactSeries(byRegion, 'bookings', 'US')).toEqual({
      '2025-01-01': '5.45',
      '2025-02-01': '0',
      '2025-03-01': '10',
      '2025-04-01': LARGE,
    });
    expect(exactSeries(whole, 'bookings')).toEqual({
      '2025-01-01': '5.75',
      '2025-02-01': '1',
      '2025-03-01': '10',
      '2025-04-01': '180143985094819.86',
    });
    expect(exactSeries(whole, 'net')).toEqual(exactSeries(whole, 'bookings'));
    expect(exactSeries(whole, 'largest_payment')).toEqual({
      '2025-01-01': '5.55',
      '2025-02-01': '0.1',
      '2025-03-01': '0.01',
      '2025-04-01': LARGE,
    });
  });

  it('the double beside an exact value is the nearest double to it', () => {
    for (const r of whole.filter((x) => x.exact !== undefined)) expect(r.value).toBe(Number(r.exact?.toString()));
    expect(whole.find((r) => r.kpi === 'bookings' && r.period === '2025-02-01')?.value).toBe(1);
  });

  it('through rolling, to_date, prior and change windows', () => {
    expect(exactSeries(whole, 'rolling_bookings')).toEqual({
      '2025-01-01': '5.75',
      '2025-02-01': '6.75',
      '2025-03-01': '11',
      '2025-04-01': '180143985094829.86',
    });
    expect(exactSeries(whole, 'ytd_bookings')).toEqual({
      '2025-01-01': '5.75',
      '2025-02-01': '6.75',
      '2025-03-01': '16.75',
      '2025-04-01': '180143985094836.61',
    });
    expect(exactSeries(whole, 'prior_bookings')).toEqual({
      '2025-01-01': '0',
      '2025-02-01': '5.75',
      '2025-03-01': '1',
      '2025-04-01': '10',
    });
    expect(exactSeries(whole, 'change_bookings')).toEqual({
      '2025-01-01': '5.75',
      '2025-02-01': '-4.75',
      '2025-03-01': '9',
      '2025-04-01': '180143985094809.86',
    });
  });

  it('through totals (rollups) and per sums', () => {
    expect(exactSeries(byRegion, 'total_bookings', 'EU')).toEqual(exactSeries(whole, 'bookings'));
    expect(exactSeries(byRegion, 'total_bookings', 'US')).toEqual(exactSeries(whole, 'bookings'));
    expect(exactSeries(whole, 'per_region_sum')).toEqual(exactSeries(whole, 'bookings'));
    expect(exactSeries(whole, 'largest_region')).toEqual({
      '2025-01-01': '5.45',
      '2025-02-01': '1',
      '2025-03-01': '10',
      '2025-04-01': LARGE,
    });
  });

  it('with number literals and percentages, and integer columns', () => {
    expect(exactSeries(whole, 'tenth')).toEqual({
      '2025-01-01': '0.575',
      '2025-02-01': '0.1',
      '2025-03-01': '1',
      '2025-04-01': '18014398509481.986',
    });
    // 1.5% of 5.75 is 0.08625, plus 0.25.
    expect(exactSeries(whole, 'fee')['2025-01-01']).toBe('0.33625');
    // 1.1% is 0.011 exactly (1.1 / 100 would be 0.011000000000000001).
    expect(exactSeries(whole, 'commission')).toEqual({
      '2025-01-01': '0.06325',
      '2025-02-01': '0.011',
      '2025-03-01': '0.11',
      '2025-04-01': '1981583836043.01846',
    });
    // Jan: 0.10·1 + 0.20·2 − 0.10·1 + 5.55·3 = 17.05.
    expect(exactSeries(whole, 'priced')['2025-01-01']).toBe('17.05');
  });

  it('through if, coalesce and least choosing between amounts of different decimal places', () => {
    // 12% above 5, else 10%: Jan 5.75 · 0.12; Feb 1 · 0.1; Mar 10 · 0.12; Apr 180143985094819.86 · 0.12.
    expect(exactSeries(whole, 'tier')).toEqual({
      '2025-01-01': '0.69',
      '2025-02-01': '0.1',
      '2025-03-01': '1.2',
      '2025-04-01': '21617278211378.3832',
    });
    // 12.5% capped at 1: Jan 0.71875, Feb 0.125, Mar 1.25 → 1.
    expect(exactSeries(whole, 'capped')).toEqual({ '2025-01-01': '0.71875', '2025-02-01': '0.125', '2025-03-01': '1', '2025-04-01': '1' });
    // No amount above 100 but in April: a thousandth of the bookings, else the smallest large amount.
    expect(exactSeries(whole, 'first_of')).toEqual({
      '2025-01-01': '0.00575',
      '2025-02-01': '0.001',
      '2025-03-01': '0.01',
      '2025-04-01': LARGE,
    });
    // Per row: 12.5% of the amounts above 1. Jan 0.10 + 0.20 − 0.10 + 5.55 · 0.125.
    expect(exactSeries(whole, 'row_tier')).toEqual({
      '2025-01-01': '0.89375',
      '2025-02-01': '1',
      '2025-03-01': '10',
      '2025-04-01': '22517998136852.4825',
    });
  });
});

describe('ratios, averages and medians are real numbers', () => {
  const real = (kpi: string, period: string): ResultRow | undefined => whole.find((r) => r.kpi === kpi && r.period === period);

  it('are doubles, with no exact value', () => {
    for (const kpi of ['avg_payment', 'median_payment', 'share', 'per_payment', 'weighted']) {
      expect(whole.filter((r) => r.kpi === kpi).every((r) => r.exact === undefined)).toBe(true);
    }
    // Jan: 5.75 / 4 payments.
    expect(real('avg_payment', '2025-01-01')?.value).toBe(1.4375);
    expect(real('per_payment', '2025-01-01')?.value).toBe(1.4375);
    expect(real('share', '2025-01-01')?.value).toBe(1);
    expect(real('weighted', '2025-02-01')?.value).toBeCloseTo(0.5, 12);
  });

  it('a median between two amounts is not rounded to cents', () => {
    // Jan: −0.10, 0.10, 0.20, 5.55 → (0.10 + 0.20) / 2 = 0.15; Apr: two equal amounts.
    expect(real('median_payment', '2025-01-01')?.value).toBeCloseTo(0.15, 12);
    expect(real('median_payment', '2025-04-01')?.value).toBe(Number(LARGE));
  });
});

describe('outputs print money with its exact digits', () => {
  const results = (rows: readonly ResultRow[], by: readonly string[]): ResultSet => ({
    by,
    rows,
    units: new Map(Object.keys(KPIS).map((k) => [k, NOT_MONEY[k] === undefined ? 'money' : 'ratio'] as const)),
    currency: 'USD',
  });
  const bookings = (): ResultRow[] => whole.filter((r) => r.kpi === 'bookings');

  it('json: numbers with their exact decimal digits', () => {
    expect(renderJsonRows(results(bookings(), []))).toBe(
      [
        '[',
        '{"kpi":"bookings","period":"2025-01-01","value":5.75,"unit":"money"},',
        '{"kpi":"bookings","period":"2025-02-01","value":1,"unit":"money"},',
        '{"kpi":"bookings","period":"2025-03-01","value":10,"unit":"money"},',
        '{"kpi":"bookings","period":"2025-04-01","value":180143985094819.86,"unit":"money"}',
        ']',
        '',
      ].join('\n'),
    );
    // The double of the last value prints otherwise: the digits come from the decimal.
    expect(JSON.stringify(Number('180143985094819.86'))).not.toBe('180143985094819.86');
  });

  it('csv: the exact digits; table: rounded for display only', () => {
    expect(renderCsv(results(bookings(), []))).toBe(
      'kpi,period,value\nbookings,2025-01-01,5.75\nbookings,2025-02-01,1\nbookings,2025-03-01,10\nbookings,2025-04-01,180143985094819.86\n',
    );
    expect(renderTable(results(bookings(), [])).split('\n')[4]).toBe('bookings  2025-04-01  $180,143,985,094,820');
  });

  it('a money breakdown dimension stays exact too', () => {
    const rows: ResultRow[] = [
      { kpi: 'bookings', period: '2025-01-01', by: [new Decimal(9007199254740993n, 2)], value: 1, exact: new Decimal(1n, 0) },
    ];
    expect(renderJsonRows(results(rows, ['amount']))).toContain('"amount":90071992547409.93,"value":1');
  });
});
