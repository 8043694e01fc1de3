import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provesUnique, sortedProofQuery } from '../../src/engine/check-queries.js';
import { openDatabase, type Database } from '../../src/engine/duckdb.js';

let db: Database;
beforeAll(async () => {
  db = await openDatabase();
});
afterAll(() => db.close());

describe('sortedProofQuery', () => {
  it.each([
    ['strictly increasing', "('a'), ('b'), ('c')", true],
    ['increasing with NULLs', "('a'), (NULL), ('b'), (NULL)", true],
    ['empty', '(NULL)', true],
    ['one value', "('a')", true],
    ['adjacent repeat', "('a'), ('b'), ('b'), ('c')", false],
    ['repeat across a NULL', "('a'), (NULL), ('a')", false],
    ['unsorted but unique (not proven; hashing decides)', "('c'), ('a'), ('b')", false],
  ])('%s → %s', async (_, values, proven) => {
    const relation = `SELECT v FROM (VALUES ${values}) t(v)`;
    expect(provesUnique(await db.query(sortedProofQuery(relation, '"v"')))).toBe(proven);
  });

  it('proves a sorted million-row key and refutes a repeat near its end', async () => {
    const sorted = `SELECT 'K' || lpad(range::VARCHAR, 8, '0') AS v FROM range(1000000)`;
    expect(provesUnique(await db.query(sortedProofQuery(sorted, '"v"')))).toBe(true);
    const repeated = `SELECT 'K' || lpad(least(range, 999998)::VARCHAR, 8, '0') AS v FROM range(1000000)`;
    expect(provesUnique(await db.query(sortedProofQuery(repeated, '"v"')))).toBe(false);
  });
});
