/**
 * The quoted source line under a diagnostic: a gutter with the line number, the line, and carets
 * under the span (clipped to that line, at least one caret). Very long lines are cut to a window
 * around the span and control characters are replaced, so a hostile file cannot flood or
 * garble the terminal.
 */
import { lineText, type SourceText } from '../span.js';
import type { Region } from './positions.js';
import type { Style } from './style.js';

/** Longest line shown before it is cut to a window around the span. */
const MAX_WIDTH = 160;
/** How much of the line to keep before the span when cutting. */
const LEAD = 40;

function sanitize(line: string): string {
  // One replacement character per code unit keeps caret positions aligned.
  return line.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '\ufffd');
}

/** The visible part of a line and the caret range in it (half-open, at least one wide). */
export function caretWindow(line: string, region: Region): { readonly shown: string; readonly from: number; readonly to: number } {
  const start = region.column - 1;
  const end = region.endLine === region.line ? region.endColumn - 1 : line.length;
  const caretEnd = Math.max(start + 1, Math.min(end, line.length));
  if (line.length <= MAX_WIDTH) return { shown: line, from: start, to: caretEnd };
  const left = Math.max(0, Math.min(start - LEAD, line.length - MAX_WIDTH));
  const right = Math.min(line.length, left + MAX_WIDTH);
  const lead = left > 0 ? '…' : '';
  const shown = lead + line.slice(left, right) + (right < line.length ? '…' : '');
  const from = start - left + lead.length;
  const to = Math.max(from + 1, Math.min(caretEnd, right) - left + lead.length);
  return { shown, from, to };
}

/**
 * The snippet lines for a region of `source` (empty when the line does not exist), each prefixed
 * with `indent`. `mark` colours the carets.
 */
export function renderSnippet(source: SourceText, region: Region, style: Style, mark: (text: string) => string): string[] {
  if (region.line > source.lineStarts.length) return [];
  const { shown, from, to } = caretWindow(sanitize(lineText(source, region.line)), region);
  const number = String(region.line);
  const pad = ' '.repeat(number.length);
  const bar = style.blue('|');
  const before = shown.slice(0, from).replace(/[^\t]/g, ' ');
  return [`${pad} ${bar}`, `${style.blue(number)} ${bar} ${shown}`.trimEnd(), `${pad} ${bar} ${before}${mark('^'.repeat(to - from))}`];
}
