import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/engine/duckdb.js';
import { quoteIdentifier, stringLiteral } from '../../src/sql/quote.js';

const hostile = [
  'amount',
  'Close Date',
  "it's",
  'say "hi"',
  "'); DROP TABLE t; --",
  '"; DROP TABLE t; --',
  'back\\slash\\',
  'line\nbreak',
  'Ünïcødé – 日本語 🚀',
  'select',
  '',
];

describe('quoteIdentifier', () => {
  it.each([
    ['amount', '"amount"'],
    ['Close "Date"', '"Close ""Date"""'],
    ["it's", '"it\'s"'],
  ])('%s → %s', (name, quoted) => {
    expect(quoteIdentifier(name)).toBe(quoted);
  });

  it('refuses NUL, which no identifier can hold', () => {
    expect(() => quoteIdentifier('a\u0000b')).toThrow();
  });
});

describe('stringLiteral', () => {
  it.each([
    ['Closed Won', "'Closed Won'"],
    ["it's", "'it''s'"],
    ["''", "''''''"],
    ['a\u0000b', "('a' || chr(0) || 'b')"],
  ])('%j → %s', (text, literal) => {
    expect(stringLiteral(text)).toBe(literal);
  });
});

describe('round trip through DuckDB', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase();
  });
  afterAll(() => db.close());

  it.each(hostile.filter((h) => h !== ''))('identifier %j names exactly that column', async (name) => {
    const result = await db.queryResult(`SELECT 1 AS ${quoteIdentifier(name)}`);
    expect(result.columns.map((c) => c.name)).toEqual([name]);
  });

  it.each([...hostile, 'a\u0000b'])('literal %j is exactly that value', async (text) => {
    const rows = await db.query(`SELECT ${stringLiteral(text)} AS v`);
    expect(rows[0]?.['v']).toBe(text);
  });

  it('a quoted hostile string creates no table and drops none', async () => {
    await db.run('CREATE TABLE t (x INTEGER)');
    await db.query(`SELECT ${stringLiteral("'); DROP TABLE t; --")} AS ${quoteIdentifier('"; DROP TABLE t; --')}`);
    expect(await db.query('SELECT count(*) AS n FROM t')).toEqual([{ n: 0 }]);
  });
});
