/**
 * Compares two versions of one document field by field, following the field rules: formulas as
 * syntax trees, numbers as values, defaults as if written, keyed lists by key, sets as sets, and
 * references through renames. A field that equals its old value only once renames are followed is
 * reported as a patch ("follows the rename").
 */
import type { Span } from '../diagnostics/span.js';
import type { YMap, YNode } from '../load/tree.js';
import { stageOfWritten } from '../model/kpi-status.js';
import type { DocumentKind } from '../model/types.js';
import { formulaKey, shownValue, valueKey, type NameMap } from './canonical.js';
import { exactRuleFor, ruleFor, type FieldRule } from './fields.js';
import type { FieldChange } from './types.js';
import { CHANGE_CLASSES, type ChangeClass } from '../governance/vocabulary.js';

/** Renames between the versions: base id → head id, by kind. */
export interface Renames {
  /** The head id of a base document of `kind` (the same id when not renamed). */
  readonly to: (kind: DocumentKind, id: string) => string;
  /** Names in base formulas → head names (KPIs, sources and lookups share one namespace). */
  readonly formulaNames: NameMap;
  /** Renamed base ids by kind, for notes. */
  readonly renamed: (kind: DocumentKind, id: string) => boolean;
}

/** No renames. */
const NO_RENAMES: Renames = { to: (_k, id) => id, formulaNames: (n) => n, renamed: () => false };

interface Context {
  readonly kind: DocumentKind;
  readonly renames: Renames;
  readonly out: FieldChange[];
}

const smaller = (a: ChangeClass, b: ChangeClass): ChangeClass => (CHANGE_CLASSES.indexOf(a) >= CHANGE_CLASSES.indexOf(b) ? a : b);

/** The class of a status change: retiring breaks references, everything else is minor. */
function statusClass(before: YNode | undefined, after: YNode | undefined): ChangeClass {
  const stage = (n: YNode | undefined): string => stageOfWritten(n?.kind === 'scalar' && typeof n.value === 'string' ? n.value : undefined);
  return stage(after) === 'retired' && stage(before) !== 'retired' ? 'breaking' : 'minor';
}

/** Which sides were written (not defaults), and what to say. */
interface Written {
  readonly a: boolean;
  readonly b: boolean;
  /** The field is new and had no default: something new (at most minor). */
  readonly fresh?: boolean;
  readonly note?: string;
}

function record(ctx: Context, path: readonly string[], a: YNode | undefined, b: YNode | undefined, written: Written): void {
  const rule = ruleFor(ctx.kind, path);
  const change = !written.a ? 'added' : !written.b ? 'removed' : 'changed';
  const note = written.note;
  let cls: ChangeClass = written.fresh === true ? smaller(rule.class, 'minor') : rule.class;
  if (ctx.kind === 'kpi' && path.length === 1 && path[0] === 'status') cls = statusClass(a, b);
  if (note !== undefined) cls = 'patch';
  const span: Span | undefined = (written.b ? b?.span : undefined) ?? a?.span;
  if (span === undefined) return;
  ctx.out.push({
    kind: 'field',
    path,
    change,
    before: a === undefined ? undefined : shownValue(a),
    after: b === undefined ? undefined : shownValue(b),
    class: cls,
    topic: rule.topic,
    note,
    span,
    inHead: written.b,
  });
}

function defaultNode(rule: FieldRule | undefined, near: Span): YNode | undefined {
  return rule?.default === undefined ? undefined : { kind: 'scalar', value: rule.default, span: near };
}

/** A base reference, followed through renames. */
function renamedReference(rule: FieldRule | undefined, renames: Renames): NameMap | undefined {
  const kind = rule?.reference;
  return kind === undefined ? undefined : (id) => renames.to(kind, id);
}

function itemKey(item: YNode, key: string): string | undefined {
  const v = item.kind === 'map' ? item.byKey.get(key)?.value : undefined;
  return v?.kind === 'scalar' && typeof v.value === 'string' ? v.value : undefined;
}

function compareKeyed(ctx: Context, path: readonly string[], a: YNode, b: YNode, key: string): void {
  if (a.kind !== 'seq' || b.kind !== 'seq') return compareLeaf(ctx, path, a, b, { a: true, b: true });
  const keyRule = exactRuleFor(ctx.kind, [...path, '*', key]);
  const follow = renamedReference(keyRule, ctx.renames);
  const base = new Map<string, YNode>();
  for (const item of a.items) {
    const k = itemKey(item, key);
    if (k !== undefined) base.set(follow === undefined ? k : follow(k), item);
  }
  const head = new Map<string, YNode>();
  for (const item of b.items) {
    const k = itemKey(item, key);
    if (k !== undefined) head.set(k, item);
  }
  for (const k of new Set([...base.keys(), ...head.keys()])) compareAt(ctx, [...path, k], base.get(k), head.get(k));
}

function compareLeaf(ctx: Context, path: readonly string[], a: YNode, b: YNode, written: Written): void {
  const exact = exactRuleFor(ctx.kind, path);
  const key = exact?.formula === true ? formulaKey : valueKey;
  const synonyms = exact?.synonyms;
  const names =
    synonyms !== undefined
      ? (v: string): string => synonyms.get(v) ?? v
      : exact?.formula === true
        ? ctx.renames.formulaNames
        : renamedReference(exact, ctx.renames);
  const set = (n: YNode): string =>
    n.kind === 'seq' && exact?.set === true ? [...n.items.map((i) => valueKey(i, names))].sort().join(',') : key(n, names);
  if (set(a) === set(b)) {
    const unmapped = (n: YNode): string =>
      n.kind === 'seq' && exact?.set === true ? [...n.items.map((i) => valueKey(i))].sort().join(',') : key(n);
    if (synonyms === undefined && names !== undefined && unmapped(a) !== unmapped(b))
      record(ctx, path, a, b, { ...written, note: 'follows a rename' });
    return;
  }
  record(ctx, path, a, b, written);
}

function compareAt(ctx: Context, path: readonly string[], a0: YNode | undefined, b0: YNode | undefined): void {
  const exact = exactRuleFor(ctx.kind, path);
  if (exact?.ignored === true) return;
  const near = (b0 ?? a0)?.span;
  if (near === undefined) return;
  const a = a0 ?? defaultNode(exact, near);
  const b = b0 ?? defaultNode(exact, near);
  const written: Written = { a: a0 !== undefined, b: b0 !== undefined };
  if (a === undefined || b === undefined) {
    record(ctx, path, a, b, { ...written, fresh: a === undefined });
    return;
  }
  if (a.kind === 'map' && b.kind === 'map') {
    const keys = new Set([...a.entries.map((e) => e.key), ...b.entries.map((e) => e.key)]);
    for (const k of keys) compareAt(ctx, [...path, k], a.byKey.get(k)?.value, b.byKey.get(k)?.value);
    return;
  }
  if (exact?.keyedBy !== undefined && written.a && written.b) return compareKeyed(ctx, path, a, b, exact.keyedBy);
  if (exact?.set !== true && a.kind === 'seq' && b.kind === 'seq') {
    const n = Math.max(a.items.length, b.items.length);
    for (let i = 0; i < n; i++) compareAt(ctx, [...path, String(i + 1)], a.items[i], b.items[i]);
    return;
  }
  compareLeaf(ctx, path, a, b, written);
}

/** The changed fields of a document of `kind` (its first entry, the kind and id, is left out). */
export function compareDocuments(kind: DocumentKind, base: YMap, head: YMap, renames: Renames = NO_RENAMES): FieldChange[] {
  const ctx: Context = { kind, renames, out: [] };
  const body = (m: YMap): YMap => {
    const entries = m.entries.slice(1);
    return { ...m, entries, byKey: new Map(entries.map((e) => [e.key, e])) };
  };
  compareAt(ctx, [], body(base), body(head));
  return ctx.out;
}
