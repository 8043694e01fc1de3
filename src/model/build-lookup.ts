/** Builds a {@link LookupDef} from a `lookup` document. */
import type { SourceText } from '../diagnostics/span.js';
import type { CatalogDocument, Located, LookupDef } from './types.js';
import { UNITS } from './build-kpi.js';
import { choiceAt, formulaAt, mapAt, numberAt, stringAt, textAt } from './read-node.js';

/**
 * The lookup of `doc`. A lookup without `key:` is still modelled, with an empty key at the kind
 * key, so formulas indexing it do not also report an unknown name.
 */
export function buildLookup(doc: CatalogDocument, files: ReadonlyMap<string, SourceText>): LookupDef {
  const m = doc.tree;
  const rowsMap = mapAt(m, 'rows');
  let rows: Map<string, Located<number>> | undefined;
  if (rowsMap !== undefined) {
    rows = new Map();
    for (const e of rowsMap.entries) {
      if (e.value.kind === 'scalar' && typeof e.value.value === 'number' && Number.isFinite(e.value.value)) {
        rows.set(e.key, { value: e.value.value, span: e.value.span });
      }
    }
  }
  return {
    ...doc,
    kind: 'lookup',
    title: textAt(m, 'title'),
    description: textAt(m, 'description'),
    key: stringAt(m, 'key') ?? { value: '', span: doc.kindSpan },
    value: stringAt(m, 'value'),
    window: formulaAt(m, 'window', files),
    rows,
    default: numberAt(m, 'default'),
    unit: choiceAt(m, 'unit', UNITS),
  };
}
