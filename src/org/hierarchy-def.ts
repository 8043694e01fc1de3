/**
 * The written model of `hierarchy` documents, read from their YAML trees with a span on
 * everything a diagnostic may point at. Like the catalog model builder it reports nothing: the
 * schema phase checked the shapes, and check-hierarchy.ts reports what the schema cannot see.
 * Where ids repeat (a load error), the first wins.
 */
import type { Span } from '../diagnostics/span.js';
import { choiceAt, formulaAt, itemsAt, stringAt, textAt } from '../model/read-node.js';
import type { Catalog, CatalogDocument, FormulaText, Located, YNode } from '../model/types.js';
import type { AsOf } from './hierarchy.js';

/** One level of a hierarchy as written. */
export interface LevelDef {
  readonly name: string;
  /** Span of the level's name. */
  readonly span: Span;
  readonly title?: string | undefined;
  readonly value?: FormulaText | undefined;
  readonly label?: FormulaText | undefined;
  readonly dimension?: Located<string> | undefined;
}

/** A `hierarchy` document as written. */
export interface HierarchyDef {
  readonly kind: 'hierarchy';
  readonly doc: CatalogDocument;
  readonly id: string;
  readonly title?: string | undefined;
  readonly source?: Located<string> | undefined;
  readonly member?: FormulaText | undefined;
  readonly dimension?: Located<string> | undefined;
  readonly validFrom?: Located<string> | undefined;
  readonly validTo?: Located<string> | undefined;
  readonly asOf: AsOf;
  readonly manager?: FormulaText | undefined;
  readonly levels: readonly LevelDef[];
}

type Files = Catalog['files'];

function buildLevel(item: YNode, files: Files): LevelDef | undefined {
  if (item.kind !== 'map') return undefined;
  const name = stringAt(item, 'level');
  if (name === undefined) return undefined;
  return {
    name: name.value,
    span: name.span,
    title: textAt(item, 'title'),
    value: formulaAt(item, 'value', files),
    label: formulaAt(item, 'label', files),
    dimension: stringAt(item, 'dimension'),
  };
}

function buildHierarchy(doc: CatalogDocument, files: Files): HierarchyDef {
  const m = doc.tree;
  const levels: LevelDef[] = [];
  for (const item of itemsAt(m, 'levels')) {
    const level = buildLevel(item, files);
    if (level !== undefined) levels.push(level);
  }
  return {
    kind: 'hierarchy',
    doc,
    id: doc.id,
    title: textAt(m, 'title'),
    source: stringAt(m, 'source'),
    member: formulaAt(m, 'member', files),
    dimension: stringAt(m, 'dimension'),
    validFrom: stringAt(m, 'valid_from'),
    validTo: stringAt(m, 'valid_to'),
    asOf: choiceAt(m, 'as_of', ['period_end', 'period_start'] as const)?.value ?? 'period_end',
    manager: formulaAt(m, 'manager', files),
    levels,
  };
}

/** The `hierarchy` documents of `catalog`, modelled, by id. */
export function buildHierarchies(catalog: Catalog): ReadonlyMap<string, HierarchyDef> {
  const out = new Map<string, HierarchyDef>();
  for (const doc of catalog.documents) {
    if (doc.kind === 'hierarchy' && !out.has(doc.id)) out.set(doc.id, buildHierarchy(doc, catalog.files));
  }
  return out;
}
