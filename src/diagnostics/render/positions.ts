/**
 * Line/column ranges of diagnostics, computed one way for every output format so that pretty,
 * json, github and sarif always agree.
 */
import type { Diagnostic } from '../diagnostic.js';
import { lineColumnOf, makeSourceText, type SourceText, type Span } from '../span.js';

/** A 1-based range; `endColumn` is the column just after the last character (exclusive). */
export interface Region {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** Where a diagnostic is: in a catalog file (catalog-relative path) or in a data file (as given). */
export interface Position extends Region {
  readonly file: string;
  /** True when `file` is a data file (the diagnostic's `location`), not a catalog file. */
  readonly inData: boolean;
}

function isLineBreak(c: string | undefined): boolean {
  return c === '\n' || c === '\r';
}

/**
 * The region of a span. Line breaks at the end of a span are not part of its region (a span that
 * covers a whole line ends on that line, not at column 1 of the next), and an empty span counts as
 * one character wide so that every region is visible.
 */
export function spanRegion(span: Span, files: ReadonlyMap<string, SourceText>): Region {
  const source = files.get(span.file) ?? makeSourceText(span.file, '');
  const size = source.text.length;
  const start = Math.max(0, Math.min(span.start, size));
  let end = Math.max(start, Math.min(span.end, size));
  while (end > start && isLineBreak(source.text[end - 1])) end--;
  const first = lineColumnOf(source, start);
  if (end === start) return { line: first.line, column: first.column, endLine: first.line, endColumn: first.column + 1 };
  const last = lineColumnOf(source, end);
  return { line: first.line, column: first.column, endLine: last.line, endColumn: last.column };
}

/**
 * The primary position of a diagnostic: its data-file `location` when it has one (one character
 * wide), else its span in the catalog.
 */
export function diagnosticPosition(d: Diagnostic, files: ReadonlyMap<string, SourceText>): Position {
  if (d.location !== undefined) {
    const { file, line, column } = d.location;
    return { file, line, column, endLine: line, endColumn: column + 1, inData: true };
  }
  return { file: d.span.file, ...spanRegion(d.span, files), inData: false };
}
