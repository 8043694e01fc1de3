/**
 * Hostile input: big results. The table format prints 200,000 rows (widths were a spread into
 * `Math.max`, which overflows the call stack past about 120,000 arguments), and Parquet keeps
 * exact values exact in a narrow decimal when they fit and a wide one when they do not.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { openDatabase } from '../../src/engine/duckdb.js';
import { Decimal } from '../../src/model/decimal.js';
import { writeResultsParquet } from '../../src/results/parquet.js';
import type { ResultSet } from '../../src/results/result-set.js';
import { renderTable } from '../../src/results/table.js';
import { largest } from '../../src/results/largest.js';

const ROWS = 200_000;

describe('big results print', () => {
  test(`the table format prints ${ROWS.toLocaleString('en-US')} rows, aligned`, () => {
    const rows = Array.from({ length: ROWS }, (_, i) => ({ kpi: 'deals', period: '2024-01-01', by: [`rep ${i}`], value: i }));
    const text = renderTable({ by: ['rep'], rows, units: new Map([['deals', 'count']]), currency: 'USD' });
    const lines = text.trimEnd().split('\n');
    expect(lines.length).toBe(ROWS + 1);
    expect(lines[0]).toBe('kpi    period      rep           value');
    expect(lines[ROWS]).toBe('deals  2024-01-01  rep 199999  199,999');
  });

  test('largest: many values, and the floor when there are none', () => {
    expect(
      largest(
        Array.from({ length: 500_000 }, (_, i) => i % 1000),
        0,
      ),
    ).toBe(999);
    expect(largest([], 7)).toBe(7);
  });

  test('Parquet: DECIMAL(18, s) when every exact value fits in 18 digits, DECIMAL(38, s) when one does not', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kpic-big-'));
    const db = await openDatabase();
    try {
      const typeOf = async (values: readonly string[]): Promise<[string, string[]]> => {
        const rows = values.map((v) => ({ kpi: 'fee', period: '2024-01-01', by: [], value: Number(v), exact: Decimal.parse(v) }));
        const results: ResultSet = { by: [], rows, units: new Map([['fee', 'money']]), currency: 'USD' };
        const file = path.join(dir, `${values.length}.parquet`);
        await writeResultsParquet(results, file);
        const r = await db.queryResult(`SELECT CAST("exact value" AS VARCHAR) AS t, "exact value" FROM read_parquet('${file}')`);
        return [r.columns[1]?.type ?? '', r.rows.map((row) => String(row['t']))];
      };
      expect(await typeOf(['9999999999999999.99', '-0.5'])).toEqual(['DECIMAL(18,2)', ['9999999999999999.99', '-0.50']]);
      expect(await typeOf(['10000000000000000.00', '1.5'])).toEqual(['DECIMAL(38,2)', ['10000000000000000.00', '1.50']]);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
