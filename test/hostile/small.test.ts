/**
 * Hostile input, the smaller items: a data file whose name starts with `..`, a `--catalog` that
 * names no folder, a catalog file that is not UTF-8, a value that overflows.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { withoutAsOf } from './plain-csv.js';
import { cli, salesFolder, SOURCE_YAML, OPPORTUNITIES_CSV } from '../cli/helpers.js';

describe('smaller items', () => {
  test('a real file `..weird.csv` inside the data folder is read, not refused as outside it', async () => {
    const f = salesFolder({
      'catalog/sources/opportunities.yaml': SOURCE_YAML.replace('file: opportunities.csv', 'file: ..weird.csv'),
      'data/..weird.csv': OPPORTUNITIES_CSV,
    });
    try {
      const r = await cli(f.root, ['run', '--kpi', 'deals', '--grain', 'year', '--format', 'csv']);
      expect([r.code, withoutAsOf(r.stdout)]).toEqual([0, 'kpi,period,value\ndeals,2024-01-01,4\n']);
    } finally {
      f.remove();
    }
  });

  test('`--catalog nosuch` is a usage error: exit 2, for validate and run', async () => {
    const f = salesFolder();
    try {
      for (const command of ['validate', 'run', 'compile']) {
        const r = await cli(f.root, [command, '--catalog', 'nosuch', ...(command === 'compile' ? ['--kpi', 'deals'] : [])]);
        expect([command, r.code]).toEqual([command, 2]);
      }
    } finally {
      f.remove();
    }
  });

  test('a catalog file that is not UTF-8 is reported at the bad byte', async () => {
    const f = salesFolder();
    try {
      writeFileSync(
        path.join(f.root, 'catalog/kpis/latin1.yaml'),
        Buffer.concat([Buffer.from('kpi: x\ntitle: Caf'), Buffer.from([0xe9]), Buffer.from('\nformula: count(opportunities)\n')]),
      );
      const r = await cli(f.root, ['validate']);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('cannot read `kpis/latin1.yaml`: it is not valid UTF-8 text, at line 2, column 11 (byte 0xE9)');
    } finally {
      f.remove();
    }
  });

  test('an overflow is no number in every format: empty in CSV, null in JSON', async () => {
    const f = salesFolder({ 'catalog/kpis/x.yaml': 'kpi: huge\ntitle: Huge\nformula: sum(cycle) * 1e308 * 10\nunit: number\n' });
    try {
      const csv = await cli(f.root, ['run', '--kpi', 'huge', '--grain', 'year', '--format', 'csv']);
      expect([csv.code, withoutAsOf(csv.stdout)]).toEqual([0, 'kpi,period,value\nhuge,2024-01-01,\n']);
      const json = await cli(f.root, ['run', '--kpi', 'huge', '--grain', 'year', '--format', 'json']);
      expect(JSON.parse(json.stdout)).toMatchObject([{ kpi: 'huge', period: '2024-01-01', value: null, unit: 'number' }]);
    } finally {
      f.remove();
    }
  });

  test.each(['2017/03/01', '2017-3-2', ' 2017-03-09', '03/09/2017'])(
    'the data date `%s` is refused, as its message says YYYY-MM-DD',
    async (date) => {
      const f = salesFolder({ 'data/opportunities.csv': `${OPPORTUNITIES_CSV}7,EMEA,Won,5,1,"${date}"\n` });
      try {
        const r = await cli(f.root, ['run', '--kpi', 'deals']);
        expect(r.code).toBe(1);
        expect(r.stderr).toContain('error[data/bad-value]');
        expect(r.stderr).toContain('is not a date (expected YYYY-MM-DD)');
      } finally {
        f.remove();
      }
    },
  );

  test('ISO dates with a time still read', async () => {
    const f = salesFolder({
      'data/opportunities.csv': `${OPPORTUNITIES_CSV}7,EMEA,Won,5,1,2024-06-30 10:00:00\n8,EMEA,Won,5,1,2024-06-30T10:00:00Z\n`,
    });
    try {
      const r = await cli(f.root, ['run', '--kpi', 'deals', '--grain', 'year', '--format', 'csv']);
      expect([r.code, withoutAsOf(r.stdout)]).toEqual([0, 'kpi,period,value\ndeals,2024-01-01,6\n']);
    } finally {
      f.remove();
    }
  });
});
