import { describe, expect, it } from 'vitest';
import type { Expr } from '../../src/formula/ast.js';
import { parseFormula } from '../../src/formula/parse.js';
import { precedenceOf, printFormula, PRECEDENCE } from '../../src/formula/print.js';

/** Canonical form of a formula: parse, then print. */
const canonical = (text: string): string => {
  const { value, diagnostics } = parseFormula(text);
  expect(diagnostics).toEqual([]);
  return printFormula(value);
};

describe('printFormula', () => {
  it.each([
    ['a-(b-c)', 'a - (b - c)'],
    ['(a-b)-c', 'a - b - c'],
    ['a*(b+c)', 'a * (b + c)'],
    ['(a*b)+c', 'a * b + c'],
    ['a/(b/c)', 'a / (b / c)'],
    ['a or (b or c)', 'a or (b or c)'],
    ['(a and b) or c', 'a and b or c'],
    ['a and (b or c)', 'a and (b or c)'],
    ['(a < b) = true', '(a < b) = true'],
    ['a = (b = c)', 'a = (b = c)'],
    ['-(a+b)', '-(a + b)'],
    ['not (a = b)', 'not a = b'],
    ['a = (not b)', 'a = (not b)'],
    ['(x between 1 and 2) = true', '(x between 1 and 2) = true'],
    ['x between (a = b) and c', 'x between (a = b) and c'],
    ['x between 1 and (2 and 3)', 'x between 1 and (2 and 3)'],
    ['(x is null) is null', '(x is null) is null'],
    ['(a or b) in (1, 2 or 3)', '(a or b) in (1, 2 or 3)'],
    ['-(x.y)', '-x.y'],
    ['f((a))', 'f(a)'],
    ['r[(a + b)]', 'r[a + b]'],
  ])('%s → %s', (text, out) => {
    expect(canonical(text)).toBe(out);
  });

  it.each([
    ['1_000_000', '1000000'],
    ['1.50', '1.5'],
    ['1e21', '1e+21'],
    ['0.000001', '0.000001'],
    ['1e-7', '1e-7'],
    ['15%', '15%'],
    ['1_5%', '15%'],
    ["'it''s'", "'it''s'"],
    ['WHERE_x', 'WHERE_x'],
    ['1 days', '1 day'],
    ['0 day', '0 days'],
    ['1.5 month', '1.5 months'],
    ['12 Months', '12 months'],
    ["Date '2025-01-31'", "date '2025-01-31'"],
    ['x <> y', 'x != y'],
    ['X IS NOT NULL AND NOT Y', 'X is not null and not Y'],
    ['f(a,b ,c)', 'f(a, b, c)'],
    ['sum(x per k on d where w)', 'sum(x where w on d per k)'],
    ['top_share(sum(amount) per account_id,10)', 'top_share(sum(amount) per account_id, 10)'],
  ])('%s → %s', (text, out) => {
    expect(canonical(text)).toBe(out);
  });

  it('is idempotent on its own output', () => {
    const text = "avg(sum(amount*(1-discount) where won and type not in ('Renewal')) per owner_id)/-prior(x,1 years)";
    const once = canonical(text);
    expect(once).toBe("avg(sum(amount * (1 - discount) where won and type not in ('Renewal')) per owner_id) / -prior(x, 1 year)");
    expect(canonical(once)).toBe(once);
  });

  it('marks error nodes visibly (they do not parse back)', () => {
    const broken = parseFormula('sum(amount +)').value;
    expect(printFormula(broken)).toBe('sum(amount + <error>)');
  });

  it('ranks levels as the grammar does', () => {
    const span = { file: '', start: 0, end: 0 };
    const name: Expr = { kind: 'name', parts: [{ name: 'a', span }], span };
    expect(precedenceOf({ kind: 'binary', op: 'or', left: name, right: name, span })).toBe(PRECEDENCE.or);
    expect(precedenceOf({ kind: 'unary', op: 'not', operand: name, span })).toBe(PRECEDENCE.not);
    expect(precedenceOf({ kind: 'is-null', operand: name, negated: false, span })).toBe(PRECEDENCE.comparison);
    expect(precedenceOf({ kind: 'unary', op: '-', operand: name, span })).toBe(PRECEDENCE.unary);
    expect(precedenceOf(name)).toBe(PRECEDENCE.primary);
  });
});
