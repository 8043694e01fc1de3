import { describe, expect, it } from 'vitest';
import { dateProblem, durationUnit, numberValue, quoteString, singleQuotedValue } from '../../src/formula/literals.js';

describe('dateProblem', () => {
  it.each(['2025-01-31', '2024-02-29', '2000-02-29', '1999-12-31', '2025-04-30'])('accepts %s', (d) => {
    expect(dateProblem(d)).toBeUndefined();
  });

  it.each([
    ['2025-02-29', 'February 2025 has no day 29; it has 28 days'],
    ['1900-02-29', 'February 1900 has no day 29; it has 28 days'],
    ['2025-04-31', 'April 2025 has no day 31; it has 30 days'],
    ['2025-01-00', 'January 2025 has no day 00; it has 31 days'],
    ['2025-00-10', 'there is no month 00; months run from 01 to 12'],
    ['2025-1-31', "a date is written as 'YYYY-MM-DD', e.g. date '2025-01-31'"],
    ['2025-01-31T00:00', "a date is written as 'YYYY-MM-DD', e.g. date '2025-01-31'"],
    ['', "a date is written as 'YYYY-MM-DD', e.g. date '2025-01-31'"],
  ])('rejects %j: %s', (d, why) => {
    expect(dateProblem(d)).toBe(why);
  });
});

describe('literal values', () => {
  it.each([
    ['1_000_000', 1_000_000],
    ['15%', 15],
    ['0.25', 0.25],
    ['1e3', 1000],
    ['1e999', Infinity],
  ])('numberValue(%s) = %d', (image, value) => {
    expect(numberValue(image)).toBe(value);
  });

  it.each([
    ['day', 'day'],
    ['Days', 'day'],
    ['MONTHS', 'month'],
    ['quarter', 'quarter'],
    ['years', 'year'],
    ['dayss', undefined],
    ['hour', undefined],
  ])('durationUnit(%s) = %s', (word, unit) => {
    expect(durationUnit(word)).toBe(unit);
  });

  it('reads and writes doubled quotes', () => {
    expect(singleQuotedValue("'it''s'", true)).toBe("it's");
    expect(singleQuotedValue("'open", false)).toBe('open');
    expect(quoteString("it's")).toBe("'it''s'");
    expect(quoteString('')).toBe("''");
  });
});
