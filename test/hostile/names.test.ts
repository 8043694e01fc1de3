/**
 * Hostile input: names that meet generated ones. A dimension spelled like a result field in any
 * case (`Value`, `PERIOD`, `Kpi`) is refused in every output format; `_ord` (once the internal
 * ordering column) is an ordinary dimension; a dimension `Unit` does not collide with the unit
 * field; a KPI named twice is refused.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { withoutAsOf } from './plain-csv.js';
import { openDatabase } from '../../src/engine/duckdb.js';
import { stringLiteral } from '../../src/sql/quote.js';
import { cli, salesFolder, SOURCE_YAML } from '../cli/helpers.js';

const withDimension = (name: string): Record<string, string> => ({
  'catalog/sources/opportunities.yaml': SOURCE_YAML.replace(
    'dimensions:\n  region: region\n',
    `dimensions:\n  region: region\n  ${name}: region\n`,
  ),
});

describe('no user name collides with a generated one', () => {
  test.each(['Value', 'PERIOD', 'Kpi'])('a dimension `%s` is refused as a breakdown in every format', async (name) => {
    const f = salesFolder(withDimension(name));
    try {
      for (const format of ['table', 'csv', 'json', 'parquet']) {
        const out = format === 'parquet' ? ['--out', 'r.parquet'] : [];
        const r = await cli(f.root, ['run', '--kpi', 'deals', '--by', name, '--format', format, ...out]);
        expect([format, r.code, r.stderr.includes('error[query/reserved-dimension]')]).toEqual([format, 2, true]);
      }
    } finally {
      f.remove();
    }
  });

  test('a dimension `_ord` is an ordinary breakdown: its values print', async () => {
    const f = salesFolder(withDimension('_ord'));
    try {
      const r = await cli(f.root, ['run', '--kpi', 'deals', '--grain', 'year', '--by', '_ord', '--format', 'csv']);
      expect(r.code).toBe(0);
      expect(withoutAsOf(r.stdout)).toBe('kpi,period,_ord,value\ndeals,2024-01-01,AMER,2\ndeals,2024-01-01,EMEA,2\n');
    } finally {
      f.remove();
    }
  });

  test('a dimension `Unit` in Parquet: its column, and no unit column beside it', async () => {
    const f = salesFolder(withDimension('Unit'));
    try {
      const r = await cli(f.root, [
        'run',
        '--kpi',
        'deals',
        '--grain',
        'year',
        '--by',
        'Unit',
        '--format',
        'parquet',
        '--out',
        'r.parquet',
      ]);
      expect([r.code, r.stderr]).toEqual([0, '']);
      const db = await openDatabase();
      try {
        const rows = await db.query(`SELECT * FROM read_parquet(${stringLiteral(path.join(f.root, 'r.parquet'))}) ORDER BY 3`);
        expect(rows.map((row) => Object.keys(row))).toEqual([
          ['kpi', 'period', 'Unit', 'value', 'exact value', 'complete', 'as_of'],
          ['kpi', 'period', 'Unit', 'value', 'exact value', 'complete', 'as_of'],
        ]);
        expect(rows.map((row) => row['Unit'])).toEqual(['AMER', 'EMEA']);
      } finally {
        db.close();
      }
    } finally {
      f.remove();
    }
  });

  test('--kpi naming a KPI twice is refused, as --by is', async () => {
    const f = salesFolder();
    try {
      const r = await cli(f.root, ['run', '--kpi', 'deals,bookings,deals']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('error[query/repeated-kpi] KPI `deals` is named twice in --kpi');
      expect(readFileSync(path.join(f.root, 'data/opportunities.csv'), 'utf8')).toContain('id,region');
    } finally {
      f.remove();
    }
  });
});
