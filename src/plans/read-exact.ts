/**
 * Numbers of a plan read exactly as written: `0.05`, `5%`, `300000`, `300_000`. A YAML number is
 * read from its text in the file (so `0.10` is exactly 0.1, never the nearest double); a
 * percentage is the written number shifted two places.
 */
import type { SourceText, Span } from '../diagnostics/span.js';
import { Decimal, literalDecimal } from '../model/decimal.js';
import type { YNode } from '../model/types.js';

/** An exact number as written, or `'bad'` when the value is not a number (reported by the checks). */
export interface WrittenExact {
  readonly value: Decimal | 'bad';
  readonly span: Span;
}

const PLAIN = /^\s*([+-]?\d[\d_]*(?:\.\d*)?|[+-]?\.\d+)\s*$/;
const PERCENT = /^\s*([+-]?\d[\d_]*(?:\.\d*)?|[+-]?\.\d+)\s*%\s*$/;

function parse(digits: string): Decimal {
  const t = digits.replaceAll('_', '');
  return Decimal.parse(t.startsWith('.') || t.startsWith('-.') || t.startsWith('+.') ? t.replace('.', '0.') : t);
}

/** The exact number at a node; undefined when the node is absent. */
export function readExact(node: YNode | undefined, files: ReadonlyMap<string, SourceText>): WrittenExact | undefined {
  if (node === undefined) return undefined;
  const span = node.span;
  if (node.kind !== 'scalar') return { value: 'bad', span };
  if (typeof node.value === 'number') {
    const written = files.get(span.file)?.text.slice(span.start, span.end) ?? '';
    const m = PLAIN.exec(written);
    if (m !== null) return { value: parse(m[1] ?? ''), span };
    return { value: literalDecimal(node.value) ?? 'bad', span };
  }
  if (typeof node.value !== 'string') return { value: 'bad', span };
  const m = PERCENT.exec(node.value);
  if (m === null) return { value: 'bad', span };
  const d = parse(m[1] ?? '');
  return { value: new Decimal(d.units, d.scale + 2), span };
}
