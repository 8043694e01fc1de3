/**
 * Character offsets of string scalars: for each character of a scalar's value, the file offset of
 * the character it came from. Formula diagnostics depend on this to land on the exact column inside
 * `formula: sum(ammount)` or inside a `formula: |` block.
 *
 * The value is aligned against the scalar's raw text, with the YAML syntax around the characters
 * removed first (quotes, a block header, block indentation). Folding turns a line break into a
 * space (or drops it) and strips indentation, so the alignment lets a value's space or newline
 * stand for a raw line break and skips raw whitespace that the value does not have. Anything else
 * that does not line up (escape sequences) gives `undefined`: positions then fall back to the whole
 * scalar rather than pointing at a wrong column.
 */

/** The scalar styles of the `yaml` library (`Scalar.type`). */
export type ScalarStyle = 'PLAIN' | 'QUOTE_SINGLE' | 'QUOTE_DOUBLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED';

/** One logical character of a scalar's raw text and where it sits in the file. */
interface RawChar {
  readonly ch: string;
  readonly offset: number;
}

/**
 * The file offset of every character of `value` plus one for its end, or undefined when the value
 * cannot be aligned with the raw text `text.slice(start, end)`.
 */
export function scalarOffsets(
  text: string,
  start: number,
  end: number,
  style: ScalarStyle | undefined,
  value: string,
): number[] | undefined {
  const raw = rawChars(text, start, end, style ?? 'PLAIN', value);
  return raw === undefined ? undefined : align(value, raw, start);
}

function rawChars(text: string, start: number, end: number, style: ScalarStyle, value: string): RawChar[] | undefined {
  switch (style) {
    case 'PLAIN':
      return plainChars(text, start, end);
    case 'QUOTE_SINGLE':
      return singleQuotedChars(text, start, end);
    case 'QUOTE_DOUBLE':
      return doubleQuotedChars(text, start, end);
    case 'BLOCK_LITERAL':
    case 'BLOCK_FOLDED':
      return blockChars(text, start, end, value);
    default: {
      const never: never = style;
      throw new Error(`unexpected scalar style ${String(never)}`);
    }
  }
}

/** Pushes `text[from, to)` as raw characters, a `\r\n` pair becoming one `\n` at the `\r`. */
function pushRange(out: RawChar[], text: string, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const ch = text[i] ?? '';
    if (ch === '\r') {
      out.push({ ch: '\n', offset: i });
      if (text[i + 1] === '\n') i++;
    } else {
      out.push({ ch, offset: i });
    }
  }
}

function plainChars(text: string, start: number, end: number): RawChar[] {
  const out: RawChar[] = [];
  pushRange(out, text, start, end);
  return out;
}

function singleQuotedChars(text: string, start: number, end: number): RawChar[] | undefined {
  if (text[start] !== "'" || text[end - 1] !== "'" || end - start < 2) return undefined;
  const out: RawChar[] = [];
  for (let i = start + 1; i < end - 1; i++) {
    // `''` is one quote in the value: keep the first, skip the second.
    if (text[i] === "'" && text[i + 1] === "'") {
      out.push({ ch: "'", offset: i });
      i++;
    } else {
      pushRange(out, text, i, i + 1);
      if (text[i] === '\r' && text[i + 1] === '\n') i++;
    }
  }
  return out;
}

function doubleQuotedChars(text: string, start: number, end: number): RawChar[] | undefined {
  if (text[start] !== '"' || text[end - 1] !== '"' || end - start < 2) return undefined;
  const inner = text.slice(start + 1, end - 1);
  // Escapes change the length of what they stand for; positions fall back to the whole scalar.
  if (inner.includes('\\')) return undefined;
  const out: RawChar[] = [];
  pushRange(out, text, start + 1, end - 1);
  return out;
}

/**
 * Content of a block scalar (`|` or `>`): the lines after the header, each without the block's
 * indentation, joined by `\n`. The indentation is found from the first non-blank line: its leading
 * spaces in the file minus the leading spaces its value keeps (more-indented first lines).
 */
function blockChars(text: string, start: number, end: number, value: string): RawChar[] | undefined {
  let i = start;
  while (i < end && text[i] !== '\n' && text[i] !== '\r') i++;
  if (i >= end) return [];
  i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
  const lines: { start: number; end: number; next: number }[] = [];
  while (i < end) {
    let j = i;
    while (j < end && text[j] !== '\n' && text[j] !== '\r') j++;
    const next = j < end ? j + (text[j] === '\r' && text[j + 1] === '\n' ? 2 : 1) : j;
    lines.push({ start: i, end: j, next });
    i = next;
  }
  const firstContent = lines.find((l) => text.slice(l.start, l.end).trim() !== '');
  if (firstContent === undefined) return [];
  const rawIndent = leadingSpaces(text, firstContent.start, firstContent.end);
  const firstValueLine = value.split('\n').find((l) => l.trim() !== '') ?? '';
  const valueIndent = leadingSpaces(firstValueLine, 0, firstValueLine.length);
  const indent = rawIndent - valueIndent;
  if (indent < 0) return undefined;
  const out: RawChar[] = [];
  for (const line of lines) {
    const from = Math.min(line.start + indent, line.end);
    pushRange(out, text, from, line.end);
    if (line.next > line.end) out.push({ ch: '\n', offset: line.end });
  }
  return out;
}

function leadingSpaces(s: string, from: number, to: number): number {
  let n = 0;
  while (from >= 0 && from + n < to && s[from + n] === ' ') n++;
  return n;
}

/**
 * Aligns `value` with `raw`: equal characters match; a value space or newline may match a raw
 * newline (folding); raw whitespace with no counterpart is skipped (indentation, trimmed trailing
 * spaces, the newline a fold dropped). Returns undefined on any other mismatch.
 */
function align(value: string, raw: readonly RawChar[], start: number): number[] | undefined {
  const offsets: number[] = [];
  let j = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    for (;;) {
      const r = raw[j];
      if (r === undefined) return undefined;
      if (r.ch === c || (r.ch === '\n' && c === ' ')) {
        offsets.push(r.offset);
        j++;
        break;
      }
      if (r.ch === ' ' || r.ch === '\t' || r.ch === '\n') {
        j++;
        continue;
      }
      return undefined;
    }
  }
  const last = offsets[offsets.length - 1];
  offsets.push(last === undefined ? (raw[0]?.offset ?? start) : last + 1);
  return offsets;
}
