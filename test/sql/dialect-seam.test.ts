/**
 * Everything engine-specific is behind the `Dialect` interface: every query kpic can emit for the
 * shipped catalog, the examples and the golden cases, written in the marker dialect, holds none of
 * DuckDB's own spellings — and every registered dialect compiles them all.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCatalog, checkCatalogFiles } from '../../src/check-catalog.js';
import { compileKpis } from '../../src/pipeline.js';
import { withMappedDimension } from '../../src/resolve/extend.js';
import type { ResolvedCatalog } from '../../src/resolve/resolved.js';
import { DIALECTS } from '../../src/sql/dialects.js';
import type { QueryRequest } from '../../src/query/request.js';
import { checkShippedCatalog } from '../catalog/helpers.js';
import { catalogFiles, kpiDocs } from '../semantics/fixture.js';
import { GOLDEN_CASES, GOLDEN_KPIS } from './golden-cases.js';
import { marker, markerSources } from './marker-dialect.js';

const ROOT = path.join(import.meta.dirname, '..', '..');

/** DuckDB's spellings of what dialects differ in. */
const DUCKDB_ONLY =
  /\b(QUALIFY|EXCLUDE|generate_series|unnest|quantile_cont|median|list_\w+|bool_or|DOUBLE|VARCHAR|INTEGER|BIGINT|DISTINCT FROM|MATERIALIZED|read_csv|read_parquet|read_json|INTERVAL|make_date|date_diff|date_sub|epoch|isodow|dayofweek|NULLIF|CAST)\b|\bGROUPING\(|\/\//;

/** The engine-specific spelling in a query, outside its string literals and quoted identifiers (user text). */
function duckdbSpelling(sql: string): string | undefined {
  const code = sql.replace(/'(?:[^']|'')*'/g, "''").replace(/"(?:[^"]|"")*"/g, '""');
  return code.match(DUCKDB_ONLY)?.[0];
}

/** Functions the catalogs above use little or not at all. */
const MORE_KPIS = {
  p90: 'percentile(amount, 0.9 where won)',
  rolling_p90: 'rolling(percentile(amount, 0.9), 3 months)',
  concentration: 'hhi(sum(amount where won) per account_id)',
  top_accounts: 'top_share(sum(amount) per account_id, 2)',
  median_rep: 'median(sum(amount) per owner_id)',
  rounded: 'round(sum(amount) / 3, 2)',
  cycle_months: 'avg(months_between(created_date, close_date))',
  fiscal: 'count(opportunities where year(close_date) = 2025 and quarter(close_date) = 1)',
};

interface Case {
  readonly name: string;
  readonly resolved: ResolvedCatalog;
  readonly request: QueryRequest;
  /** False for catalog cases whose KPI's sources may lack the breakdown (refused, not compiled). */
  readonly mustCompile?: boolean;
}

function catalogCases(): Case[] {
  const cases: Case[] = [];
  for (const dir of ['catalog', 'examples/maven-crm/catalog', 'examples/salesforce']) {
    const checked = dir === 'catalog' ? checkShippedCatalog() : checkCatalog(path.join(ROOT, dir));
    const dims = [...checked.resolved.dimensions.keys()];
    for (const grain of ['week', 'month', 'quarter']) {
      for (const kpi of checked.resolved.kpis.keys()) {
        cases.push({
          name: `${dir} ${kpi} ${grain}`,
          resolved: checked.resolved,
          request: { kpis: [kpi], grain, from: '2024-01-01', to: '2024-12-31' },
        });
        for (const by of dims.slice(0, 2))
          cases.push({ name: `${dir} ${kpi} ${grain} by ${by}`, resolved: checked.resolved, request: { kpis: [kpi], grain, by: [by] } });
      }
    }
  }
  const golden = checkCatalogFiles(new Map(Object.entries(catalogFiles(kpiDocs(GOLDEN_KPIS)))));
  for (const [name, request] of Object.entries(GOLDEN_CASES))
    cases.push({ name: `golden ${name}`, resolved: golden.resolved, request, mustCompile: true });
  const more = checkCatalogFiles(new Map(Object.entries(catalogFiles(kpiDocs(MORE_KPIS)))));
  for (const grain of ['month', 'quarter'])
    cases.push({ name: `more ${grain}`, resolved: more.resolved, request: { grain, by: ['region'] }, mustCompile: true });
  // An org level known as of a period, as scorecards break KPIs down (a mapped dimension).
  const mapped = withMappedDimension(golden.resolved, 'team', 'region', [
    ['EMEA', 'Europe'],
    ['AMER', null],
  ]);
  cases.push({ name: 'mapped dimension', resolved: mapped, request: { kpis: ['bookings', 'avg_rep'], by: ['team'] }, mustCompile: true });
  return cases;
}

const CASES = catalogCases();
const compiled = (c: Case, dialect = marker) =>
  compileKpis(c.resolved, c.request, { dataDir: '/data', dialect, sources: dialect === marker ? markerSources : undefined });

describe('the emitter writes nothing engine-specific by itself', () => {
  it('covers many queries', () => {
    // Requests a KPI's sources cannot answer (a breakdown they lack) are refused, not compiled.
    expect(CASES.filter((c) => compiled(c).ok).length).toBeGreaterThan(300);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = compiled(c);
    expect(result.ok || c.mustCompile !== true).toBe(true);
    if (!result.ok) return;
    expect(duckdbSpelling(result.sql)).toBeUndefined();
  });

  it('the marker dialect shows what the DuckDB one spells (the pattern catches it)', () => {
    const c = CASES.find((x) => x.name === 'golden windows');
    const duck = c === undefined ? undefined : compiled(c, DIALECTS.get('duckdb'));
    expect(duck?.ok && duckdbSpelling(duck.sql)).toBeTruthy();
  });
});

describe.each([...DIALECTS.values()])('registered dialect $name', (dialect) => {
  it('is registered under its own name', () => {
    expect(DIALECTS.get(dialect.name)).toBe(dialect);
  });

  it('compiles every query the marker dialect compiles', () => {
    const failures = CASES.filter((c) => compiled(c).ok && !compiled(c, dialect).ok).map((c) => c.name);
    expect(failures).toEqual([]);
  });
});
