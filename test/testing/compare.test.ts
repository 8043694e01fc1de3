/**
 * The comparison rule of test expectations (src/testing/compare.ts): money and counts exactly,
 * other values within 1e-9 relative, an explicit tolerance as an absolute bound — all decided in
 * exact arithmetic, whatever form the engine's value takes.
 */
import { describe, expect, test } from 'vitest';
import { formatActual, parseExpected, toleranceFor, valuesMatch, type ExpectedNumber } from '../../src/testing/compare.js';
import { formatDecimal, parseDecimal } from '../../src/testing/decimal.js';

function expected(text: string, value: string | number | null = text): ExpectedNumber {
  const parsed = parseExpected(value, text);
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
}

describe('expected values as written', () => {
  test.each([
    ['1200.50', 2401n, 2n],
    ['62.5%', 5n, 8n],
    ['2/3', 2n, 3n],
    ['-3', -3n, 1n],
    ['1_000', 1000n, 1n],
    ['1000/3', 1000n, 3n],
  ])('%s', (text, num, den) => {
    const e = expected(text);
    expect(e.kind).toBe('number');
    if (e.kind === 'number') expect(e.value.num * den).toBe(num * e.value.den);
  });

  test('null is null, and words, booleans and a zero denominator are refused with the forms that work', () => {
    expect(parseExpected(null, '')).toEqual({ kind: 'null' });
    expect(parseExpected('ten', 'ten')).toMatch(/`ten` is not a number; write a number .* a percentage .* a fraction/);
    expect(parseExpected(true, 'true')).toMatch(/not a number/);
    expect(parseExpected('1/0', '1/0')).toMatch(/divides by zero/);
  });
});

describe('money and counts match exactly', () => {
  const money = toleranceFor('money', undefined);
  test('1200.50 is 1200.5, as a number, a decimal string or a bigint', () => {
    expect(valuesMatch(expected('1200.50'), 1200.5, money)).toBe(true);
    expect(valuesMatch(expected('1200.50'), '1200.500', money)).toBe(true);
    expect(valuesMatch(expected('1200'), 1200n, money)).toBe(true);
  });
  test('a binary rounding error is a difference: 0.1 + 0.2 is not 0.3', () => {
    expect(valuesMatch(expected('0.3'), 0.1 + 0.2, money)).toBe(false);
    expect(valuesMatch(expected('0.3'), 0.1 + 0.2, toleranceFor('ratio', undefined))).toBe(true);
  });
  test('a count of 3 is not 2.9999999999', () => {
    expect(valuesMatch(expected('3'), 2.9999999999, toleranceFor('count', undefined))).toBe(false);
  });
});

describe('other values within 1e-9 of the expected magnitude', () => {
  const ratio = toleranceFor('percent', undefined);
  test('a fraction matches its double; a rounded decimal to 10 places matches; to 3 places does not', () => {
    expect(valuesMatch(expected('2/3'), 2 / 3, ratio)).toBe(true);
    expect(valuesMatch(expected('0.6666666667'), 2 / 3, ratio)).toBe(true);
    expect(valuesMatch(expected('0.667'), 2 / 3, ratio)).toBe(false);
  });
  test('the bound scales with large values and is at least 1e-9 near zero', () => {
    expect(valuesMatch(expected('1000000000'), 1000000000.5, ratio)).toBe(true);
    expect(valuesMatch(expected('1000000000'), 1000000002, ratio)).toBe(false);
    expect(valuesMatch(expected('0'), 5e-10, ratio)).toBe(true);
    expect(valuesMatch(expected('0'), 2e-9, ratio)).toBe(false);
  });
});

describe('an explicit tolerance is an absolute bound, exact at its edge', () => {
  test('1.01 against 1 within 0.01 matches (no binary slack needed); 1.0100001 does not', () => {
    const t = toleranceFor('money', { text: '0.01' });
    expect(valuesMatch(expected('1'), 1.01, t)).toBe(true);
    expect(valuesMatch(expected('1'), 1.0100001, t)).toBe(false);
    expect(valuesMatch(expected('1000/3'), 333.33, t)).toBe(true);
  });
});

describe('null', () => {
  test('matches only null', () => {
    const t = toleranceFor(undefined, undefined);
    expect(valuesMatch(expected('null', null), null, t)).toBe(true);
    expect(valuesMatch(expected('null', null), 0, t)).toBe(false);
    expect(valuesMatch(expected('0'), null, t)).toBe(false);
    expect(valuesMatch(expected('1'), Number.NaN, t)).toBe(false);
  });
});

describe('actual values are shown exactly', () => {
  test('shortest round-trip digits, no exponent, as a percentage when expected as one', () => {
    expect(formatActual(0.1 + 0.2, false)).toBe('0.30000000000000004');
    expect(formatActual(1e-7, false)).toBe('0.0000001');
    expect(formatActual(1e21, false)).toBe('1000000000000000000000');
    expect(formatActual(2 / 3, true)).toBe('66.66666666666666%');
    expect(formatActual(null, false)).toBe('null');
  });
  test('decimals round-trip', () => {
    for (const t of ['0', '-0.5', '1200.5', '0.000001', '123456789012345678901234567890.123']) {
      const d = parseDecimal(t);
      expect(d === undefined ? undefined : formatDecimal(d)).toBe(t);
    }
  });
});
