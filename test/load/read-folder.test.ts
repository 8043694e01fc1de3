import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { readCatalogFolder } from '../../src/load/read-folder.js';
import { loadCatalog } from '../../src/load/load-catalog.js';

const roots: string[] = [];

/** A temporary folder holding `files` (path → text or bytes). */
function folder(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'kpic-load-'));
  roots.push(root);
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(root, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  return root;
}

afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

describe('readCatalogFolder', () => {
  test('reads every yaml file at any depth, sorted, with / paths', () => {
    const dir = folder({
      'catalog.yaml': 'catalog: acme\n',
      'kpis/sales/win.yaml': 'kpi: win\nformula: x\n',
      'sources/o.yml': 'source: o\n',
      'a.yaml': 'kpi: a\n',
      'notes.txt': 'not yaml',
      'kpis/readme.md': '# no',
      '.github/workflows/ci.yaml': 'on: push\n',
      '.yamllint.yml': 'rules: {}\n',
      'node_modules/pkg/x.yaml': 'kpi: nope\n',
      'kpis/node_modules/y.yaml': 'kpi: nope\n',
    });
    const result = readCatalogFolder(dir);
    expect(result.diagnostics).toEqual([]);
    expect([...result.value.keys()]).toEqual(['a.yaml', 'catalog.yaml', 'kpis/sales/win.yaml', 'sources/o.yml']);
    expect(result.value.get('kpis/sales/win.yaml')).toBe('kpi: win\nformula: x\n');
  });

  test('a missing folder', () => {
    const result = readCatalogFolder(path.join(tmpdir(), 'kpic-no-such-folder-9f3a1'));
    expect(result.diagnostics.map((d) => [d.code, d.span])).toEqual([['load/missing-catalog', { file: 'catalog.yaml', start: 0, end: 0 }]]);
  });

  test('a file given instead of a folder', () => {
    const dir = folder({ 'catalog.yaml': 'catalog: acme\n' });
    expect(readCatalogFolder(path.join(dir, 'catalog.yaml')).diagnostics.map((d) => d.code)).toEqual(['load/missing-catalog']);
  });

  test('a folder without catalog.yaml, with a hint for catalog.yml', () => {
    const dir = folder({ 'catalog.yml': 'catalog: acme\n', 'kpis/a.yaml': 'kpi: a\n' });
    const result = readCatalogFolder(dir);
    expect(result.diagnostics.map((d) => [d.code, d.span.file])).toEqual([['load/missing-catalog', 'catalog.yaml']]);
    expect(result.diagnostics[0]?.hint).toContain('rename `catalog.yml`');
  });

  test('a file that is not UTF-8 text is unreadable; the others are still read', () => {
    const dir = folder({
      'catalog.yaml': 'catalog: acme\n',
      'kpis/bad.yaml': new Uint8Array([0x6b, 0x70, 0x69, 0x3a, 0x20, 0xff, 0xfe, 0x0a]),
    });
    const result = readCatalogFolder(dir);
    expect(result.diagnostics.map((d) => [d.code, d.span.file])).toEqual([['load/read-failed', 'kpis/bad.yaml']]);
    expect([...result.value.keys()]).toEqual(['catalog.yaml']);
  });

  test.skipIf(process.getuid?.() === 0)('a file without read permission', () => {
    const dir = folder({ 'catalog.yaml': 'catalog: acme\n', 'k.yaml': 'kpi: k\n' });
    chmodSync(path.join(dir, 'k.yaml'), 0o000);
    expect(readCatalogFolder(dir).diagnostics.map((d) => d.code)).toEqual(['load/read-failed']);
  });

  test('a folder named like a yaml file is walked, not read', () => {
    const dir = folder({ 'catalog.yaml': 'catalog: acme\n', 'odd.yaml/k.yaml': 'kpi: k\n' });
    expect([...readCatalogFolder(dir).value.keys()]).toEqual(['catalog.yaml', 'odd.yaml/k.yaml']);
  });

  test('symlinks: followed inside the folder, never out of it, and never in a loop', () => {
    const outside = folder({ 'secret.yaml': 'kpi: secret\n', 'deep/other.yaml': 'kpi: other\n' });
    const dir = folder({ 'catalog.yaml': 'catalog: acme\n', 'kpis/a.yaml': 'kpi: a\n' });
    symlinkSync(outside, path.join(dir, 'linked_out'));
    symlinkSync(path.join(outside, 'secret.yaml'), path.join(dir, 'secret.yaml'));
    symlinkSync(path.join(dir, 'kpis'), path.join(dir, 'kpis_again'));
    symlinkSync(dir, path.join(dir, 'kpis', 'loop'));
    symlinkSync(path.join(dir, 'nowhere'), path.join(dir, 'dangling.yaml'));
    const result = readCatalogFolder(dir);
    expect(result.diagnostics).toEqual([]);
    // `kpis_again` is the same real folder as `kpis`: read once, under the first name met.
    const keys = [...result.value.keys()];
    expect(keys.filter((k) => k.endsWith('a.yaml'))).toEqual(['kpis/a.yaml']);
    expect(keys).toContain('catalog.yaml');
    expect(keys.some((k) => k.includes('secret') || k.includes('other') || k.includes('linked_out'))).toBe(false);
  });
});

describe('loadCatalog', () => {
  test('loads a folder into the model, with every file kept for rendering', () => {
    const dir = folder({
      'catalog.yaml': 'catalog: acme\ncurrency: EUR\n',
      'sources/o.yaml': 'source: opportunities\nfile: o.csv\ncolumns:\n  amount: { type: money }\n',
      'kpis/k.yaml': 'kpi: bookings\nformula: sum(amount)\nunit: mony\n',
    });
    const result = loadCatalog(dir);
    expect(result.diagnostics.map((d) => [d.code, d.span.file])).toEqual([['schema/bad-value', 'kpis/k.yaml']]);
    expect(result.value.meta?.currency).toBe('EUR');
    expect(result.value.kpis.get('bookings')?.formula.text).toBe('sum(amount)');
    expect([...result.value.files.keys()]).toEqual(['catalog.yaml', 'kpis/k.yaml', 'sources/o.yaml']);
  });

  test('a missing catalog gives one diagnostic and an empty catalog', () => {
    const dir = folder({ 'kpis/k.yaml': 'kpi: k\nformula: x\n' });
    const result = loadCatalog(dir);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['load/missing-catalog']);
    expect([result.value.meta, result.value.kpis.size, result.value.documents.length]).toEqual([undefined, 0, 0]);
  });
});
