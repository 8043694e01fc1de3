/**
 * Canonical forms for comparing catalog values: formulas as syntax trees (layout, comments,
 * keyword case, redundant parentheses and `15%` against `0.15` make no difference), numbers and
 * percentages as values (`40%` is `0.4`), text with its whitespace collapsed (a folded or a plain
 * YAML string reads the same). Also the one-line text shown for a value in reports.
 */
import type { Expr } from '../formula/ast.js';
import { parseFormula } from '../formula/parse.js';
import { stripSpans } from '../formula/strip-spans.js';
import type { YNode } from '../load/tree.js';

/** Maps a name written in a base formula to the name it has in the head (renames). */
export type NameMap = (name: string) => string;

const PERCENT = /^\s*([+-]?)(\d+(?:\.\d+)?)\s*%\s*$/;

/** `40%` → 0.4 exactly as the decimal would be read (the digits shifted, then read once). */
function percentValue(text: string): number | undefined {
  const m = PERCENT.exec(text);
  if (m === null) return undefined;
  return Number(`${m[1] ?? ''}${m[2] ?? ''}e-2`);
}

function collapse(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

function normalizeExpr(value: unknown, names: NameMap | undefined): unknown {
  if (Array.isArray(value)) return value.map((v) => normalizeExpr(v, names));
  if (value === null || typeof value !== 'object') return value;
  const o = value as Record<string, unknown>;
  if (o['kind'] === 'number') {
    const n = o['value'] as number;
    return { kind: 'number', value: o['percent'] === true ? Number(`${n}e-2`) : n };
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) out[k] = normalizeExpr(v, names);
  if (o['kind'] === 'name' && names !== undefined && Array.isArray(out['parts'])) {
    const parts = out['parts'] as { name: string }[];
    const first = parts[0];
    if (first !== undefined) out['parts'] = [{ name: names(first.name) }, ...parts.slice(1)];
  }
  return out;
}

/** The comparison key of a formula (or of a plain number written where a formula may be). */
export function formulaKey(node: YNode, names?: NameMap): string {
  if (node.kind === 'scalar' && typeof node.value === 'number') return `n:${node.value}`;
  if (node.kind !== 'scalar' || typeof node.value !== 'string') return `v:${valueKey(node)}`;
  const parsed = parseFormula(node.value);
  if (parsed.diagnostics.length > 0) return `t:${collapse(node.value)}`;
  const e: Expr = parsed.value;
  if (e.kind === 'number') return `n:${e.percent ? Number(`${e.value}e-2`) : e.value}`;
  return `f:${JSON.stringify(normalizeExpr(stripSpans(e), names))}`;
}

/** The comparison key of any value: numbers and percentages by value, text with collapsed whitespace. */
export function valueKey(node: YNode, names?: NameMap): string {
  switch (node.kind) {
    case 'scalar': {
      const v = node.value;
      if (typeof v === 'number') return `n:${v}`;
      if (typeof v === 'string') {
        const p = percentValue(v);
        if (p !== undefined) return `n:${p}`;
        return `s:${collapse(names === undefined ? v : names(v))}`;
      }
      return `l:${String(v)}`;
    }
    case 'seq':
      return `[${node.items.map((i) => valueKey(i, names)).join(',')}]`;
    case 'map':
      return `{${[...node.entries]
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
        .map((e) => `${JSON.stringify(e.key)}:${valueKey(e.value, names)}`)
        .join(',')}}`;
    default: {
      const never: never = node;
      return never;
    }
  }
}

const MAX_SHOWN = 120;

function plain(node: YNode): string {
  switch (node.kind) {
    case 'scalar':
      return node.value === null ? 'null' : typeof node.value === 'string' ? collapse(node.value) : String(node.value);
    case 'seq':
      return `[${node.items.map(plain).join(', ')}]`;
    case 'map':
      return `{ ${node.entries.map((e) => `${e.key}: ${plain(e.value)}`).join(', ')} }`;
    default: {
      const never: never = node;
      return never;
    }
  }
}

/** A value on one line, as a reviewer reads it (long values cut with `…`). */
export function shownValue(node: YNode): string {
  const text = plain(node);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
}
