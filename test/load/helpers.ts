/** Shared helpers for the load, schema and model tests: catalogs from inline YAML, positions. */
import type { Diagnostic, PhaseResult } from '../../src/diagnostics/diagnostic.js';
import { lineColumnOf, makeSourceText, type SourceText, type Span } from '../../src/diagnostics/span.js';
import { loadCatalogFromFiles } from '../../src/load/load-catalog.js';
import type { Catalog } from '../../src/model/types.js';

/** A minimal root file. */
export const ROOT = 'catalog: acme\n';

/** Loads a catalog from inline files; `catalog.yaml` defaults to {@link ROOT}. */
export function loadFiles(files: Record<string, string>): PhaseResult<Catalog> {
  const all = new Map(Object.entries(files));
  if (!all.has('catalog.yaml')) all.set('catalog.yaml', ROOT);
  return loadCatalogFromFiles(all);
}

/** Where a diagnostic points, as a test asserts it. */
export interface Where {
  readonly code: string;
  readonly file?: string;
  readonly line: number;
  readonly column: number;
}

/** Line and column (1-based) of a span's start. */
export function lineCol(files: ReadonlyMap<string, SourceText>, span: Span): { line: number; column: number } {
  const source = files.get(span.file) ?? makeSourceText(span.file, '');
  return lineColumnOf(source, span.start);
}

/** The code, file, line and column of each diagnostic. */
export function positions(result: PhaseResult<Catalog>): Where[] {
  return result.diagnostics.map((d: Diagnostic) => ({ code: d.code, file: d.span.file, ...lineCol(result.value.files, d.span) }));
}
