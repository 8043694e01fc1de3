/**
 * What every diagnostic renderer needs besides the diagnostics: the catalog's file texts (to turn
 * offsets into lines and columns and to quote source lines) and where the catalog and the
 * working directory are (to write paths the way each output format wants them).
 */
import path from 'node:path';
import type { SourceText } from '../span.js';

/** The surroundings of a rendering. */
export interface RenderContext {
  /** Text of every catalog file, by catalog-relative path (`Catalog.files`). */
  readonly files: ReadonlyMap<string, SourceText>;
  /** The catalog folder, absolute. */
  readonly catalogDir: string;
  /** The working directory, absolute: pretty, github and sarif paths are relative to it. */
  readonly cwd: string;
}

/**
 * A catalog file's path relative to the working directory, with `/` separators, so that CI
 * annotations land on the repository file when kpic runs from the repository root. A file on
 * another drive (Windows) keeps its absolute path.
 */
export function cwdRelative(context: RenderContext, catalogFile: string): string {
  const absolute = path.resolve(context.catalogDir, catalogFile);
  const relative = path.relative(context.cwd, absolute);
  if (relative === '') return '.';
  if (path.isAbsolute(relative)) return absolute.split(path.sep).join('/');
  return relative.split(path.sep).join('/');
}
