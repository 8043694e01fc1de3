/**
 * The golden SQL cases: the emitted query for representative requests, per registered dialect.
 * Read by test/sql/golden.test.ts, written by `npm run golden:update`. The same plans run for real
 * on DuckDB in test/semantics (compile uses a placeholder data folder).
 */
import path from 'node:path';
import { checkCatalogFiles } from '../../src/check-catalog.js';
import { compileKpis } from '../../src/pipeline.js';
import type { QueryRequest } from '../../src/query/request.js';
import { DIALECTS } from '../../src/sql/dialects.js';
import type { Golden } from '../helpers/golden.js';
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
  open_eop: 'sum(amount where not closed as at end)',
  grown: 'sum(amount - at_start(amount) where not closed and created_date < period_start() as at end)',
};

/** The requests compiled, by golden file name. */
export const GOLDEN_CASES: Readonly<Record<string, QueryRequest>> = {
  'single-kpi': { kpis: ['bookings'] },
  'by-region': { kpis: ['bookings', 'win_rate', 'created'], by: ['region'] },
  windows: { kpis: ['rolling_win_rate', 'yoy_growth', 'rolling_median'], from: '2025-01-01', to: '2025-03-31' },
  'per-and-fan-out': { kpis: ['avg_rep', 'employees', 'share'], by: ['region'] },
  'last-and-hostile': { kpis: ['arr_end', 'hostile'], grain: 'quarter' },
  'as-at': { kpis: ['open_eop', 'grown'], by: ['region'], grain: 'quarter' },
};

/** The folder of the golden SQL files (one subfolder per dialect). */
export const GOLDEN_SQL_DIR = path.join(import.meta.dirname, 'golden');

/** Every golden SQL file with the SQL emitted for it now: dialect × case. */
export function goldenSql(): Golden[] {
  const checked = checkCatalogFiles(new Map(Object.entries(catalogFiles(kpiDocs(GOLDEN_KPIS)))));
  assertValid(checked);
  return [...DIALECTS.values()].flatMap((dialect) =>
    Object.entries(GOLDEN_CASES).map(([name, request]) => {
      const compiled = compileKpis(checked.resolved, request, { dataDir: '/data', dialect });
      if (!compiled.ok) throw new Error(`${dialect.name}/${name}: ${compiled.message}`);
      return { file: path.join(GOLDEN_SQL_DIR, dialect.name, `${name}.sql`), text: `${compiled.sql}\n` };
    }),
  );
}
