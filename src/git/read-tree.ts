/**
 * The catalog files of a folder as they are in a commit: every `*.yaml` / `*.yml` file below it
 * (dot-folders, dot-files and `node_modules` skipped, as the folder loader does), read straight
 * from git's object store with `ls-tree` and one `cat-file --batch`. Nothing is checked out.
 */
import { runGit } from './git.js';
import type { Found, Repository } from './repository.js';

const YAML_FILE = /\.ya?ml$/;
const decoder = new TextDecoder('utf-8', { fatal: true });

/** The files of a folder at a commit: catalog-relative path → text, and files that could not be read. */
export interface TreeFiles {
  readonly files: ReadonlyMap<string, string>;
  /** Catalog-relative paths that are not UTF-8 text. */
  readonly unreadable: readonly string[];
  /** Whether the folder exists in the commit at all. */
  readonly exists: boolean;
}

function skipped(relative: string): boolean {
  return relative.split('/').some((part) => part.startsWith('.') || part === 'node_modules');
}

/** Reads the catalog files under `folder` (repository-relative, `''` for the root) at `commit`. */
export function readTreeFiles(repo: Repository, commit: string, folder: string): Found<TreeFiles> {
  const prefix = folder === '' ? '' : `${folder}/`;
  const listed = runGit(repo.root, ['ls-tree', '-r', '-z', '--full-tree', commit, '--', folder === '' ? '.' : folder]);
  if (!listed.ok) return { ok: false, message: listed.message };
  const entries: { sha: string; rel: string }[] = [];
  let exists = false;
  for (const record of listed.stdout.toString('utf8').split('\0')) {
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [mode, type, sha] = record.slice(0, tab).split(' ');
    const file = record.slice(tab + 1);
    if (!file.startsWith(prefix)) continue;
    exists = true;
    const rel = file.slice(prefix.length);
    // Regular files only: links (120000) and submodules are not followed out of the commit.
    if (type !== 'blob' || (mode !== '100644' && mode !== '100755') || sha === undefined) continue;
    if (!YAML_FILE.test(rel) || skipped(rel)) continue;
    entries.push({ sha, rel });
  }
  entries.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  const files = new Map<string, string>();
  const unreadable: string[] = [];
  if (entries.length === 0) return { ok: true, value: { files, unreadable, exists } };
  const batch = runGit(repo.root, ['cat-file', '--batch'], `${entries.map((e) => e.sha).join('\n')}\n`);
  if (!batch.ok) return { ok: false, message: batch.message };
  const out = batch.stdout;
  let at = 0;
  for (const entry of entries) {
    const eol = out.indexOf(10, at);
    const header = out.subarray(at, eol).toString('utf8').split(' ');
    const size = Number(header[2]);
    if (eol < 0 || header[1] !== 'blob' || !Number.isFinite(size)) return { ok: false, message: `cannot read ${entry.rel} from git` };
    const body = out.subarray(eol + 1, eol + 1 + size);
    at = eol + 1 + size + 1;
    try {
      files.set(entry.rel, decoder.decode(body));
    } catch {
      unreadable.push(entry.rel);
    }
  }
  return { ok: true, value: { files, unreadable, exists } };
}

/** The text of one file at a commit (repository-relative path), or undefined when there is none. */
export function readTreeFile(repo: Repository, commit: string, file: string): string | undefined {
  const out = runGit(repo.root, ['cat-file', 'blob', `${commit}:${file}`]);
  if (!out.ok) return undefined;
  try {
    return decoder.decode(out.stdout);
  } catch {
    return undefined;
  }
}
