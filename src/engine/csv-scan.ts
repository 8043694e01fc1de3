/**
 * A byte-level CSV record scanner that follows DuckDB's reading rules (RFC 4180 quoting with `""`
 * as an escaped quote, quotes opening a field only at its start, blank lines skipped, a UTF-8
 * byte-order mark ignored). DuckDB tells which records are bad; this scanner tells where they are:
 * the physical line a record starts on, which differs from its record number as soon as a quoted
 * field holds a line break. It also reads headers and pinpoints malformed records.
 *
 * Used only off the hot path (headers; error reports), so it favours clarity over speed, but it
 * streams the file in chunks and never holds more than one record's fields.
 */
import { closeSync, openSync, readSync } from 'node:fs';

/** One record as the scanner saw it. */
export interface CsvRecord {
  /** 0 for the header, then 1, 2, … for data records (DuckDB's reading order). */
  readonly index: number;
  /** Physical 1-based line on which the record starts. */
  readonly line: number;
  readonly fieldCount: number;
  /** The fields' text, only for records `wantFields` asked for. */
  readonly fields?: readonly string[] | undefined;
  /** Why the record cannot be read, if it cannot (besides its field count, which callers check). */
  readonly problem?: string | undefined;
}

/** Options of {@link scanCsv}. */
export interface CsvScanOptions {
  readonly delimiter: string;
  /** Which records' field texts to collect (default: none). */
  readonly wantFields?: ((index: number) => boolean) | undefined;
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const SPACE = 0x20;
const CHUNK = 1 << 20;

/**
 * Calls `visit` for each record in file order until it returns `false`. Returns the number of
 * records seen (header included).
 */
export function scanCsv(file: string, options: CsvScanOptions, visit: (record: CsvRecord) => boolean | void): number {
  const delim = Buffer.from(options.delimiter, 'utf8');
  const wantFields = options.wantFields ?? (() => false);
  const fd = openSync(file, 'r');
  const buffer = Buffer.alloc(CHUNK + delim.length);
  let carry = 0; // bytes kept at the buffer start from the previous chunk (a split delimiter)
  let offset = 0;
  let first = true;

  let line = 1;
  let lastCr = false;
  let index = 0;
  let recordLine = 1;
  let recordEmpty = true;
  let fieldCount = 0;
  let fieldStart = true;
  let inQuotes = false;
  let quotePending = false;
  let closed = false;
  let problem: string | undefined;
  let collect = wantFields(0);
  let fields: string[] = [];
  let field: number[] = [];
  let utf8Need = 0;
  let stopped = false;

  const endField = (): void => {
    if (collect) fields.push(Buffer.from(field).toString('utf8'));
    field = [];
    fieldCount++;
    fieldStart = true;
    closed = false;
  };
  const endRecord = (): void => {
    if (inQuotes) problem ??= 'a quoted field is not closed';
    if (utf8Need > 0) problem ??= 'the text is not valid UTF-8';
    endField();
    const record: CsvRecord = { index, line: recordLine, fieldCount, fields: collect ? fields : undefined, problem };
    if (visit(record) === false) stopped = true;
    index++;
    fieldCount = 0;
    fields = [];
    problem = undefined;
    recordEmpty = true;
    utf8Need = 0;
    collect = wantFields(index);
  };

  try {
    for (;;) {
      const read = readSync(fd, buffer, carry, CHUNK, offset);
      offset += read;
      const end = carry + read;
      const last = read === 0;
      let i = 0;
      if (first && end >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) i = 3;
      first = false;
      // Keep a possibly split delimiter for the next chunk, unless the file has ended.
      const limit = last ? end : Math.max(i, end - (delim.length - 1));
      for (; i < limit && !stopped; i++) {
        const b = buffer[i] ?? 0;
        if (b === LF && lastCr) {
          // The second byte of a CRLF: the line was counted at the CR.
          lastCr = false;
          if (inQuotes && !quotePending && collect) field.push(b);
          continue;
        }
        lastCr = b === CR;
        if (utf8Need > 0) {
          if ((b & 0xc0) === 0x80) utf8Need--;
          else {
            problem ??= 'the text is not valid UTF-8';
            utf8Need = 0;
          }
        } else if (b >= 0x80) {
          if (b >= 0xc2 && b <= 0xdf) utf8Need = 1;
          else if (b >= 0xe0 && b <= 0xef) utf8Need = 2;
          else if (b >= 0xf0 && b <= 0xf4) utf8Need = 3;
          else problem ??= 'the text is not valid UTF-8';
        }
        const newline = b === CR || b === LF;
        if (inQuotes) {
          if (quotePending) {
            quotePending = false;
            if (b === QUOTE) {
              if (collect) field.push(b);
              continue;
            }
            inQuotes = false;
            closed = true;
            // fall through: this byte follows the closing quote
          } else {
            if (b === QUOTE) quotePending = true;
            else if (collect) field.push(b);
            if (newline) line++;
            continue;
          }
        }
        if (newline) {
          line++;
          if (!recordEmpty) endRecord();
          recordLine = line;
          continue;
        }
        if (recordEmpty) {
          recordEmpty = false;
          recordLine = line;
        }
        if (matchesAt(buffer, i, end, delim)) {
          endField();
          i += delim.length - 1;
          continue;
        }
        if (closed) {
          problem ??= 'text follows a closing quote';
          continue;
        }
        if (fieldStart && b === QUOTE) {
          inQuotes = true;
          fieldStart = false;
          field = [];
          continue;
        }
        if (b !== SPACE) fieldStart = false;
        if (collect) field.push(b);
      }
      if (stopped) break;
      if (last) {
        if (quotePending) {
          inQuotes = false;
          closed = true;
        }
        if (!recordEmpty || inQuotes) endRecord();
        break;
      }
      carry = end - limit;
      buffer.copy(buffer, 0, limit, end);
    }
  } finally {
    closeSync(fd);
  }
  return index;
}

function matchesAt(buffer: Buffer, i: number, end: number, delim: Buffer): boolean {
  if (i + delim.length > end) return false;
  for (let k = 0; k < delim.length; k++) if (buffer[i + k] !== delim[k]) return false;
  return true;
}

/** The header fields of a CSV file (empty when the file has no records). */
export function readCsvHeader(file: string, delimiter: string): readonly string[] {
  let header: readonly string[] = [];
  scanCsv(file, { delimiter, wantFields: (index) => index === 0 }, (record) => {
    header = (record.fields ?? []).map((f) => f.trim());
    return false;
  });
  return header;
}

/**
 * The physical line of each wanted data record (1-based record numbers, as `"$row"` counts them).
 * Stops reading once the last wanted record is found.
 */
export function csvRecordLines(file: string, delimiter: string, records: Iterable<number>): Map<number, number> {
  const wanted = new Set(records);
  const lines = new Map<number, number>();
  if (wanted.size === 0) return lines;
  // Not a spread into Math.max: a quarantine of 150,000 rows would overflow the call stack.
  let lastWanted = 0;
  for (const r of wanted) if (r > lastWanted) lastWanted = r;
  scanCsv(file, { delimiter }, (record) => {
    if (wanted.has(record.index)) lines.set(record.index, record.line);
    return record.index < lastWanted;
  });
  return lines;
}
