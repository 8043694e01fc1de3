/**
 * Hostile input: a data file rewritten in place with the same size, modification time and inode
 * (as a restore from backup leaves it) is checked again: the cache of passed checks is keyed on
 * the change time too, which no rewrite can keep.
 */
import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { cli, salesFolder, OPPORTUNITIES_CSV } from '../cli/helpers.js';

test('a rewrite that keeps size, mtime and inode does not pass on a cached check', async () => {
  const f = salesFolder();
  const env = { KPIC_CACHE_DIR: path.join(f.root, 'cache') };
  const data = path.join(f.root, 'data/opportunities.csv');
  try {
    const past = new Date('2024-01-01T00:00:00Z');
    utimesSync(data, past, past);
    const first = await cli(f.root, ['run', '--kpi', 'deals', '--format', 'csv'], { env });
    expect(first.code).toBe(0);
    expect(readFileSync(path.join(f.root, 'cache/data-checks.json'), 'utf8')).toContain('"opportunities"');
    const before = statSync(data);
    // Same length: an amount becomes text and an id repeats.
    const bad = OPPORTUNITIES_CSV.replace('1,EMEA,Won,1000,', '1,EMEA,Won,abcd,').replace('2,EMEA,Lost', '1,EMEA,Lost');
    expect(bad.length).toBe(OPPORTUNITIES_CSV.length);
    writeFileSync(data, bad);
    utimesSync(data, past, past);
    const after = statSync(data);
    expect([after.size, after.mtimeMs, after.ino]).toEqual([before.size, before.mtimeMs, before.ino]);
    const second = await cli(f.root, ['run', '--kpi', 'deals', '--format', 'csv'], { env });
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('error[data/bad-value]');
    expect(second.stderr).toContain('error[data/unique]');
  } finally {
    f.remove();
  }
});
