/** Diagnostics on small in-memory files, for the renderer tests. */
import { diagnostic, type Diagnostic, type DiagnosticExtras } from '../../../src/diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../../../src/diagnostics/codes.js';
import { makeSourceText, type SourceText } from '../../../src/diagnostics/span.js';
import type { RenderContext } from '../../../src/diagnostics/render/context.js';

/** Catalog files by path. */
export function filesOf(files: Readonly<Record<string, string>>): ReadonlyMap<string, SourceText> {
  return new Map(Object.entries(files).map(([name, text]) => [name, makeSourceText(name, text)]));
}

/** A render context for a catalog at /repo/catalog, run from /repo. */
export function contextOf(files: Readonly<Record<string, string>>): RenderContext {
  return { files: filesOf(files), catalogDir: '/repo/catalog', cwd: '/repo' };
}

/** A diagnostic on the first occurrence of `needle` (or the offset range) in `file`. */
export function at(
  files: Readonly<Record<string, string>>,
  file: string,
  needle: string | readonly [number, number],
  code: DiagnosticCode,
  message: string,
  extras: DiagnosticExtras = {},
): Diagnostic {
  const text = files[file] ?? '';
  const [start, end] = typeof needle === 'string' ? [text.indexOf(needle), text.indexOf(needle) + needle.length] : needle;
  if (start < 0) throw new Error(`${needle as string} not in ${file}`);
  return diagnostic(code, { file, start, end }, message, extras);
}
