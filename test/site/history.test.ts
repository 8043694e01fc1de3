/**
 * Document history from git, on a repository made for the test: a document's own changes (not
 * its neighbours' in the same file), moves between files, uncommitted edits; and no
 * history outside a repository.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { processGit } from '../../src/cli/git-runner.js';
import { catalogHistory, documentsOfFile } from '../../src/site/history.js';

const hasGit = spawnSync('git', ['--version']).status === 0;
const root = mkdtempSync(path.join(tmpdir(), 'kpic-git-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function git(...args: string[]): void {
  execFileSync('git', ['-C', root, ...args], {
    stdio: 'ignore',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Ann',
      GIT_AUTHOR_EMAIL: 'a@x',
      GIT_COMMITTER_NAME: 'Ann',
      GIT_COMMITTER_EMAIL: 'a@x',
      GIT_AUTHOR_DATE: '2025-03-01T10:00:00Z',
      GIT_COMMITTER_DATE: '2025-03-01T10:00:00Z',
    },
  });
}
function write(file: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

describe('documentsOfFile', () => {
  test('splits on --- and names each document by its first key', () => {
    const docs = documentsOfFile('# header\nkpi: a\nformula: x\n---\nkpi: b   # note\nformula: y\n---\n');
    expect([...docs.keys()]).toEqual(['kpi:a', 'kpi:b']);
    expect(docs.get('kpi:a')).toBe('# header\nkpi: a\nformula: x');
  });
});

describe.skipIf(!hasGit)('catalogHistory', () => {
  test('follows each document through edits, moves and removals', () => {
    git('init', '-q');
    write('catalog/kpis/a.yaml', 'kpi: one\nformula: x\n---\nkpi: two\nformula: y\n');
    write('catalog/catalog.yaml', 'catalog: c\n');
    write('README.md', 'not the catalog\n');
    git('add', '-A');
    git('commit', '-qm', 'Add one and two');
    write('catalog/kpis/a.yaml', 'kpi: one\nformula: x\n---\nkpi: two\nformula: y + 1\n');
    git('commit', '-qam', 'Change two');
    write('catalog/kpis/a.yaml', 'kpi: one\nformula: x\n');
    write('catalog/kpis/b.yaml', 'kpi: two\nformula: y + 1\n');
    git('add', '-A');
    git('commit', '-qm', 'Move two to its own file');
    write('catalog/kpis/a.yaml', 'kpi: one\nformula: x\n---\nkpi: three\nformula: z\n');
    write('README.md', 'still not the catalog\n');
    git('commit', '-qam', 'Add three');
    write('catalog/kpis/b.yaml', 'kpi: two\nformula: y + 2\n');
    const current = new Map([
      ['kpis/a.yaml', 'kpi: one\nformula: x\n---\nkpi: three\nformula: z\n'],
      ['kpis/b.yaml', 'kpi: two\nformula: y + 2\n'],
    ]);
    const history = catalogHistory(processGit({}), path.join(root, 'catalog'), current);
    const summary = (key: string): string[] =>
      (history?.documents.get(key) ?? []).map((e) => `${e.change} ${e.file} ${e.subject} ${e.date} ${e.author}`);
    expect(summary('kpi:one')).toEqual(['added kpis/a.yaml Add one and two 2025-03-01 Ann']);
    expect(summary('kpi:two')).toEqual([
      'moved kpis/b.yaml Move two to its own file 2025-03-01 Ann',
      'changed kpis/a.yaml Change two 2025-03-01 Ann',
      'added kpis/a.yaml Add one and two 2025-03-01 Ann',
    ]);
    expect(summary('kpi:three')).toEqual(['added kpis/a.yaml Add three 2025-03-01 Ann']);
    expect(summary('catalog:c')).toEqual(['added catalog.yaml Add one and two 2025-03-01 Ann']);
    expect([...(history?.uncommitted ?? [])]).toEqual(['kpi:two']);
  });

  test('no repository, no history', () => {
    const plain = mkdtempSync(path.join(tmpdir(), 'kpic-nogit-'));
    try {
      expect(catalogHistory(processGit({ GIT_CEILING_DIRECTORIES: path.dirname(plain) }), plain, new Map())).toBeUndefined();
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });
});
