/**
 * GitHub Actions workflow commands: one `::error …::message` (or `::warning`) line per
 * diagnostic, which GitHub shows as an annotation on the file and lines. The file path is
 * relative to the working directory, so running `kpic validate` from the repository root makes
 * the annotations land on the repository's files.
 *
 * Escaping follows GitHub's rules for workflow commands: in the message `%`, CR and LF are
 * percent-encoded; in property values `:` and `,` are too.
 */
import type { Diagnostic } from '../diagnostic.js';
import { cwdRelative, type RenderContext } from './context.js';
import { diagnosticPosition } from './positions.js';

/** Escapes the message part of a workflow command. */
export function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** Escapes a property value of a workflow command. */
export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/** One diagnostic as a workflow command line (no newline); the hint follows the message on a second line. */
export function renderGithubDiagnostic(d: Diagnostic, context: RenderContext): string {
  const p = diagnosticPosition(d, context.files);
  const file = p.inData ? p.file : cwdRelative(context, p.file);
  const properties = [
    ['file', file],
    ['line', String(p.line)],
    ['col', String(p.column)],
    ['endLine', String(p.endLine)],
    ['endColumn', String(p.endColumn)],
    ['title', `kpic ${d.code}`],
  ]
    .map(([k, v]) => `${k}=${escapeProperty(v ?? '')}`)
    .join(',');
  const message = d.hint === undefined ? d.message : `${d.message}\nhint: ${d.hint}`;
  return `::${d.severity} ${properties}::${escapeData(message)}`;
}

/** Every diagnostic as a workflow command, one per line. */
export function renderGithub(diagnostics: readonly Diagnostic[], context: RenderContext): string {
  return diagnostics.map((d) => `${renderGithubDiagnostic(d, context)}\n`).join('');
}
