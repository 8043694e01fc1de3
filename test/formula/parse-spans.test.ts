import { describe, expect, it } from 'vitest';
import type { Span } from '../../src/diagnostics/span.js';
import type { CallExpr, Expr } from '../../src/formula/ast.js';
import { parseFormula } from '../../src/formula/parse.js';
import { children } from './builders.js';

/** `[start, end)` of a span, for compact expectations. */
const at = (s: Span): [number, number] => [s.start, s.end];

function parsed(text: string): Expr {
  const { value, diagnostics } = parseFormula(text);
  expect(diagnostics).toEqual([]);
  return value;
}

function asCall(e: Expr): CallExpr {
  if (e.kind !== 'call') throw new Error(`expected a call, got ${e.kind}`);
  return e;
}

describe('parseFormula spans (half-open offsets of the formula text)', () => {
  it('locates a call, its name, its argument and the argument clause', () => {
    //            0123456789012345678901234567890123456789
    const text = 'sum(amount where won on created_date)';
    const c = asCall(parsed(text));
    expect(at(c.span)).toEqual([0, 37]);
    expect(at(c.nameSpan)).toEqual([0, 3]);
    const a = c.args[0];
    expect(a && at(a.span)).toEqual([4, 36]);
    expect(a && at(a.value.span)).toEqual([4, 10]);
    expect(a?.where && at(a.where.span)).toEqual([17, 20]);
    expect(a?.on && at(a.on.span)).toEqual([24, 36]);
    expect(text.slice(24, 36)).toBe('created_date');
  });

  it('locates every part of a dotted name', () => {
    const e = parsed('  account.parent.segment ');
    if (e.kind !== 'name') throw new Error(e.kind);
    expect(at(e.span)).toEqual([2, 24]);
    expect(e.parts.map((p) => at(p.span))).toEqual([
      [2, 9],
      [10, 16],
      [17, 24],
    ]);
  });

  it.each([
    ["date '2025-01-31'", [0, 17]],
    ['3 months', [0, 8]],
    ['15%', [0, 3]],
    ["'it''s'", [0, 7]],
    ['x is not null', [0, 13]],
    ['x not in (1, 2)', [0, 15]],
    ['x between 1 and 2', [0, 17]],
    ['stage_probability[stage]', [0, 24]],
    ['-a', [0, 2]],
    ['not  a', [0, 6]],
    ['(a + b)', [0, 7]],
    ['(a + b) * c', [0, 11]],
    ['today()', [0, 7]],
    ['x # comment', [0, 1]],
  ] as const)('%s spans %j', (text, span) => {
    expect(at(parsed(text).span)).toEqual(span);
  });

  it('includes parentheses in the span of a parenthesised expression', () => {
    const e = parsed('(a + b) * c');
    if (e.kind !== 'binary') throw new Error(e.kind);
    expect(at(e.left.span)).toEqual([0, 7]);
    expect(at(e.right.span)).toEqual([10, 11]);
  });

  it('maps every node span and diagnostic span through locate', () => {
    const locate = (start: number, end: number): Span => ({ file: 'kpis/win.yaml', start: start + 100, end: end + 100 });
    const { value, diagnostics } = parseFormula('sum(x where won)', locate);
    expect(diagnostics).toEqual([]);
    const c = asCall(value);
    expect(c.span).toEqual({ file: 'kpis/win.yaml', start: 100, end: 116 });
    expect(c.nameSpan).toEqual({ file: 'kpis/win.yaml', start: 100, end: 103 });
    const a = c.args[0];
    expect(a?.span).toEqual({ file: 'kpis/win.yaml', start: 104, end: 115 });
    expect(a?.where?.span).toEqual({ file: 'kpis/win.yaml', start: 112, end: 115 });
    expect(a?.value.kind === 'name' && a.value.parts[0]?.span).toEqual({ file: 'kpis/win.yaml', start: 104, end: 105 });

    const broken = parseFormula('sum(x', locate);
    expect(broken.diagnostics.map((d) => d.span)).toEqual([{ file: 'kpis/win.yaml', start: 105, end: 105 }]);
  });

  it('uses file <formula> and raw offsets without locate', () => {
    expect(parsed('a').span).toEqual({ file: '<formula>', start: 0, end: 1 });
  });

  it('keeps every child span inside its parent span', () => {
    const text = "avg(sum(amount * rate[stage] where won and not x in ('a') on d) per owner_id) / -prior(k, 1 year)";
    const check = (e: Expr, parent: Span): void => {
      expect(e.span.start).toBeGreaterThanOrEqual(parent.start);
      expect(e.span.end).toBeLessThanOrEqual(parent.end);
      for (const child of children(e)) check(child, e.span);
    };
    const root = parsed(text);
    check(root, { file: '<formula>', start: 0, end: text.length });
  });
});
