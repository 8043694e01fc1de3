/**
 * Turns ajv's errors into kpic diagnostics: each error's `instancePath` is followed through the
 * located tree to the YAML node at fault, and the message is rebuilt in plain words from the error's
 * parameters and the schema (never ajv's wording, never a JSON pointer).
 */
import type { ErrorObject } from 'ajv';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/span.js';
import { closestName } from '../diagnostics/suggest.js';
import { describeNode, shorten } from '../load/describe-node.js';
import { fixId } from '../load/document-identity.js';
import type { YNode } from '../load/tree.js';
import type { CatalogDocument } from '../model/types.js';
import { propertyDescription, type SchemaNode } from './catalog-schema.js';
import { describeExpected, describeLocation, type PathStep } from './describe-path.js';

/** A place in the document: the steps to it and the node there (if any). */
interface Place {
  readonly path: readonly PathStep[];
  readonly node: YNode | undefined;
}

/** The documents whose schema has one of two keys (`oneOf`), and how to name the pair. */
const ONE_OF_KEYS: ReadonlyMap<string, { first: string; second: string; key: string; both: string }> = new Map([
  [
    'lookup',
    {
      first: '`rows` (fixed values)',
      second: '`value` (a KPI evaluated per key)',
      key: 'value',
      both: '`rows` and `value`; a lookup has fixed rows or a KPI, not both',
    },
  ],
  [
    'check',
    {
      first: '`fails` (a row condition)',
      second: '`duplicates` (a name to compare)',
      key: 'duplicates',
      both: '`fails` and `duplicates`; a check flags rows by a condition or by duplicates, not both',
    },
  ],
  [
    'source',
    {
      first: '`file` (data files)',
      second: '`table` (a table or view of a database)',
      key: 'table',
      both: '`file` and `table`; a source reads files or a database table, not both',
    },
  ],
]);

function unescapePointer(s: string): string {
  return s.replace(/~1/g, '/').replace(/~0/g, '~');
}

function placeOf(doc: CatalogDocument, pointer: string): Place {
  const steps = pointer === '' ? [] : pointer.slice(1).split('/').map(unescapePointer);
  const path: PathStep[] = [];
  let node: YNode | undefined = doc.tree;
  for (const step of steps) {
    if (node?.kind === 'seq') {
      path.push(Number(step));
      node = node.items[Number(step)];
    } else {
      path.push(step);
      node = node?.kind === 'map' ? node.byKey.get(step)?.value : undefined;
    }
  }
  return { path, node };
}

function nodeAtPath(doc: CatalogDocument, path: readonly PathStep[]): YNode | undefined {
  let node: YNode | undefined = doc.tree;
  for (const step of path) {
    if (node?.kind === 'seq' && typeof step === 'number') node = node.items[step];
    else if (node?.kind === 'map' && typeof step === 'string') node = node.byKey.get(step)?.value;
    else return undefined;
  }
  return node;
}

/** Where a whole value is owned: the key in front of it, else the value itself. */
function owningSpan(doc: CatalogDocument, path: readonly PathStep[]): Span {
  if (path.length === 0) return doc.kindSpan;
  const parent = nodeAtPath(doc, path.slice(0, -1));
  const last = path[path.length - 1];
  if (parent?.kind === 'map' && typeof last === 'string') {
    const entry = parent.byKey.get(last);
    if (entry !== undefined) return entry.keySpan;
  }
  return nodeAtPath(doc, path)?.span ?? doc.kindSpan;
}

/** The value's own span; an empty value (`formula:` with nothing after it) points at its key. */
function valueSpan(doc: CatalogDocument, place: Place): Span {
  const n = place.node;
  if (n === undefined || (n.kind === 'scalar' && n.value === null && n.span.start === n.span.end)) return owningSpan(doc, place.path);
  return n.span;
}

function keySpanOf(doc: CatalogDocument, place: Place, key: string): Span {
  const n = place.node;
  return n?.kind === 'map' ? (n.byKey.get(key)?.keySpan ?? valueSpan(doc, place)) : valueSpan(doc, place);
}

function backticked(values: readonly unknown[]): string {
  return values.map((v) => `\`${String(v)}\``).join(', ');
}

function valueText(node: YNode | undefined): string {
  if (node?.kind === 'scalar' && typeof node.value === 'string') return `\`${shorten(node.value)}\``;
  return node === undefined ? 'nothing' : describeNode(node);
}

/** "`unit` of kpi `win_rate`", or for a named item "column `amount` of source `x`". */
function subject(doc: CatalogDocument, path: readonly PathStep[]): string {
  return describeLocation(doc, path);
}

const ITEM_NOUNS: ReadonlyMap<string, string> = new Map([
  ['columns', 'column'],
  ['joins', 'join'],
  ['definitions', 'definition'],
  ['dimensions', 'dimension'],
]);

const PATTERN_WORDS: ReadonlyMap<string, string> = new Map([
  ['^[a-z][a-z0-9_]*$', 'an id: lower-case letters, digits and `_`, starting with a letter'],
  ['^[A-Za-z_][A-Za-z0-9_]*$', 'a name of letters, digits and `_` that does not start with a digit'],
  ['^[A-Z]{3}$', 'a three-letter currency code such as `USD` or `EUR`'],
  ['^[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*){0,2}$', 'a table name such as `opportunities` or `crm.opportunities`'],
  [
    '^[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-9]))$',
    'a calendar date written YYYY-MM-DD such as `2026-09-30`',
  ],
]);

function patternWords(pattern: string): string {
  if (pattern.startsWith('^(0|[1-9]')) return 'a version MAJOR.MINOR.PATCH such as `1.4.0`';
  return PATTERN_WORDS.get(pattern) ?? 'of the required form';
}

/** The diagnostic for one ajv error, or undefined for errors that only echo another one. */
function mapError(doc: CatalogDocument, e: ErrorObject): Diagnostic | undefined {
  const place = placeOf(doc, e.instancePath);
  const { path } = place;
  const parentSchema = e.parentSchema as SchemaNode | undefined;
  const params = e.params as Record<string, unknown>;
  const where = subject(doc, path);
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(params['additionalProperty']);
      const allowed = Object.keys(parentSchema?.properties ?? {}).filter((k) => k !== doc.kind || path.length > 0);
      const nearest = closestName(key, allowed);
      const message = `unknown key \`${shorten(key)}\` in ${where}` + (nearest === undefined ? '' : `; did you mean \`${nearest}\`?`);
      const hint = nearest === undefined && allowed.length > 0 ? `allowed keys: ${backticked(allowed)}` : undefined;
      return diagnostic('schema/unknown-key', keySpanOf(doc, place, key), message, { hint });
    }
    case 'required': {
      const key = String(params['missingProperty']);
      const description = propertyDescription(parentSchema, key);
      return diagnostic('schema/missing-key', owningSpan(doc, path), `missing key \`${key}\` in ${where}`, {
        hint: description === undefined ? `add \`${key}:\`` : `add \`${key}:\` — ${description}`,
      });
    }
    case 'dependencies': {
      const key = String(params['property']);
      const needed = String(params['missingProperty']);
      return diagnostic('schema/missing-key', keySpanOf(doc, place, key), `\`${key}\` in ${where} needs \`${needed}\` as well`, {
        hint: `add \`${needed}:\` or remove \`${key}:\``,
      });
    }
    case 'oneOf': {
      // The schema's oneOfs: a lookup has `rows` or `value`, a check `fails` or `duplicates`, a source `file` or `table`.
      const pair = ONE_OF_KEYS.get(doc.kind);
      if (pair === undefined || path.length > 0) {
        return diagnostic('schema/bad-format', valueSpan(doc, place), `${where} does not have any of the allowed shapes`);
      }
      const passing = params['passingSchemas'];
      if (passing === null || passing === undefined) {
        return diagnostic('schema/missing-key', doc.kindSpan, `${where} has neither ${pair.first} nor ${pair.second}`, {
          hint: 'add one of them',
        });
      }
      return diagnostic('schema/conflicting-keys', keySpanOf(doc, place, pair.key), `${where} has both ${pair.both}`, {
        hint: 'remove one of them',
      });
    }
    case 'type': {
      const expected = describeExpected(doc.kind, path, params['type']);
      const n = place.node;
      const message =
        n?.kind === 'scalar' && n.value === null
          ? `${where} is empty; expected ${expected}`
          : `${where} must be ${expected}; found ${n === undefined ? 'nothing' : describeNode(n)}`;
      return diagnostic('schema/wrong-type', valueSpan(doc, place), message);
    }
    case 'enum': {
      const allowed = ((params['allowedValues'] as unknown[] | undefined) ?? []).map(String);
      const n = place.node;
      const text = n?.kind === 'scalar' && n.value !== null ? String(n.value) : undefined;
      const nearest = text === undefined ? undefined : closestName(text, allowed);
      const last = path[path.length - 1];
      const what = typeof last === 'string' ? `\`${last}\` in ${subject(doc, path.slice(0, -1))}` : where;
      const expected = `expected one of ${backticked(allowed)}`;
      const message = `${valueText(n)} is not a valid ${what}; ` + (nearest === undefined ? expected : `did you mean \`${nearest}\`?`);
      return diagnostic('schema/bad-value', valueSpan(doc, place), message, { hint: nearest === undefined ? undefined : expected });
    }
    case 'pattern': {
      const pattern = String(params['pattern']);
      if (e.propertyName !== undefined) {
        const name = e.propertyName;
        const last = path[path.length - 1];
        const noun = typeof last === 'string' ? (ITEM_NOUNS.get(last) ?? 'key') : 'key';
        const hint =
          last === 'columns'
            ? `name the column like \`${fixId(name) ?? 'close_date'}\` and give its header with \`from: "${shorten(name)}"\``
            : undefined;
        const message = `\`${shorten(name)}\` is not a valid ${noun} name in ${subject(doc, path.slice(0, -1))}: names use letters, digits and \`_\` and do not start with a digit`;
        return diagnostic('schema/bad-format', keySpanOf(doc, place, name), message, { hint });
      }
      const n = place.node;
      const fixed = n?.kind === 'scalar' && typeof n.value === 'string' && pattern === '^[a-z][a-z0-9_]*$' ? fixId(n.value) : undefined;
      return diagnostic('schema/bad-format', valueSpan(doc, place), `${where} must be ${patternWords(pattern)}; found ${valueText(n)}`, {
        hint: fixed === undefined ? undefined : `did you mean \`${fixed}\`?`,
      });
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const min = parentSchema?.minimum;
      const max = parentSchema?.maximum;
      const range =
        min !== undefined && max !== undefined
          ? `between ${min} and ${max}`
          : min !== undefined
            ? `at least ${min}`
            : `at most ${String(max)}`;
      return diagnostic('schema/bad-format', valueSpan(doc, place), `${where} must be ${range}; found ${valueText(place.node)}`);
    }
    case 'minLength':
    case 'maxLength': {
      const limit = Number(params['limit']);
      const rule =
        e.keyword === 'maxLength' && limit === 1
          ? 'be exactly one character'
          : e.keyword === 'minLength'
            ? 'not be empty'
            : `have at most ${limit} characters`;
      return diagnostic('schema/bad-format', valueSpan(doc, place), `${where} must ${rule}; found ${valueText(place.node)}`);
    }
    case 'minItems':
      return diagnostic('schema/bad-format', valueSpan(doc, place), `${where} must list at least ${String(params['limit'])} item(s)`);
    case 'uniqueItems': {
      const later = Math.max(Number(params['i']), Number(params['j']));
      const item = place.node?.kind === 'seq' ? place.node.items[later] : undefined;
      return diagnostic('schema/bad-format', item?.span ?? valueSpan(doc, place), `${valueText(item)} is listed twice in ${where}`, {
        hint: 'remove the repeated item',
      });
    }
    case 'const': {
      // `scale` (decimal places) belongs to money columns only (the `dependencies` of a column).
      const parent = nodeAtPath(doc, path.slice(0, -1));
      if (path[path.length - 1] === 'type' && parent?.kind === 'map' && parent.byKey.has('scale')) {
        const column = subject(doc, path.slice(0, -1));
        return diagnostic(
          'schema/conflicting-keys',
          keySpanOf(doc, { path: path.slice(0, -1), node: parent }, 'scale'),
          `\`scale\` is only for money columns, but ${column} is ${valueText(place.node)}`,
          { hint: 'remove `scale:`, or declare `type: money`' },
        );
      }
      return diagnostic('schema/bad-value', valueSpan(doc, place), `${where} must be \`${String(params['allowedValue'])}\` here`);
    }
    case 'if':
    case 'propertyNames':
      return undefined;
    default:
      return diagnostic('schema/bad-format', valueSpan(doc, place), `${where} is not valid here`);
  }
}

/** Diagnostics for the ajv errors of one document: one per real problem, in file order. */
export function diagnosticsFromAjv(doc: CatalogDocument, errors: readonly ErrorObject[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  const unknownKeys = new Map<string, string[]>();
  for (const e of errors) {
    if (e.keyword !== 'additionalProperties') continue;
    const keys = unknownKeys.get(e.instancePath) ?? [];
    keys.push(String((e.params as Record<string, unknown>)['additionalProperty']));
    unknownKeys.set(e.instancePath, keys);
  }
  for (const e of errors) {
    // The id is the loader's business (load/bad-id); the oneOf branches only echo the oneOf.
    if (e.instancePath === `/${doc.kind}`) continue;
    if (e.schemaPath.includes('/oneOf/')) continue;
    // `formual:` is one problem, not two: its "did you mean `formula`?" covers the missing key.
    if (e.keyword === 'required') {
      const missing = String((e.params as Record<string, unknown>)['missingProperty']);
      if ((unknownKeys.get(e.instancePath) ?? []).some((k) => closestName(k, [missing]) === missing)) continue;
    }
    const d = mapError(doc, e);
    if (d === undefined) continue;
    const key = `${d.code}|${d.span.start}|${d.span.end}|${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}
