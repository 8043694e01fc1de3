import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { openDatabase } from '../../src/engine/duckdb.js';
import { writeResultsParquet } from '../../src/results/parquet.js';
import type { ResultSet } from '../../src/results/result-set.js';

const dir = mkdtempSync(path.join(tmpdir(), 'kpic-parquet-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('column types follow the values; odd names and text survive; many rows', async () => {
  const rows = Array.from({ length: 2500 }, (_, i) => ({
    kpi: i % 2 === 0 ? 'a' : "it's",
    period: '2024-01-01',
    by: [i % 3 === 0 ? null : `r"${i % 5}`, i, i % 2 === 0] as const,
    value: i % 7 === 0 ? null : i / 4,
  }));
  const results: ResultSet = { by: ['Region "x"', 'year', 'flag'], rows, units: new Map([['a', 'money']]), currency: 'USD' };
  const file = path.join(dir, 'r.parquet');
  await writeResultsParquet(results, file);
  const db = await openDatabase();
  try {
    const { columns } = await db.queryResult(`SELECT * FROM read_parquet('${file}') LIMIT 0`);
    expect(columns.map((c) => `${c.name}:${c.type}`)).toEqual([
      'kpi:VARCHAR',
      'period:DATE',
      'Region "x":VARCHAR',
      'year:DOUBLE',
      'flag:BOOLEAN',
      'value:DOUBLE',
      'unit:VARCHAR',
    ]);
    const [summary] = await db.query(
      `SELECT count(*) AS n, count("value") AS values, sum("year") AS years, count(*) FILTER (WHERE flag) AS flags, ` +
        `count(*) FILTER (WHERE kpi = 'it''s') AS quoted, count("Region ""x""") AS regions, count(unit) AS units FROM read_parquet('${file}')`,
    );
    expect({ ...summary }).toEqual({
      n: 2500,
      values: 2500 - 358,
      years: (2499 * 2500) / 2,
      flags: 1250,
      quoted: 1250,
      regions: 2500 - 834,
      units: 1250,
    });
  } finally {
    db.close();
  }
});
