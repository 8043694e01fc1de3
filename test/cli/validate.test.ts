import { afterAll, describe, expect, test } from 'vitest';
import { cli, folder, salesFolder, CATALOG_YAML, SOURCE_YAML } from './helpers.js';

const BROKEN = {
  'catalog/catalog.yaml': CATALOG_YAML,
  'catalog/sources/opportunities.yaml': SOURCE_YAML,
  'catalog/kpis/a.yaml': `kpi: bookings
title: Bookings
formula: sum(ammount where won)
unit: money
---
kpi: old
formula: count(opportunities)
status: deprecated
---
kpi: uses_old
formula: old * 2
`,
  'catalog/kpis/b.yaml': 'kpi: bookings\nformula: count(opportunities)\nunit: count\n',
};

const valid = salesFolder();
const broken = folder(BROKEN);
const warned = salesFolder({ 'catalog/kpis/more.yaml': 'kpi: uses_old\nformula: old_deals * 2\n' });
afterAll(() => [valid, broken, warned].forEach((f) => f.remove()));

/** The positions every format must agree on: [code, file, line, column, endLine, endColumn]. */
const EXPECTED = [
  ['load/duplicate-id', 'kpis/a.yaml', 1, 6, 1, 14],
  ['resolve/unknown-column', 'kpis/a.yaml', 3, 14, 3, 21],
  ['resolve/deprecated-reference', 'kpis/a.yaml', 11, 10, 11, 13],
  ['load/duplicate-id', 'kpis/b.yaml', 1, 6, 1, 14],
];

describe('validate: a valid catalog', () => {
  test('pretty: one summary line, exit 0', async () => {
    const r = await cli(valid.root, ['validate']);
    expect(r).toEqual({ code: 0, stdout: 'catalog is valid: 5 KPIs, 1 source\n', stderr: '' });
  });

  test('json: ok and no diagnostics', async () => {
    const r = await cli(valid.root, ['validate', '--format', 'json']);
    expect([r.code, JSON.parse(r.stdout)]).toEqual([0, { ok: true, diagnostics: [] }]);
  });

  test.each([
    ['github', ''],
    ['sarif', undefined],
  ])('%s prints no problems', async (format, expected) => {
    const r = await cli(valid.root, ['validate', `--format=${format}`]);
    expect(r.code).toBe(0);
    if (expected !== undefined) expect(r.stdout).toBe(expected);
    else expect((JSON.parse(r.stdout) as { runs: { results: unknown[] }[] }).runs[0]?.results).toEqual([]);
  });

  test('--catalog is resolved against the working directory', async () => {
    const r = await cli(valid.root + '/data', ['validate', '--catalog', '../catalog']);
    expect(r.code).toBe(0);
  });
});

describe('validate: warnings', () => {
  test('warnings pass without --strict', async () => {
    const r = await cli(warned.root, ['validate']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('catalog/kpis/more.yaml:2:10: warning[resolve/deprecated-reference]');
    expect(r.stdout.endsWith('catalog is valid: 6 KPIs, 1 source (1 warning)\n')).toBe(true);
  });

  test('--strict makes warnings fail', async () => {
    const r = await cli(warned.root, ['validate', '--strict']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('catalog/kpis/more.yaml:2:10: error[resolve/deprecated-reference]');
    expect(r.stdout.endsWith('1 error (--strict: 1 warning counted as an error)\n')).toBe(true);
    const json = await cli(warned.root, ['validate', '--strict', '--format', 'json']);
    const parsed = JSON.parse(json.stdout) as { ok: boolean; diagnostics: { severity: string }[] };
    expect([json.code, parsed.ok, parsed.diagnostics.map((d) => d.severity)]).toEqual([1, false, ['error']]);
  });

  test('--strict prints warnings as errors in every machine format', async () => {
    const github = await cli(warned.root, ['validate', '--strict', '--format', 'github']);
    expect(github.code).toBe(1);
    expect(github.stdout).toMatch(/^::error file=catalog\/kpis\/more.yaml,line=2,/);
    expect(github.stdout).not.toContain('::warning');
    const sarif = await cli(warned.root, ['validate', '--strict', '--format', 'sarif']);
    const results = (JSON.parse(sarif.stdout) as { runs: { results: { level: string }[] }[] }).runs[0]?.results;
    expect([sarif.code, results?.map((x) => x.level)]).toEqual([1, ['error']]);
    const lenient = await cli(warned.root, ['validate', '--format', 'github']);
    expect([lenient.code, lenient.stdout.startsWith('::warning ')]).toEqual([0, true]);
  });
});

describe('validate: a catalog with several problems, in every format', () => {
  test('pretty: location, source line, carets, hint, related note, summary', async () => {
    const r = await cli(broken.root, ['validate']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      [
        'catalog/kpis/a.yaml:1:6: error[load/duplicate-id] duplicate KPI id `bookings`: it is also defined at kpis/b.yaml:1',
        '    |',
        '  1 | kpi: bookings',
        '    |      ^^^^^^^^',
        '  = hint: rename one of them',
        '  = note: catalog/kpis/b.yaml:1:6: also `bookings` (KPI)',
        '',
        'catalog/kpis/a.yaml:3:14: error[resolve/unknown-column] unknown column `ammount` in source `opportunities`',
        '    |',
        '  3 | formula: sum(ammount where won)',
        '    |              ^^^^^^^',
        '  = hint: did you mean `amount`?',
        '',
        'catalog/kpis/a.yaml:11:10: warning[resolve/deprecated-reference] KPI `old` is deprecated',
        '     |',
        '  11 | formula: old * 2',
        '     |          ^^^',
        '  = hint: replace it before it is removed',
        '',
        'catalog/kpis/b.yaml:1:6: error[load/duplicate-id] duplicate KPI id `bookings`: it is also defined at kpis/a.yaml:1',
        '    |',
        '  1 | kpi: bookings',
        '    |      ^^^^^^^^',
        '  = hint: rename one of them',
        '  = note: catalog/kpis/a.yaml:1:6: also `bookings` (KPI)',
        '',
        '3 errors, 1 warning',
        '',
      ].join('\n'),
    );
  });

  test('json: exact shape, catalog-relative files', async () => {
    const r = await cli(broken.root, ['validate', '--format', 'json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { ok: boolean; diagnostics: Record<string, unknown>[] };
    expect(Object.keys(doc)).toEqual(['ok', 'diagnostics']);
    expect(doc.ok).toBe(false);
    expect(doc.diagnostics[1]).toEqual({
      severity: 'error',
      code: 'resolve/unknown-column',
      message: 'unknown column `ammount` in source `opportunities`',
      hint: 'did you mean `amount`?',
      file: 'kpis/a.yaml',
      line: 3,
      column: 14,
      endLine: 3,
      endColumn: 21,
    });
    expect(doc.diagnostics.map((d) => [d['code'], d['file'], d['line'], d['column'], d['endLine'], d['endColumn']])).toEqual(EXPECTED);
    expect(doc.diagnostics.map((d) => d['severity'])).toEqual(['error', 'error', 'warning', 'error']);
  });

  test('github: workflow commands, paths relative to the working directory', async () => {
    const r = await cli(broken.root, ['validate', '--format', 'github']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[1]).toBe(
      '::error file=catalog/kpis/a.yaml,line=3,col=14,endLine=3,endColumn=21,title=kpic resolve/unknown-column::unknown column `ammount` in source `opportunities`%0Ahint: did you mean `amount`?',
    );
    const parsed = lines.map((l) => {
      const m = /^::(error|warning) file=([^,]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=kpic ([^:]+)::/.exec(l);
      if (m === null) throw new Error(`not a workflow command: ${l}`);
      return [m[7], m[2]?.replace(/^catalog\//, ''), ...[m[3], m[4], m[5], m[6]].map(Number)];
    });
    expect(parsed).toEqual(EXPECTED);
    expect(lines[2]?.startsWith('::warning ')).toBe(true);
  });

  test('github: run from inside the catalog folder, paths follow the working directory', async () => {
    const r = await cli(`${broken.root}/catalog`, ['validate', '--catalog', '.', '--format', 'github']);
    expect(r.stdout.split('\n')[1]?.startsWith('::error file=kpis/a.yaml,line=3,')).toBe(true);
  });

  test('sarif: SARIF 2.1.0 with one rule per code and the same regions', async () => {
    const r = await cli(broken.root, ['validate', '--format', 'sarif']);
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout) as {
      version: string;
      $schema: string;
      runs: {
        tool: { driver: { name: string; rules: { id: string; shortDescription: { text: string } }[] } };
        results: {
          ruleId: string;
          ruleIndex: number;
          level: string;
          message: { text: string };
          locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[];
          relatedLocations?: { message: { text: string }; physicalLocation: { artifactLocation: { uri: string } } }[];
        }[];
      }[];
    };
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-schema-2\.1\.0\.json$/);
    const run = log.runs[0];
    if (run === undefined) throw new Error('no run');
    expect(run.tool.driver.name).toBe('kpic');
    expect(run.tool.driver.rules.map((x) => x.id)).toEqual(['load/duplicate-id', 'resolve/deprecated-reference', 'resolve/unknown-column']);
    expect(run.tool.driver.rules[0]?.shortDescription.text).toBe('Two documents share an id in one namespace.');
    for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId);
    expect(run.results.map((x) => x.level)).toEqual(['error', 'error', 'warning', 'error']);
    const positions = run.results.map((x) => {
      const loc = x.locations[0]?.physicalLocation;
      const g = loc?.region ?? {};
      return [
        x.ruleId,
        loc?.artifactLocation.uri.replace(/^catalog\//, ''),
        g['startLine'],
        g['startColumn'],
        g['endLine'],
        g['endColumn'],
      ];
    });
    expect(positions).toEqual(EXPECTED);
    expect(run.results[0]?.locations[0]?.physicalLocation.artifactLocation.uri).toBe('catalog/kpis/a.yaml');
    expect(run.results[3]?.relatedLocations?.[0]?.physicalLocation.artifactLocation.uri).toBe('catalog/kpis/a.yaml');
  });
});

describe('validate: broken files', () => {
  test('bad YAML: exit 1 with its position, no stack trace', async () => {
    const f = salesFolder({ 'catalog/kpis/bad.yaml': 'kpi: broken\nformula: [count(opportunities)\nunit: count\n' });
    try {
      const r = await cli(f.root, ['validate']);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/^catalog\/kpis\/bad\.yaml:\d+:\d+: error\[load\/yaml-syntax\] /m);
      expect(r.stdout).not.toMatch(/\n\s+at /);
      const json = JSON.parse((await cli(f.root, ['validate', '--format', 'json'])).stdout) as {
        diagnostics: { code: string; file: string; line: number }[];
      };
      expect(json.diagnostics.some((d) => d.code === 'load/yaml-syntax' && d.file === 'kpis/bad.yaml' && d.line >= 2)).toBe(true);
    } finally {
      f.remove();
    }
  });

  test('a missing catalog folder: exit 1, load/missing-catalog', async () => {
    const f = folder();
    try {
      const r = await cli(f.root, ['validate', '--format', 'json']);
      expect(r.code).toBe(1);
      const json = JSON.parse(r.stdout) as { ok: boolean; diagnostics: { code: string; file: string; line: number; column: number }[] };
      expect(json.ok).toBe(false);
      expect(json.diagnostics.map((d) => [d.code, d.file, d.line, d.column])).toEqual([['load/missing-catalog', 'catalog.yaml', 1, 1]]);
    } finally {
      f.remove();
    }
  });
});

describe('validate: colours', () => {
  test('a terminal gets colours', async () => {
    const r = await cli(broken.root, ['validate'], { tty: true });
    expect(r.stdout).toContain('\u001b[31m');
  });

  test.each([[{ tty: false }], [{ tty: true, env: { NO_COLOR: '1' } }]])('no colours for %j', async (options) => {
    const r = await cli(broken.root, ['validate'], options);
    expect(r.stdout).not.toContain('\u001b[');
  });
});
