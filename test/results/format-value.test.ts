import { describe, expect, test } from 'vitest';
import { Decimal } from '../../src/model/decimal.js';
import { decimalsFor, formatCompactMoney, formatValue } from '../../src/results/format-value.js';

describe('formatValue by unit', () => {
  test.each([
    [1234567, 'money', 'USD', '$1,234,567'],
    [1234567.89, 'money', 'USD', '$1,234,568'],
    [999.5, 'money', 'USD', '$999.50'],
    [12, 'money', 'USD', '$12'],
    [-1500, 'money', 'USD', '-$1,500'],
    [-0.001, 'money', 'USD', '$0.00'],
    [1234567, 'money', 'EUR', '1,234,567 EUR'],
    [0.25, 'percent', 'USD', '25.0%'],
    [1.5, 'percent', 'USD', '150.0%'],
    [0.25, 'ratio', 'USD', '0.25'],
    [2.34567, 'ratio', 'USD', '2.35'],
    [1234.6, 'count', 'USD', '1,234.6'],
    [23.8, 'count', 'USD', '23.8'],
    [24.0000000001, 'count', 'USD', '24'],
    [42, 'count', 'USD', '42'],
    [12.345, 'days', 'USD', '12.3 d'],
    [0, 'days', 'USD', '0.0 d'],
    [1234567.891, 'number', 'USD', '1,234,567.89'],
    [0.000123, undefined, 'USD', '0.0001'],
    [0.0423, 'ratio', 'USD', '0.042'],
    [-20.59, 'number', 'USD', '-20.59'],
    [null, 'money', 'USD', '—'],
    [Number.NaN, 'count', 'USD', '—'],
  ] as const)('%s %s %s → %s', (value, unit, currency, expected) => {
    expect(formatValue(value, unit, currency)).toBe(expected);
  });
});

describe('one number of decimals per KPI', () => {
  test('two, or up to four when the smallest value needs them for two significant digits', () => {
    expect(decimalsFor([0.81, 1.52, 2.5])).toBe(2);
    expect(decimalsFor([0.0345, 0.0502])).toBe(3);
    expect(decimalsFor([0.0004, 12])).toBe(4);
    expect(decimalsFor([null, 0, 1234.5])).toBe(2);
    expect(decimalsFor([])).toBe(2);
  });
  test('ratios of one KPI side by side show the same decimals', () => {
    const d = decimalsFor([0.8123, 1.52]);
    expect([formatValue(0.8123, 'ratio', 'USD', d), formatValue(1.52, 'ratio', 'USD', d)]).toEqual(['0.81', '1.52']);
  });
});

describe('compact money (narrow columns)', () => {
  test.each([
    [1_000_000, '$1.0M'],
    [633_600, '$633.6K'],
    [4_532_583, '$4.5M'],
    [9_500, '$9,500'],
    [-2_500_000, '-$2.5M'],
    [1_200_000_000, '$1.2B'],
  ])('%s → %s', (value, expected) => {
    expect(formatCompactMoney(value, 'USD')).toBe(expected);
  });
});

describe('formatValue of exact money', () => {
  // Rounded for display from the exact digits, half away from zero, never through a double.
  test.each([
    [new Decimal(123456789012345678901n, 2), 'USD', '$1,234,567,890,123,456,789'],
    [new Decimal(99950n, 2), 'USD', '$999.50'],
    [new Decimal(-150000n, 2), 'USD', '-$1,500'],
    [new Decimal(100n, 2), 'USD', '$1'],
    [new Decimal(-1n, 3), 'USD', '$0.00'],
    [new Decimal(-5n, 3), 'USD', '-$0.01'],
    [new Decimal(10005n, 3), 'EUR', '10.01 EUR'],
    [new Decimal(100000005n, 5), 'EUR', '1,000 EUR'],
  ] as const)('%s %s → %s', (value, currency, expected) => {
    expect(formatValue(value, 'money', currency)).toBe(expected);
  });

  test('an exact value of another unit is shown as its number', () => {
    expect(formatValue(new Decimal(25n, 2), 'percent', 'USD')).toBe('25.0%');
  });
});
