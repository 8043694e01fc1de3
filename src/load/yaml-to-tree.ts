/**
 * Converts a document of the `yaml` library into the located tree of `tree.ts`. This is the only
 * place that walks the library's nodes; everything after it reads plain, span-carrying data.
 *
 * Hostile input is expected: aliases are expanded within a budget (an alias "bomb" costs its
 * expanded size, not its text size), nesting is limited, and duplicate keys are reported here
 * because the library is asked not to (it would not name the key).
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Document } from 'yaml';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { lineColumnOf, type SourceText, type Span } from '../diagnostics/span.js';
import type { YEntry, YMap, YNode, YScalar, YSeq } from './tree.js';
import { scalarOffsets, type ScalarStyle } from './scalar-offsets.js';

/** Deepest nesting of mappings and lists accepted in one document. */
const MAX_DEPTH = 64;
/** How many nodes the aliases of one document may add when expanded. */
const MAX_ALIAS_NODES = 10_000;

interface Converted {
  readonly node: YNode;
  /** Number of nodes in the expanded subtree. */
  readonly size: number;
}

interface Context {
  readonly doc: Document.Parsed;
  readonly source: SourceText;
  readonly diagnostics: Diagnostic[];
  /** Conversions of anchored nodes, reused by their aliases (so the tree shares, not copies). */
  readonly anchored: Map<unknown, Converted>;
  readonly inProgress: Set<unknown>;
  aliasNodes: number;
  reportedAliasBudget: boolean;
  reportedDepth: boolean;
  /** Set when a value had to be replaced (bad alias, too deep): the tree is then not trustworthy. */
  broken: boolean;
}

/** The located tree of a document's contents, and the problems found while building it. */
export function yamlToTree(doc: Document.Parsed, source: SourceText): { tree: YNode; diagnostics: Diagnostic[]; broken: boolean } {
  const ctx: Context = {
    doc,
    source,
    diagnostics: [],
    anchored: new Map(),
    inProgress: new Set(),
    aliasNodes: 0,
    reportedAliasBudget: false,
    reportedDepth: false,
    broken: false,
  };
  const start = doc.range[0];
  const tree = convert(ctx, doc.contents, 0, { file: source.file, start, end: start }).node;
  return { tree, diagnostics: ctx.diagnostics, broken: ctx.broken };
}

function spanOf(ctx: Context, node: unknown, fallback: Span): Span {
  const range = (node as { range?: readonly number[] | null } | null)?.range;
  const start = range?.[0];
  const end = range?.[1];
  if (typeof start !== 'number' || typeof end !== 'number') return fallback;
  return { file: ctx.source.file, start, end: Math.max(start, end) };
}

function brokenValue(ctx: Context, span: Span): Converted {
  ctx.broken = true;
  return nullScalar(span);
}

function nullScalar(span: Span): Converted {
  return { node: { kind: 'scalar', value: null, span }, size: 1 };
}

function report(ctx: Context, span: Span, message: string, hint?: string): void {
  ctx.diagnostics.push(diagnostic('load/yaml-syntax', span, message, { hint }));
}

function convert(ctx: Context, node: unknown, depth: number, fallback: Span): Converted {
  const span = spanOf(ctx, node, fallback);
  if (node === null || node === undefined) return nullScalar(span);
  if (isAlias(node)) return convertAlias(ctx, node, depth, span);
  if (isScalar(node)) return convertScalar(ctx, node, span);
  if (depth >= MAX_DEPTH) {
    if (!ctx.reportedDepth) {
      ctx.reportedDepth = true;
      report(
        ctx,
        span,
        `this document is nested more than ${MAX_DEPTH} levels deep`,
        'a catalog document needs only a few levels of nesting',
      );
    }
    return brokenValue(ctx, span);
  }
  const anchor = (node as { anchor?: string }).anchor;
  if (anchor !== undefined) {
    const done = ctx.anchored.get(node);
    if (done !== undefined) return done;
    ctx.inProgress.add(node);
  }
  let result: Converted;
  if (isMap(node)) result = convertMap(ctx, node.items, depth, span);
  else if (isSeq(node)) result = convertSeq(ctx, node.items, depth, span);
  else if (isPair(node)) result = convertMap(ctx, [node], depth, span);
  else result = nullScalar(span);
  if (anchor !== undefined) {
    ctx.inProgress.delete(node);
    ctx.anchored.set(node, result);
  }
  return result;
}

function convertAlias(ctx: Context, alias: { source: string; resolve(doc: Document): unknown }, depth: number, span: Span): Converted {
  let target: unknown;
  try {
    target = alias.resolve(ctx.doc);
  } catch {
    target = undefined;
  }
  if (target === undefined || target === null) {
    report(ctx, span, `the alias \`*${alias.source}\` refers to no anchor \`&${alias.source}\` defined before it`);
    return brokenValue(ctx, span);
  }
  if (ctx.inProgress.has(target)) {
    report(ctx, span, `the alias \`*${alias.source}\` is inside the node it refers to, which would repeat forever`);
    return brokenValue(ctx, span);
  }
  const converted = convert(ctx, target, depth, span);
  ctx.aliasNodes += converted.size;
  if (ctx.aliasNodes > MAX_ALIAS_NODES) {
    if (!ctx.reportedAliasBudget) {
      ctx.reportedAliasBudget = true;
      report(
        ctx,
        span,
        `aliases in this document expand to more than ${MAX_ALIAS_NODES} values`,
        'write the values out or use fewer nested aliases',
      );
    }
    return brokenValue(ctx, span);
  }
  return converted;
}

function convertScalar(ctx: Context, node: { value: unknown; type?: string | undefined; source?: unknown }, span: Span): Converted {
  const v = node.value;
  let value: string | number | boolean | null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null) value = v;
  else if (typeof v === 'bigint') value = Number(v);
  else value = typeof node.source === 'string' ? node.source : String(v);
  const scalar: { -readonly [K in keyof YScalar]: YScalar[K] } = { kind: 'scalar', value, span };
  if (typeof value === 'string') {
    const offsets = scalarOffsets(ctx.source.text, span.start, span.end, node.type as ScalarStyle | undefined, value);
    if (offsets !== undefined) scalar.offsets = offsets;
  }
  return { node: scalar, size: 1 };
}

function convertSeq(ctx: Context, items: readonly unknown[], depth: number, span: Span): Converted {
  const out: YNode[] = [];
  let size = 1;
  for (const item of items) {
    const c = convert(ctx, item, depth + 1, { file: span.file, start: span.end, end: span.end });
    out.push(c.node);
    size += c.size;
  }
  const seq: YSeq = { kind: 'seq', span, items: out };
  return { node: seq, size };
}

function convertMap(ctx: Context, pairs: readonly unknown[], depth: number, span: Span): Converted {
  const entries: YEntry[] = [];
  const byKey = new Map<string, YEntry>();
  let size = 1;
  for (const pair of pairs) {
    if (!isPair(pair)) continue;
    const keySpan = spanOf(ctx, pair.key, spanOf(ctx, pair.value, span));
    const key = keyText(ctx, pair.key, keySpan);
    const valueFallback = { file: span.file, start: keySpan.end, end: keySpan.end };
    const value = convert(ctx, pair.value, depth + 1, valueFallback);
    size += value.size;
    if (key === undefined) continue;
    const first = byKey.get(key);
    if (first !== undefined) {
      const line = lineColumnOf(ctx.source, first.keySpan.start).line;
      ctx.diagnostics.push(
        diagnostic('load/yaml-syntax', keySpan, `duplicate key \`${key}\` in this mapping (it is already on line ${line})`, {
          hint: 'a key may appear only once in a mapping; remove or rename one of them',
          related: [{ span: first.keySpan, message: 'first used here' }],
        }),
      );
      continue;
    }
    const entry: YEntry = { key, keySpan, value: value.node };
    entries.push(entry);
    byKey.set(key, entry);
  }
  const map: YMap = { kind: 'map', span, entries, byKey };
  return { node: map, size };
}

/** A key as text: scalars of any type become strings, spelled as written. */
function keyText(ctx: Context, key: unknown, span: Span): string | undefined {
  let node = key;
  if (isAlias(node)) {
    try {
      node = node.resolve(ctx.doc);
    } catch {
      node = undefined;
    }
  }
  if (node === null || node === undefined) {
    report(ctx, span, 'a mapping entry has no key');
    return undefined;
  }
  if (!isScalar(node)) {
    report(ctx, span, 'a key must be a single value, not a list or a mapping');
    return undefined;
  }
  if (typeof node.value === 'string') return node.value;
  const source = (node as { source?: unknown }).source;
  if (node.value === null && (source === '' || source === undefined)) {
    report(ctx, span, 'a mapping entry has no key');
    return undefined;
  }
  if (typeof source === 'string') return source;
  return String(node.value);
}
