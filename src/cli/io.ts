/**
 * The CLI's only contact with its surroundings: two output streams, the working directory and
 * the environment. `runCli` defaults to the process's; tests pass captured buffers.
 */

/** Something text can be written to. */
export interface OutputStream {
  write(text: string): unknown;
  /** True for a terminal: enables colours (unless `NO_COLOR`) and progress messages. */
  readonly isTTY?: boolean | undefined;
}

/** Everything the CLI reads from or writes to, besides the files named by its arguments. */
export interface CliIo {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** Absolute working directory: relative paths in arguments are resolved against it. */
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

let pipesGuarded = false;

/**
 * A reader that goes away (`kpic run | head`) closes the pipe; the remaining output has nowhere
 * to go, which is not an error worth a stack trace.
 */
function ignoreBrokenPipes(): void {
  if (pipesGuarded) return;
  pipesGuarded = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
    });
  }
}

/** The process's streams, working directory and environment. */
export function processIo(): CliIo {
  ignoreBrokenPipes();
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env };
}
