import { describe, expect, it } from 'vitest';
import { LITERAL_KINDS, isLiteral, type Expr } from '../../src/formula/ast.js';
import { parseFormula } from '../../src/formula/parse.js';

const parse = (text: string): Expr => parseFormula(text, (start, end) => ({ file: 'f', start, end })).value;

describe('literal kinds', () => {
  it('are the six kinds of literal values', () => {
    expect([...LITERAL_KINDS].sort()).toEqual(['boolean', 'date', 'duration', 'null', 'number', 'string']);
  });

  it.each([
    ['12.5%', true],
    ["'Won'", true],
    ["date '2025-01-31'", true],
    ['true', true],
    ['null', true],
    ['3 months', true],
    ['amount', false],
    ['a + 1', false],
    ['sum(amount)', false],
    ['stage_probability[stage]', false],
  ])('%s: %s', (text, literal) => {
    expect(isLiteral(parse(text))).toBe(literal);
  });
});
