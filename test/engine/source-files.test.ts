import { symlinkSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declaredSourceFiles, locateSourceFiles, sourcePathProblems } from '../../src/engine/source-files.js';
import { FILE_SPAN, makeSource, tempFolder, type TempFolder } from './helpers.js';

const source = (file: string, format?: 'csv' | 'parquet' | 'json') =>
  makeSource('deals', file, [['id', { type: 'string' }]], format === undefined ? {} : { format });

describe('locateSourceFiles', () => {
  let data: TempFolder;
  let outside: TempFolder;
  beforeAll(() => {
    data = tempFolder();
    outside = tempFolder('kpic-outside-');
    data.write('opportunities.csv', 'id\n1\n');
    data.write('exports/2024-02.csv', 'id\n2\n');
    data.write('exports/2024-01.csv', 'id\n1\n');
    data.write('exports/notes.md', '# not data\n');
    data.write('events.ndjson', '{"id": 1}\n');
    data.write('events.jsonl', '{"id": 1}\n');
    data.write('big.parquet', 'PAR1');
    data.write('sales [2024].csv', 'id\n1\n');
    data.write('tabbed.tsv', 'id\n1\n');
    data.write('plain.dat', 'id\n1\n');
    data.write('mixed/a.csv', 'id\n1\n');
    data.write('mixed/b.parquet', 'PAR1');
    outside.write('secret.csv', 'id\nsecret\n');
    outside.write('dir/more.csv', 'id\nsecret\n');
    symlinkSync(path.join(outside.dir, 'secret.csv'), path.join(data.dir, 'linked.csv'));
    mkdirSync(path.join(data.dir, 'links'));
    symlinkSync(path.join(outside.dir, 'dir'), path.join(data.dir, 'links', 'out'));
  });
  afterAll(() => {
    data.remove();
    outside.remove();
  });

  it.each([
    ['opportunities.csv', undefined, 'csv', ['opportunities.csv']],
    ['exports/*.csv', undefined, 'csv', ['exports/2024-01.csv', 'exports/2024-02.csv']],
    ['exports/2024-0[12].csv', undefined, 'csv', ['exports/2024-01.csv', 'exports/2024-02.csv']],
    ['events.ndjson', undefined, 'json', ['events.ndjson']],
    ['events.jsonl', undefined, 'json', ['events.jsonl']],
    ['big.parquet', undefined, 'parquet', ['big.parquet']],
    ['sales [2024].csv', undefined, 'csv', ['sales [2024].csv']],
    ['tabbed.tsv', undefined, 'csv', ['tabbed.tsv']],
    ['plain.dat', 'csv', 'csv', ['plain.dat']],
    ['./opportunities.csv', undefined, 'csv', ['opportunities.csv']],
  ] as const)('%s (format %s) → %s %j', (file, format, expectedFormat, expected) => {
    const result = locateSourceFiles(source(file, format), data.dir);
    expect(result.diagnostics).toEqual([]);
    expect(result.value.format).toBe(expectedFormat);
    expect(result.value.paths).toEqual(expected.map((p) => path.join(data.dir, p)));
    expect(result.value.source).toBe('deals');
  });

  it.each([
    ['../outside.csv', /climbs out of the data folder/],
    ['exports/../../x.csv', /climbs out of the data folder/],
    ['/etc/passwd', /absolute path/],
    ['C:\\data\\x.csv', /absolute path/],
    ['~/x.csv', /absolute path/],
  ])('refuses %s before touching the disk', (file, message) => {
    const result = locateSourceFiles(source(file, 'csv'), data.dir);
    expect(result.value.paths).toEqual([]);
    expect(result.diagnostics.map((d) => [d.code, d.span])).toEqual([['data/outside-folder', FILE_SPAN]]);
    expect(result.diagnostics[0]?.message).toMatch(message);
  });

  it.each(['linked.csv', 'links/out/more.csv', 'links/**/*.csv', '*.csv'])('refuses %s, which resolves outside the data folder', (file) => {
    const result = locateSourceFiles(source(file), data.dir);
    expect(result.value.paths).toEqual([]);
    expect(result.diagnostics.map((d) => d.code)).toContain('data/outside-folder');
    expect(result.diagnostics.every((d) => d.span === FILE_SPAN)).toBe(true);
    expect(result.diagnostics[0]?.message).toMatch(/outside the data folder/);
  });

  it('reports a missing file with the closest name present', () => {
    const result = locateSourceFiles(source('oportunities.csv'), data.dir);
    expect(result.diagnostics).toHaveLength(1);
    const d = result.diagnostics[0];
    expect(d?.code).toBe('data/missing-file');
    expect(d?.span).toEqual(FILE_SPAN);
    expect(d?.message).toContain('`oportunities.csv`');
    expect(d?.message).toContain(data.dir.split(path.sep).pop());
    expect(d?.hint).toBe('did you mean `opportunities.csv`?');
  });

  it('lists files of the same format when no name is close', () => {
    const result = locateSourceFiles(source('zzzzzzzz.parquet'), data.dir);
    expect(result.diagnostics[0]?.code).toBe('data/missing-file');
    expect(result.diagnostics[0]?.hint).toBe('files there: `big.parquet`, `mixed/b.parquet`');
  });

  it('reports a glob that matches nothing', () => {
    const result = locateSourceFiles(source('exports/*.parquet'), data.dir);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['data/missing-file']);
  });

  it('reports a missing data folder', () => {
    const result = locateSourceFiles(source('x.csv'), path.join(data.dir, 'nope'));
    expect(result.diagnostics.map((d) => d.code)).toEqual(['data/missing-file']);
    expect(result.diagnostics[0]?.message).toMatch(/data folder .* does not exist/);
  });

  it.each([
    ['plain.dat', /cannot tell the format of `plain.dat`/],
    ['mixed/*', /cannot tell the format/],
  ])('asks for format: when %s does not tell it', (file, message) => {
    const result = locateSourceFiles(source(file), data.dir);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['data/unknown-format']);
    expect(result.diagnostics[0]?.message).toMatch(message);
  });
});

describe('declaredSourceFiles and sourcePathProblems', () => {
  it('joins the pattern to the data folder without reading the disk', () => {
    const files = declaredSourceFiles(source('exports/*.parquet'), 'no/such/folder');
    expect(files).toEqual({ source: 'deals', format: 'parquet', paths: [path.resolve('no/such/folder', 'exports/*.parquet')] });
  });

  it.each([
    ['ok.csv', []],
    ['../x.csv', ['data/outside-folder']],
    ['/abs.csv', ['data/outside-folder']],
    ['x.xlsx', ['data/unknown-format']],
    ['exports/*', []],
  ])('%s → %j', (file, codes) => {
    expect(sourcePathProblems(source(file)).map((d) => d.code)).toEqual(codes);
  });
});
