/**
 * What a KPI reads of a `check` document (docs/checks.md) to compute its pass rate: the checked
 * source, the rows it applies to (`where`), the condition that makes a row a finding (`fails`),
 * and whether its rule compares rows with other rows (`related:`, `duplicates:`). Read straight
 * from the document's tree, since the audit layer that models checks sits above the resolver.
 */
import type { Span } from '../diagnostics/span.js';
import { entriesAt, formulaAt, stringAt } from '../model/read-node.js';
import type { Catalog, CatalogDocument, FormulaText, Located } from '../model/types.js';

/** A check's rule, as far as a pass rate needs it. */
export interface CheckRuleDoc {
  readonly kind: 'check-rule';
  readonly id: string;
  readonly document: CatalogDocument;
  readonly over: Located<string> | undefined;
  readonly where: FormulaText | undefined;
  readonly fails: FormulaText | undefined;
  /** The key that makes the rule read other rows (`related`, `duplicates`), if any. */
  readonly otherRows: { readonly key: 'related' | 'duplicates'; readonly span: Span } | undefined;
}

const byCatalog = new WeakMap<Catalog, ReadonlyMap<string, CatalogDocument>>();

/** The catalog's check documents by id (the first of a repeated id, as `kpic audit` reads them). */
export function checkDocuments(catalog: Catalog): ReadonlyMap<string, CatalogDocument> {
  const cached = byCatalog.get(catalog);
  if (cached !== undefined) return cached;
  const out = new Map<string, CatalogDocument>();
  for (const doc of catalog.documents) if (doc.kind === 'check' && !out.has(doc.id)) out.set(doc.id, doc);
  byCatalog.set(catalog, out);
  return out;
}

/** The rule of the check `id`, or undefined when the catalog has no such check. */
export function readCheckRule(catalog: Catalog, id: string): CheckRuleDoc | undefined {
  const document = checkDocuments(catalog).get(id);
  if (document === undefined) return undefined;
  const m = document.tree;
  const related = m.byKey.get('related');
  const duplicates = m.byKey.get('duplicates');
  const otherRows =
    related !== undefined && entriesAt(m, 'related').length > 0
      ? { key: 'related' as const, span: related.keySpan }
      : duplicates !== undefined
        ? { key: 'duplicates' as const, span: duplicates.keySpan }
        : undefined;
  return {
    kind: 'check-rule',
    id,
    document,
    over: stringAt(m, 'over'),
    where: formulaAt(m, 'where', catalog.files),
    fails: formulaAt(m, 'fails', catalog.files),
    otherRows,
  };
}
