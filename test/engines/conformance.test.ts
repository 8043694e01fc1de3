/** The conformance rule itself: what counts as the same result on two engines. */
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/model/decimal.js';
import type { ResultRow, RunResult } from '../../src/pipeline.js';
import { differences } from './conformance.js';

function run(rows: ResultRow[]): RunResult {
  return { ok: true, by: ['region'], rows, queryPlan: {} as RunResult['queryPlan'], sql: '', diagnostics: [], files: [] };
}
const row = (value: number | null, exact?: string, region = 'EU'): ResultRow => ({
  kpi: 'k',
  period: '2025-01-01',
  by: [region],
  value,
  exact: exact === undefined ? undefined : Decimal.parse(exact),
});

describe('differences between engines', () => {
  it('accepts equal exact values written at other scales and reals within 1e-9', () => {
    expect(
      differences(run([row(0.3, '0.3'), row(1 / 3, undefined, 'US')]), run([row(0.3, '0.30'), row(0.3333333333334, undefined, 'US')])),
    ).toEqual([]);
  });

  it('reports an exact value off by one cent, a real off by more, a missing and an extra row', () => {
    const found = differences(
      run([row(0.3, '0.3'), row(2, undefined, 'US'), row(null, undefined, 'APAC')]),
      run([row(0.31, '0.31'), row(2.001, undefined, 'US'), row(5, undefined, 'AMER')]),
    );
    expect(found).toEqual([
      '["k","2025-01-01","EU"]: DuckDB 0.3, other 0.31',
      '["k","2025-01-01","US"]: DuckDB 2, other 2.001',
      '["k","2025-01-01","APAC"]: DuckDB null, other no row',
      '["k","2025-01-01","AMER"]: DuckDB no row, other 5',
    ]);
  });

  it('wants a refused request refused the same way', () => {
    const refused = { ok: false as const, kind: 'invalid' as const, message: 'no', diagnostics: [] };
    expect(differences(refused, { ...refused })).toEqual([]);
    expect(differences(refused, run([]))).toHaveLength(1);
  });
});
