/**
 * End to end on a real public CRM export (examples/maven-crm): the catalog validates, and its
 * numbers equal hand-written DuckDB SQL over the same CSV files, cell by cell.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/engine/duckdb.js';
import { checkCatalog, type CheckedCatalog } from '../../src/check-catalog.js';
import { runKpis, type ResultRow } from '../../src/pipeline.js';

const root = path.resolve(import.meta.dirname, '../../examples/maven-crm');
const data = path.join(root, 'data');
let db: Database;
let checked: CheckedCatalog;

const pipeline = `read_csv('${path.join(data, 'sales_pipeline.csv')}', header = true, all_varchar = true)`;
const teams = `read_csv('${path.join(data, 'sales_teams.csv')}', header = true, all_varchar = true)`;
const products = `read_csv('${path.join(data, 'products.csv')}', header = true, all_varchar = true)`;
const base = `(SELECT p.*, CAST(p.close_date AS DATE) AS cd, CAST(p.engage_date AS DATE) AS ed, CAST(p.close_value AS DOUBLE) AS cv,
  date_trunc('quarter', CAST(p.close_date AS DATE)) AS q, t.regional_office AS region
  FROM ${pipeline} p LEFT JOIN ${teams} t ON p.sales_agent = t.sales_agent)`;

async function run(kpis: string[], by: string[], grain = 'quarter'): Promise<Map<string, number | null>> {
  const result = await runKpis(checked.resolved, { kpis, by, grain }, { dataDir: data });
  if (!result.ok) throw new Error(result.message);
  return new Map(result.rows.map((r: ResultRow) => [`${r.kpi}|${r.period}|${r.by.join('|')}`, r.value]));
}

async function hand(sql: string): Promise<Map<string, number | null>> {
  const rows = await db.query(sql);
  return new Map(rows.map((r) => [String(r['k']), r['v'] === null ? null : Number(r['v'])]));
}

function expectSame(got: Map<string, number | null>, want: Map<string, number | null>): void {
  expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
  for (const [k, v] of want) {
    const g = got.get(k);
    if (v === null || g === null || g === undefined) expect(g, k).toBe(v);
    else expect(Math.abs(g - v) <= 1e-9 * Math.max(1, Math.abs(v)), `${k}: ${g} vs ${v}`).toBe(true);
  }
}

beforeAll(async () => {
  db = await openDatabase();
  checked = checkCatalog(path.join(root, 'catalog'));
});
afterAll(() => db.close());

describe('examples/maven-crm', () => {
  it('validates without errors', () => {
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
  it('runs without warnings: open deals without a close date are declared expected (`required: false`)', async () => {
    const result = await runKpis(checked.resolved, { kpis: ['bookings'], grain: 'quarter' }, { dataDir: data });
    expect(result.ok && result.diagnostics.map((d) => d.code)).toEqual([]);
  });
  it('bookings, win rate and median cycle by region and quarter equal hand-written SQL', async () => {
    const got = await run(['bookings', 'win_rate', 'median_cycle_days'], ['region']);
    const want = await hand(`
      SELECT 'bookings|' || strftime(q, '%Y-%m-%d') || '|' || region AS k, coalesce(sum(cv) FILTER (WHERE deal_stage = 'Won'), 0) AS v FROM ${base} WHERE cd IS NOT NULL GROUP BY ALL
      UNION ALL
      SELECT 'win_rate|' || strftime(q, '%Y-%m-%d') || '|' || region, count(*) FILTER (WHERE deal_stage = 'Won') / NULLIF(count(*) FILTER (WHERE deal_stage IN ('Won', 'Lost')), 0) FROM ${base} WHERE cd IS NOT NULL GROUP BY ALL
      UNION ALL
      SELECT 'median_cycle_days|' || strftime(q, '%Y-%m-%d') || '|' || region, median(date_diff('day', ed, cd)) FILTER (WHERE deal_stage = 'Won') FROM ${base} WHERE cd IS NOT NULL GROUP BY ALL`);
    expectSame(got, want);
  });
  it('deals engaged by month (engage date anchor), with no gaps', async () => {
    const got = await run(['engaged'], [], 'month');
    const want = await hand(`
      WITH m AS (SELECT CAST(date_trunc('month', ed) AS DATE) AS p, count(*) AS n FROM ${base} WHERE ed IS NOT NULL GROUP BY ALL),
      s AS (SELECT CAST(unnest(generate_series(min(p), max(p), INTERVAL 1 MONTH)) AS DATE) AS p FROM m)
      SELECT 'engaged|' || strftime(s.p, '%Y-%m-%d') || '|' AS k, coalesce(m.n, 0) AS v FROM s LEFT JOIN m USING (p)`);
    expectSame(got, want);
  });
  it('list price of won products counts each product once per cell (no fan-out), unmatched names give nothing', async () => {
    const got = await run(['list_price_won'], ['region']);
    const want = await hand(`
      SELECT 'list_price_won|' || strftime(q, '%Y-%m-%d') || '|' || region AS k,
        coalesce(sum(price), 0) AS v
      FROM (SELECT DISTINCT b.q, b.region, b.product, CAST(pr.sales_price AS DOUBLE) AS price
            FROM ${base} b LEFT JOIN ${products} pr ON b.product = pr.product
            WHERE b.cd IS NOT NULL AND b.deal_stage = 'Won') GROUP BY ALL
      UNION ALL
      SELECT DISTINCT 'list_price_won|' || strftime(q, '%Y-%m-%d') || '|' || region, 0 FROM ${base} WHERE cd IS NOT NULL
        AND (q, region) NOT IN (SELECT (q, region) FROM ${base} WHERE cd IS NOT NULL AND deal_stage = 'Won')`);
    expectSame(got, want);
  });
  it('rolling 3-month win rate re-aggregates the parts', async () => {
    const got = await run(['rolling_win_rate'], [], 'month');
    const want = await hand(`
      WITH m AS (SELECT CAST(date_trunc('month', cd) AS DATE) AS p, count(*) FILTER (WHERE deal_stage = 'Won') AS w,
        count(*) FILTER (WHERE deal_stage IN ('Won', 'Lost')) AS c FROM ${base} WHERE cd IS NOT NULL GROUP BY ALL)
      SELECT 'rolling_win_rate|' || strftime(a.p, '%Y-%m-%d') || '|' AS k, sum(b.w) / NULLIF(sum(b.c), 0) AS v
      FROM m a JOIN m b ON b.p > a.p - INTERVAL 3 MONTH AND b.p <= a.p GROUP BY a.p`);
    expectSame(got, want);
  });
});
