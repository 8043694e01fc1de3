/**
 * The only file-system code of the loader: collects the text of every `*.yaml` / `*.yml` file
 * below the catalog folder. Dot-folders, dot-files (editor and CI settings such as `.yamllint.yml`)
 * and `node_modules` are skipped; symbolic links are followed only when they lead to a place inside
 * the catalog folder, and each real folder is visited once, so a link cannot loop or escape.
 */
import { readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { diagnostic, type Diagnostic, type PhaseResult } from '../diagnostics/diagnostic.js';
import { fileSpan } from '../diagnostics/span.js';
import { ROOT_FILE } from './document-set.js';

const YAML_FILE = /\.ya?ml$/;
const decoder = new TextDecoder('utf-8', { fatal: true });

function reason(e: unknown): string {
  const code = (e as { code?: unknown })?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'it does not exist';
  if (code === 'EISDIR') return 'it is a folder';
  if (e instanceof TypeError) return 'it is not valid UTF-8 text';
  return e instanceof Error ? e.message : String(e);
}

function isInside(root: string, real: string): boolean {
  return real === root || real.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

interface Walk {
  readonly rootReal: string;
  readonly visited: Set<string>;
  readonly files: Map<string, string>;
  readonly diagnostics: Diagnostic[];
}

function readOne(w: Walk, abs: string, rel: string): void {
  let bytes: Buffer | undefined;
  try {
    bytes = readFileSync(abs);
    w.files.set(rel, decoder.decode(bytes));
  } catch (e) {
    const where = e instanceof TypeError && bytes !== undefined ? badUtf8Place(bytes) : '';
    w.diagnostics.push(diagnostic('load/read-failed', fileSpan(rel), `cannot read \`${rel}\`: ${reason(e)}${where}`));
  }
}

/** Where the first byte that is not UTF-8 is: `, at line L, column C (byte 0xNN)`. */
function badUtf8Place(bytes: Uint8Array): string {
  // The longest prefix that decodes (a prefix ending inside a character is fine while streaming).
  const valid = (n: number): boolean => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, n), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (valid(mid)) lo = mid;
    else hi = mid - 1;
  }
  // The prefix may end inside a sequence the next byte breaks: the bad byte is its first.
  let bad = lo;
  while (bad > 0 && lo - bad < 3 && ((bytes[bad - 1] ?? 0) & 0xc0) === 0x80) bad--;
  if (bad > 0 && (bytes[bad - 1] ?? 0) >= 0xc0) bad--;
  else bad = lo;
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad));
  const lines = before.split('\n');
  const line = lines.length;
  const column = [...(lines[line - 1] ?? '')].length + 1;
  const byte = bytes[bad] ?? 0;
  return `, at line ${line}, column ${column} (byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')})`;
}

function walk(w: Walk, absDir: string, relDir: string): void {
  let entries: Dirent[];
  try {
    // Sorted, so which of two links to one folder is walked (and names the files) is deterministic.
    entries = readdirSync(absDir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (e) {
    w.diagnostics.push(
      diagnostic('load/read-failed', fileSpan(relDir === '' ? '.' : relDir), `cannot read the folder \`${relDir || '.'}\`: ${reason(e)}`),
    );
    return;
  }
  for (const entry of entries) {
    const name = entry.name;
    if (name.startsWith('.') || name === 'node_modules') continue;
    const abs = path.join(absDir, name);
    const rel = relDir === '' ? name : `${relDir}/${name}`;
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      let real: string;
      try {
        real = realpathSync(abs);
        const st = statSync(real);
        isDir = st.isDirectory();
        isFile = st.isFile();
      } catch {
        continue; // a dangling link leads nowhere
      }
      if (!isInside(w.rootReal, real)) continue;
    }
    if (isDir) {
      let real: string;
      try {
        real = realpathSync(abs);
      } catch {
        continue;
      }
      if (w.visited.has(real)) continue;
      w.visited.add(real);
      walk(w, abs, rel);
    } else if (isFile && YAML_FILE.test(name)) {
      readOne(w, abs, rel);
    }
  }
}

/**
 * Reads every catalog file below `dir`: catalog-relative paths with `/`, sorted. A missing folder
 * or a missing root `catalog.yaml` gives `load/missing-catalog`; an unreadable file
 * `load/read-failed` (the other files are still read).
 */
export function readCatalogFolder(dir: string): PhaseResult<ReadonlyMap<string, string>> {
  const diagnostics: Diagnostic[] = [];
  let rootReal: string;
  try {
    rootReal = realpathSync(path.resolve(dir));
    if (!statSync(rootReal).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
  } catch {
    diagnostics.push(
      diagnostic('load/missing-catalog', fileSpan(ROOT_FILE), `the catalog folder \`${dir}\` does not exist or is not a folder`, {
        hint: 'pass the folder that holds `catalog.yaml` with `--catalog DIR`',
      }),
    );
    return { value: new Map(), diagnostics };
  }
  const w: Walk = { rootReal, visited: new Set([rootReal]), files: new Map(), diagnostics };
  walk(w, rootReal, '');
  if (!w.files.has(ROOT_FILE)) {
    const hint = w.files.has('catalog.yml')
      ? `rename \`catalog.yml\` to \`${ROOT_FILE}\``
      : `create \`${ROOT_FILE}\` starting with \`catalog: <id>\`, or pass the catalog folder with \`--catalog DIR\``;
    diagnostics.push(
      diagnostic('load/missing-catalog', fileSpan(ROOT_FILE), `the catalog folder \`${dir}\` has no \`${ROOT_FILE}\``, { hint }),
    );
  }
  const sorted = new Map([...w.files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { value: sorted, diagnostics };
}
