/**
 * Skipping data checks for files that have not changed. Checks cost a scan (a `unique` key of 10M
 * rows: about a second), and `kpic run` repeats them every time; a cache keyed by the contract and
 * by each file's size, modification time, inode and change time (which every write sets and
 * nothing can set back, as git's index uses it) lets an unchanged export pass at no cost.
 * Only clean results are cached (no errors, nothing quarantined), so a bad file is always
 * re-read and re-reported.
 *
 * Where entries live is the caller's choice: {@link memoryCheckCache} here; the CLI may persist
 * entries (they are plain JSON) e.g. under `.kpic/`.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceDef } from '../model/types.js';
import type { CheckedSource } from './check-data.js';
import type { SourceFiles } from './source-files.js';

/** What a cache remembers of a passed check: its result and its warnings. JSON-serialisable. */
interface CachedCheck {
  readonly checked: CheckedSource;
  readonly diagnostics: readonly Diagnostic[];
}

/** Storage for passed checks, by {@link checkFingerprint}. */
export interface CheckCache {
  get(key: string): CachedCheck | undefined;
  set(key: string, value: CachedCheck): void;
}

/**
 * A cache kept in a JSON file (e.g. under the user's cache folder), so repeated `kpic run`s on an
 * unchanged export skip the checks. Entries are read once and written back atomically after each
 * new entry; a cache file that cannot be read or written is ignored (the checks then just run).
 */
export function fileCheckCache(file: string): CheckCache {
  let entries: Map<string, CachedCheck> | undefined;
  const load = (): Map<string, CachedCheck> => {
    if (entries === undefined) {
      try {
        entries = new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, CachedCheck>));
      } catch {
        entries = new Map();
      }
    }
    return entries;
  };
  return {
    get: (key) => load().get(key),
    set: (key, value) => {
      const all = load();
      all.set(key, value);
      // Keep the file small: the most recent entries only.
      while (all.size > 200) all.delete(all.keys().next().value as string);
      try {
        mkdirSync(path.dirname(file), { recursive: true });
        const temp = `${file}.${process.pid}.tmp`;
        writeFileSync(temp, JSON.stringify(Object.fromEntries(all)));
        renameSync(temp, file);
      } catch {
        // An unwritable cache folder only costs the next run its checks.
      }
    },
  };
}

/** Looks entries up in each cache in turn; stores new entries in all of them. */
export function layeredCheckCache(...caches: readonly CheckCache[]): CheckCache {
  return {
    get: (key) => {
      for (const c of caches) {
        const hit = c.get(key);
        if (hit !== undefined) return hit;
      }
      return undefined;
    },
    set: (key, value) => caches.forEach((c) => c.set(key, value)),
  };
}

/** A cache that lives as long as the process (for servers and watch modes, and tests). */
export function memoryCheckCache(): CheckCache {
  const entries = new Map<string, CachedCheck>();
  return { get: (key) => entries.get(key), set: (key, value) => void entries.set(key, value) };
}

/** Files modified less than this long before a check are never cached (nanoseconds). */
const RACY_NS = 2_000_000_000n;

/** Bump when the checks or the reading SQL change meaning, so old entries stop matching. */
const CHECK_VERSION = 'kpic-data-check-3';

/**
 * A key that changes whenever the outcome of checking `files` against `source` could: the
 * source's reading settings and contract, and each file's path, size, modification time, inode and
 * change time.
 * Undefined when a file cannot be stat'ed (then nothing is cached).
 */
export function checkFingerprint(source: SourceDef, files: SourceFiles): string | undefined {
  const hash = createHash('sha256');
  const contract = [...source.columns.values()].map((c) => [
    c.name,
    c.type.value,
    c.required,
    c.optional === true,
    c.unique,
    c.values?.map((v) => v.value) ?? null,
    c.from?.value ?? null,
    c.format?.value ?? null,
  ]);
  // Cached warnings point into the catalog file: a moved declaration must not reuse them.
  const positions = [
    source.file,
    source.idSpan.start,
    source.time?.span.start ?? null,
    ...[...source.columns.values()].map((c) => c.span.start),
  ];
  hash.update(
    JSON.stringify([
      CHECK_VERSION,
      source.id,
      files.format,
      source.delimiter?.value ?? null,
      source.time?.value ?? null,
      contract,
      positions,
    ]),
  );
  const now = BigInt(Date.now()) * 1_000_000n;
  for (const file of files.paths) {
    try {
      const s = statSync(file, { bigint: true });
      // A file modified moments ago may be modified again within the file system's timestamp
      // granularity, keeping size and mtime: such a file is always checked (as git does for
      // "racily clean" files).
      if (now - s.mtimeNs < RACY_NS) return undefined;
      // The change time too: a restore from backup or `touch -r` can bring back size, mtime and
      // inode after a rewrite, but every write sets the ctime and no call can set it back.
      hash.update(JSON.stringify([file, String(s.size), String(s.mtimeNs), String(s.ino), String(s.ctimeNs)]));
    } catch {
      return undefined;
    }
  }
  return hash.digest('hex');
}
