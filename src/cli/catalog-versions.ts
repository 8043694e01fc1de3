/**
 * The two versions `kpic diff` and `kpic approvals --check` compare, from `--base` and `--head`:
 * a value naming an existing folder is a catalog folder; anything else is a git revision, read
 * from the repository that holds `--catalog` at the same path (never checked out: the working tree
 * and the index are left alone). The head defaults to the working tree, the base to the merge
 * base of HEAD with the default branch.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { diagnostic } from '../diagnostics/diagnostic.js';
import { makeSourceText, type SourceText } from '../diagnostics/span.js';
import { CHANGELOG_FILE } from '../diff/changelog.js';
import { readTreeFile, readTreeFiles } from '../git/read-tree.js';
import { defaultBase, findRepository, pathInRepository, resolveCommit, type Found, type Repository } from '../git/repository.js';
import { checkFiles, checkFolder, type CheckedCatalog } from '../diff/pipeline-adapter.js';
import type { Catalog } from '../model/types.js';
import type { CliIo } from './io.js';

/** One version of the catalog. */
export interface CatalogVersion {
  readonly kind: 'catalog-version';
  /** How reports name it. */
  readonly label: string;
  readonly checked: CheckedCatalog;
  /** False for a revision in which the catalog folder does not exist yet (a new catalog). */
  readonly exists: boolean;
  /** The text of the catalog's `CHANGELOG.md`, if it keeps one. */
  readonly changelog?: string | undefined;
  /** The files for rendering positions: the catalog's, and `CHANGELOG.md`. */
  readonly files: ReadonlyMap<string, SourceText>;
}

const EMPTY_CATALOG: Catalog = {
  meta: undefined,
  sources: new Map(),
  kpis: new Map(),
  lookups: new Map(),
  clashes: new Set(),
  clashing: [],
  documents: [],
  files: new Map(),
};

/** An empty, valid catalog: the base of a catalog that a change creates. */
const EMPTY: CheckedCatalog = {
  catalog: EMPTY_CATALOG,
  resolved: { catalog: EMPTY_CATALOG, kpis: new Map(), lookups: new Map(), dimensions: new Map(), events: new Map() },
  diagnostics: [],
  ok: true,
};

function version(label: string, checked: CheckedCatalog, changelog: string | undefined, exists = true): CatalogVersion {
  const files = new Map(checked.catalog.files);
  if (changelog !== undefined) files.set(CHANGELOG_FILE, makeSourceText(CHANGELOG_FILE, changelog));
  return { kind: 'catalog-version', label, checked, exists, changelog, files };
}

function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function fromFolder(dir: string, label: string): CatalogVersion {
  const log = path.join(dir, CHANGELOG_FILE);
  return version(label, checkFolder(dir), existsSync(log) ? readFileSync(log, 'utf8') : undefined);
}

/** The repository holding the catalog folder (or, when it no longer exists, the working directory). */
export function catalogRepository(io: CliIo, catalogDir: string): Found<{ repo: Repository; folder: string }> {
  const found = findRepository(isFolder(catalogDir) ? catalogDir : io.cwd);
  if (!found.ok) return found;
  const folder = pathInRepository(found.value, catalogDir);
  if (folder === undefined)
    return { ok: false, message: `the catalog folder \`${catalogDir}\` is outside the repository at \`${found.value.root}\`` };
  return { ok: true, value: { repo: found.value, folder } };
}

function fromCommit(repo: Repository, folder: string, commit: string, label: string, role: 'base' | 'head'): Found<CatalogVersion> {
  const read = readTreeFiles(repo, commit, folder);
  if (!read.ok) return read;
  const shown = folder === '' ? 'the repository root' : `\`${folder}/\``;
  if (!read.value.exists || !read.value.files.has('catalog.yaml')) {
    if (role === 'head') return { ok: false, message: `${label} has no catalog at ${shown}` };
    return { ok: true, value: version(`${label} (no catalog at ${shown} yet)`, EMPTY, undefined, false) };
  }
  let checked = checkFiles(read.value.files);
  if (read.value.unreadable.length > 0) {
    const problems = read.value.unreadable.map((f) =>
      diagnostic('load/read-failed', { file: f, start: 0, end: 0 }, `cannot read \`${f}\`: it is not valid UTF-8 text`),
    );
    checked = { ...checked, diagnostics: [...problems, ...checked.diagnostics], ok: false };
  }
  const changelog = readTreeFile(repo, commit, folder === '' ? CHANGELOG_FILE : `${folder}/${CHANGELOG_FILE}`);
  return { ok: true, value: version(label, checked, changelog) };
}

/** The version `spec` names (`--base` / `--head`), or its default. */
export function openVersion(io: CliIo, spec: string | undefined, role: 'base' | 'head', catalogDir: string): Found<CatalogVersion> {
  if (spec === undefined && role === 'head') {
    if (!isFolder(catalogDir))
      return {
        ok: false,
        message: `the catalog folder \`${path.relative(io.cwd, catalogDir) || '.'}\` does not exist; pass it with --catalog DIR`,
      };
    return { ok: true, value: fromFolder(catalogDir, 'working tree') };
  }
  if (spec !== undefined && isFolder(path.resolve(io.cwd, spec))) return { ok: true, value: fromFolder(path.resolve(io.cwd, spec), spec) };
  const where = catalogRepository(io, catalogDir);
  if (!where.ok) {
    const what = spec === undefined ? `the default --${role} (a git revision)` : `\`--${role} ${spec}\``;
    const hint =
      spec === undefined
        ? `; pass --${role} DIR to compare with a catalog folder`
        : spec.includes('/') || spec.includes('.')
          ? ' (no such folder either)'
          : '';
    return { ok: false, message: `cannot read ${what}: ${where.message}${hint}` };
  }
  const { repo, folder } = where.value;
  if (spec === undefined) {
    const base = defaultBase(repo, io.env);
    if (!base.ok) return base;
    return fromCommit(repo, folder, base.value.commit, base.value.label, role);
  }
  const commit = resolveCommit(repo, spec);
  if (!commit.ok) return commit;
  return fromCommit(repo, folder, commit.value, `${spec}@${commit.value.slice(0, 7)}`, role);
}
