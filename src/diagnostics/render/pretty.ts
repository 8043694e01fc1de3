/**
 * The human format: `file:line:col: error[code] message`, the source line with carets under the
 * exact span, the hint, and related places as notes. Paths are relative to the working directory
 * so terminals and editors can open them; data-file problems lead with the data file's position
 * and then show the catalog declaration involved.
 */
import type { Diagnostic } from '../diagnostic.js';
import { cwdRelative, type RenderContext } from './context.js';
import { diagnosticPosition, spanRegion } from './positions.js';
import { renderSnippet } from './snippet.js';
import type { Style } from './style.js';

function where(file: string, line: number, column: number): string {
  return `${file}:${line}:${column}`;
}

/** One diagnostic as pretty text (several lines, no trailing newline). */
export function renderPrettyDiagnostic(d: Diagnostic, context: RenderContext, style: Style): string {
  const position = diagnosticPosition(d, context.files);
  const file = position.inData ? position.file : cwdRelative(context, position.file);
  const colour = d.severity === 'error' ? style.red : style.yellow;
  const label = colour(style.bold(`${d.severity}[${d.code}]`));
  const lines = [`${style.bold(`${where(file, position.line, position.column)}:`)} ${label} ${style.bold(d.message)}`];
  const region = spanRegion(d.span, context.files);
  const source = context.files.get(d.span.file);
  if (position.inData)
    lines.push(`  ${style.blue('-->')} ${where(cwdRelative(context, d.span.file), region.line, region.column)} (declared here)`);
  if (source !== undefined) lines.push(...renderSnippet(source, region, style, colour).map((l) => `  ${l}`));
  if (d.hint !== undefined) lines.push(`  ${style.blue('=')} ${style.cyan('hint:')} ${d.hint}`);
  for (const r of d.related ?? []) {
    const at = spanRegion(r.span, context.files);
    lines.push(`  ${style.blue('=')} ${style.bold('note:')} ${where(cwdRelative(context, r.span.file), at.line, at.column)}: ${r.message}`);
  }
  return lines.join('\n');
}

/** Every diagnostic, in the given order, separated by blank lines; ends with a newline if any. */
export function renderPretty(diagnostics: readonly Diagnostic[], context: RenderContext, style: Style): string {
  return diagnostics.map((d) => `${renderPrettyDiagnostic(d, context, style)}\n`).join('\n');
}
