/**
 * Finds records in JSON data files, for error reports: where the n-th record starts (objects at
 * the top level for NDJSON and concatenated JSON, or the elements of a top-level array), and where
 * a malformed file first goes wrong. DuckDB reads the data; this only locates what it reports.
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';

/** Where a record or an error is: 1-based line and column (columns count bytes). */
export interface JsonPosition {
  readonly line: number;
  readonly column: number;
}

const CHUNK = 1 << 20;

/**
 * Calls `visit` with the 1-based index and start of each record (a JSON object at the top level,
 * or directly inside a top-level array) until it returns `false`.
 */
function scanJsonRecords(file: string, visit: (index: number, at: JsonPosition) => boolean | void): void {
  const fd = openSync(file, 'r');
  const buffer = Buffer.alloc(CHUNK);
  let offset = 0;
  let line = 1;
  let lineStart = 0; // file offset of the current line's first byte
  let depth = 0;
  let base = -1; // depth at which records start: 0, or 1 inside a top-level array
  let inString = false;
  let escaped = false;
  let index = 0;
  try {
    for (;;) {
      const read = readSync(fd, buffer, 0, CHUNK, offset);
      if (read === 0) return;
      for (let i = 0; i < read; i++) {
        const b = buffer[i] ?? 0;
        if (inString) {
          if (escaped) escaped = false;
          else if (b === 0x5c) escaped = true;
          else if (b === 0x22) inString = false;
          continue;
        }
        if (b === 0x0a) {
          line++;
          lineStart = offset + i + 1;
        } else if (b === 0x22) {
          inString = true;
        } else if (b === 0x7b || b === 0x5b) {
          if (base < 0) base = b === 0x5b ? 1 : 0;
          if (b === 0x7b && depth === base) {
            index++;
            if (visit(index, { line, column: offset + i - lineStart + 1 }) === false) return;
          }
          depth++;
        } else if (b === 0x7d || b === 0x5d) {
          depth--;
        }
      }
      offset += read;
    }
  } finally {
    closeSync(fd);
  }
}

/** The start of each wanted record (1-based record numbers, as `"$row"` counts them). */
export function jsonRecordLines(file: string, records: Iterable<number>): Map<number, JsonPosition> {
  const wanted = new Set(records);
  const found = new Map<number, JsonPosition>();
  if (wanted.size === 0) return found;
  // Not a spread into Math.max: a quarantine of 150,000 rows would overflow the call stack.
  let lastWanted = 0;
  for (const r of wanted) if (r > lastWanted) lastWanted = r;
  scanJsonRecords(file, (index, at) => {
    if (wanted.has(index)) found.set(index, at);
    return index < lastWanted;
  });
  return found;
}

/** Files larger than this are not re-parsed to locate an error (DuckDB's message still says what). */
const MAX_LOCATE_BYTES = 256 * 1024 * 1024;

/**
 * Where a JSON data file first fails to parse, with the parser's reason; undefined when the file
 * parses (or is too large to check here). NDJSON and concatenated objects are checked object by
 * object, so the position is exact even when an object's closing brace is missing.
 */
export function locateJsonError(file: string): (JsonPosition & { readonly reason: string }) | undefined {
  if (statSync(file).size > MAX_LOCATE_BYTES) return undefined;
  let text = readFileSync(file, 'utf8');
  if (text.charCodeAt(0) === 0xfeff) text = ` ${text.slice(1)}`;
  const firstChar = text.trimStart()[0];
  if (firstChar === '[' || firstChar === undefined) return parseError(text, 0, text);
  let start = -1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      if (depth === 0) start = i;
      depth++;
    } else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0 && start >= 0) {
        const problem = parseError(text.slice(start, i + 1), start, text);
        if (problem !== undefined) return problem;
        start = -1;
      }
    } else if (depth === 0 && !/\s/.test(c ?? '')) {
      return { ...positionOf(text, i), reason: `unexpected \`${c}\` between records` };
    }
  }
  if (depth !== 0 && start >= 0) return { ...positionOf(text, start), reason: 'this record is not closed' };
  return undefined;
}

function parseError(part: string, at: number, text: string): (JsonPosition & { readonly reason: string }) | undefined {
  try {
    JSON.parse(part);
    return undefined;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const position = /at position (\d+)/.exec(message);
    const offset = position === null ? at : at + Number(position[1]);
    const reason = message.replace(/ in JSON at position \d+.*$/s, '').replace(/, ".*" is not valid JSON$/s, '');
    return { ...positionOf(text, offset), reason };
  }
}

function positionOf(text: string, offset: number): JsonPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
