import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/engine/duckdb.js';
import { Decimal } from '../../src/model/decimal.js';

describe('openDatabase / query', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase({ threads: 2 });
  });
  afterAll(() => db.close());

  it.each([
    ['42::TINYINT', 42, 'TINYINT'],
    ['42::INTEGER', 42, 'INTEGER'],
    ['9007199254740991::BIGINT', 9007199254740991, 'BIGINT'],
    ['123::HUGEINT', 123, 'HUGEINT'],
    // DECIMALs stay exact: units of 10^-scale in a bigint.
    ['12.34::DECIMAL(18,2)', new Decimal(1234n, 2), 'DECIMAL(18,2)'],
    ['(SELECT sum(x) FROM (VALUES (1.10::DECIMAL(18,2)), (2.20)) t(x))', new Decimal(330n, 2), 'DECIMAL(38,2)'],
    ['123456789012345678901234567890.12::DECIMAL(38,2)', new Decimal(12345678901234567890123456789012n, 2), 'DECIMAL(38,2)'],
    ['1.5::DOUBLE', 1.5, 'DOUBLE'],
    ['0.25::FLOAT', 0.25, 'FLOAT'],
    ["DATE '2024-02-29'", '2024-02-29', 'DATE'],
    ["TIMESTAMP '2024-01-02 03:04:05'", '2024-01-02 03:04:05', 'TIMESTAMP'],
    ["TIMESTAMP '2024-01-02 03:04:05.25'", '2024-01-02 03:04:05.25', 'TIMESTAMP'],
    ["'it''s'", "it's", 'VARCHAR'],
    ['true', true, 'BOOLEAN'],
    ['NULL::INTEGER', null, 'INTEGER'],
    ['[1, 2]', [1, 2], 'INTEGER[]'],
  ])('SELECT %s → %j (%s)', async (expr, value, type) => {
    const result = await db.queryResult(`SELECT ${expr} AS v`);
    expect(result.columns).toEqual([{ name: 'v', type }]);
    expect(result.rows[0]?.['v']).toEqual(value);
  });

  it('converts structs to objects without a prototype', async () => {
    const rows = await db.query("SELECT {'a': 1, 'b': [DATE '2024-01-31']} AS s");
    const s = rows[0]?.['s'] as Record<string, unknown>;
    expect(Object.getPrototypeOf(s)).toBeNull();
    expect(s).toEqual({ a: 1, b: ['2024-01-31'] });
  });

  it('keeps columns named like Object.prototype members as plain keys', async () => {
    const rows = await db.query('SELECT 1 AS "__proto__", 2 AS "constructor", 3 AS "toString"');
    const row = rows[0] ?? {};
    expect(Object.keys(row)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(row['__proto__']).toBe(1);
    expect(row['constructor']).toBe(2);
  });

  it('makes duplicate column names unique', async () => {
    const result = await db.queryResult('SELECT 1 AS x, 2 AS x');
    expect(result.columns.map((c) => c.name)).toEqual(['x', 'x:1']);
    expect(result.rows[0]).toEqual({ x: 1, 'x:1': 2 });
  });

  it('runs statements for effect and reports SQL errors by throwing', async () => {
    await db.run('CREATE TABLE t AS SELECT range AS i FROM range(5)');
    expect(await db.query('SELECT count(*) AS n, sum(i) AS s FROM t')).toEqual([{ n: 5, s: 10 }]);
    await expect(db.query('SELECT * FROM no_such_table')).rejects.toThrow(/no_such_table/);
  });

  it('queryEach streams the rows in chunks, in the query’s order, converted like query’s', async () => {
    const sql = "SELECT i, (i / 100)::DECIMAL(18,2) AS d, 'r' || i AS s FROM range(5000) t(i) ORDER BY i DESC";
    const chunks: number[] = [];
    const streamed: unknown[] = [];
    await db.queryEach(sql, (rows) => {
      chunks.push(rows.length);
      streamed.push(...rows);
    });
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.reduce((a, b) => a + b, 0)).toBe(5000);
    expect(streamed).toEqual(await db.query(sql));
    expect(streamed[0]).toEqual({ i: 4999, d: new Decimal(4999n, 2), s: 'r4999' });
    const none: number[] = [];
    await db.queryEach('SELECT 1 AS x WHERE false', (rows) => none.push(rows.length));
    expect(none).toEqual([]);
    await expect(db.queryEach('SELECT * FROM no_such_table', () => undefined)).rejects.toThrow(/no_such_table/);
  });

  it('close is idempotent', async () => {
    const other = await openDatabase();
    other.close();
    expect(() => other.close()).not.toThrow();
  });
});
