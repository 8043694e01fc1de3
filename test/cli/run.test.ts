import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../../src/engine/duckdb.js';
import { Decimal } from '../../src/model/decimal.js';
import { cli, salesFolder, OPPORTUNITIES_CSV } from './helpers.js';

const ws = salesFolder();
afterAll(() => ws.remove());

const QUARTER_BY_REGION = ['run', '--grain', 'quarter', '--by', 'region'];

describe('run: output formats', () => {
  test('table: aligned columns, values formatted by unit', async () => {
    const r = await cli(ws.root, [...QUARTER_BY_REGION, '--kpi', 'bookings,win_rate,deals,cycle_days']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      [
        'kpi         period      region   value',
        'bookings    2024-01-01  AMER        $0',
        'bookings    2024-01-01  EMEA    $1,000',
        'bookings    2024-04-01  AMER    $2,801',
        'bookings    2024-04-01  EMEA      $700',
        'win_rate    2024-01-01  AMER      0.0%',
        'win_rate    2024-01-01  EMEA     50.0%',
        'win_rate    2024-04-01  AMER    100.0%',
        'win_rate    2024-04-01  EMEA    100.0%',
        'deals       2024-01-01  AMER         0',
        'deals       2024-01-01  EMEA         1',
        'deals       2024-04-01  AMER         2',
        'deals       2024-04-01  EMEA         1',
        'cycle_days  2024-01-01  AMER         —',
        'cycle_days  2024-01-01  EMEA    10.0 d',
        'cycle_days  2024-04-01  AMER    35.0 d',
        'cycle_days  2024-04-01  EMEA    50.0 d',
        'data as of 2024-06-30 (the latest event in source `opportunities`)',
        '',
      ].join('\n'),
    );
  });

  test('csv: header and raw values, empty for null', async () => {
    const r = await cli(ws.root, [...QUARTER_BY_REGION, '--kpi', 'bookings,cycle_days', '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'kpi,period,region,value,complete,as_of',
        'bookings,2024-01-01,AMER,0,true,2024-06-30',
        'bookings,2024-01-01,EMEA,1000,true,2024-06-30',
        'bookings,2024-04-01,AMER,2800.5,true,2024-06-30',
        'bookings,2024-04-01,EMEA,700,true,2024-06-30',
        'cycle_days,2024-01-01,AMER,,true,2024-06-30',
        'cycle_days,2024-01-01,EMEA,10,true,2024-06-30',
        'cycle_days,2024-04-01,AMER,35,true,2024-06-30',
        'cycle_days,2024-04-01,EMEA,50,true,2024-06-30',
        '',
      ].join('\n'),
    );
  });

  test('json: one array of rows with one key per dimension', async () => {
    const r = await cli(ws.root, [...QUARTER_BY_REGION, '--kpi', 'win_rate,cycle_days', '--format', 'json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(rows).toHaveLength(8);
    const judged = { complete: true, as_of: '2024-06-30' };
    expect(rows[1]).toEqual({ kpi: 'win_rate', period: '2024-01-01', region: 'EMEA', value: 0.5, unit: 'percent', ...judged });
    expect(rows[4]).toEqual({ kpi: 'cycle_days', period: '2024-01-01', region: 'AMER', value: null, unit: 'days', ...judged });
    expect(Object.keys(rows[0] ?? {})).toEqual(['kpi', 'period', 'region', 'value', 'unit', 'complete', 'as_of']);
  });

  test('json without --by: kpi, period, value', async () => {
    const r = await cli(ws.root, ['run', '--grain', 'year', '--format', 'json']);
    // The data runs to 2024-06-30: the year 2024 is not complete.
    const judged = { complete: false, as_of: '2024-06-30' };
    expect(JSON.parse(r.stdout)).toEqual([
      { kpi: 'bookings', period: '2024-01-01', value: 4500.5, unit: 'money', ...judged },
      { kpi: 'win_rate', period: '2024-01-01', value: 4 / 6, unit: 'percent', ...judged },
      { kpi: 'deals', period: '2024-01-01', value: 4, unit: 'count', ...judged },
      { kpi: 'cycle_days', period: '2024-01-01', value: (10 + 30 + 40 + 50) / 4, unit: 'days', ...judged },
    ]);
  });

  test('ndjson: one object per line', async () => {
    const r = await cli(ws.root, [...QUARTER_BY_REGION, '--kpi', 'deals', '--format', 'ndjson']);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines.map((l) => JSON.parse(l) as unknown)[3]).toEqual({
      kpi: 'deals',
      period: '2024-04-01',
      region: 'EMEA',
      value: 1,
      unit: 'count',
      complete: true,
      as_of: '2024-06-30',
    });
  });

  test('--from/--to limit the periods; --kpi may repeat', async () => {
    const r = await cli(ws.root, [
      'run',
      '--kpi',
      'deals',
      '--kpi',
      'bookings',
      '--grain',
      'month',
      '--from',
      '2024-04-01',
      '--to',
      '2024-05-31',
      '--format',
      'csv',
    ]);
    expect(r.stdout).toBe(
      [
        'kpi,period,value,complete,as_of',
        'deals,2024-04-01,1,true,2024-06-30',
        'deals,2024-05-01,1,true,2024-06-30',
        'bookings,2024-04-01,2500.5,true,2024-06-30',
        'bookings,2024-05-01,300,true,2024-06-30',
        '',
      ].join('\n'),
    );
  });

  test('parquet: written with --out and read back with DuckDB', async () => {
    const out = path.join(ws.root, 'results.parquet');
    const r = await cli(ws.root, [...QUARTER_BY_REGION, '--kpi', 'bookings,cycle_days', '--format', 'parquet', '--out', 'results.parquet']);
    expect([r.code, r.stdout]).toEqual([0, '']);
    const db = await openDatabase();
    try {
      const { columns, rows } = await db.queryResult(`SELECT * FROM read_parquet('${out}') ORDER BY kpi, period, region`);
      expect(columns.map((c) => `${c.name} ${c.type}`)).toEqual([
        'kpi VARCHAR',
        'period DATE',
        'region VARCHAR',
        'value DOUBLE',
        'exact value DECIMAL(18,2)',
        'unit VARCHAR',
        'complete BOOLEAN',
        'as_of DATE',
      ]);
      const exact = (cents: bigint): Decimal => new Decimal(cents, 2);
      expect(rows.map((x) => ({ ...x }))).toEqual([
        {
          kpi: 'bookings',
          period: '2024-01-01',
          region: 'AMER',
          value: 0,
          'exact value': exact(0n),
          unit: 'money',
          complete: true,
          as_of: '2024-06-30',
        },
        {
          kpi: 'bookings',
          period: '2024-01-01',
          region: 'EMEA',
          value: 1000,
          'exact value': exact(100000n),
          unit: 'money',
          complete: true,
          as_of: '2024-06-30',
        },
        {
          kpi: 'bookings',
          period: '2024-04-01',
          region: 'AMER',
          value: 2800.5,
          'exact value': exact(280050n),
          unit: 'money',
          complete: true,
          as_of: '2024-06-30',
        },
        {
          kpi: 'bookings',
          period: '2024-04-01',
          region: 'EMEA',
          value: 700,
          'exact value': exact(70000n),
          unit: 'money',
          complete: true,
          as_of: '2024-06-30',
        },
        {
          kpi: 'cycle_days',
          period: '2024-01-01',
          region: 'AMER',
          value: null,
          'exact value': null,
          unit: 'days',
          complete: true,
          as_of: '2024-06-30',
        },
        {
          kpi: 'cycle_days',
          period: '2024-01-01',
          region: 'EMEA',
          value: 10,
          'exact value': null,
          unit: 'days',
          complete: true,
          as_of: '2024-06-30',
        },
        {
          kpi: 'cycle_days',
          period: '2024-04-01',
          region: 'AMER',
          value: 35,
          'exact value': null,
          unit: 'days',
          complete: true,
          as_of: '2024-06-30',
        },
        {
          kpi: 'cycle_days',
          period: '2024-04-01',
          region: 'EMEA',
          value: 50,
          'exact value': null,
          unit: 'days',
          complete: true,
          as_of: '2024-06-30',
        },
      ]);
    } finally {
      db.close();
    }
  });

  test('--out writes the file, nothing on stdout, no temporary file left', async () => {
    const r = await cli(ws.root, ['run', '--grain', 'year', '--format', 'csv', '--out', 'year.csv']);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '', '']);
    expect(readFileSync(path.join(ws.root, 'year.csv'), 'utf8').split('\n')[0]).toBe('kpi,period,value,complete,as_of');
    expect(ws.files().filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('run: failures write nothing', () => {
  test('bad data: exit 1, diagnostics with data-file positions on stderr, no --out file', async () => {
    const f = salesFolder({ 'data/opportunities.csv': `${OPPORTUNITIES_CSV}7,EMEA,Maybe,abc,1,2024-06-01\n` });
    try {
      const before = f.files();
      const r = await cli(f.root, ['run', '--format', 'json', '--out', 'out.json']);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^data\/opportunities\.csv:8:4: error\[data\/bad-value\] /m);
      expect(r.stderr).toMatch(/^data\/opportunities\.csv:8:3: error\[data\/not-in-values\] /m);
      expect(r.stderr).toContain('  --> catalog/sources/opportunities.yaml:');
      expect(r.stderr.trimEnd().split('\n').slice(-2)).toEqual(['2 errors', 'kpic: the data breaks its contract']);
      expect(f.files()).toEqual(before);
    } finally {
      f.remove();
    }
  });

  test('--quarantine: bad rows set aside, a warning, results without them', async () => {
    const f = salesFolder({ 'data/opportunities.csv': `${OPPORTUNITIES_CSV}7,EMEA,Maybe,abc,1,2024-06-01\n` });
    try {
      const r = await cli(f.root, ['run', '--grain', 'year', '--kpi', 'deals', '--format', 'csv', '--quarantine', 'bad.csv']);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('kpi,period,value\ndeals,2024-01-01,4\n');
      expect(r.stderr).toContain('warning[data/quarantined]');
      expect(readFileSync(path.join(f.root, 'bad.csv'), 'utf8')).toContain('data/opportunities.csv,8,');
    } finally {
      f.remove();
    }
  });

  test('a missing data file: exit 1, data/missing-file', async () => {
    const f = salesFolder();
    try {
      const r = await cli(f.root, ['run', '--data', 'elsewhere', '--out', 'x.csv', '--format', 'csv']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('error[data/missing-file]');
      expect(existsSync(path.join(f.root, 'x.csv'))).toBe(false);
    } finally {
      f.remove();
    }
  });

  test('an invalid catalog: diagnostics on stderr, exit 1, nothing run or written', async () => {
    const f = salesFolder({ 'catalog/kpis/bad.yaml': 'kpi: bad\nformula: sum(amount where wonn)\n' });
    try {
      const r = await cli(f.root, ['run', '--out', 'out.csv', '--format', 'csv']);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^catalog\/kpis\/bad\.yaml:2:27: error\[resolve\/unknown-column\] /m);
      expect(r.stderr.trimEnd().endsWith('kpic: the catalog is invalid; nothing was run')).toBe(true);
      expect(existsSync(path.join(f.root, 'out.csv'))).toBe(false);
    } finally {
      f.remove();
    }
  });

  test('an existing --out file is left untouched when the run fails', async () => {
    const f = salesFolder({ 'out.csv': 'previous\n', 'data/opportunities.csv': 'id,region\n1,EMEA\n' });
    try {
      const r = await cli(f.root, ['run', '--out', 'out.csv', '--format', 'csv']);
      expect(r.code).toBe(1);
      expect(readFileSync(path.join(f.root, 'out.csv'), 'utf8')).toBe('previous\n');
      expect(f.files().filter((x) => x.endsWith('.tmp'))).toEqual([]);
    } finally {
      f.remove();
    }
  });
});

describe('run: progress', () => {
  test('a terminal sees progress, erased afterwards; a pipe sees none', async () => {
    const tty = await cli(ws.root, ['run', '--grain', 'year', '--format', 'csv'], { tty: true });
    expect(tty.stderr).toContain('running 4 KPIs');
    expect(tty.stderr.endsWith('\r\u001b[K')).toBe(true);
    const pipe = await cli(ws.root, ['run', '--grain', 'year', '--format', 'csv']);
    expect(pipe.stderr).toBe('');
  });
});

describe('run: exact money', () => {
  test('10 × 0.10 is 1 in every format; more decimal places than the scale is a data error', async () => {
    const rows = Array.from({ length: 10 }, (_, i) => `${i},EMEA,Won,0.10,1,2024-01-0${(i % 9) + 1}`);
    const f = salesFolder({ 'data/opportunities.csv': `id,region,stage,amount,cycle,close_date\n${rows.join('\n')}\n` });
    try {
      const json = await cli(f.root, ['run', '--kpi', 'bookings', '--format', 'json']);
      // The data runs to 2024-01-09, so January is incomplete.
      expect(json.stdout).toBe(
        '[\n{"kpi":"bookings","period":"2024-01-01","value":1,"unit":"money","complete":false,"as_of":"2024-01-09"}\n]\n',
      );
      const csv = await cli(f.root, ['run', '--kpi', 'bookings', '--format', 'csv']);
      expect(csv.stdout).toBe('kpi,period,value,complete,as_of\nbookings,2024-01-01,1,false,2024-01-09\n');
      const parquet = await cli(f.root, ['run', '--kpi', 'bookings', '--format', 'parquet', '--out', 'r.parquet']);
      expect(parquet.code).toBe(0);
      const db = await openDatabase();
      try {
        const file = path.join(f.root, 'r.parquet').replaceAll("'", "''");
        expect(await db.query(`SELECT CAST("exact value" AS VARCHAR) AS v FROM read_parquet('${file}')`)).toEqual([{ v: '1.00' }]);
      } finally {
        db.close();
      }

      f.write('data/opportunities.csv', 'id,region,stage,amount,cycle,close_date\n1,EMEA,Won,0.105,1,2024-01-01\n');
      const bad = await cli(f.root, ['run', '--kpi', 'bookings', '--format', 'json']);
      expect(bad.code).toBe(1);
      expect(bad.stdout).toBe('');
      expect(bad.stderr).toContain(
        'data/opportunities.csv:2:4: error[data/bad-value] `0.105` in column `amount` has 3 decimal places, more than the default scale of 2 allows',
      );
    } finally {
      f.remove();
    }
  });
});
