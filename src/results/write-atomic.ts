/**
 * Atomic output files: the content is written to a temporary file in the target's folder and
 * renamed over the target only once complete, so a reader never sees half a file and a failure
 * leaves nothing behind (the temporary file is removed).
 */
import { randomBytes } from 'node:crypto';
import { rmSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A temporary path next to `target` (same folder, so the rename cannot cross file systems). */
export function temporaryPath(target: string): string {
  const dir = path.dirname(target);
  return path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Calls `write` with a temporary path, then renames it to `target`; removes it if anything fails. */
export async function writeAtomically(target: string, write: (temporary: string) => Promise<void> | void): Promise<void> {
  const temporary = temporaryPath(target);
  try {
    await write(temporary);
    renameSync(temporary, target);
  } catch (e) {
    rmSync(temporary, { force: true });
    throw e;
  }
}

/** Writes `text` to `target` atomically. */
export async function writeTextAtomically(target: string, text: string): Promise<void> {
  await writeAtomically(target, (temporary) => writeFileSync(temporary, text));
}

/** Why a file cannot be written there (its folder is missing or not a folder), or undefined. */
export function unwritable(file: string): string | undefined {
  const dir = path.dirname(file);
  try {
    if (!statSync(dir).isDirectory()) return `\`${dir}\` is not a folder`;
  } catch {
    return `the folder \`${dir}\` does not exist`;
  }
  try {
    if (statSync(file).isDirectory()) return `\`${file}\` is a folder`;
  } catch {
    // A file that does not exist yet is what we expect.
  }
  return undefined;
}
