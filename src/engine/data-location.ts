/**
 * How data files and data values appear in messages: paths relative to the working directory
 * when they lie below it, and values shortened and with control characters made visible, so a
 * diagnostic stays one readable line whatever the data holds.
 */
import path from 'node:path';

/** A path as the user would type it: relative to the working directory if inside it, else absolute. */
export function displayPath(file: string, cwd: string = process.cwd()): string {
  const abs = path.resolve(file);
  const rel = path.relative(cwd, abs);
  if (rel === '') return '.';
  if (rel.startsWith('..') || path.isAbsolute(rel)) return abs;
  return rel.split(path.sep).join('/');
}

const MAX_SHOWN = 60;

/**
 * A data value for a message, between backticks: at most 60 characters (then `…`), with line
 * breaks, tabs and other control characters written as escapes (`\n`, `\t`, `\u0007`).
 */
export function showValue(value: string): string {
  const chars = [...value];
  const cut = chars.length > MAX_SHOWN ? chars.slice(0, MAX_SHOWN) : chars;
  const body = cut
    .map((c) => {
      if (c === '\n') return '\\n';
      if (c === '\r') return '\\r';
      if (c === '\t') return '\\t';
      if (c === '`') return 'ˋ';
      const code = c.codePointAt(0) ?? 0;
      if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return `\\u${code.toString(16).padStart(4, '0')}`;
      return c;
    })
    .join('');
  return `\`${body}${cut.length < chars.length ? '…' : ''}\``;
}
