/**
 * A git repository as `kpic diff` needs it: its root, revisions resolved to commits, the default
 * branch and its merge base with HEAD, and branch names for suggestions.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { closestName } from '../diagnostics/suggest.js';
import { gitText, runGit } from './git.js';

/** A repository found from a folder inside it. */
export interface Repository {
  readonly kind: 'repository';
  /** Absolute real path of the top of the working tree. */
  readonly root: string;
}

/** A result or why there is none (one sentence). */
export type Found<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/** The repository holding `dir`. */
export function findRepository(dir: string): Found<Repository> {
  const probe = runGit(dir, ['rev-parse', '--show-toplevel']);
  if (!probe.ok) {
    const message = /not a git repository/i.test(probe.message) ? `\`${dir}\` is not inside a git repository` : probe.message;
    return { ok: false, message };
  }
  const top = probe.stdout.toString('utf8').trim();
  let root = top;
  try {
    root = realpathSync(top);
  } catch {
    // keep git's spelling
  }
  return { ok: true, value: { kind: 'repository', root } };
}

/** Local and remote-tracking branch names (for did-you-mean). */
function branchNames(repo: Repository): string[] {
  const out = gitText(repo.root, ['for-each-ref', '--format=%(refname:short)', 'refs/heads', 'refs/remotes', 'refs/tags']);
  return out === undefined || out === '' ? [] : out.split('\n');
}

/** The commit a revision names (`main`, `origin/main`, `HEAD~2`, a sha). */
export function resolveCommit(repo: Repository, revision: string): Found<string> {
  if (revision.startsWith('-')) return { ok: false, message: `\`${revision}\` is not a revision` };
  const sha = gitText(repo.root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`]);
  if (sha !== undefined && sha !== '') return { ok: true, value: sha };
  const near = closestName(revision, branchNames(repo));
  return {
    ok: false,
    message: `\`${revision}\` is neither a folder nor a revision of the repository at \`${repo.root}\`${near === undefined ? '' : `; did you mean \`${near}\`?`}`,
  };
}

/** The default branch: the pull request's base on GitHub Actions, else origin's HEAD, else main or master. */
function defaultBranch(repo: Repository, env: Readonly<Record<string, string | undefined>>): string | undefined {
  const candidates: string[] = [];
  const prBase = env['GITHUB_BASE_REF'];
  if (prBase !== undefined && prBase !== '') candidates.push(`origin/${prBase}`, prBase);
  const originHead = gitText(repo.root, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD']);
  if (originHead !== undefined && originHead !== '') candidates.push(originHead);
  candidates.push('main', 'master', 'origin/main', 'origin/master');
  return candidates.find(
    (c) => gitText(repo.root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${c}^{commit}`]) !== undefined,
  );
}

/** The merge base of HEAD with the default branch, and how to describe it. */
export function defaultBase(
  repo: Repository,
  env: Readonly<Record<string, string | undefined>>,
): Found<{ readonly commit: string; readonly label: string }> {
  const branch = defaultBranch(repo, env);
  if (branch === undefined) {
    return { ok: false, message: 'cannot tell the default branch (no origin/HEAD, main or master); name the base with `--base REF`' };
  }
  const base = gitText(repo.root, ['merge-base', branch, 'HEAD']);
  if (base === undefined || base === '') {
    return { ok: false, message: `HEAD and \`${branch}\` have no common commit; name the base with \`--base REF\`` };
  }
  return { ok: true, value: { commit: base, label: `${branch}@${base.slice(0, 7)} (merge base with HEAD)` } };
}

/** `dir` relative to the repository root, with `/` (empty for the root itself); undefined when outside. */
export function pathInRepository(repo: Repository, dir: string): string | undefined {
  let real = path.resolve(dir);
  try {
    real = realpathSync(real);
  } catch {
    // a folder deleted from the working tree may still exist in a revision
  }
  const rel = path.relative(repo.root, real);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}
