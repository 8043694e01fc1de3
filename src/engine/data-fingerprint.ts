/**
 * A fingerprint of a data folder: every file below it (dot-files and dot-folders skipped) with
 * its size and modification time, hashed. It changes when an export is replaced, added or
 * removed, which is how a long-running server notices new data without reading it.
 */
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The fingerprint of `dir` (`missing` when it cannot be read). */
export function dataFingerprint(dir: string): string {
  const hash = createHash('sha256');
  const walk = (d: string, depth: number): void => {
    if (depth > 8) return;
    let names: string[];
    try {
      names = readdirSync(d).sort();
    } catch {
      hash.update(`!${d}`);
      return;
    }
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const full = path.join(d, name);
      try {
        const s = statSync(full);
        if (s.isDirectory()) walk(full, depth + 1);
        else hash.update(`${path.relative(dir, full)}\0${s.size}\0${s.mtimeMs}\n`);
      } catch {
        hash.update(`?${full}`);
      }
    }
  };
  walk(dir, 0);
  return hash.digest('hex').slice(0, 16);
}

/** A data file as the lineage of a figure shows it. */
export interface FileFacts {
  /** Relative to the data folder. */
  readonly path: string;
  readonly bytes: number;
  /** ISO time of its last modification. */
  readonly modified: string;
}

/** Size and time of each file (relative to `dir`); files that vanished are left out. */
export function fileFacts(dir: string, files: readonly string[]): FileFacts[] {
  return files.flatMap((f) => {
    try {
      const s = statSync(f);
      return [{ path: path.relative(dir, f).split(path.sep).join('/'), bytes: s.size, modified: s.mtime.toISOString() }];
    } catch {
      return [];
    }
  });
}
