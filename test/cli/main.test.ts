import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { cli, salesFolder } from './helpers.js';

const ws = salesFolder();
afterAll(() => ws.remove());

const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

describe('help and version', () => {
  test.each([[['--help']], [['-h']], [['help']]])('%j prints the overview on stdout, exit 0', async (argv) => {
    const r = await cli(ws.root, argv);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    for (const c of ['validate', 'compile', 'run', 'demo', 'scorecard', 'test', 'docs', 'diff', 'approvals', 'review'])
      expect(r.stdout).toContain(`  ${c} `);
  });

  test.each(['validate', 'compile', 'run', 'demo'])("%s --help prints that command's flags", async (command) => {
    const r = await cli(ws.root, [command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith(`usage: kpic ${command} `)).toBe(true);
    expect(r.stdout).toContain('--catalog DIR');
  });

  test('help wins over other flag errors', async () => {
    const r = await cli(ws.root, ['run', '--nope', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('usage: kpic run');
  });

  test("kpic help scorecard shows the scorecard command's help", async () => {
    const r = await cli(ws.root, ['help', 'scorecard']);
    expect([r.code, r.stdout.startsWith('usage: kpic scorecard ')]).toEqual([0, true]);
  });

  test('kpic help run', async () => {
    const r = await cli(ws.root, ['help', 'run']);
    expect([r.code, r.stdout.split('\n')[0]?.startsWith('usage: kpic run [--catalog DIR]')]).toEqual([0, true]);
  });

  test('--version prints the package version', async () => {
    const r = await cli(ws.root, ['--version']);
    expect([r.code, r.stdout]).toEqual([0, `${version}\n`]);
  });
});

describe('usage errors: exit 2, one line naming the culprit, usage on stderr', () => {
  test.each([
    [[], 'kpic: missing command'],
    [['valdate'], 'kpic: unknown command `valdate`; did you mean `validate`?'],
    [['frobnicate'], 'kpic: unknown command `frobnicate`'],
    [['help', 'rnu'], 'kpic: unknown command `rnu`; did you mean `run`?'],
    [['scorcard'], 'kpic: unknown command `scorcard`; did you mean `scorecard`?'],
    [['--catalog', 'x', 'validate'], 'kpic: unknown flag `--catalog` before the command'],
    [['validate', '--fromat', 'json'], 'kpic: unknown flag `--fromat`; did you mean `--format`?'],
    [['validate', '--format=xml'], 'kpic: unknown value `xml` for `--format`; use one of pretty, json, github, sarif'],
    [
      ['validate', '--format', 'jsn'],
      'kpic: unknown value `jsn` for `--format`; use one of pretty, json, github, sarif (did you mean `json`?)',
    ],
    [['validate', '--format'], 'kpic: `--format` needs a value (pretty|json|github|sarif)'],
    [['validate', '--format', '--strict'], 'kpic: `--format` needs a value'],
    [['validate', '--strict=yes'], 'kpic: `--strict` takes no value'],
    [['validate', 'catalog'], 'kpic: unexpected argument `catalog`'],
    [['validate', '-format', 'json'], 'kpic: unknown flag `-format`; did you mean `--format`?'],
    [['validate', '--format', 'json', '--format', 'sarif'], 'kpic: `--format` is given twice'],
    [['run', '--kpi', 'a,,b'], 'kpic: `--kpi` has an empty item in `a,,b`'],
    [['run', '--kpi='], 'kpic: `--kpi` needs a value (ID[,ID…])'],
    [['run', '--format', 'xml'], 'kpic: unknown value `xml` for `--format`; use one of table, csv, json, ndjson, parquet'],
    [['run', '--format', 'parquet'], 'kpic: `--format parquet` needs `--out FILE`'],
    [['run', '--out', 'no/such/folder/x.csv'], 'kpic: cannot write `--out no/such/folder/x.csv`: the folder'],
    [['compile'], 'kpic: `kpic compile` needs `--kpi ID[,ID…]`'],
    [['compile', '--kpi', 'bookings', '--dialect', 'oracle'], 'kpic: unknown value `oracle` for `--dialect`; use one of duckdb'],
    [['compile', '--kpi', 'bookings', '--emit', 'ast'], 'kpic: unknown value `ast` for `--emit`; use one of sql, query-plan, plan'],
  ])('%j', async (argv, message) => {
    const r = await cli(ws.root, argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const [first, second] = r.stderr.split('\n');
    expect(first?.startsWith(message)).toBe(true);
    expect(second).toMatch(/^usage: kpic /);
  });
});

describe('request errors found by the pipeline: exit 2, one line each in terms of the flags, with the code', () => {
  test.each([
    [['run', '--kpi', 'bookngs'], 'kpic: error[query/unknown-kpi] unknown KPI `bookngs`; did you mean `bookings`?'],
    [['run', '--by', 'regon'], 'kpic: error[query/unknown-dimension] unknown dimension `regon`; did you mean `region`?'],
    [['run', '--grain', 'quater'], 'kpic: error[query/unknown-grain] unknown grain `quater`; use one of day, week, month, quarter, year'],
    [
      ['run', '--from', '2024-13-01'],
      'kpic: error[query/bad-date] --from needs a date from 0001-01-01 to 9999-12-31 written YYYY-MM-DD, not `2024-13-01`',
    ],
    [['run', '--to', 'soon'], 'kpic: error[query/bad-date] --to needs a date from 0001-01-01 to 9999-12-31 written YYYY-MM-DD, not `soon`'],
    [['run', '--from', '2024-06-01', '--to', '2024-01-01'], 'kpic: error[query/empty-range] --from 2024-06-01 is after --to 2024-01-01'],
    [['run', '--by', 'region,region'], 'kpic: error[query/repeated-dimension] dimension `region` is named twice in --by'],
    [['compile', '--kpi', 'nope'], 'kpic: error[query/unknown-kpi] unknown KPI `nope`'],
    [['compile', '--kpi', 'bookings', '--by', 'segment'], 'kpic: error[query/unknown-dimension] unknown dimension `segment`'],
    [['compile', '--kpi', 'bookings', '--grain', 'fortnight'], 'kpic: error[query/unknown-grain] unknown grain `fortnight`'],
  ])('%j', async (argv, message) => {
    const r = await cli(ws.root, argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.split('\n');
    expect(lines[0]?.startsWith(message), r.stderr).toBe(true);
    expect(lines[1]).toBe(`run \`kpic ${argv[0] ?? ''} --help\` for the flags`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test('every problem of the request is reported, each on its line', async () => {
    const r = await cli(ws.root, ['compile', '--kpi', 'bookngs,nope', '--grain', 'quater', '--from', '2024-02-30']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('kpic: error['))).toEqual([
      'kpic: error[query/unknown-grain] unknown grain `quater`; use one of day, week, month, quarter, year',
      'kpic: error[query/unknown-kpi] unknown KPI `bookngs`; did you mean `bookings`?',
      'kpic: error[query/unknown-kpi] unknown KPI `nope`',
      'kpic: error[query/bad-date] --from needs a date from 0001-01-01 to 9999-12-31 written YYYY-MM-DD, not `2024-02-30`',
    ]);
  });
});

describe('internal errors', () => {
  const failingIo = (env: Record<string, string>) => {
    let stderr = '';
    return {
      io: {
        stdout: {
          write: () => {
            throw new Error('stdout exploded');
          },
        },
        stderr: { write: (t: string) => (stderr += t) },
        cwd: ws.root,
        env,
      },
      err: () => stderr,
    };
  };

  test('an unexpected exception is exit 3 with a one-line message and no stack', async () => {
    const { io, err } = failingIo({});
    expect(await runCli(['--version'], io)).toBe(3);
    expect(err().split('\n')[0]).toBe('kpic: internal error: stdout exploded');
    expect(err()).not.toMatch(/\n\s+at /);
  });

  test('KPIC_DEBUG=1 adds the stack', async () => {
    const { io, err } = failingIo({ KPIC_DEBUG: '1' });
    expect(await runCli(['validate'], io)).toBe(3);
    expect(err()).toMatch(/\n\s+at /);
  });
});
