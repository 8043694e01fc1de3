/**
 * The pure half of loading: file texts in, located documents out. No file system here, so tests
 * (and an editor integration) can hand it texts directly.
 */
import { diagnostic, type Diagnostic, type PhaseResult } from '../diagnostics/diagnostic.js';
import { fileSpan, makeSourceText, type SourceText } from '../diagnostics/span.js';
import type { CatalogDocument } from '../model/types.js';
import { checkDocumentSet, ROOT_FILE } from './document-set.js';
import { identifyDocument } from './document-identity.js';
import { parseYamlDocuments } from './yaml-documents.js';

/** The documents of a catalog and the text of every file they came from. */
export interface ParsedCatalogFiles {
  /** Every document with a readable kind and id, in file order (files sorted by path). */
  readonly documents: CatalogDocument[];
  /** Every file's text by catalog-relative path, for rendering diagnostics. */
  readonly files: Map<string, SourceText>;
}

/**
 * Parses catalog files (catalog-relative path → text) into documents. A leading byte-order mark is
 * dropped so columns match what editors show. Never throws.
 */
export function parseCatalogFiles(files: ReadonlyMap<string, string>): PhaseResult<ParsedCatalogFiles> {
  const diagnostics: Diagnostic[] = [];
  const documents: CatalogDocument[] = [];
  const sources = new Map<string, SourceText>();
  let rootHadErrors = false;
  for (const path of [...files.keys()].sort()) {
    const raw = files.get(path) ?? '';
    // A lone CR ends a line for YAML 1.2 and for our line numbers, but not for the yaml library;
    // CR → LF keeps every offset.
    const text = (raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw).replace(/\r(?!\n)/g, '\n');
    const source = makeSourceText(path, text);
    sources.set(path, source);
    const parsed = parseYamlDocuments(source);
    diagnostics.push(...parsed.diagnostics);
    if (path === ROOT_FILE) rootHadErrors = parsed.hadErrors;
    for (const tree of parsed.trees) {
      const identified = identifyDocument(tree, path);
      diagnostics.push(...identified.diagnostics);
      if (identified.document !== undefined) documents.push(identified.document);
    }
  }
  const hasRootFile = files.has(ROOT_FILE);
  if (!hasRootFile) {
    diagnostics.push(
      diagnostic('load/missing-catalog', fileSpan(ROOT_FILE), `the catalog has no root \`${ROOT_FILE}\``, {
        hint: `create \`${ROOT_FILE}\` starting with \`catalog: <id>\``,
      }),
    );
  }
  diagnostics.push(...checkDocumentSet(documents, { sources, hasRootFile, rootHadErrors }));
  return { value: { documents, files: sources }, diagnostics };
}
