/**
 * Output helpers shared by `kpic diff`, `kpic approvals` and `kpic review`: writing to stdout or
 * atomically to `--out`, and refusing an unwritable `--out` before anything runs.
 */
import path from 'node:path';
import type { CliIo } from './io.js';
import { printError, usageError } from './report.js';

/** Writes `text` to stdout, or atomically to `--out` (a path relative to the working directory); returns the exit code. */
export async function emit(io: CliIo, text: string, outArg: string | undefined, what: string): Promise<number> {
  if (outArg === undefined) {
    io.stdout.write(text);
    return 0;
  }
  const { writeTextAtomically } = await import('../results/write-atomic.js');
  try {
    await writeTextAtomically(path.resolve(io.cwd, outArg), text);
  } catch (e) {
    printError(io, `cannot write \`${outArg}\`: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  if (io.stderr.isTTY === true) io.stderr.write(`wrote ${what} to ${outArg}\n`);
  return 0;
}

/** A refusal before anything runs when `--out` cannot be written (exit code 2), else undefined. */
export async function refuseUnwritable(io: CliIo, outArg: string | undefined, usage: string, command: string): Promise<number | undefined> {
  if (outArg === undefined) return undefined;
  const { unwritable } = await import('../results/write-atomic.js');
  const why = unwritable(path.resolve(io.cwd, outArg));
  return why === undefined ? undefined : usageError(io, `cannot write \`--out ${outArg}\`: ${why}`, usage, `kpic ${command} --help`);
}
