/**
 * `kpic test` end to end (real files, real DuckDB): passing and failing cases with their cell
 * diffs, CSV fixtures and their problems at file and line, engine warnings placed on the fixture
 * rows, scorecard expectations, --filter, --format json and junit, --out, and exit codes.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { cli, folder, type Folder } from '../cli/helpers.js';
import { CATALOG, GOOD_TEST } from './fixture.js';

const opened: Folder[] = [];
afterEach(() => {
  for (const f of opened.splice(0)) f.remove();
});

function workspace(files: Readonly<Record<string, string>>): Folder {
  const entries = Object.entries({ ...CATALOG, ...files }).map(([name, text]) => [`catalog/${name}`, text] as const);
  const f = folder(Object.fromEntries(entries));
  opened.push(f);
  return f;
}

describe('a passing test', () => {
  test('prints one line per case, the totals and the coverage; exit 0', async () => {
    const ws = workspace({ 'tests/basics.yaml': GOOD_TEST });
    const run = await cli(ws.root, ['test']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      [
        'catalog/tests/basics.yaml',
        '  ✓ basics › won and lost by region',
        '',
        '1 case: 1 passed',
        'coverage: 2 of 3 KPIs have a test (66.7%)',
        '',
      ].join('\n'),
    );
    expect(run.code).toBe(0);
  });
});

describe('a broken formula fails the right case with a readable cell diff', () => {
  const broken = { 'kpis.yaml': (CATALOG['kpis.yaml'] ?? '').replace('formula: sum(amount where won)', 'formula: sum(amount)') };

  test('pretty: the failing cell as expected ≠ actual, at the line that expects it; exit 1', async () => {
    const ws = workspace({ ...broken, 'tests/basics.yaml': GOOD_TEST });
    const run = await cli(ws.root, ['test']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('  ✗ basics › won and lost by region\n      catalog/tests/basics.yaml:9:11\n');
    expect(run.stdout).toContain('catalog/tests/basics.yaml:17:9: month by region: 1 of 4 cells differs');
    expect(run.stdout).toMatch(/line {2}period {6}region {2}bookings {10}win_rate\n/);
    expect(run.stdout).toContain('✗ 19    2025-01-01  EMEA    1200.50 ≠ 2299.5  50%');
    expect(run.stdout).toContain('  20    2025-01-01  AMER    300               1');
    expect(run.stdout).toContain('1 case: 0 passed, 1 failed');
  });

  test('json: every cell with expected, actual and position; the coverage', async () => {
    const ws = workspace({ ...broken, 'tests/basics.yaml': GOOD_TEST });
    const run = await cli(ws.root, ['test', '--format', 'json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as {
      ok: boolean;
      summary: Record<string, number>;
      coverage: { tested: string[]; untested: string[]; percent: number };
      cases: { status: string; file: string; line: number; expectations: { rows: { labels: object; cells: object[] }[] }[] }[];
    };
    expect(report.ok).toBe(false);
    expect(report.summary).toEqual({ cases: 1, passed: 0, failed: 1, errors: 0, filteredOut: 0 });
    expect(report.coverage).toMatchObject({ tested: ['bookings', 'win_rate'], untested: ['target_total'], percent: 66.7 });
    const c = report.cases[0];
    expect([c?.status, c?.file, c?.line]).toEqual(['failed', 'tests/basics.yaml', 9]);
    expect(c?.expectations[0]?.rows[0]).toEqual({
      line: 19,
      labels: { period: '2025-01-01', region: 'EMEA' },
      cells: [
        {
          name: 'bookings',
          expected: '1200.50',
          actual: 2299.5,
          ok: false,
          compared: 'exactly',
          file: 'tests/basics.yaml',
          line: 19,
          column: 56,
        },
        {
          name: 'win_rate',
          expected: '50%',
          actual: 0.5,
          ok: true,
          compared: 'within 1e-9 relative',
          file: 'tests/basics.yaml',
          line: 19,
          column: 75,
        },
      ],
    });
  });

  test('junit: a testsuite per test, a testcase per case, the diff in the failure', async () => {
    const named = GOOD_TEST.replace('case: won and lost by region', 'case: "won & lost <by> region"');
    const ws = workspace({ ...broken, 'tests/basics.yaml': named });
    const run = await cli(ws.root, ['test', '--format', 'junit']);
    expect(run.code).toBe(1);
    const xml = run.stdout;
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="kpic test" tests="1" failures="1" errors="0"')).toBe(
      true,
    );
    expect(xml).toContain('<testsuite name="basics" tests="1" failures="1" errors="0" skipped="0"');
    expect(xml).toMatch(
      /<testcase classname="basics" name="won &amp; lost &lt;by&gt; region" file="catalog\/tests\/basics.yaml" line="9" time="\d+\.\d{3}">/,
    );
    expect(xml).toContain('<failure type="mismatch" message="1 expectation not met">');
    expect(xml).toContain('1200.50 ≠ 2299.5');
    expect(xml).not.toContain('\u001b[');
    expect(xml.trimEnd().endsWith('</testsuites>')).toBe(true);
  });
});

describe('money is compared through its exact value', () => {
  // Two deals of 2^53 + 1 cents: their sum, 180143985094819.86, has no double (the nearest is
  // 180143985094819.859375), so only the exact value can match it to the cent.
  const large = (expected: string): string => `test: large
defaults:
  opportunities: { owner_id: r1, close_date: 2025-01-10, stage: Won }
fixtures:
  reps:
    - { rep_id: r1, region: EMEA }
cases:
  - case: two large deals
    fixtures:
      opportunities:
        - { amount: 90071992547409.93 }
        - { amount: 90071992547409.93 }
    expect:
      - values:
          - { period: 2025-01, bookings: ${expected} }
`;

  test('a sum beyond a double matches to the cent, and a cent off does not', async () => {
    const exact = await cli(workspace({ 'tests/large.yaml': large('180143985094819.86') }).root, ['test']);
    expect(exact.stdout).toContain('1 case: 1 passed');
    expect(exact.code).toBe(0);
    const off = await cli(workspace({ 'tests/large.yaml': large('180143985094819.87') }).root, ['test', '--format', 'json']);
    expect(off.code).toBe(1);
    // The JSON gives the actual value as a number with every digit.
    expect(off.stdout).toContain('"expected": "180143985094819.87",\n                  "actual": 180143985094819.86,');
  });
});

describe('CSV fixtures', () => {
  const csvTest = (file: string): string => GOOD_TEST.replace(/ {6}opportunities:\n(?: {8}- .*\n)+/, `      opportunities: ${file}\n`);

  test('a CSV file beside the test gives the rows (empty fields take the defaults)', async () => {
    const ws = workspace({
      'tests/basics.yaml': csvTest('fixtures/deals.csv'),
      'tests/fixtures/deals.csv': 'id,stage,amount,owner_id\no1,Won,1200.50,\no2,Lost,100,\no3,Won,300,r2\no4,Open,999,\n',
    });
    const run = await cli(ws.root, ['test']);
    expect(run.stdout).toContain('✓ basics › won and lost by region');
    expect(run.code).toBe(0);
  });

  test('a bad value is reported at its line and field in the CSV file', async () => {
    const ws = workspace({
      'tests/basics.yaml': csvTest('fixtures/deals.csv'),
      'tests/fixtures/deals.csv': 'id,stage,amount\no1,Won,1200.50\no2,Lost,ten\n',
    });
    const run = await cli(ws.root, ['test']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('! basics › won and lost by region (error)');
    expect(run.stdout).toContain(
      'catalog/tests/fixtures/deals.csv:3:3: error[test/bad-value] `ten` is not a plain number such as 1234.50 (column `amount` is money)',
    );
    expect(run.stdout).toContain('1 case: 0 passed, 1 could not run');
  });

  test('a missing file and a malformed one', async () => {
    const missing = workspace({ 'tests/basics.yaml': csvTest('fixtures/nope.csv') });
    const run = await cli(missing.root, ['test']);
    expect(run.stdout).toMatch(
      /catalog\/tests\/basics.yaml:\d+:\d+: error\[test\/fixture-file\] cannot read fixture file `fixtures\/nope.csv`: no such file/,
    );
    expect(run.code).toBe(1);
    const malformed = workspace({ 'tests/basics.yaml': csvTest('fixtures/deals.csv'), 'tests/fixtures/deals.csv': 'id,stage\no1,Won,5\n' });
    const bad = await cli(malformed.root, ['test']);
    expect(bad.stdout).toContain(
      'catalog/tests/fixtures/deals.csv:2:3: error[test/fixture-file] this row has 3 fields but the header names 2 columns',
    );
  });
});

describe('engine warnings on fixture data', () => {
  test('are shown with the case, never with the temporary fixture files', async () => {
    const yaml = `test: targets
cases:
  - case: one row has no month
    fixtures:
      targets:
        - { month: 2025-01-01, target: 5 }
        - { target: 7 }
    expect:
      - values:
          - { period: 2025-01, target_total: 5 }
`;
    const ws = workspace({ 'tests/targets.yaml': yaml });
    const run = await cli(ws.root, ['test']);
    expect(run.stdout).toContain(
      'catalog/sources.yaml:32:7: warning[data/null-time-anchor] 1 of 2 rows of source `targets` have no `month`, so they belong to no period',
    );
    expect(run.stdout).not.toContain('kpic-fixture-');
    expect(run.code).toBe(0);
  });
});

describe('complete tables', () => {
  test('an unlisted row with a value fails; unlisted empty cells of the grid do not', async () => {
    const yaml = GOOD_TEST.replace('      - by: [region]', '      - by: [region]\n        complete: true').replace(
      /\n {10}- \{ period: 2025-01, region: AMER.*\n/,
      '\n',
    );
    const ws = workspace({ 'tests/basics.yaml': yaml });
    const run = await cli(ws.root, ['test']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('+ 2025-01-01  AMER  bookings = 300  (in the result, not listed)');
    expect(run.stdout).toContain('+ 2025-01-01  AMER  win_rate = 1  (in the result, not listed)');
  });
});

describe('flags and exit codes', () => {
  test('--filter runs the matching cases only; no match is a usage error', async () => {
    // No deals at all: with a range, the period is there, and a sum over nothing is 0.
    const two = `${GOOD_TEST}  - case: only bookings\n    expect:\n      - from: 2025-01-01\n        to: 2025-01-31\n        values:\n          - { period: 2025-01, bookings: 0 }\n`;
    const ws = workspace({ 'tests/basics.yaml': two });
    const some = await cli(ws.root, ['test', '--filter', 'ONLY']);
    expect(some.stdout).toContain('1 case: 1 passed, 1 left out by --filter');
    const none = await cli(ws.root, ['test', '--filter', 'nothing like it']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('kpic: no case matches `--filter nothing like it` (2 cases in the catalog)');
  });

  test('--out writes the report atomically and still prints the pretty one', async () => {
    const ws = workspace({ 'tests/basics.yaml': GOOD_TEST });
    const run = await cli(ws.root, ['test', '--format', 'junit', '--out', 'reports/junit.xml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('cannot write `--out reports/junit.xml`');
    const ok = await cli(ws.root, ['test', '--format', 'junit', '--out', 'junit.xml']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('✓ basics › won and lost by region');
    expect(readFileSync(path.join(ws.root, 'junit.xml'), 'utf8')).toContain('<testcase classname="basics"');
    expect(ws.files().filter((f) => f.includes('.tmp') || f.includes('junit'))).toEqual(['junit.xml']);
  });

  test('an invalid test document stops before anything runs (exit 1)', async () => {
    const ws = workspace({ 'tests/basics.yaml': GOOD_TEST.replace('bookings: 300', 'bookings: lots') });
    const run = await cli(ws.root, ['test', '--out', 'report.txt']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error[test/bad-value]');
    expect(run.stderr).toContain('kpic: the catalog is invalid; nothing was run');
    expect(existsSync(path.join(ws.root, 'report.txt'))).toBe(false);
  });

  test('help and an unknown flag', async () => {
    const ws = workspace({});
    const help = await cli(ws.root, ['test', '--help']);
    expect(help.stdout).toContain('usage: kpic test [--catalog DIR] [--filter TEXT] [--format pretty|json|junit] [--out FILE]');
    const bad = await cli(ws.root, ['test', '--fitler', 'x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('did you mean `--filter`?');
  });
});
