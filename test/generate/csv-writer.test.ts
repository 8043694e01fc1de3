import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cents, csvText, dollars, openCsv } from '../../generator/csv-writer.js';

describe('csv formatting', () => {
  it.each([
    ['plain', 'plain'],
    ['Acme, Inc.', '"Acme, Inc."'],
    ['Get "verbal yes" in writing', '"Get ""verbal yes"" in writing"'],
    ['two\nlines', '"two\nlines"'],
    ["O'Brien", "O'Brien"],
    ['', ''],
  ])('csvText(%j) = %j', (text, want) => {
    expect(csvText(text)).toBe(want);
  });

  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [104_167, '1041.67'],
    [-25_000, '-250.00'],
    [-7, '-0.07'],
  ])('cents(%d) = %s', (value, want) => {
    expect(cents(value)).toBe(want);
  });

  it('dollars', () => {
    expect(dollars(12_500)).toBe('12500.00');
    expect(dollars(-300)).toBe('-300.00');
  });
});

describe('openCsv', () => {
  it('writes the header, every row in order and non-ASCII text, across buffer flushes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kpic-csv-'));
    try {
      const path = join(dir, 't.csv');
      const w = openCsv(path, ['id', 'name']);
      const rows = Array.from({ length: 60_000 }, (_, i) => `${i},Müller ${'x'.repeat(i % 40)}`);
      for (const r of rows) w.line(r);
      w.close();
      w.close();
      expect(w.rows).toBe(60_000);
      expect(readFileSync(path, 'utf8')).toBe(`id,name\n${rows.join('\n')}\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
