import { utimesSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSourceData, memoryCheckCache } from '../../src/engine/check-data.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkFingerprint, fileCheckCache } from '../../src/engine/check-cache.js';
import { openDatabase, type Database } from '../../src/engine/duckdb.js';
import { locateSourceFiles } from '../../src/engine/source-files.js';
import { makeSource, tempFolder, type TempFolder } from './helpers.js';

let db: Database;
let data: TempFolder;
let queries = 0;
beforeAll(async () => {
  const real = await openDatabase();
  db = {
    ...real,
    query: (sql) => (queries++, real.query(sql)),
    queryResult: (sql) => real.queryResult(sql),
    run: (sql) => real.run(sql),
    close: () => real.close(),
  };
  data = tempFolder();
});
afterAll(() => {
  db.close();
  data.remove();
});

const source = makeSource(
  's',
  'cached.csv',
  [
    ['id', { type: 'string', unique: true }],
    ['day', { type: 'date' }],
  ],
  { time: 'day' },
);

describe('check cache', () => {
  it('skips an unchanged file, re-checks a changed one, and never caches errors', async () => {
    const file = data.write('cached.csv', 'id,day\n1,2024-01-01\n2,\n');
    const past = new Date(Date.now() - 60_000);
    utimesSync(file, past, past);
    const files = locateSourceFiles(source, data.dir).value;
    const cache = memoryCheckCache();

    const first = await checkSourceData(db, source, files, { cache });
    expect(first.diagnostics.map((d) => d.code)).toEqual(['data/null-time-anchor']);
    const before = queries;
    const second = await checkSourceData(db, source, files, { cache });
    expect(queries).toBe(before);
    expect(second).toEqual(first);

    data.write('cached.csv', 'id,day\n1,2024-01-01\n1,2024-01-02\n');
    const later = new Date(Date.now() - 30_000);
    utimesSync(file, later, later);
    const changed = await checkSourceData(db, source, files, { cache });
    expect(changed.diagnostics.map((d) => d.code)).toEqual(['data/unique']);
    const again = queries;
    await checkSourceData(db, source, files, { cache });
    expect(queries).toBeGreaterThan(again);
  });

  it('never caches a file modified moments ago (its timestamp may not change on the next write)', () => {
    data.write('fresh.csv', 'id,day\n1,2024-01-01\n');
    const fresh = makeSource('f', 'fresh.csv', [['id', { type: 'string' }]]);
    expect(checkFingerprint(fresh, locateSourceFiles(fresh, data.dir).value)).toBeUndefined();
  });

  it('keeps passed checks in a file across cache instances (processes)', async () => {
    const file = data.write('kept.csv', 'id,day\n1,2024-01-01\n');
    const past = new Date(Date.now() - 60_000);
    utimesSync(file, past, past);
    const kept = makeSource(
      'k',
      'kept.csv',
      [
        ['id', { type: 'string', unique: true }],
        ['day', { type: 'date' }],
      ],
      { time: 'day' },
    );
    const files = locateSourceFiles(kept, data.dir).value;
    const cacheFile = path.join(mkdtempSync(path.join(tmpdir(), 'kpic-cache-')), 'sub', 'checks.json');
    const first = await checkSourceData(db, kept, files, { cache: fileCheckCache(cacheFile) });
    const before = queries;
    const second = await checkSourceData(db, kept, files, { cache: fileCheckCache(cacheFile) });
    expect(queries).toBe(before);
    expect(second).toEqual(first);
  });

  it('changes the key with the contract', () => {
    const file = data.write('cached.csv', 'id,day\n1,2024-01-01\n');
    const past = new Date(Date.now() - 60_000);
    utimesSync(file, past, past);
    const files = locateSourceFiles(source, data.dir).value;
    const other = makeSource(
      's',
      'cached.csv',
      [
        ['id', { type: 'string', unique: false }],
        ['day', { type: 'date' }],
      ],
      { time: 'day' },
    );
    expect(checkFingerprint(source, files)).toBe(checkFingerprint(source, files));
    expect(checkFingerprint(other, files)).not.toBe(checkFingerprint(source, files));
  });
});
