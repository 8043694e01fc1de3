import { describe, expect, test } from 'vitest';
import { Decimal } from '../../src/model/decimal.js';
import { formatValue } from '../../src/results/format-value.js';

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
    [1234.6, 'count', 'USD', '1,235'],
    [42, 'count', 'USD', '42'],
    [12.345, 'days', 'USD', '12.3 d'],
    [0, 'days', 'USD', '0.0 d'],
    [1234567.891, 'number', 'USD', '1,234,568'],
    [0.000123, undefined, 'USD', '0.0001'],
    [null, 'money', 'USD', '—'],
    [Number.NaN, 'count', 'USD', '—'],
  ] as const)('%s %s %s → %s', (value, unit, currency, expected) => {
    expect(formatValue(value, unit, currency)).toBe(expected);
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
