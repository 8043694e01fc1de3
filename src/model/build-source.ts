/** Builds a {@link SourceDef} from a `source` document. */
import type { SourceText } from '../diagnostics/span.js';
import type { YEntry, YMap } from '../load/tree.js';
import type { CatalogDocument, ColumnDef, ColumnType, JoinDef, Located, NamedExpression, SourceAsOf, SourceDef } from './types.js';
import { booleanAt, choiceAt, entriesAt, formulaAt, formulaOf, itemsAt, numberAt, stringAt, textAt } from './read-node.js';
import { buildChangeLog, buildInterval } from './build-state.js';

/** Column types of LANGUAGE.md §3. */
export const COLUMN_TYPES: readonly ColumnType[] = ['string', 'integer', 'number', 'money', 'percent', 'boolean', 'date', 'timestamp'];

function buildColumn(entry: YEntry): ColumnDef | undefined {
  const m = entry.value;
  if (m.kind !== 'map') return undefined;
  const type = choiceAt(m, 'type', COLUMN_TYPES);
  if (type === undefined) return undefined; // no type, no column: the schema phase said why
  const values: Located<string>[] = [];
  for (const item of itemsAt(m, 'values')) {
    if (item.kind === 'scalar' && typeof item.value === 'string') values.push({ value: item.value, span: item.span });
  }
  return {
    name: entry.key,
    span: entry.keySpan,
    type,
    required: booleanAt(m, 'required') ?? false,
    optional: booleanAt(m, 'required') === false,
    unique: booleanAt(m, 'unique') ?? false,
    values: m.byKey.has('values') ? values : undefined,
    from: stringAt(m, 'from'),
    format: stringAt(m, 'format'),
    scale: numberAt(m, 'scale'),
    description: textAt(m, 'description'),
  };
}

function buildJoin(entry: YEntry): JoinDef | undefined {
  const m = entry.value;
  if (m.kind !== 'map') return undefined;
  const to = stringAt(m, 'to');
  const on = stringAt(m, 'on');
  if (to === undefined || on === undefined) return undefined;
  return { name: entry.key, span: entry.keySpan, to, on };
}

function buildExpressions(entries: readonly YEntry[], files: ReadonlyMap<string, SourceText>): Map<string, NamedExpression> {
  const out = new Map<string, NamedExpression>();
  for (const e of entries) {
    const formula = formulaOf(e.value, files);
    if (formula !== undefined) out.set(e.key, { name: e.key, span: e.keySpan, formula });
  }
  return out;
}

/** `as_of:` — a row formula, or `false` for a source of plans. */
function buildAsOf(m: YMap, files: ReadonlyMap<string, SourceText>): SourceAsOf | undefined {
  const node = m.byKey.get('as_of')?.value;
  if (node?.kind === 'scalar' && node.value === false) return { kind: 'none', span: node.span };
  const formula = formulaAt(m, 'as_of', files);
  return formula === undefined ? undefined : { kind: 'formula', formula };
}

/**
 * The source of `doc`. A source with neither `file:` nor `table:` is still modelled (its columns, definitions and
 * dimensions matter to formulas); its path is then empty, at the kind key, and the pipeline stops
 * on the schema error before any data is read.
 */
export function buildSource(doc: CatalogDocument, files: ReadonlyMap<string, SourceText>): SourceDef {
  const m = doc.tree;
  const columns = new Map<string, ColumnDef>();
  for (const e of entriesAt(m, 'columns')) {
    const c = buildColumn(e);
    if (c !== undefined) columns.set(c.name, c);
  }
  const joins = new Map<string, JoinDef>();
  for (const e of entriesAt(m, 'joins')) {
    const j = buildJoin(e);
    if (j !== undefined) joins.set(j.name, j);
  }
  return {
    ...doc,
    kind: 'source',
    title: textAt(m, 'title'),
    description: textAt(m, 'description'),
    path: stringAt(m, 'file') ?? { value: '', span: doc.kindSpan },
    table: stringAt(m, 'table'),
    format: choiceAt(m, 'format', ['csv', 'parquet', 'json'] as const),
    delimiter: stringAt(m, 'delimiter'),
    key: stringAt(m, 'key'),
    time: stringAt(m, 'time'),
    asOf: buildAsOf(m, files),
    columns,
    joins,
    definitions: buildExpressions(entriesAt(m, 'definitions'), files),
    dimensions: buildExpressions(entriesAt(m, 'dimensions'), files),
    interval: buildInterval(m),
    changes: buildChangeLog(m),
  };
}
