/**
 * The JSON format of `kpic validate --format json`:
 * `{"ok": bool, "diagnostics": [{severity, code, message, hint?, file, line, column, endLine, endColumn}]}`.
 * `file` is relative to the catalog folder (a data-file problem gives the data file as reported);
 * lines and columns are 1-based and `endColumn` is exclusive.
 */
import type { Diagnostic } from '../diagnostic.js';
import type { SourceText } from '../span.js';
import { diagnosticPosition } from './positions.js';

/** One diagnostic of the JSON format, keys in output order. */
export interface JsonDiagnostic {
  readonly severity: 'error' | 'warning';
  readonly code: string;
  readonly message: string;
  readonly hint?: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** A diagnostic as a JSON object. */
export function toJsonDiagnostic(d: Diagnostic, files: ReadonlyMap<string, SourceText>): JsonDiagnostic {
  const p = diagnosticPosition(d, files);
  return {
    severity: d.severity,
    code: d.code,
    message: d.message,
    ...(d.hint === undefined ? {} : { hint: d.hint }),
    file: p.file,
    line: p.line,
    column: p.column,
    endLine: p.endLine,
    endColumn: p.endColumn,
  };
}

/** The whole JSON document, pretty-printed, with a trailing newline. */
export function renderJson(diagnostics: readonly Diagnostic[], files: ReadonlyMap<string, SourceText>, ok: boolean): string {
  return `${JSON.stringify({ ok, diagnostics: diagnostics.map((d) => toJsonDiagnostic(d, files)) }, null, 2)}\n`;
}
