import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PhaseResult } from '../../src/diagnostics/diagnostic.js';
import type { Expr } from '../../src/formula/ast.js';
import { parseFormula } from '../../src/formula/parse.js';
import { printFormula } from '../../src/formula/print.js';
import { stripSpans } from '../../src/formula/strip-spans.js';
import { exprArbitrary, tokenSoup } from './arbitraries.js';
import { hasErrorNode } from './builders.js';

/** What must hold for any input text. */
function checkAnyInput(text: string): void {
  let result: PhaseResult<Expr> | undefined;
  expect(() => {
    result = parseFormula(text);
  }).not.toThrow();
  const { value, diagnostics } = result as PhaseResult<Expr>;
  // Either a clean tree, or at least one diagnostic explaining what went wrong.
  if (hasErrorNode(value)) expect(diagnostics.length).toBeGreaterThan(0);
  for (const d of diagnostics) {
    expect(d.span.start).toBeGreaterThanOrEqual(0);
    expect(d.span.end).toBeLessThanOrEqual(text.length);
    expect(d.span.start).toBeLessThanOrEqual(d.span.end);
    // The grammar's own checks should catch everything: chevrotain's generic fallback and the
    // internal-error guard never show.
    expect(d.message).not.toMatch(/^unexpected `|internal error/);
  }
  // One diagnostic per position at most (no cascades on the same token).
  const starts = diagnostics.map((d) => d.span.start);
  expect(new Set(starts).size).toBe(starts.length);
  if (diagnostics.length === 0) {
    // A clean parse prints to text that parses back to the same tree.
    const printed = printFormula(value);
    const again = parseFormula(printed);
    expect(again.diagnostics).toEqual([]);
    expect(stripSpans(again.value)).toEqual(stripSpans(value));
  }
}

describe('parseFormula properties', () => {
  it('never throws on arbitrary text, and explains every error node', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 80 }), checkAnyInput), { numRuns: 500 });
  });

  it('never throws on token soups, and explains every error node', () => {
    fc.assert(fc.property(tokenSoup, checkAnyInput), { numRuns: 1500 });
  });

  it('never throws on mangled valid formulas', () => {
    const base = "avg(sum(amount * rate[stage] where won and x not in ('a', 'b') on d) per owner_id) / -prior(k, 1 year) >= 15%";
    const mangled = fc
      .tuple(fc.nat({ max: base.length }), fc.nat({ max: 6 }), fc.constantFrom('', '(', ')', ',', "'", 'where', '='))
      .map(([at, cut, insert]) => base.slice(0, at) + insert + base.slice(at + cut));
    fc.assert(fc.property(mangled, checkAnyInput), { numRuns: 1000 });
  });

  it('parses the printed form of any tree back to that tree', () => {
    fc.assert(
      fc.property(exprArbitrary, (ast) => {
        const printed = printFormula(ast);
        const { value, diagnostics } = parseFormula(printed);
        expect(diagnostics).toEqual([]);
        expect(stripSpans(value)).toEqual(stripSpans(ast));
        expect(printFormula(value)).toBe(printed);
      }),
      { numRuns: 1500 },
    );
  });

  it('handles huge inputs without throwing', () => {
    checkAnyInput('('.repeat(100_000));
    checkAnyInput('-'.repeat(3_999) + 'x');
    checkAnyInput('x'.repeat(1_000_000));
    checkAnyInput(`${'1 + '.repeat(1_999)}1`);
    checkAnyInput('\u0000'.repeat(10_000));
    checkAnyInput("'".repeat(10_001));
  });
});
