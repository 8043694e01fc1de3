import type { Span } from './span.js';
import { DIAGNOSTIC_CODES, type DiagnosticCode } from './codes.js';

/** How bad a diagnostic is: errors fail validation; warnings fail it only with `--strict`. */
export type Severity = 'error' | 'warning';

/** A secondary position that explains a diagnostic ("defined here"). */
export interface RelatedInformation {
  readonly span: Span;
  readonly message: string;
}

/** One problem found in the catalog or the data, at an exact position. */
export interface Diagnostic {
  /** Stable code, `phase/kebab-name`; listed with examples in docs/diagnostics.md. */
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  /** One sentence: what is wrong and, where known, what would be right. */
  readonly message: string;
  readonly span: Span;
  /** A short suggestion, e.g. "did you mean `amount`?". */
  readonly hint?: string;
  readonly related?: readonly RelatedInformation[];
  /**
   * For problems found in a data file (not in the catalog): where in that file. `span` then points
   * at the catalog declaration involved (e.g. the column), and renderers show this location first.
   */
  readonly location?: DataLocation;
  /**
   * For problems with a request (what to evaluate) rather than with the catalog: the parts of the
   * request at fault, with the values given. `span` then points at the catalog element involved,
   * or at the root catalog file when there is none (an unknown KPI).
   */
  readonly request?: readonly RequestPart[];
}

/** The parts of a request to evaluate KPIs (and the files a run writes). */
export type RequestField = 'kpis' | 'grain' | 'by' | 'from' | 'to' | 'out' | 'quarantine';

/** One part of a request and the value given for it. */
export interface RequestPart {
  readonly field: RequestField;
  readonly value: string;
}

/** A position in a data file: the path as the user gave it (relative to the working directory
 * where possible) and a 1-based line and column (column = field number for CSV). */
export interface DataLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** What every phase returns: its value and every diagnostic it found on the way. */
export interface PhaseResult<T> {
  readonly value: T;
  readonly diagnostics: readonly Diagnostic[];
}

/** Options for {@link diagnostic}. */
export interface DiagnosticExtras {
  readonly hint?: string | undefined;
  readonly related?: readonly RelatedInformation[] | undefined;
  /** Overrides the code's default severity. */
  readonly severity?: Severity | undefined;
  readonly location?: DataLocation | undefined;
  readonly request?: readonly RequestPart[] | undefined;
}

/** Builds a diagnostic with the default severity of its code. */
export function diagnostic(code: DiagnosticCode, span: Span, message: string, extras: DiagnosticExtras = {}): Diagnostic {
  const d: { -readonly [K in keyof Diagnostic]: Diagnostic[K] } = {
    code,
    severity: extras.severity ?? DIAGNOSTIC_CODES[code].severity,
    message,
    span,
  };
  if (extras.hint !== undefined) d.hint = extras.hint;
  if (extras.related !== undefined && extras.related.length > 0) d.related = extras.related;
  if (extras.location !== undefined) d.location = extras.location;
  if (extras.request !== undefined) d.request = extras.request;
  return d;
}

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/**
 * The diagnostics without repeats: a diagnostic with the code, message, span and data location of
 * an earlier one is left out (phases that check a shared part once per user report it each time).
 * Order is kept.
 */
export function dedupeDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const where = d.location === undefined ? [] : [d.location.file, d.location.line, d.location.column];
    const key = JSON.stringify([d.code, d.message, d.span.file, d.span.start, d.span.end, ...where]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Orders diagnostics by file, then position, then code, so output is deterministic. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.span.file < b.span.file ? -1 : a.span.file > b.span.file ? 1 : 0) ||
      a.span.start - b.span.start ||
      a.span.end - b.span.end ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}
