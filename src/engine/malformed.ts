/**
 * Turning DuckDB's read errors into `data/malformed-file` diagnostics at the right file and line.
 * DuckDB's own line numbers count records, not physical lines (and are off for JSON), so the
 * location comes from kpic's scanners; DuckDB's message is kept, trimmed to its first sentence.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceDef } from '../model/types.js';
import { scanCsv } from './csv-scan.js';
import { displayPath } from './data-location.js';
import { locateJsonError } from './json-scan.js';
import { csvDelimiter } from './source-sql.js';
import type { SourceFiles } from './source-files.js';

/** At most this many malformed records are reported per source. */
const MAX_MALFORMED = 20;

/** The first meaningful line of a DuckDB error message, without its error-class prefix. */
export function duckdbReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const first = message.split('\n').find((l) => l.trim() !== '') ?? message;
  return first.replace(/^[A-Za-z ]*Error: /, '').trim();
}

/** A diagnostic for a file DuckDB could not read, located when kpic can find the spot. */
export function malformedFromError(source: SourceDef, files: SourceFiles, path: string | undefined, error: unknown): Diagnostic {
  const reason = duckdbReason(error);
  const file = path ?? fileInMessage(reason, files);
  if (file !== undefined && files.format === 'json') {
    const at = locateJsonError(file);
    if (at !== undefined) {
      return diagnostic('data/malformed-file', source.path.span, `\`${displayPath(file)}\` is not valid JSON: ${at.reason}`, {
        location: { file: displayPath(file), line: at.line, column: at.column },
      });
    }
  }
  const what = file === undefined ? `a file of source \`${source.id}\`` : `\`${displayPath(file)}\``;
  const location = file === undefined ? undefined : { file: displayPath(file), line: 1, column: 1 };
  return diagnostic('data/malformed-file', source.path.span, `${what} cannot be read: ${reason}`, { location });
}

function fileInMessage(reason: string, files: SourceFiles): string | undefined {
  return files.paths.find((p) => reason.includes(p));
}

/**
 * The malformed records of a source's CSV files — wrong field count, unclosed or misused quotes,
 * invalid UTF-8 — in file order, at most {@link MAX_MALFORMED}. Empty if none is found (the
 * caller then reports DuckDB's message as it is).
 */
export function locateCsvProblems(source: SourceDef, files: SourceFiles): Diagnostic[] {
  const out: Diagnostic[] = [];
  const delimiter = csvDelimiter(source, files);
  for (const path of files.paths) {
    let expected = 0;
    scanCsv(path, { delimiter }, (record) => {
      if (record.index === 0) {
        expected = record.fieldCount;
        return true;
      }
      let reason = record.problem;
      let column = 1;
      if (reason === undefined && record.fieldCount !== expected) {
        reason = `this row has ${record.fieldCount} field${record.fieldCount === 1 ? '' : 's'} but the header has ${expected}`;
        column = Math.min(record.fieldCount, expected) + (record.fieldCount > expected ? 1 : 0);
      }
      if (reason === undefined) return true;
      out.push(
        diagnostic('data/malformed-file', source.path.span, `malformed row in \`${displayPath(path)}\`: ${reason}`, {
          location: { file: displayPath(path), line: record.line, column: Math.max(column, 1) },
          hint:
            record.problem === undefined
              ? undefined
              : 'a field holding the delimiter, a quote or a line break must be quoted, with inner quotes doubled ("")',
        }),
      );
      return out.length < MAX_MALFORMED;
    });
    if (out.length >= MAX_MALFORMED) break;
  }
  return out;
}
