/**
 * Hostile input: dates at the edges of the range kpic computes on, 0001-01-01 to 9999-12-31.
 * Both ends run; a range whose windows reach before year 1 is refused with how far back they
 * read; a date outside the range is refused naming it.
 */
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { withoutAsOf } from './plain-csv.js';
import { cli, salesFolder } from '../cli/helpers.js';

const WINDOWS = {
  'catalog/kpis/x.yaml': 'kpi: last_year\ntitle: LY\nformula: prior(bookings, 1 year)\nunit: money\n',
};

describe('dates at the edges', () => {
  test('--to 9999-12-31 runs, and compile writes the exclusive end as a plain date', async () => {
    const f = salesFolder();
    try {
      const r = await cli(f.root, ['run', '--kpi', 'deals', '--grain', 'year', '--to', '9999-12-31', '--format', 'csv']);
      expect(r.code).toBe(0);
      const lines = withoutAsOf(r.stdout).trimEnd().split('\n');
      expect(lines[1]).toBe('deals,2024-01-01,4');
      // Past the data's as-of date a period has no value yet.
      expect(lines.at(-1)).toBe('deals,9999-01-01,');
      expect(lines.length).toBe(1 + (9999 - 2024 + 1));
      const c = await cli(f.root, ['compile', '--kpi', 'deals', '--to', '9999-12-31']);
      expect(c.code).toBe(0);
      expect(c.stdout).not.toContain('+010000');
      expect(c.stdout).toContain("DATE '10000-01-01'");
    } finally {
      f.remove();
    }
  });

  test('--from 0001-01-01 is year 1, not 1901', async () => {
    const f = salesFolder();
    try {
      const r = await cli(f.root, [
        'run',
        '--kpi',
        'deals',
        '--grain',
        'quarter',
        '--from',
        '0001-01-01',
        '--to',
        '0001-06-30',
        '--format',
        'csv',
      ]);
      expect([r.code, withoutAsOf(r.stdout)]).toEqual([0, 'kpi,period,value\ndeals,0001-01-01,0\ndeals,0001-04-01,0\n']);
    } finally {
      f.remove();
    }
  });

  test('windows reaching before 0001-01-01 are refused with how far back they read', async () => {
    const f = salesFolder(WINDOWS);
    try {
      const r = await cli(f.root, ['run', '--kpi', 'last_year', '--grain', 'quarter', '--from', '0001-01-01', '--to', '0001-12-31']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('error[query/date-out-of-range] the range starting 0001-01-01 needs data from 0001-01-01 (BC)');
      const later = await cli(f.root, [
        'run',
        '--kpi',
        'last_year',
        '--grain',
        'quarter',
        '--from',
        '0002-01-01',
        '--to',
        '0002-03-31',
        '--format',
        'csv',
      ]);
      expect([later.code, withoutAsOf(later.stdout)]).toEqual([0, 'kpi,period,value\nlast_year,0002-01-01,0\n']);
    } finally {
      f.remove();
    }
  });

  test('a date outside the range is refused, and the message states the range', async () => {
    const f = salesFolder();
    try {
      const r = await cli(f.root, ['run', '--from', '0000-12-31']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(
        'error[query/bad-date] --from needs a date from 0001-01-01 to 9999-12-31 written YYYY-MM-DD, not `0000-12-31`',
      );
    } finally {
      f.remove();
    }
  });

  test('scorecard --period past 9999 names the period, not a --from that was never given', async () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const r = await cli(root, ['scorecard', '--period', '9999-Q4']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('`9999-Q4` runs from 10000-');
    expect(r.stderr).toContain('outside the dates kpic computes on (0001-01-01 to 9999-12-31)');
    expect(r.stderr).not.toContain('--from');
  });
});
