/**
 * Printing for commands: diagnostics in the pretty format (coloured when the stream is a
 * terminal), usage errors, and progress messages that only a terminal sees.
 */
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { RenderContext } from '../diagnostics/render/context.js';
import { renderPretty } from '../diagnostics/render/pretty.js';
import { styleFor, wantsColor, type Style } from '../diagnostics/render/style.js';
import { countSummary } from '../diagnostics/render/summary.js';
import type { CliIo, OutputStream } from './io.js';

/** The style for a stream. */
export function streamStyle(io: CliIo, stream: OutputStream): Style {
  return styleFor(wantsColor(stream.isTTY, io.env));
}

/**
 * Data-file locations come from the engine relative to the process's working directory; show
 * them relative to the CLI's (the same, except when a caller runs the CLI for another folder).
 */
export function relocateDataPaths(io: CliIo, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map((d) => {
    if (d.location === undefined) return d;
    const absolute = path.resolve(process.cwd(), d.location.file);
    const relative = path.relative(io.cwd, absolute);
    const file = relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative.split(path.sep).join('/');
    return { ...d, location: { ...d.location, file } };
  });
}

/** Writes diagnostics (pretty) and a count line to `stream`; nothing when there are none. */
export function printDiagnostics(io: CliIo, stream: OutputStream, diagnostics: readonly Diagnostic[], context: RenderContext): void {
  if (diagnostics.length === 0) return;
  const style = streamStyle(io, stream);
  const shown = relocateDataPaths(io, diagnostics);
  stream.write(`${renderPretty(shown, context, style)}\n${style.bold(countSummary(shown))}\n`);
}

/** A one-line `kpic: …` message on stderr. */
export function printError(io: CliIo, message: string): void {
  const style = streamStyle(io, io.stderr);
  io.stderr.write(`${style.red(style.bold('kpic:'))} ${message}\n`);
}

/** A usage error: the message, the command's usage line and where to find more. Returns exit code 2. */
export function usageError(io: CliIo, message: string, usage: string, helpCommand: string): number {
  printError(io, message);
  io.stderr.write(`usage: ${usage}\nrun \`${helpCommand}\` for details\n`);
  return 2;
}

/** A status line on a terminal's stderr, replaced by the next and erased by `clear`. */
export interface Progress {
  show(text: string): void;
  clear(): void;
}

/** Progress on stderr when stderr is a terminal; otherwise silent. */
export function progressFor(io: CliIo): Progress {
  const stream = io.stderr;
  let shown = false;
  if (stream.isTTY !== true) return { show: () => undefined, clear: () => undefined };
  return {
    show(text) {
      stream.write(`\r\u001b[K${text}`);
      shown = true;
    },
    clear() {
      if (shown) stream.write('\r\u001b[K');
      shown = false;
    },
  };
}
