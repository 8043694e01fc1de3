/**
 * End to end on a Salesforce export (examples/salesforce): API-name headers mapped with `from:`,
 * `2023-09-06 00:00:00` dates, booleans — numbers equal hand-written SQL over the raw CSV.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/engine/duckdb.js';
import { checkCatalog } from '../../src/check-catalog.js';
import { runKpis } from '../../src/pipeline.js';

const root = path.resolve(import.meta.dirname, '../../examples/salesforce');
const data = path.join(root, 'data');
let db: Database;
beforeAll(async () => {
  db = await openDatabase();
});
afterAll(() => db.close());

describe('examples/salesforce', () => {
  it('validates and matches hand-written SQL by month', async () => {
    const checked = checkCatalog(path.join(root, 'catalog'));
    expect(checked.diagnostics).toEqual([]);
    const result = await runKpis(
      checked.resolved,
      { kpis: ['bookings', 'pipeline_amount', 'weighted_pipeline', 'history_changes'] },
      { dataDir: data },
    );
    if (!result.ok) throw new Error(result.message);
    const got = new Map(result.rows.map((r) => [`${r.kpi}|${r.period}`, r.value]));
    const opp = `read_csv('${path.join(data, 'opportunity.csv')}', header = true, all_varchar = true)`;
    const hist = `read_csv('${path.join(data, 'OpportunityHistory.csv')}', header = true, all_varchar = true)`;
    const rows = await db.query(`
      WITH o AS (SELECT strftime(date_trunc('month', CAST(CloseDate AS TIMESTAMP)), '%Y-%m-%d') AS p, CAST(Amount AS DOUBLE) AS a,
                 IsWon = '1' AS won, IsClosed = '1' AS closed, CAST(Probability AS DOUBLE) AS pr FROM ${opp}),
           periods AS (SELECT DISTINCT p FROM o UNION SELECT strftime(date_trunc('month', CAST(CreatedDate AS TIMESTAMP)), '%Y-%m-%d') FROM ${hist})
      SELECT 'bookings|' || p AS k, (SELECT coalesce(sum(a), 0) FROM o WHERE o.p = periods.p AND won) AS v FROM periods
      UNION ALL SELECT 'pipeline_amount|' || p, (SELECT coalesce(sum(a), 0) FROM o WHERE o.p = periods.p AND NOT closed) FROM periods
      UNION ALL SELECT 'weighted_pipeline|' || p, (SELECT coalesce(sum(a * pr / 100), 0) FROM o WHERE o.p = periods.p AND NOT closed) FROM periods
      UNION ALL SELECT 'history_changes|' || p, (SELECT count(*) FROM ${hist} h WHERE strftime(date_trunc('month', CAST(h.CreatedDate AS TIMESTAMP)), '%Y-%m-%d') = periods.p) FROM periods`);
    const want = new Map(rows.map((r) => [String(r['k']), Number(r['v'])]));
    expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
    for (const [k, v] of want) expect(got.get(k), k).toBeCloseTo(v, 6);
  });
});
