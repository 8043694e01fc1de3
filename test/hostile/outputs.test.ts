/**
 * Hostile input: outputs pointed at inputs. An output never replaces a data file or a catalog
 * file (by name, through a symbolic link or a hard link), two outputs never share a file, and a
 * run that fails writes nothing at all, quarantine included.
 */
import { linkSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { withoutAsOf } from './plain-csv.js';
import { cli, salesFolder, OPPORTUNITIES_CSV } from '../cli/helpers.js';

const BAD_ROW = '7,EMEA,Maybe,abc,1,2024-06-01\n';

describe('an output never destroys an input', () => {
  test.each([
    ['--out', ['--out', 'data/opportunities.csv', '--format', 'csv']],
    ['--quarantine', ['--quarantine', 'data/opportunities.csv']],
    ['--out (a catalog file)', ['--out', 'catalog/sources/opportunities.yaml', '--format', 'csv']],
    ['--out (spelled with ./ and ..)', ['--out', './data/../data/opportunities.csv', '--format', 'csv']],
  ])('%s naming an input is refused, exit 2, the input unchanged', async (_name, flags) => {
    const f = salesFolder();
    try {
      const before = f.files().map((p) => readFileSync(path.join(f.root, p), 'utf8'));
      const r = await cli(f.root, ['run', '--kpi', 'deals', ...flags]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('error[output/overwrites-input]');
      expect(r.stdout).toBe('');
      expect(f.files().map((p) => readFileSync(path.join(f.root, p), 'utf8'))).toEqual(before);
    } finally {
      f.remove();
    }
  });

  test('through a symbolic link and a hard link', async () => {
    const f = salesFolder();
    try {
      symlinkSync(path.join(f.root, 'data/opportunities.csv'), path.join(f.root, 'soft.csv'));
      linkSync(path.join(f.root, 'data/opportunities.csv'), path.join(f.root, 'hard.csv'));
      for (const out of ['soft.csv', 'hard.csv']) {
        const r = await cli(f.root, ['run', '--kpi', 'deals', '--format', 'csv', '--out', out]);
        expect([r.code, r.stderr.includes('error[output/overwrites-input]')]).toEqual([2, true]);
      }
      expect(readFileSync(path.join(f.root, 'data/opportunities.csv'), 'utf8')).toBe(OPPORTUNITIES_CSV);
    } finally {
      f.remove();
    }
  });

  test('--out and --quarantine naming one file is refused', async () => {
    const f = salesFolder({ 'data/opportunities.csv': OPPORTUNITIES_CSV + BAD_ROW });
    try {
      const r = await cli(f.root, ['run', '--kpi', 'deals', '--format', 'csv', '--out', 'x.csv', '--quarantine', './x.csv']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('error[output/same-file]');
      expect(f.files()).not.toContain('x.csv');
    } finally {
      f.remove();
    }
  });

  test('a run that fails leaves an earlier quarantine file as it was', async () => {
    const f = salesFolder({
      'data/opportunities.csv': OPPORTUNITIES_CSV + BAD_ROW,
      'catalog/sources/reps.yaml': 'source: reps\nfile: reps.csv\ncolumns:\n  rep: { type: string }\n',
      'data/reps.csv': 'name\nAda\n',
      'catalog/kpis/reps.yaml': 'kpi: reps\ntitle: Reps\nformula: count(reps)\nunit: count\n',
      'q.csv': 'earlier quarantine\n',
    });
    try {
      // `reps.csv` lacks its column: the run fails after opportunities was checked (and quarantined).
      const r = await cli(f.root, ['run', '--kpi', 'deals', '--quarantine', 'q.csv', '--kpi', 'deals,reps']);
      expect(r.code).toBe(1);
      expect(readFileSync(path.join(f.root, 'q.csv'), 'utf8')).toBe('earlier quarantine\n');
    } finally {
      f.remove();
    }
  });

  test('a good run writes both', async () => {
    const f = salesFolder({ 'data/opportunities.csv': OPPORTUNITIES_CSV + BAD_ROW });
    try {
      const r = await cli(f.root, [
        'run',
        '--kpi',
        'deals',
        '--grain',
        'year',
        '--format',
        'csv',
        '--quarantine',
        'q.csv',
        '--out',
        'o.csv',
      ]);
      expect(r.code).toBe(0);
      expect(withoutAsOf(readFileSync(path.join(f.root, 'o.csv'), 'utf8'))).toBe('kpi,period,value\ndeals,2024-01-01,4\n');
      expect(readFileSync(path.join(f.root, 'q.csv'), 'utf8')).toContain('data/opportunities.csv,8,');
    } finally {
      f.remove();
    }
  });

  test('--out newdir/ is refused as a folder, not written as a file named newdir', async () => {
    const f = salesFolder();
    try {
      const r = await cli(f.root, ['run', '--kpi', 'deals', '--out', 'newdir/']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('names a folder');
      expect(f.files()).not.toContain('newdir');
    } finally {
      f.remove();
    }
  });
});
