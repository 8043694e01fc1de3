/**
 * The rule that says which results are exact (src/resolve/exact.ts, docs/language.md) agrees with
 * the SQL DuckDB computes: a KPI is exact exactly when its unit is money and its value is a
 * DECIMAL in the query. Checked on every money KPI of the shipped catalog and on one formula per
 * operator, by running the compiled query with each KPI's value replaced by its SQL type.
 */
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/engine/duckdb.js';
import { checkCatalog, checkCatalogFiles, type CheckedCatalog } from '../../src/check-catalog.js';
import { compileKpis } from '../../src/pipeline.js';
import { assertValid, makeWorkspace } from '../helpers/workspace.js';
import { CATALOG_DIR, DATA_DIR } from '../catalog/helpers.js';
import { DATA, catalogFiles, kpiDocs } from './fixture.js';

/** Per KPI: whether kpic treats it as exact, and DuckDB's type of its value. */
async function exactAndSqlType(checked: CheckedCatalog, kpis: readonly string[], dataDir: string): Promise<Map<string, [boolean, string]>> {
  assertValid(checked);
  const db = await openDatabase();
  try {
    const result = new Map<string, [boolean, string]>();
    // One KPI per query: its value column becomes the SQL type of its expression.
    for (const kpi of kpis) {
      const compiled = compileKpis(checked.resolved, { kpis: [kpi], grain: 'quarter' }, { dataDir });
      if (!compiled.ok) throw new Error(compiled.message);
      const typed = compiled.sql.replace(
        /unnest\(\[CAST\((.*) AS DOUBLE\)\]\) AS "value", unnest\(\[(?:CAST\(NULL AS VARCHAR\)|CAST\(\1 AS VARCHAR\))\]\) AS "exact value"/,
        'unnest([typeof($1)]) AS "value", unnest([CAST(NULL AS VARCHAR)]) AS "exact value"',
      );
      expect(typed).toContain('typeof(');
      const rows = await db.query(typed);
      const output = compiled.queryPlan.outputs[0];
      result.set(kpi, [output?.exact ?? false, rows.length === 0 ? 'no rows' : String(rows[0]?.['value'])]);
    }
    return result;
  } finally {
    db.close();
  }
}

function agreement(result: Map<string, [boolean, string]>, money: (kpi: string) => boolean): string[] {
  const disagree: string[] = [];
  for (const [kpi, [exact, type]] of result) {
    if (exact !== (money(kpi) && type.startsWith('DECIMAL'))) disagree.push(`${kpi}: exact ${String(exact)}, SQL ${type}`);
  }
  return disagree;
}

describe('the exactness rule matches the SQL types', () => {
  it('on every money KPI of the shipped catalog', async () => {
    const checked = checkCatalog(CATALOG_DIR);
    const money = [...checked.resolved.kpis.values()]
      .filter((k) => k.unit === 'money' && k.def.status.value !== 'deprecated')
      .map((k) => k.id);
    expect(money.length).toBeGreaterThan(20);
    const result = await exactAndSqlType(checked, money, DATA_DIR);
    expect(agreement(result, () => true)).toEqual([]);
    // Sums and differences of amounts are exact; averages and ratios are not.
    expect(result.get('bookings')?.[0]).toBe(true);
    expect(result.get('avg_deal_size')?.[0]).toBe(false);
  });

  it('on one formula per operator', async () => {
    const formulas: Record<string, string> = {
      sum: 'sum(amount)',
      min: 'min(amount)',
      max: 'max(amount)',
      avg: 'avg(amount)',
      median: 'median(amount)',
      percentile: 'percentile(amount, 0.9)',
      difference: 'sum(amount where won) - sum(amount where not won)',
      negated: '-sum(amount)',
      scaled: 'sum(amount) * 1.5',
      percentage: 'sum(amount) * 12.5%',
      per_row: 'sum(amount * 0.125)',
      integer_factor: 'sum(amount) * count(opportunities)',
      divided: 'sum(amount) / 2',
      per_deal: 'sum(amount) / count(opportunities)',
      joined: 'sum(amount * account.employees)',
      chosen: 'if(count(opportunities) > 2, sum(amount) * 0.12, sum(amount) * 0.1)',
      coalesced: 'coalesce(max(amount), 0)',
      capped: 'least(sum(amount) * 0.125, 100)',
      rounded: 'round(sum(amount) * 0.125, 2)',
      absolute: 'abs(sum(amount))',
      row_choice: 'sum(if(amount > 100, amount * 1.1, amount))',
      rolling: 'rolling(sum(amount), 3 months)',
      to_date: 'to_date(sum(amount), year)',
      prior: 'prior(sum(amount), 1 quarter)',
      change: 'change(sum(amount), 1 quarter)',
      growth: 'growth(sum(amount), 1 quarter)',
      total: 'total(sum(amount))',
      per_sum: 'sum(sum(amount) per owner_id)',
      per_max: 'max(sum(amount) per owner_id)',
      per_avg: 'avg(sum(amount) per owner_id)',
      per_median: 'median(sum(amount) per owner_id)',
      last: 'last(sum(arr) on snapshot_date)',
      count: 'count(opportunities)',
      employees: 'sum(account.employees)',
    };
    const ws = makeWorkspace(catalogFiles(kpiDocs(formulas)), DATA);
    const checked = checkCatalogFiles(new Map(Object.entries(catalogFiles(kpiDocs(formulas)))));
    const units = new Map([...checked.resolved.kpis.values()].map((k) => [k.id, k.unit]));
    const result = await exactAndSqlType(checked, Object.keys(formulas), ws.dataDir);
    expect(agreement(result, (kpi) => units.get(kpi) === 'money')).toEqual([]);
    const exact = [...result].filter(([, [e]]) => e).map(([kpi]) => kpi);
    expect(exact).toEqual([
      'sum',
      'min',
      'max',
      'difference',
      'negated',
      'scaled',
      'percentage',
      'per_row',
      'integer_factor',
      'joined',
      'chosen',
      'coalesced',
      'capped',
      'rounded',
      'absolute',
      'row_choice',
      'rolling',
      'to_date',
      'prior',
      'change',
      'total',
      'per_sum',
      'per_max',
      'last',
    ]);
  });
});
