/**
 * `kpic diff` on a throwaway git repository: the default base (the merge base with the default
 * branch) and head (the working tree), revisions on both sides, a catalog that is new in the
 * change, `--check-version` with CHANGELOG.md, GitHub annotations — and bad input: an unknown
 * revision, no repository, a broken base catalog. The working tree and the index are never touched.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cli, folder, type Folder } from '../cli/helpers.js';
import { CATALOG_FILES, KPIS_YAML, git, repository } from './fixture.js';

const BY_VALUE = KPIS_YAML.replace('formula: won_deals / closed_deals', 'formula: bookings / sum(amount where closed)');
let repo: Folder;
afterEach(() => repo?.remove());

/** A feature branch off main with the win rate made value-based (uncommitted unless `commit`). */
function branch(commit: boolean): void {
  git(repo.root, 'checkout', '-q', '-b', 'value-win-rate');
  repo.write('catalog/kpis/kpis.yaml', BY_VALUE);
  if (commit) git(repo.root, 'commit', '-q', '-am', 'win rate by value');
}

describe('revisions', () => {
  it('by default: the merge base with main against the working tree, leaving the index and tree alone', async () => {
    repo = repository();
    branch(false);
    repo.write('catalog/kpis/kpis.yaml', BY_VALUE.replace('owner: finance', 'owner: revops'));
    git(repo.root, 'add', 'catalog/kpis/kpis.yaml');
    repo.write('catalog/kpis/kpis.yaml', BY_VALUE); // staged differs from the working tree
    const status = git(repo.root, 'status', '--porcelain');
    const index = readFileSync(path.join(repo.root, '.git', 'index'));
    const run = await cli(repo.root, ['diff', '--format', 'json']);
    expect(run.code).toBe(0);
    const j = JSON.parse(run.stdout) as { base: { label: string }; head: { label: string }; changes: { document: { id: string } }[] };
    expect(j.base.label).toMatch(/^main@[0-9a-f]{7} \(merge base with HEAD\)$/);
    expect(j.head.label).toBe('working tree');
    expect(j.changes.map((c) => c.document.id)).toEqual(['win_rate']); // the working tree, not the index
    expect(git(repo.root, 'status', '--porcelain')).toBe(status);
    expect(readFileSync(path.join(repo.root, '.git', 'index')).equals(index)).toBe(true);
  });

  it('--base and --head name revisions; the catalog is read at the --catalog path in each', async () => {
    repo = repository();
    branch(true);
    repo.write('catalog/kpis/kpis.yaml', KPIS_YAML); // the working tree went back: only revisions count
    const run = await cli(repo.root, ['diff', '--base', 'main', '--head', 'value-win-rate', '--format', 'json']);
    expect(run.code).toBe(0);
    const j = JSON.parse(run.stdout) as { base: { label: string }; head: { label: string }; largest: string };
    expect(j.base.label).toMatch(/^main@[0-9a-f]{7}$/);
    expect(j.head.label).toMatch(/^value-win-rate@[0-9a-f]{7}$/);
    expect(j.largest).toBe('breaking');
    const same = await cli(repo.root, ['diff', '--base', 'HEAD~1', '--head', 'HEAD~1']);
    expect(same.stdout).toContain('No change to the catalog’s meaning');
  });

  it('a catalog that does not exist in the base yet: every document is new, and its own rules apply', async () => {
    repo = folder({ 'README.md': 'empty\n' });
    git(repo.root, 'init', '-q', '-b', 'main');
    git(repo.root, 'add', '-A');
    git(repo.root, 'commit', '-q', '-m', 'start');
    git(repo.root, 'checkout', '-q', '-b', 'catalog');
    for (const [name, text] of Object.entries(CATALOG_FILES)) repo.write(`catalog/${name}`, text);
    const run = await cli(repo.root, ['diff', '--format', 'json']);
    expect(run.code).toBe(0);
    const j = JSON.parse(run.stdout) as { base: { label: string }; changes: { change: string }[]; approvals: { rulesFrom: string } };
    expect(j.base.label).toContain('(no catalog at `catalog/` yet)');
    expect(new Set(j.changes.map((c) => c.change))).toEqual(new Set(['added']));
    expect(j.approvals.rulesFrom).toBe('head');
  });
});

describe('--check-version and the changelog', () => {
  it('a bump that is too small fails with the version to set and the entry to paste; the right bump passes', async () => {
    repo = repository();
    branch(false);
    repo.write('catalog/catalog.yaml', CATALOG_FILES['catalog.yaml']!.replace('version: 1.0.0', 'version: 1.1.0'));
    const small = await cli(repo.root, ['diff', '--check-version']);
    expect(small.code).toBe(1);
    expect(small.stderr).toContain(
      'catalog/catalog.yaml:2:10: error[diff/version-bump] the version goes from 1.0.0 to 1.1.0 (a minor bump), but the changes (1 breaking) need a major bump: 2.0.0',
    );
    expect(small.stderr).toContain('= hint: set `version: 2.0.0`');
    expect(small.stderr).toContain('the changelog entry to paste into CHANGELOG.md:\n\n## 2.0.0\n');
    repo.write('catalog/catalog.yaml', CATALOG_FILES['catalog.yaml']!.replace('version: 1.0.0', 'version: 2.0.0'));
    const right = await cli(repo.root, ['diff', '--check-version']);
    expect([right.code, right.stderr]).toEqual([0, '']);
    // A catalog that keeps a changelog must have the entry, naming the breaking change.
    repo.write('catalog/CHANGELOG.md', '# Changelog\n\n## 1.0.0\n\n- first version\n');
    const noEntry = await cli(repo.root, ['diff', '--check-version']);
    expect(noEntry.code).toBe(1);
    expect(noEntry.stderr).toContain('catalog/CHANGELOG.md:1:1: error[diff/changelog] CHANGELOG.md has no entry for version 2.0.0');
    repo.write('catalog/CHANGELOG.md', '# Changelog\n\n## 2.0.0\n\n- `win_rate` is by value now\n\n## 1.0.0\n\n- first version\n');
    expect((await cli(repo.root, ['diff', '--check-version'])).code).toBe(0);
  });

  it('--format github annotates the changed line and the version', async () => {
    repo = repository();
    branch(false);
    const run = await cli(repo.root, ['diff', '--check-version', '--format', 'github']);
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toContain(
      '::warning file=catalog/kpis/kpis.yaml,line=22,endLine=22,title=kpic diff%3A breaking change::kpi `win_rate`: formula: `won_deals / closed_deals` → `bookings / sum(amount where closed)`',
    );
    expect(
      lines.some((l) => l.startsWith('::error file=catalog/catalog.yaml,line=2,col=10,') && l.includes('title=kpic diff/version-bump::')),
    ).toBe(true);
    expect(
      lines.some(
        (l) => l.startsWith('::notice file=catalog/catalog.yaml,line=1,') && l.includes('approvals needed: sales (Breaking changes)'),
      ),
    ).toBe(true);
  });
});

describe('bad input', () => {
  it('an unknown revision is a usage error naming it, with the nearest branch', async () => {
    repo = repository();
    const run = await cli(repo.root, ['diff', '--base', 'mian']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('kpic: `mian` is neither a folder nor a revision of the repository at');
    expect(run.stderr).toContain('did you mean `main`?');
    expect(run.stdout).toBe('');
  });

  it('outside a git repository the default base cannot be read: a usage error that says what to pass', async () => {
    repo = folder();
    for (const [name, text] of Object.entries(CATALOG_FILES)) repo.write(`catalog/${name}`, text);
    const run = await cli(repo.root, ['diff']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /kpic: cannot read the default --base \(a git revision\): `.*catalog` is not inside a git repository; pass --base DIR/,
    );
  });

  it('a broken base catalog: its errors, named as the base, and exit code 1', async () => {
    repo = repository();
    repo.write('catalog/kpis/kpis.yaml', KPIS_YAML.replace('formula: won_deals / closed_deals', 'formula: won_deals / closd_deals'));
    git(repo.root, 'commit', '-q', '-am', 'broken');
    repo.write('catalog/kpis/kpis.yaml', KPIS_YAML);
    const run = await cli(repo.root, ['diff', '--base', 'HEAD']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^the base catalog \(HEAD@[0-9a-f]{7}\); files as they are in that version:\n/);
    expect(run.stderr).toContain('catalog/kpis/kpis.yaml:22:22: error[resolve/unknown-kpi]');
    expect(run.stderr).toMatch(
      /kpic: the base catalog \(HEAD@[0-9a-f]{7}\) is invalid; compare with another --base, or fix it there first/,
    );
    expect(run.stdout).toBe('');
  });

  it('flags: an unknown dimension, a bad --periods, an --out that cannot be written', async () => {
    repo = repository();
    branch(false);
    const by = await cli(repo.root, ['diff', '--data', 'data', '--by', 'regoin']);
    expect([by.code, by.stderr.split('\n')[0]]).toEqual([2, 'kpic: unknown dimension `regoin`; did you mean `region`?']);
    const periods = await cli(repo.root, ['diff', '--data', 'data', '--periods', '0']);
    expect([periods.code, periods.stderr.split('\n')[0]]).toEqual([2, 'kpic: `--periods 0` must be a whole number from 1 to 40']);
    const out = await cli(repo.root, ['diff', '--out', 'nowhere/diff.md']);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('cannot write `--out nowhere/diff.md`');
  });

  it('--out writes the comment atomically and prints nothing', async () => {
    repo = repository();
    branch(false);
    const run = await cli(repo.root, ['diff', '--out', 'comment.md']);
    expect([run.code, run.stdout]).toEqual([0, '']);
    expect(readFileSync(path.join(repo.root, 'comment.md'), 'utf8')).toMatch(/^### Catalog change: `acme` 1\.0\.0 → 1\.0\.0\n/);
    expect(repo.files().filter((f) => !f.startsWith('.git/') && !f.startsWith('catalog/') && !f.startsWith('data/'))).toEqual([
      'comment.md',
    ]);
  });
});
