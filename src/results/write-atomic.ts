/**
 * Atomic output files: the content is written to a temporary file in the target's folder and
 * renamed over the target only once complete, so a reader never sees half a file and a failure
 * leaves nothing behind (the temporary file is removed). Several files are written together:
 * every temporary file first, then the renames, so a failure in any leaves all targets as they
 * were. Temporary files still open are listed, so that a process stopped by a signal can remove
 * them ({@link removeTemporaries}), and those a killed process left are swept by the next write
 * to the same folder.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Temporary files being written by this process. */
const pending = new Set<string>();

/** `.<name>.<pid>.<8 hex>.tmp`: the temporary files of this module. */
const TEMPORARY = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/** A temporary path next to `target` (same folder, so the rename cannot cross file systems). */
export function temporaryPath(target: string): string {
  const dir = path.dirname(target);
  return path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: unknown }).code === 'EPERM';
  }
}

/** Removes temporary files for `target` that a process no longer running left behind. */
function sweepStaleTemporaries(target: string): void {
  const dir = path.dirname(target);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = TEMPORARY.exec(name);
    if (m === null || m[1] !== path.basename(target) || isRunning(Number(m[2]))) continue;
    rmSync(path.join(dir, name), { force: true });
  }
}

/** Removes every temporary file this process is writing (for a process that is stopped). */
export function removeTemporaries(): void {
  for (const file of pending) rmSync(file, { force: true });
  pending.clear();
}

/** A file to write: its target and how to write its content to a given path. */
export interface AtomicWrite {
  readonly target: string;
  readonly write: (temporary: string) => Promise<void> | void;
}

/** Writes every file to a temporary path, then renames them all; removes them if anything fails. */
export async function writeAllAtomically(files: readonly AtomicWrite[]): Promise<void> {
  const temporaries = files.map((f) => temporaryPath(f.target));
  try {
    for (const [i, f] of files.entries()) {
      sweepStaleTemporaries(f.target);
      const temporary = temporaries[i] ?? '';
      pending.add(temporary);
      await f.write(temporary);
    }
    for (const [i, f] of files.entries()) renameSync(temporaries[i] ?? '', f.target);
  } finally {
    for (const temporary of temporaries) {
      rmSync(temporary, { force: true });
      pending.delete(temporary);
    }
  }
}

/** Calls `write` with a temporary path, then renames it to `target`; removes it if anything fails. */
export async function writeAtomically(target: string, write: (temporary: string) => Promise<void> | void): Promise<void> {
  await writeAllAtomically([{ target, write }]);
}

/** Writes `text` to `target` atomically. */
export async function writeTextAtomically(target: string, text: string): Promise<void> {
  await writeAtomically(target, (temporary) => writeFileSync(temporary, text));
}

/**
 * Why a file cannot be written there (its folder is missing or not a folder, or the path as
 * given ends in a separator, naming a folder), or undefined.
 */
export function unwritable(file: string, given: string = file): string | undefined {
  if (/[\\/]$/.test(given)) return `\`${given}\` names a folder; give the path of a file`;
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
