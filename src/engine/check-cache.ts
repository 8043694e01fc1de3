/**
 * Skipping data checks for files that have not changed. Checks cost a scan (a `unique` key of 10M
 * rows: about a second), and `kpic run` repeats them every time; a cache keyed by the contract and
 * by each file's size, modification time and inode lets an unchanged export pass at no cost.
 * Only clean results are cached (no errors, nothing quarantined), so a bad file is always
 * re-read and re-reported.
 *
 * Where entries live is the caller's choice: {@link memoryCheckCache} here; the CLI may persist
 * entries (they are plain JSON) e.g. under `.kpic/`.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceDef } from '../model/types.js';
import type { CheckedSource } from './check-data.js';
import type { SourceFiles } from './source-files.js';

/** What a cache remembers of a passed check: its result and its warnings. JSON-serialisable. */
export interface CachedCheck {
  readonly checked: CheckedSource;
  readonly diagnostics: readonly Diagnostic[];
}

/** Storage for passed checks, by {@link checkFingerprint}. */
export interface CheckCache {
  get(key: string): CachedCheck | undefined;
  set(key: string, value: CachedCheck): void;
}

/** A cache that lives as long as the process (for servers and watch modes, and tests). */
export function memoryCheckCache(): CheckCache {
  const entries = new Map<string, CachedCheck>();
  return { get: (key) => entries.get(key), set: (key, value) => void entries.set(key, value) };
}

/** Bump when the checks or the reading SQL change meaning, so old entries stop matching. */
const CHECK_VERSION = 'kpic-data-check-1';

/**
 * A key that changes whenever the outcome of checking `files` against `source` could: the
 * source's reading settings and contract, and each file's path, size, modification time and inode.
 * Undefined when a file cannot be stat'ed (then nothing is cached).
 */
export function checkFingerprint(source: SourceDef, files: SourceFiles): string | undefined {
  const hash = createHash('sha256');
  const contract = [...source.columns.values()].map((c) => [
    c.name,
    c.type.value,
    c.required,
    c.unique,
    c.values?.map((v) => v.value) ?? null,
    c.from?.value ?? null,
    c.format?.value ?? null,
  ]);
  hash.update(JSON.stringify([CHECK_VERSION, source.id, files.format, source.delimiter?.value ?? null, source.time?.value ?? null, contract]));
  for (const path of files.paths) {
    try {
      const s = statSync(path, { bigint: true });
      hash.update(JSON.stringify([path, String(s.size), String(s.mtimeNs), String(s.ino)]));
    } catch {
      return undefined;
    }
  }
  return hash.digest('hex');
}
