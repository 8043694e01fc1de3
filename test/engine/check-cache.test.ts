import { utimesSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSourceData, memoryCheckCache } from '../../src/engine/check-data.js';
import { checkFingerprint } from '../../src/engine/check-cache.js';
import { openDatabase, type Database } from '../../src/engine/duckdb.js';
import { locateSourceFiles } from '../../src/engine/source-files.js';
import { makeSource, tempFolder, type TempFolder } from './helpers.js';

let db: Database;
let data: TempFolder;
let queries = 0;
beforeAll(async () => {
  const real = await openDatabase();
  db = { ...real, query: (sql) => (queries++, real.query(sql)), queryResult: (sql) => real.queryResult(sql), run: (sql) => real.run(sql), close: () => real.close() };
  data = tempFolder();
});
afterAll(() => {
  db.close();
  data.remove();
});

const source = makeSource('s', 'cached.csv', [['id', { type: 'string', unique: true }], ['day', { type: 'date' }]], { time: 'day' });

describe('check cache', () => {
  it('skips an unchanged file, re-checks a changed one, and never caches errors', async () => {
    const file = data.write('cached.csv', 'id,day\n1,2024-01-01\n2,\n');
    const files = locateSourceFiles(source, data.dir).value;
    const cache = memoryCheckCache();

    const first = await checkSourceData(db, source, files, { cache });
    expect(first.diagnostics.map((d) => d.code)).toEqual(['data/null-time-anchor']);
    const before = queries;
    const second = await checkSourceData(db, source, files, { cache });
    expect(queries).toBe(before);
    expect(second).toEqual(first);

    data.write('cached.csv', 'id,day\n1,2024-01-01\n1,2024-01-02\n');
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const changed = await checkSourceData(db, source, files, { cache });
    expect(changed.diagnostics.map((d) => d.code)).toEqual(['data/unique']);
    const again = queries;
    await checkSourceData(db, source, files, { cache });
    expect(queries).toBeGreaterThan(again);
  });

  it('changes the key with the contract', () => {
    data.write('cached.csv', 'id,day\n1,2024-01-01\n');
    const files = locateSourceFiles(source, data.dir).value;
    const other = makeSource('s', 'cached.csv', [['id', { type: 'string', unique: false }], ['day', { type: 'date' }]], { time: 'day' });
    expect(checkFingerprint(source, files)).toBe(checkFingerprint(source, files));
    expect(checkFingerprint(other, files)).not.toBe(checkFingerprint(source, files));
  });
});
