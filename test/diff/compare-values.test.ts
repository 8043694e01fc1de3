/**
 * The one comparison of KPI values in `kpic diff` (src/diff/compare-values.ts): real numbers the
 * same to 9 significant digits, exact decimals (money) the same to the last digit, and the changes
 * shown from exact values.
 */
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/model/decimal.js';
import { relativeChange, sameValue, valueDelta } from '../../src/diff/compare-values.js';
import { shownDelta, shownPair } from '../../src/diff/format.js';

const d = (text: string): Decimal => Decimal.parse(text);

describe('comparing values', () => {
  it('real numbers that differ in the last bits are the same; a real change is not', () => {
    expect(sameValue(0.1 + 0.2, 0.3)).toBe(true);
    expect(sameValue(0.6, 0.61)).toBe(false);
    expect(sameValue(null, null)).toBe(true);
    expect(sameValue(null, 0)).toBe(false);
  });

  it('exact values are the same to the last digit or they moved, even below the real tolerance', () => {
    expect(sameValue(d('1200.50'), d('1200.5'))).toBe(true);
    // One cent on 10^15: 1e-17 relative, which the real tolerance would call the same.
    expect(sameValue(d('1000000000000000.00'), d('1000000000000000.01'))).toBe(false);
    expect(sameValue(1000000000000000, 1000000000000000.1)).toBe(true);
    expect(sameValue(d('0'), null)).toBe(false);
  });

  it('the difference of two exact values is exact; an exact and a real value compare as reals', () => {
    expect(valueDelta(d('180143985094819.86'), d('180143985094819.87'))?.toString()).toBe('0.01');
    expect(valueDelta(d('5.55'), d('5.45'))?.toString()).toBe('-0.1');
    expect(valueDelta(d('1000'), 1000.0000000001)).toBe(0);
    expect(valueDelta(d('1000'), 1250)).toBe(250);
    expect(relativeChange(d('1000'), d('1250'))).toBe(0.25);
    expect(relativeChange(d('0'), d('1'))).toBeNull();
  });

  it('shows exact changes to the cent, whatever their size', () => {
    expect(shownDelta(d('180143985094819.86'), d('180143985094819.87'), 'money', 'USD')).toBe('+$0.01 (+0.0%)');
    expect(shownDelta(d('2000'), d('1500.25'), 'money', 'USD')).toBe('−$499.75 (−25.0%)');
    expect(shownPair(d('1200.5'), d('1200.50'), 'money', 'USD')).toBe('$1,201');
    expect(shownPair(d('0.10'), d('0.3'), 'money', 'EUR')).toBe('0.10 EUR → 0.30 EUR');
  });
});
