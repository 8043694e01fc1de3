/**
 * Writing a command's output to `--out`: atomically (a reader never sees half a file, and a
 * failed write leaves any earlier file as it was), and a file that cannot be written is a problem
 * with the arguments, like a missing folder (exit code 2). A terminal is told what was written.
 */
import path from 'node:path';
import type { CliIo } from './io.js';
import { printError } from './report.js';

/**
 * Writes through `write` (given the absolute path of `outArg`) and returns the exit code;
 * `what` names the output in the message a terminal sees (`12 rows`, `the scorecard`).
 */
export async function writeOut(io: CliIo, outArg: string, what: string, write: (file: string) => Promise<void>): Promise<number> {
  try {
    await write(path.resolve(io.cwd, outArg));
  } catch (e) {
    printError(io, `cannot write \`${outArg}\`: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  if (io.stderr.isTTY === true) io.stderr.write(`wrote ${what} to ${outArg}\n`);
  return 0;
}
