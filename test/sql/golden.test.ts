/**
 * Golden SQL: the emitted query for representative requests, per registered dialect, reviewed like
 * code. Regenerate with `UPDATE_GOLDEN=1 npx vitest run test/sql/golden.test.ts` and read the diff.
 * The same plans run for real on DuckDB in test/semantics (compile uses a placeholder data folder).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCatalogFiles } from '../../src/check-catalog.js';
import { compileKpis } from '../../src/pipeline.js';
import { DIALECTS } from '../../src/sql/dialects.js';
import type { QueryRequest } from '../../src/query/request.js';
import { assertValid } from '../helpers/workspace.js';
import { catalogFiles, kpiDocs } from '../semantics/fixture.js';

/** The KPIs of the golden cases (the semantics fixture's sources). */
export const GOLDEN_KPIS: Readonly<Record<string, string>> = {
  bookings: 'sum(amount where won)',
  win_rate: 'count(opportunities where won) / count(opportunities where won or lost)',
  created: 'count(opportunities on created_date)',
  rolling_win_rate: 'rolling(win_rate, 3 months)',
  yoy_growth: 'growth(bookings, 1 year)',
  rolling_median: 'rolling(median(amount), 3 months)',
  avg_rep: 'avg(sum(amount where won) per owner_id)',
  employees: 'sum(account.employees where won)',
  share: 'bookings / total(bookings)',
  arr_end: 'last(sum(arr) on snapshot_date)',
  hostile: "count(opportunities where owner_id = 'x''); DROP TABLE t; --')",
};

export const GOLDEN_CASES: Readonly<Record<string, QueryRequest>> = {
  'single-kpi': { kpis: ['bookings'] },
  'by-region': { kpis: ['bookings', 'win_rate', 'created'], by: ['region'] },
  windows: { kpis: ['rolling_win_rate', 'yoy_growth', 'rolling_median'], from: '2025-01-01', to: '2025-03-31' },
  'per-and-fan-out': { kpis: ['avg_rep', 'employees', 'share'], by: ['region'] },
  'last-and-hostile': { kpis: ['arr_end', 'hostile'], grain: 'quarter' },
};

const checked = checkCatalogFiles(new Map(Object.entries(catalogFiles(kpiDocs(GOLDEN_KPIS)))));

describe.each([...DIALECTS.values()])('golden SQL ($name)', (dialect) => {
  it.each(Object.entries(GOLDEN_CASES))('%s', (name, request) => {
    assertValid(checked);
    const compiled = compileKpis(checked.resolved, request, { dataDir: '/data', dialect });
    if (!compiled.ok) throw new Error(compiled.message);
    const file = path.join(import.meta.dirname, 'golden', dialect.name, `${name}.sql`);
    if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(file)) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, `${compiled.sql}\n`);
    }
    expect(`${compiled.sql}\n`).toBe(readFileSync(file, 'utf8'));
  });
});
