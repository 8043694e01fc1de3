/**
 * Plain-words names for places in a document and for what a value there should be, so schema
 * messages read "unknown key `requird` in column `amount` of source `opportunities`" and never
 * show a JSON pointer.
 */
import type { CatalogDocument } from '../model/types.js';

/** A step into a document: a key of a mapping or an index of a list. */
export type PathStep = string | number;

/** Keys whose entries are user-named items (`columns: { amount: … }`), with the item's noun. */
const NAMED_ITEMS: ReadonlyMap<string, string> = new Map([
  ['columns', 'column'],
  ['joins', 'join'],
  ['definitions', 'definition'],
  ['dimensions', 'dimension'],
  ['rows', 'row'],
]);

/** Keys whose values are lists, with the noun of one item. */
const LIST_ITEMS: ReadonlyMap<string, string> = new Map([
  ['overrides', 'override'],
  ['tags', 'tag'],
  ['values', 'value'],
]);

type Part = { readonly keys: string[] } | { readonly item: string };

/** "column `amount` of source `opportunities`", "`calendar` of catalog `acme`", "kpi `win_rate`". */
export function describeLocation(doc: CatalogDocument, path: readonly PathStep[]): string {
  const parts: Part[] = [];
  for (const step of path) {
    const last = parts[parts.length - 1];
    const lastKey = last !== undefined && 'keys' in last ? last.keys[last.keys.length - 1] : undefined;
    const noun =
      lastKey === undefined
        ? undefined
        : typeof step === 'number'
          ? (LIST_ITEMS.get(lastKey) ?? `item of \`${lastKey}\``)
          : NAMED_ITEMS.get(lastKey);
    if (last !== undefined && 'keys' in last && noun !== undefined) {
      last.keys.pop();
      if (last.keys.length === 0) parts.pop();
      parts.push({ item: typeof step === 'number' ? `${noun} ${step + 1}` : `${noun} \`${step}\`` });
    } else if (last !== undefined && 'keys' in last) {
      last.keys.push(String(step));
    } else {
      parts.push({ keys: [String(step)] });
    }
  }
  const phrases = parts.reverse().map((p) => ('item' in p ? p.item : `\`${p.keys.join('.')}\``));
  phrases.push(`${doc.kind} \`${doc.id}\``);
  return phrases.join(' of ');
}

/** The path with user-chosen names and indexes replaced by `*`: `source/columns/*` for lookups. */
function shapeOf(kind: string, path: readonly PathStep[]): string {
  const out: string[] = [kind];
  path.forEach((step, i) => {
    const prev = path[i - 1];
    const named = typeof prev === 'string' && (NAMED_ITEMS.has(prev) || prev === 'approvals');
    out.push(typeof step === 'number' || named ? '*' : step);
  });
  return out.join('/');
}

/** What a value must be, where the schema's type alone would say too little. */
const EXPECTED: ReadonlyMap<string, string> = new Map([
  ['source/columns', 'a mapping of column names to column definitions'],
  ['source/columns/*', 'a column definition: a mapping with at least `type:`'],
  ['source/columns/*/values', 'a list of the allowed values'],
  ['source/joins', 'a mapping of join names to joins (`{ to: <source>, on: <column> }`)'],
  ['source/joins/*', 'a join: a mapping with `to:` and `on:`'],
  ['source/definitions', 'a mapping of definition names to formulas'],
  ['source/definitions/*', 'a formula (text)'],
  ['source/dimensions', 'a mapping of dimension names to formulas'],
  ['source/dimensions/*', 'a formula (text)'],
  ['kpi/formula', 'a formula (text)'],
  ['kpi/target', 'a number or a formula'],
  ['kpi/thresholds', 'a mapping with `green:` and `amber:`'],
  ['kpi/overrides', 'a list of overrides, each starting with `- where:`'],
  ['kpi/overrides/*', 'an override: a mapping with `where:` and a `target:` or `thresholds:`'],
  ['kpi/overrides/*/where', "a condition (text), e.g. `region = 'EMEA'`"],
  ['kpi/overrides/*/target', 'a number or a formula'],
  ['kpi/overrides/*/thresholds', 'a mapping with `green:` and `amber:`'],
  ['kpi/tags', 'a list of tags'],
  ['lookup/rows', 'a mapping of keys to numbers'],
  ['lookup/window', 'a duration such as `4 quarters`'],
  ['catalog/version', 'a version written as text, e.g. `1.4.0`'],
  ['catalog/calendar', 'a mapping with `fiscal_year_start:` and `week_start:`'],
  ['catalog/governance', 'a mapping with `approvals:`'],
  ['catalog/governance/approvals', 'a mapping of document kinds to lists of committee seats'],
  ['catalog/governance/approvals/*', 'a list of committee seats, e.g. `[finance, hr]`'],
]);

const TYPE_NAMES: ReadonlyMap<string, string> = new Map([
  ['object', 'a mapping'],
  ['array', 'a list'],
  ['string', 'text'],
  ['number', 'a number'],
  ['integer', 'a whole number'],
  ['boolean', '`true` or `false`'],
  ['null', 'nothing'],
]);

/** "a mapping of column names to column definitions", or the schema type in words. */
export function describeExpected(kind: string, path: readonly PathStep[], type: unknown): string {
  const known = EXPECTED.get(shapeOf(kind, path));
  if (known !== undefined) return known;
  const types = Array.isArray(type) ? type : typeof type === 'string' ? type.split(',') : [];
  const words = types.map((t) => TYPE_NAMES.get(String(t)) ?? String(t));
  return words.length === 0 ? 'a different kind of value' : words.join(' or ');
}
