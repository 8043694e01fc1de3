/**
 * Approvals: reviews as GitHub gives them, `kpic approvals --check` until every required seat has
 * approved (missing, present, changes requested), `--codeowners`, and the governance document's
 * own diagnostics.
 */
import { describe, expect, it } from 'vitest';
import { parseReviews } from '../../src/governance/reviews.js';
import { cli, folder } from '../cli/helpers.js';
import { CATALOG_FILES, GOVERNANCE_YAML, KPIS_YAML, git, repository, versionFolders } from './fixture.js';

const review = (login: string, state: string, at: string) => ({ id: 1, user: { login }, state, submitted_at: at, commit_id: 'abc' });

describe('reviews', () => {
  it('each reviewer counts by their latest approval or request for changes; comments change nothing; dismissals cancel', () => {
    const parsed = parseReviews(
      JSON.stringify([
        review('alice', 'CHANGES_REQUESTED', '2026-01-01T10:00:00Z'),
        review('alice', 'APPROVED', '2026-01-02T10:00:00Z'),
        review('alice', 'COMMENTED', '2026-01-03T10:00:00Z'),
        review('Bob', 'APPROVED', '2026-01-01T09:00:00Z'),
        review('bob', 'DISMISSED', '2026-01-04T09:00:00Z'),
        review('carol', 'CHANGES_REQUESTED', '2026-01-05T09:00:00Z'),
      ]),
    );
    expect(parsed.ok && [...parsed.states]).toEqual([
      ['alice', 'approved'],
      ['carol', 'changes-requested'],
    ]);
  });

  it('reads `gh pr view --json reviews` and pages slurped by `gh api --paginate --slurp`', () => {
    const view = parseReviews(
      JSON.stringify({ reviews: [{ author: { login: 'alice' }, state: 'APPROVED', submittedAt: '2026-01-01T00:00:00Z' }] }),
    );
    expect(view.ok && [...view.states]).toEqual([['alice', 'approved']]);
    const pages = parseReviews(
      JSON.stringify([[review('alice', 'APPROVED', '2026-01-01T00:00:00Z')], [review('bob', 'APPROVED', '2026-01-02T00:00:00Z')]]),
    );
    expect(pages.ok && [...pages.states.keys()]).toEqual(['alice', 'bob']);
  });

  it('says what is wrong with a file that is not reviews', () => {
    const notJson = parseReviews('not json');
    expect(!notJson.ok && notJson.message).toMatch(/^it is not JSON/);
    const notReviews = parseReviews('{"a": 1}');
    expect(!notReviews.ok && notReviews.message).toMatch(/^it is neither a list of reviews/);
    expect(parseReviews('[{"state": "APPROVED"}]')).toEqual({ ok: false, message: 'review 1 has no `user.login` and `state`' });
  });
});

describe('kpic approvals --check', () => {
  const TARGET = { 'kpis/kpis.yaml': KPIS_YAML.replace('target: 0.6', 'target: 0.7') };
  const check = async (reviews: unknown[], extra: string[] = []) => {
    const f = versionFolders(TARGET);
    f.write('reviews.json', JSON.stringify(reviews));
    try {
      return await cli(f.root, ['approvals', '--check', 'reviews.json', '--catalog', 'head', '--base', 'base', '--head', 'head', ...extra]);
    } finally {
      f.remove();
    }
  };

  it('a target change needs sales and finance: exit 1 while one is missing, with who can approve', async () => {
    const run = await check([review('alice', 'APPROVED', '2026-01-01T00:00:00Z')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      [
        'approvals for the changes from base to head:',
        '  ✓ sales                approved by alice',
        '      Targets: kpi win_rate',
        '  ✗ finance              waiting from one of bob, Bea',
        '      Targets: kpi win_rate',
        '1 of 2 seats still to approve',
        '',
      ].join('\n'),
    );
  });

  it('exit 0 once every seat has approved (logins match whatever their case)', async () => {
    const run = await check([review('alice', 'APPROVED', '2026-01-01T00:00:00Z'), review('bea', 'APPROVED', '2026-01-01T00:00:00Z')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('  ✓ finance              approved by Bea');
    expect(run.stdout).toContain('every required seat has approved');
  });

  it('a request for changes by a member blocks the seat even when another member approved; JSON says so', async () => {
    const run = await check(
      [
        review('alice', 'APPROVED', '2026-01-01T00:00:00Z'),
        review('bob', 'APPROVED', '2026-01-01T00:00:00Z'),
        review('Bea', 'CHANGES_REQUESTED', '2026-01-02T00:00:00Z'),
      ],
      ['--format', 'json'],
    );
    expect(run.code).toBe(1);
    const j = JSON.parse(run.stdout) as {
      ok: boolean;
      seats: { seat: { seat: string }; state: string; approvedBy: string[]; blockedBy: string[] }[];
    };
    expect(j.ok).toBe(false);
    expect(j.seats.map((s) => [s.seat.seat, s.state, s.approvedBy, s.blockedBy])).toEqual([
      ['sales', 'approved', ['alice'], []],
      ['finance', 'changes-requested', ['bob'], ['Bea']],
    ]);
  });

  it('no change, no approval needed', async () => {
    const f = versionFolders({});
    f.write('reviews.json', '[]');
    const run = await cli(f.root, ['approvals', '--check', 'reviews.json', '--catalog', 'head', '--base', 'base', '--head', 'head']);
    f.remove();
    expect([run.code, run.stdout]).toEqual([0, 'no approvals needed: no rule covers the changes (from base to head)\n']);
  });

  it('a missing or malformed reviews file is a usage error', async () => {
    const f = versionFolders(TARGET);
    f.write('bad.json', '{"x": 1}');
    const missing = await cli(f.root, ['approvals', '--check', 'nope.json', '--catalog', 'head', '--base', 'base']);
    const bad = await cli(f.root, ['approvals', '--check', 'bad.json', '--catalog', 'head', '--base', 'base']);
    f.remove();
    expect([missing.code, missing.stderr.split('\n')[0]]).toEqual([2, 'kpic: cannot read `--check nope.json`: no such file']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      "kpic: `--check bad.json` is not GitHub's reviews: it is neither a list of reviews nor an object with `reviews`",
    );
  });
});

describe('kpic approvals --codeowners', () => {
  it('owns each file by the seats of the rules naming its kinds, the folder by the general rules', async () => {
    const repo = repository();
    const run = await cli(repo.root, ['approvals', '--codeowners']);
    repo.remove();
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        "# Generated by `kpic approvals --codeowners` from the catalog's governance rules; regenerate rather than edit.",
        '# GitHub needs one approval from any owner of each changed file; that every required seat',
        '# approves is checked by `kpic approvals --check` (make it a required status check).',
        '',
        '/catalog/ @acme/sales @bob @Bea @carol',
        '/catalog/kpis/kpis.yaml @carol',
        '/catalog/sources/sources.yaml @carol',
        '',
      ].join('\n'),
    );
  });

  it('catalog.yaml approvals name kinds too; --out writes the file', async () => {
    const f = folder();
    for (const [name, text] of Object.entries(CATALOG_FILES)) f.write(`catalog/${name}`, text);
    f.write('catalog/catalog.yaml', `${CATALOG_FILES['catalog.yaml'] ?? ''}governance:\n  approvals:\n    scorecard: [sales]\n`);
    git(f.root, 'init', '-q', '-b', 'main');
    const run = await cli(f.root, ['approvals', '--codeowners', '--out', 'CODEOWNERS']);
    expect([run.code, run.stdout]).toEqual([0, '']);
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(`${f.root}/CODEOWNERS`, 'utf8')).toContain('/catalog/org/org.yaml @acme/sales\n');
    f.remove();
  });

  it('--check and --codeowners are one or the other', async () => {
    const repo = repository();
    const neither = await cli(repo.root, ['approvals']);
    const both = await cli(repo.root, ['approvals', '--codeowners', '--check', 'r.json']);
    const base = await cli(repo.root, ['approvals', '--codeowners', '--base', 'main']);
    repo.remove();
    expect([neither.code, neither.stderr.split('\n')[0]]).toEqual([
      2,
      'kpic: `kpic approvals` needs `--check REVIEWS.json` or `--codeowners`',
    ]);
    expect([both.code, both.stderr.split('\n')[0]]).toEqual([2, 'kpic: `--check` and `--codeowners` do one thing each; give one of them']);
    expect([base.code, base.stderr.split('\n')[0]]).toEqual([2, 'kpic: `--base` is for `--check`; `--codeowners` reads the working tree']);
  });
});

describe('the governance document', () => {
  const validate = async (governance: string, more: Record<string, string> = {}) => {
    const f = folder();
    for (const [name, text] of Object.entries({ ...CATALOG_FILES, 'governance.yaml': governance, ...more }))
      f.write(`catalog/${name}`, text);
    const run = await cli(f.root, ['validate', '--format', 'json']);
    f.remove();
    return (JSON.parse(run.stdout) as { diagnostics: { code: string; message: string; line: number; file: string }[] }).diagnostics.map(
      (d) => `${d.file}:${d.line} ${d.code} ${d.message}`,
    );
  };

  it('rules name defined seats; seats have someone; the cycle is a duration; one document', async () => {
    const g = GOVERNANCE_YAML.replace('seats: [sales, finance]', 'seats: [sales, fiance]')
      .replace('revenue_operations: { title: Revenue operations, members: [carol] }', 'revenue_operations: { title: Revenue operations }')
      .replace('review_cycle: 1 year', 'review_cycle: yearly');
    expect(await validate(g, { 'more.yaml': 'governance: other\n' })).toEqual([
      'governance.yaml:6 governance/empty-seat seat `revenue_operations` has no members and no team, so nobody can approve for it',
      'governance.yaml:10 governance/unknown-seat unknown seat `fiance`: the governance document does not define it',
      'governance.yaml:22 governance/bad-cycle `review_cycle: yearly` is not a duration',
      'more.yaml:1 governance/duplicate-document a second `governance` document (`other`); a catalog has at most one',
    ]);
  });

  it('catalog.yaml approvals must name seats of the governance document', async () => {
    const catalog = `${CATALOG_FILES['catalog.yaml'] ?? ''}governance:\n  approvals:\n    kpi: [sales_ops]\n`;
    expect(await validate(GOVERNANCE_YAML, { 'catalog.yaml': catalog })).toEqual([
      'catalog.yaml:8 governance/unknown-seat unknown seat `sales_ops`: the governance document does not define it',
    ]);
  });
});

describe('help', () => {
  it('the three commands are listed, and each has its help', async () => {
    const overview = await cli(process.cwd(), ['--help']);
    for (const name of ['diff', 'approvals', 'review']) expect(overview.stdout).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
    const diff = await cli(process.cwd(), ['help', 'diff']);
    expect(diff.code).toBe(0);
    expect(diff.stdout.split('\n')[0]).toBe(
      'usage: kpic diff [--catalog DIR] [--base REF|DIR] [--head REF|DIR] [--data DIR] [--periods N] [--grain month|quarter|year] [--by DIM] [--check-version] [--format markdown|json|github] [--out FILE] [--no-cache]',
    );
    const review = await cli(process.cwd(), ['review', '--help']);
    expect(review.stdout).toContain('--date YYYY-MM-DD');
    const typo = await cli(process.cwd(), ['diff', '--chek-version']);
    expect([typo.code, typo.stderr.split('\n')[0]]).toEqual([2, 'kpic: unknown flag `--chek-version`; did you mean `--check-version`?']);
  });
});
