/** The last line of pretty output: how many problems, or that the catalog is valid. */
import type { Diagnostic } from '../diagnostic.js';

/** `1 error`, `2 warnings`: a count with its noun, plural when not one. */
function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** `2 errors, 1 warning` (a zero count is left out; `no problems` when both are zero). */
export function countSummary(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const parts = [errors > 0 ? plural(errors, 'error') : '', warnings > 0 ? plural(warnings, 'warning') : ''].filter((p) => p !== '');
  return parts.length === 0 ? 'no problems' : parts.join(', ');
}

/** What a valid catalog holds, for the summary line. */
export interface CatalogCounts {
  readonly kpis: number;
  readonly sources: number;
  readonly lookups: number;
}

/**
 * The summary of a validation: `catalog is valid: 12 KPIs, 4 sources` (with the warning count in
 * parentheses when there are some), or the problem counts when validation fails. Under `--strict`
 * warnings are errors (and printed as such), so they are counted as errors.
 */
export function validationSummary(diagnostics: readonly Diagnostic[], counts: CatalogCounts, strict: boolean): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (strict && warnings > 0)
    return `${plural(errors + warnings, 'error')} (--strict: ${plural(warnings, 'warning')} counted as ${warnings === 1 ? 'an error' : 'errors'})`;
  if (errors > 0) return countSummary(diagnostics);
  const held = [plural(counts.kpis, 'KPI'), plural(counts.sources, 'source')];
  if (counts.lookups > 0) held.push(plural(counts.lookups, 'lookup'));
  const tail = warnings > 0 ? ` (${plural(warnings, 'warning')})` : '';
  return `catalog is valid: ${held.join(', ')}${tail}`;
}
