/**
 * Reading and writing the small CSV files of test fixtures (RFC 4180: `,` separated, fields in
 * double quotes may hold commas, quotes doubled and line breaks). Parsing keeps each record's line
 * and each field's column number, so a problem is reported at its place in the file.
 */

/** One record: its 1-based line and its fields (an empty field is null). */
interface CsvRecord {
  readonly line: number;
  readonly fields: readonly (string | null)[];
}

/** A parsed file: the header and the records, or the first problem. */
export type CsvParse =
  | { readonly ok: true; readonly header: readonly string[]; readonly records: readonly CsvRecord[] }
  | { readonly ok: false; readonly line: number; readonly column: number; readonly message: string };

/** Parses CSV text. A record with another number of fields than the header is a problem. */
export function parseCsv(text: string): CsvParse {
  const records: { line: number; fields: (string | null)[] }[] = [];
  let fields: (string | null)[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  let line = 1;
  let recordLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endField = (): void => {
    fields.push(field === '' && !wasQuoted ? null : field);
    field = '';
    wasQuoted = false;
  };
  const endRecord = (): void => {
    endField();
    if (!(fields.length === 1 && fields[0] === null)) records.push({ line: recordLine, fields });
    fields = [];
  };
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      wasQuoted = true;
    } else if (c === ',') endField();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else field += c;
  }
  if (quoted) return { ok: false, line: recordLine, column: fields.length + 1, message: 'a quoted field is not closed' };
  if (field !== '' || wasQuoted || fields.length > 0) endRecord();
  const [head, ...rest] = records;
  if (head === undefined) return { ok: false, line: 1, column: 1, message: 'the file is empty; its first line must name the columns' };
  const header = head.fields.map((f) => (f ?? '').trim());
  for (const r of rest) {
    if (r.fields.length !== header.length) {
      return {
        ok: false,
        line: r.line,
        column: Math.min(r.fields.length, header.length) + 1,
        message: `this row has ${r.fields.length} field${r.fields.length === 1 ? '' : 's'} but the header names ${header.length} columns`,
      };
    }
  }
  return { ok: true, header, records: rest };
}

function quoteField(text: string | null): string {
  if (text === null) return '';
  return /[",\r\n]/.test(text) || text === '' ? `"${text.replaceAll('"', '""')}"` : text;
}

/** CSV text of a header and rows (null → an empty field; an empty string is written `""`). */
export function writeCsv(header: readonly string[], rows: readonly (readonly (string | null)[])[]): string {
  return [header, ...rows].map((r) => r.map(quoteField).join(',')).join('\n') + '\n';
}
