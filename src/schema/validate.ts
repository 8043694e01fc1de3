/**
 * The schema phase: checks the shape of every document against grammar/catalog.schema.json and
 * reports problems at the YAML node at fault. Documents are passed on unchanged (the builder
 * models what it can of a document with errors, so later phases still run).
 */
import type { Diagnostic, PhaseResult } from '../diagnostics/diagnostic.js';
import { toPlain } from '../load/tree.js';
import type { CatalogDocument } from '../model/types.js';
import { diagnosticsFromAjv } from './ajv-errors.js';
import { validatorFor } from './catalog-schema.js';

/** Validates each document against the definition of its kind. Never throws for user mistakes. */
export function validateDocuments(documents: readonly CatalogDocument[]): PhaseResult<readonly CatalogDocument[]> {
  const diagnostics: Diagnostic[] = [];
  for (const doc of documents) {
    const validate = validatorFor(doc.kind);
    if (validate(toPlain(doc.tree))) continue;
    diagnostics.push(...diagnosticsFromAjv(doc, validate.errors ?? []));
  }
  return { value: documents, diagnostics };
}
