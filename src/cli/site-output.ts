/**
 * Writing the site folder: never over an input (the catalog or data folder, or a folder holding
 * one), never over a folder `kpic docs` did not write, and atomically — the site is built in a
 * temporary folder beside the target and renamed into place, so a reader sees the old site or the
 * new one, never half of one; if anything fails, the old site is left as it was.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SITE_MARKER } from '../site/build-site.js';

function real(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

function inside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Why `out` cannot take the site, or undefined. `inputs` are the folders read (name → absolute
 * path); `shown` is `out` as the user wrote it, for the message.
 */
export function siteOutputProblem(out: string, inputs: ReadonlyMap<string, string>, shown: string = out): string | undefined {
  const target = real(out);
  for (const [name, dir] of inputs) {
    const input = real(dir);
    if (inside(input, target)) return `it would replace the ${name} folder${target === input ? '' : ` (which is inside it)`}`;
    if (inside(target, input)) return `it is inside the ${name} folder; write the site somewhere else`;
  }
  const parent = path.dirname(target);
  if (!existsSync(parent)) return `the folder ${path.dirname(shown)} does not exist`;
  if (!existsSync(target)) return undefined;
  if (!statSync(target).isDirectory()) return 'it exists and is not a folder';
  const entries = readdirSync(target);
  if (entries.length > 0 && !entries.includes(SITE_MARKER))
    return `it is a folder that kpic docs did not write (no ${SITE_MARKER} in it); choose a new or empty folder`;
  return undefined;
}

/** Writes `files` (site-relative path → content) as the folder `out`, replacing a previous site. */
export function writeSite(out: string, files: ReadonlyMap<string, string>): void {
  const target = path.resolve(out);
  const temporary = mkdtempSync(path.join(path.dirname(target), `.${path.basename(target)}.tmp-`));
  try {
    for (const [name, text] of files) {
      const file = path.join(temporary, name);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
    if (existsSync(target)) {
      const old = `${temporary}-old`;
      renameSync(target, old);
      try {
        renameSync(temporary, target);
      } catch (e) {
        renameSync(old, target);
        throw e;
      }
      rmSync(old, { recursive: true, force: true });
    } else renameSync(temporary, target);
  } catch (e) {
    rmSync(temporary, { recursive: true, force: true });
    throw e;
  }
}
