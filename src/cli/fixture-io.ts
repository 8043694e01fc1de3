/**
 * The file system side of `kpic test`: reading the CSV fixture files the tests name (only inside
 * the catalog folder) and a fresh temporary folder per case for the fixture data.
 */
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FixtureFiles } from '../testing/fixtures.js';
import type { FixtureWorkspace } from '../testing/run-case.js';

/** Reads `files` (catalog-relative) from `catalogDir`; a file whose real path leaves the folder is refused. */
export function readFixtureFiles(catalogDir: string, files: readonly string[]): FixtureFiles {
  const out = new Map<string, { text: string } | { error: string }>();
  let root: string;
  try {
    root = realpathSync(catalogDir);
  } catch {
    root = catalogDir;
  }
  for (const file of files) {
    try {
      const real = realpathSync(path.join(catalogDir, file));
      const inside = path.relative(root, real);
      if (inside.startsWith('..') || path.isAbsolute(inside)) out.set(file, { error: 'it leads outside the catalog folder' });
      else out.set(file, { text: readFileSync(real, 'utf8') });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      out.set(file, { error: code === 'ENOENT' ? 'no such file' : e instanceof Error ? e.message : String(e) });
    }
  }
  return out;
}

/** Fixture folders under the system's temporary folder. */
export function temporaryWorkspace(): FixtureWorkspace {
  return {
    create(files) {
      const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'kpic-fixture-')));
      for (const [name, text] of files) {
        mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        writeFileSync(path.join(dir, name), text);
      }
      return dir;
    },
    remove(dir) {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
