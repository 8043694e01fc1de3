/** `--engine` and `--connection` as usage: what is refused before anything connects (no server needed). */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, folder } from './helpers.js';

const f = folder({
  'catalog/catalog.yaml': 'catalog: e\nversion: 1.0.0\ncurrency: USD\n',
  'catalog/sources/payments.yaml': 'source: payments\ntable: crm.payments\ncolumns:\n  amount: { type: money }\n',
  'catalog/kpis.yaml': 'kpi: total\nformula: sum(amount)\nunit: money\n',
});
afterAll(() => f.remove());

describe('choosing the engine', () => {
  it('needs a connection for PostgreSQL', async () => {
    const r = await cli(f.root, ['run', '--engine', 'postgres']);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toContain('`--engine postgres` needs the database: `--connection postgres://user@host/db` or $KPIC_CONNECTION');
  });

  it('refuses an unknown engine, from the flag or the environment', async () => {
    const flag = await cli(f.root, ['run', '--engine', 'oracle']);
    expect(flag.code).toBe(2);
    const env = await cli(f.root, ['run'], { env: { KPIC_ENGINE: 'oracle' } });
    expect(env.code).toBe(2);
    expect(env.stderr).toContain('$KPIC_ENGINE is `oracle`; expected one of duckdb, postgres');
  });

  it('refuses --connection without a database engine', async () => {
    const r = await cli(f.root, ['run', '--connection', 'postgres://x@y/z']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('`--connection` is for a database engine: add `--engine postgres`');
  });

  it('validates a catalog of table sources without any database', async () => {
    const r = await cli(f.root, ['validate']);
    expect(r.code).toBe(0);
  });

  it('compiles for PostgreSQL without connecting, reading the table', async () => {
    const r = await cli(f.root, ['compile', '--kpi', 'total', '--dialect', 'postgres']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('CAST("amount" AS NUMERIC(38, 2)) AS "amount" FROM "crm"."payments"');
  });
});

const files = folder({
  'catalog/catalog.yaml': 'catalog: e\nversion: 1.0.0\ncurrency: USD\ndata: ../data\n',
  'catalog/sources/payments.yaml':
    'source: payments\nfile: payments.csv\ntime: paid\ncolumns:\n  amount: { type: money }\n  paid: { type: date }\n',
  'catalog/kpis.yaml': 'kpi: total\nformula: sum(amount)\nunit: money\n',
  'data/payments.csv': 'amount,paid\n0.10,2025-01-02\n0.20,2025-01-30\n',
});
afterAll(() => files.remove());

describe('the memory limit of DuckDB', () => {
  it('runs within a limit given by the flag or the environment', async () => {
    const flag = await cli(files.root, ['run', '--memory-limit', '512MB', '--format', 'csv']);
    expect([flag.code, flag.stderr]).toEqual([0, '']);
    expect(flag.stdout).toContain('total,2025-01-01');
    expect(flag.stdout).toContain('0.3');
    const env = await cli(files.root, ['run', '--format', 'csv'], { env: { KPIC_MEMORY_LIMIT: '1.5 GiB' } });
    expect(env.stdout).toEqual(flag.stdout);
  });

  it('refuses a size that is not one, before reading any data', async () => {
    const flag = await cli(files.root, ['run', '--memory-limit', 'lots']);
    expect([flag.code, flag.stdout]).toEqual([2, '']);
    expect(flag.stderr).toContain('`--memory-limit` is `lots`; expected a size such as 4GB, 512MiB or 1.5GB');
    const env = await cli(files.root, ['run'], { env: { KPIC_MEMORY_LIMIT: '80' } });
    expect(env.code).toBe(2);
    expect(env.stderr).toContain('$KPIC_MEMORY_LIMIT is `80`; expected a size');
  });
});

describe('running out of memory', () => {
  it('says so and what to change, and writes nothing', async () => {
    const r = await cli(files.root, ['run', '--memory-limit', '1MB', '--out', 'out.csv', '--format', 'csv']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('DuckDB ran out of memory under its limit of 1MB');
    expect(r.stderr).toContain('raise --memory-limit');
    expect(r.stderr).not.toMatch(/cannot be read|at .*\.js:\d+/);
    expect(existsSync(path.join(files.root, 'out.csv'))).toBe(false);
  });
});
