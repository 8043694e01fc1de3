/**
 * Typed reads from the located tree for the model builder. Each reader returns `undefined` for a
 * value of the wrong type: the schema phase has already reported it, so the builder only skips it
 * (and models the rest of the document).
 */
import type { SourceText } from '../diagnostics/span.js';
import type { YEntry, YMap, YNode, YScalar } from '../load/tree.js';
import type { FormulaText, Located } from './types.js';

/** The mapping at `key` of `map`, if the value there is a mapping. */
export function mapAt(map: YMap, key: string): YMap | undefined {
  const v = map.byKey.get(key)?.value;
  return v?.kind === 'map' ? v : undefined;
}

/** The entries of the mapping at `key`, or none. */
export function entriesAt(map: YMap, key: string): readonly YEntry[] {
  return mapAt(map, key)?.entries ?? [];
}

/** The items of the list at `key`, or none. */
export function itemsAt(map: YMap, key: string): readonly YNode[] {
  const v = map.byKey.get(key)?.value;
  return v?.kind === 'seq' ? v.items : [];
}

function scalarAt(map: YMap, key: string): YScalar | undefined {
  const v = map.byKey.get(key)?.value;
  return v?.kind === 'scalar' ? v : undefined;
}

/** A string value with its span. */
export function stringAt(map: YMap, key: string): Located<string> | undefined {
  const s = scalarAt(map, key);
  return s !== undefined && typeof s.value === 'string' ? { value: s.value, span: s.span } : undefined;
}

/** A string value without its span (titles, descriptions). */
export function textAt(map: YMap, key: string): string | undefined {
  return stringAt(map, key)?.value;
}

/** A boolean value. */
export function booleanAt(map: YMap, key: string): boolean | undefined {
  const s = scalarAt(map, key);
  return typeof s?.value === 'boolean' ? s.value : undefined;
}

/** A finite number with its span. */
export function numberAt(map: YMap, key: string): Located<number> | undefined {
  const s = scalarAt(map, key);
  return s !== undefined && typeof s.value === 'number' && Number.isFinite(s.value) ? { value: s.value, span: s.span } : undefined;
}

/** A string value that is one of `allowed`, with its span. */
export function choiceAt<T extends string>(map: YMap, key: string, allowed: readonly T[]): Located<T> | undefined {
  const s = stringAt(map, key);
  return s !== undefined && (allowed as readonly string[]).includes(s.value) ? (s as Located<T>) : undefined;
}

const PLAIN_DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * A formula written in a scalar. A number (`target: 0.25`) becomes a formula of its text as
 * written, so `1.50` stays `1.50`; other YAML number spellings (`0x1F`, `1e3`) use the value.
 */
export function formulaOf(node: YNode | undefined, files: ReadonlyMap<string, SourceText>): FormulaText | undefined {
  if (node?.kind !== 'scalar') return undefined;
  if (typeof node.value === 'string') return { text: node.value, node };
  if (typeof node.value === 'number' && Number.isFinite(node.value)) {
    const written = files.get(node.span.file)?.text.slice(node.span.start, node.span.end) ?? '';
    return { text: PLAIN_DECIMAL.test(written) ? written : String(node.value), node };
  }
  return undefined;
}

/** The formula at `key` of `map`. */
export function formulaAt(map: YMap, key: string, files: ReadonlyMap<string, SourceText>): FormulaText | undefined {
  return formulaOf(map.byKey.get(key)?.value, files);
}
