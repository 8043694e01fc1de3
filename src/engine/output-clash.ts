/**
 * Outputs that would destroy inputs: a run's output files (`out`, quarantine files) are compared
 * with the files it reads (data files, catalog files) and with each other before anything is
 * read or written. Two paths are one file when they name the same place after following links
 * in their folders, or when both exist and share device and inode (a symbolic link to the file,
 * a hard link, a bind mount).
 */
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { diagnostic, type Diagnostic, type RequestField } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/span.js';
import { displayPath } from './data-location.js';

/** A file a run will write, and the part of the request that named it. */
export interface PlannedOutput {
  readonly field: Extract<RequestField, 'out' | 'quarantine'>;
  /** Absolute path. */
  readonly path: string;
}

/** A file a run reads, and what it is (`the data file of source \`x\``). */
export interface RunInput {
  readonly path: string;
  readonly what: string;
}

/** The place a path names: its folder's real path and its own name (the file need not exist). */
function place(file: string): string {
  const absolute = path.resolve(file);
  try {
    return realpathSync(absolute);
  } catch {
    try {
      return path.join(realpathSync(path.dirname(absolute)), path.basename(absolute));
    } catch {
      return absolute;
    }
  }
}

/** Device and inode of an existing file (links followed), or undefined. */
function identity(file: string): string | undefined {
  try {
    const s = statSync(file, { bigint: true });
    return `${s.dev}:${s.ino}`;
  } catch {
    return undefined;
  }
}

function sameFile(a: { place: string; id: string | undefined }, b: { place: string; id: string | undefined }): boolean {
  return a.place === b.place || (a.id !== undefined && a.id === b.id);
}

/** Diagnostics for outputs that are inputs of the run or that name one file twice. */
export function outputClashes(outputs: readonly PlannedOutput[], inputs: readonly RunInput[], at: Span): Diagnostic[] {
  const keyed = (file: string): { place: string; id: string | undefined } => ({ place: place(file), id: identity(file) });
  const ins = inputs.map((i) => ({ ...i, key: keyed(i.path) }));
  const outs = outputs.map((o) => ({ ...o, given: displayPath(o.path), key: keyed(o.path) }));
  const out: Diagnostic[] = [];
  outs.forEach((o, i) => {
    const input = ins.find((x) => sameFile(o.key, x.key));
    if (input !== undefined) {
      const shown = displayPath(input.path);
      const also = shown === o.given ? '' : ` \`${shown}\``;
      const message = `the output \`${o.given}\` is ${input.what}${also}, which the run reads; writing it would destroy it`;
      out.push(
        diagnostic('output/overwrites-input', at, message, {
          hint: 'write the output to a file that is not a data or catalog file',
          request: [{ field: o.field, value: o.given }],
        }),
      );
      return;
    }
    const earlier = outs.slice(0, i).find((x) => sameFile(o.key, x.key));
    if (earlier !== undefined) {
      const message = `the outputs \`${earlier.given}\` and \`${o.given}\` are one file; the second would replace the first`;
      out.push(
        diagnostic('output/same-file', at, message, {
          hint: 'give each output its own file',
          request: [
            { field: earlier.field, value: earlier.given },
            { field: o.field, value: o.given },
          ],
        }),
      );
    }
  });
  return out;
}
