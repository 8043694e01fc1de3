/**
 * Positions. One span type for every phase: a file (relative to the catalog folder, with `/`
 * separators) and half-open character offsets into that file's text. Lines and columns are
 * computed only when a diagnostic is rendered.
 */

/** A half-open range `[start, end)` of character offsets in one catalog file. */
export interface Span {
  readonly file: string;
  readonly start: number;
  readonly end: number;
}

/** A 1-based line and column. */
export interface LineColumn {
  readonly line: number;
  readonly column: number;
}

/** The text of one file, with its line starts computed once for offset → line/column lookups. */
export interface SourceText {
  readonly file: string;
  readonly text: string;
  readonly lineStarts: readonly number[];
}

/** Builds a {@link SourceText}; `\r\n`, `\n` and lone `\r` all end a line. */
export function makeSourceText(file: string, text: string): SourceText {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      lineStarts.push(i + 1);
    } else if (c === 10 /* \n */) {
      lineStarts.push(i + 1);
    }
  }
  return { file, text, lineStarts };
}

/** Converts an offset to a 1-based line and column (columns count UTF-16 code units). */
export function lineColumnOf(source: SourceText, offset: number): LineColumn {
  const starts = source.lineStarts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
}

/** The text of line `line` (1-based), without its line terminator. */
export function lineText(source: SourceText, line: number): string {
  const start = source.lineStarts[line - 1];
  if (start === undefined) return '';
  const next = source.lineStarts[line];
  let end = next ?? source.text.length;
  while (end > start && (source.text[end - 1] === '\n' || source.text[end - 1] === '\r')) end--;
  return source.text.slice(start, end);
}

/** A span covering both arguments (which must be in the same file). */
export function joinSpans(a: Span, b: Span): Span {
  return { file: a.file, start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

/** A span for a file as a whole (used when no better position exists, e.g. a missing file). */
export function fileSpan(file: string): Span {
  return { file, start: 0, end: 0 };
}
