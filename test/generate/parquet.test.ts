/**
 * `--format parquet|both`: the CSVs converted by generator/convert.ts, with the declared column
 * types, the same rows, and (like the CSVs) byte-identical for the same seed.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TABLE_NAMES } from '../../generator/schema.js';
import { generateToTemp, removeTempDatasets } from './fixture.js';

afterAll(removeTempDatasets);

describe('parquet output', () => {
  it('writes typed Parquet files with the rows of the CSVs, deterministically', async () => {
    const both = await generateToTemp(11, 400, 'both');
    const again = await generateToTemp(11, 400, 'parquet');
    expect(readdirSync(again.dir).sort()).toEqual(TABLE_NAMES.map((t) => `${t}.parquet`).sort());
    expect(readdirSync(both.dir)).toHaveLength(2 * TABLE_NAMES.length);

    const instance = await DuckDBInstance.create(':memory:');
    const c = await instance.connect();
    try {
      for (const table of TABLE_NAMES) {
        const file = join(both.dir, `${table}.parquet`);
        const count = await c.runAndReadAll(`SELECT count(*)::INTEGER FROM read_parquet('${file}')`);
        expect(count.getRowsJS()[0]?.[0]).toBe(both.summary.rows.get(table));
        expect(readFileSync(file).equals(readFileSync(join(again.dir, `${table}.parquet`)))).toBe(true);
      }
      const types = await c.runAndReadAll(
        `SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('${join(both.dir, 'opportunities.parquet')}'))`,
      );
      const byName = new Map(types.getRowsJS().map(([n, t]) => [String(n), String(t)]));
      expect(byName.get('amount')).toBe('DECIMAL(18,2)');
      expect(byName.get('close_date')).toBe('DATE');
      expect(byName.get('contract_term_months')).toBe('BIGINT');
      expect(byName.get('discount')).toBe('DOUBLE');
      const history = await c.runAndReadAll(
        `SELECT column_type FROM (DESCRIBE SELECT * FROM read_parquet('${join(both.dir, 'opportunity_history.parquet')}')) WHERE column_name = 'changed_at'`,
      );
      expect(history.getRowsJS()[0]?.[0]).toBe('TIMESTAMP');
      const nulls = await c.runAndReadAll(
        `SELECT count(*)::INTEGER FROM read_parquet('${join(both.dir, 'opportunities.parquet')}') WHERE amount IS NULL`,
      );
      expect(nulls.getRowsJS()[0]?.[0]).toBe(both.summary.quirks.get('missing_amount'));
    } finally {
      c.closeSync();
      instance.closeSync();
    }
  });
});
