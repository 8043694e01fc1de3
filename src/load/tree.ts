/**
 * A plain-data copy of a YAML document with a span on every node. Later phases (and later kinds:
 * scorecards, plans, alerts…) read this tree instead of the `yaml` library's nodes, so only the
 * loader depends on that library.
 */
import type { Span } from '../diagnostics/span.js';

/** A scalar: string, number, boolean or null, as YAML typed it. */
export interface YScalar {
  readonly kind: 'scalar';
  readonly value: string | number | boolean | null;
  /** The scalar's own characters (without a trailing comment). */
  readonly span: Span;
  /**
   * For string scalars: the file offset of each character of `value`, plus one for its end, when
   * the characters map one-to-one onto the file; `undefined` when they do not (escapes, folding),
   * in which case positions inside the string fall back to the whole scalar.
   */
  readonly offsets?: readonly number[] | undefined;
}

/** One `key: value` entry of a mapping. */
export interface YEntry {
  readonly key: string;
  readonly keySpan: Span;
  readonly value: YNode;
}

/** A mapping; entries keep file order, names are looked up through `get`. */
export interface YMap {
  readonly kind: 'map';
  readonly span: Span;
  readonly entries: readonly YEntry[];
  /** Entries by key (a user-supplied name: a Map, never a plain object). */
  readonly byKey: ReadonlyMap<string, YEntry>;
}

/** A sequence. */
export interface YSeq {
  readonly kind: 'seq';
  readonly span: Span;
  readonly items: readonly YNode[];
}

/** Any node of the tree. */
export type YNode = YScalar | YMap | YSeq;

/** Converts a tree to the plain JavaScript value ajv validates. */
export function toPlain(node: YNode): unknown {
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map(toPlain);
    case 'map': {
      // Object.create(null) keeps user keys such as `__proto__` inert.
      const out = Object.create(null) as Record<string, unknown>;
      for (const e of node.entries) out[e.key] = toPlain(e.value);
      return out;
    }
    default: {
      const never: never = node;
      throw new Error(`unexpected node ${String(never)}`);
    }
  }
}

/** The span of a string scalar's characters `[start, end)`, falling back to the whole scalar. */
export function scalarSubSpan(node: YScalar, start: number, end: number): Span {
  const offsets = node.offsets;
  if (offsets === undefined) return node.span;
  const s = offsets[Math.max(0, Math.min(start, offsets.length - 1))];
  const e = offsets[Math.max(0, Math.min(end, offsets.length - 1))];
  if (s === undefined || e === undefined) return node.span;
  return { file: node.span.file, start: s, end: Math.max(s, e) };
}
