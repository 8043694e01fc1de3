/**
 * Exact numeric literals (src/sql/exact-literal.ts) agree with the resolver's rule for which
 * formula literals are exact (`literalDecimal`, src/model/decimal.ts): the same digits, and a real
 * number exactly when the rule says so. The SQL side may not import the model, so the two are
 * written twice and held together here.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { literalDecimal } from '../../src/model/decimal.js';
import { duckdb } from '../../src/sql/duckdb.js';
import { exactNumericLiteral } from '../../src/sql/exact-literal.js';

const SAMPLES = [
  0,
  -0,
  1,
  -1,
  0.1,
  0.125,
  12.5,
  -5.55,
  1e-7,
  1.5e-7,
  1e-18,
  1e-19,
  1.25e-17,
  1e21,
  1e37,
  1e38,
  2 ** 53 + 2,
  1 / 3,
  123456.789,
];

describe('exact numeric literals', () => {
  it.each(SAMPLES)('%s: the resolver and the SQL agree', (value) => {
    expect(exactNumericLiteral(value)).toBe(literalDecimal(value)?.toString());
  });

  it('agree on any double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        expect(exactNumericLiteral(value)).toBe(literalDecimal(value)?.toString());
      }),
      { numRuns: 2000 },
    );
  });

  it('spell exponents out in digits, and leave what does not fit to a real', () => {
    expect(exactNumericLiteral(1e-7)).toBe('0.0000001');
    expect(exactNumericLiteral(-1.5e-7)).toBe('-0.00000015');
    expect(exactNumericLiteral(1e21)).toBe('1000000000000000000000');
    expect(exactNumericLiteral(1e-19)).toBeUndefined();
    expect(duckdb.numberLiteral(1e-19)).toBe('CAST(1e-19 AS DOUBLE)');
    expect(duckdb.numberLiteral(0.1)).toBe('0.1');
  });
});
