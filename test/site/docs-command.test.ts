/**
 * `kpic docs` end to end: the site's files for a small catalog, its trend charts with --data, a
 * reproducible output, the atomic replacement of a previous site, and the refusals — an --out
 * that is, holds or sits inside an input, a folder kpic did not write, an invalid catalog or bad
 * data (nothing written).
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { cli, folder, type Folder } from '../cli/helpers.js';
import { CATALOG, GOOD_TEST } from '../testing/fixture.js';

const opened: Folder[] = [];
afterEach(() => {
  for (const f of opened.splice(0)) f.remove();
});

const DATA = {
  'data/opportunities.csv':
    'id,owner_id,stage,amount,close_date\no1,r1,Won,100,2025-01-10\no2,r1,Lost,50,2025-02-10\no3,r2,Won,300,2025-03-05\n',
  'data/reps.csv': 'rep_id,region\nr1,EMEA\nr2,AMER\n',
  'data/targets.csv': 'month,target\n2025-01-01,200\n',
};

function workspace(extra: Readonly<Record<string, string>> = {}): Folder {
  const files: Record<string, string> = { ...DATA };
  for (const [name, text] of Object.entries({ ...CATALOG, 'tests/basics.yaml': GOOD_TEST })) files[`catalog/${name}`] = text;
  const f = folder({ ...files, ...extra });
  opened.push(f);
  return f;
}

describe('kpic docs', () => {
  test('writes a page per document, the lists, search and assets; says where', async () => {
    const ws = workspace();
    const run = await cli(ws.root, ['docs']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('wrote 14 pages to site/ — open site/index.html (no git history: not a git repository)\n');
    expect(ws.files().filter((f) => f.startsWith('site/'))).toEqual([
      'site/.kpic-site',
      'site/assets/search-index.js',
      'site/assets/search.js',
      'site/assets/site.css',
      'site/hierarchy/org.html',
      'site/index.html',
      'site/kpi/bookings.html',
      'site/kpi/target_total.html',
      'site/kpi/win_rate.html',
      'site/scorecard/sales.html',
      'site/scorecards.html',
      'site/search.html',
      'site/source/opportunities.html',
      'site/source/reps.html',
      'site/source/targets.html',
      'site/sources.html',
      'site/test/basics.html',
      'site/tests.html',
    ]);
    const kpi = readFileSync(path.join(ws.root, 'site/kpi/win_rate.html'), 'utf8');
    expect(kpi).toContain('<svg class="lineage"');
    expect(kpi).toContain('No history: the catalog is not in a git repository');
    expect(kpi).not.toContain('<svg class="trend"');
    expect(kpi).not.toMatch(/(src|href)="(https?:)?\/\//);
    const index = readFileSync(path.join(ws.root, 'site/assets/search-index.js'), 'utf8');
    expect(index).toMatch(/^window\.KPIC_SEARCH = \{"docs":\[/);
  });

  test('with --data, KPI pages get a trend chart; building twice gives the same files', async () => {
    const ws = workspace();
    expect((await cli(ws.root, ['docs', '--data', 'data', '--out', 'a'])).code).toBe(0);
    expect((await cli(ws.root, ['docs', '--data', 'data', '--out', 'b'])).code).toBe(0);
    const bookings = readFileSync(path.join(ws.root, 'a/kpi/bookings.html'), 'utf8');
    expect(bookings).toContain('<svg class="trend"');
    expect(bookings).toContain(
      'By month, the last 3 periods with data; data as of 2025-03-05 (the latest event in source `opportunities`). The month of 2025-03-01 is not complete.',
    );
    const same = ws
      .files()
      .filter((f) => f.startsWith('a/'))
      .every((f) => readFileSync(path.join(ws.root, f), 'utf8') === readFileSync(path.join(ws.root, `b/${f.slice(2)}`), 'utf8'));
    expect(same).toBe(true);
  });

  test('replaces a previous site as a whole, leaving no temporary folder', async () => {
    const ws = workspace();
    expect((await cli(ws.root, ['docs'])).code).toBe(0);
    writeFileSync(path.join(ws.root, 'site/stale.html'), 'old');
    expect((await cli(ws.root, ['docs'])).code).toBe(0);
    expect(existsSync(path.join(ws.root, 'site/stale.html'))).toBe(false);
    expect(readdirSync(ws.root).sort()).toEqual(['catalog', 'data', 'site']);
  });

  test.each([
    ['catalog', 'it would replace the catalog folder'],
    ['.', 'it would replace the catalog folder (which is inside it)'],
    ['catalog/site', 'it is inside the catalog folder; write the site somewhere else'],
    ['data', 'it would replace the data folder', ['--data', 'data']],
    ['mine', 'it is a folder that kpic docs did not write (no .kpic-site in it); choose a new or empty folder'],
    ['notes.txt', 'it exists and is not a folder'],
    ['missing/site', 'the folder missing does not exist'],
  ])('refuses --out %s', async (out, why, more: string[] = []) => {
    const ws = workspace({ 'mine/keep.txt': 'mine', 'notes.txt': 'x' });
    const before = ws.files();
    const run = await cli(ws.root, ['docs', '--out', out, ...more]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`kpic: cannot write the site to \`${out}\`: ${why}`);
    expect(ws.files()).toEqual(before);
  });

  test('an invalid catalog or bad data: exit 1, nothing written', async () => {
    const invalid = workspace({
      'catalog/kpis.yaml': (CATALOG['kpis.yaml'] ?? '').replace('sum(amount where won)', 'sum(amont where won)'),
    });
    const a = await cli(invalid.root, ['docs']);
    expect(a.code).toBe(1);
    expect(a.stderr).toContain('error[resolve/unknown-column]');
    expect(existsSync(path.join(invalid.root, 'site'))).toBe(false);
    const bad = workspace({ 'data/opportunities.csv': 'id,owner_id,stage,amount,close_date\no1,r1,Won,lots,2025-01-10\n' });
    const b = await cli(bad.root, ['docs', '--data', 'data']);
    expect(b.code).toBe(1);
    expect(b.stderr).toContain('error[data/bad-value]');
    expect(b.stderr).toContain('kpic: the data breaks its contract; nothing was written');
    expect(existsSync(path.join(bad.root, 'site'))).toBe(false);
  });
});
