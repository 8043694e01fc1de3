import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { openDatabase } from '../../src/engine/duckdb.js';
import { writeResultsParquet } from '../../src/results/parquet.js';
import { Decimal } from '../../src/model/decimal.js';
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
      'exact value:DECIMAL(18,0)',
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

test('exact values keep every digit: a DECIMAL column as wide as their decimals need', async () => {
  const results: ResultSet = {
    by: ['deal_size'],
    rows: [
      { kpi: 'bookings', period: '2024-01-01', by: [new Decimal(1050n, 2)], value: 1, exact: new Decimal(100n, 2) },
      { kpi: 'bookings', period: '2024-02-01', by: [null], value: Number('180143985094819.86'), exact: new Decimal(18014398509481986n, 2) },
      { kpi: 'fee', period: '2024-01-01', by: [new Decimal(5n, 0)], value: 0.575, exact: new Decimal(575n, 3) },
      { kpi: 'rate', period: '2024-01-01', by: [null], value: 0.1 + 0.2 },
    ],
    units: new Map([
      ['bookings', 'money'],
      ['fee', 'money'],
      ['rate', 'ratio'],
    ]),
    currency: 'USD',
  };
  const file = path.join(dir, 'exact.parquet');
  await writeResultsParquet(results, file);
  const db = await openDatabase();
  try {
    const { columns, rows } = await db.queryResult(
      `SELECT deal_size, "value", "exact value", CAST("exact value" AS VARCHAR) AS text FROM read_parquet('${file}')`,
    );
    expect(columns.map((c) => c.type)).toEqual(['DECIMAL(18,2)', 'DOUBLE', 'DECIMAL(18,3)', 'VARCHAR']);
    expect(rows.map((r) => [String(r['deal_size']), r['value'], r['text']])).toEqual([
      ['10.5', 1, '1.000'],
      ['null', Number('180143985094819.86'), '180143985094819.860'],
      ['5', 0.575, '0.575'],
      ['null', 0.1 + 0.2, null],
    ]);
  } finally {
    db.close();
  }
});
