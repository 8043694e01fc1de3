/**
 * The front of the pipeline: read → parse → validate → build. Every diagnostic of the four phases
 * is returned, in file and position order; the catalog is modelled as far as the errors allow.
 */
import { sortDiagnostics, type PhaseResult } from '../diagnostics/diagnostic.js';
import { buildCatalog } from '../model/build.js';
import type { Catalog } from '../model/types.js';
import { validateDocuments } from '../schema/validate.js';
import { parseCatalogFiles } from './parse-files.js';
import { readCatalogFolder } from './read-folder.js';

/** Loads the catalog held by `files` (catalog-relative path → text). No file system access. */
export function loadCatalogFromFiles(files: ReadonlyMap<string, string>): PhaseResult<Catalog> {
  const parsed = parseCatalogFiles(files);
  const validated = validateDocuments(parsed.value.documents);
  const built = buildCatalog(validated.value, parsed.value.files);
  return {
    value: built.value,
    diagnostics: sortDiagnostics([...parsed.diagnostics, ...validated.diagnostics, ...built.diagnostics]),
  };
}

/** Loads the catalog in folder `dir`. A missing folder or `catalog.yaml` gives an empty catalog. */
export function loadCatalog(dir: string): PhaseResult<Catalog> {
  const read = readCatalogFolder(dir);
  if (read.diagnostics.some((d) => d.code === 'load/missing-catalog')) {
    const empty: Catalog = {
      meta: undefined,
      sources: new Map(),
      kpis: new Map(),
      lookups: new Map(),
      clashes: new Set(),
      clashing: [],
      documents: [],
      files: new Map(),
    };
    return { value: empty, diagnostics: sortDiagnostics(read.diagnostics) };
  }
  const loaded = loadCatalogFromFiles(read.value);
  return { value: loaded.value, diagnostics: sortDiagnostics([...read.diagnostics, ...loaded.diagnostics]) };
}
