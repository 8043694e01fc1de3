/**
 * JSON with exact decimals (src/results/exact-json.ts): the text `JSON.stringify(v, null, 2)`
 * gives for plain data, with exact decimals as JSON numbers carrying every digit.
 */
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/model/decimal.js';
import { exactJson } from '../../src/results/exact-json.js';

describe('exactJson', () => {
  it('writes plain data as JSON.stringify does', () => {
    const data = {
      text: 'a "quoted" \n line',
      n: 1.5,
      none: null,
      gone: undefined,
      bad: Number.NaN,
      list: [1, undefined, 'x', [], {}],
      nested: { empty: [], deeper: { ok: true } },
    };
    expect(exactJson(data)).toBe(JSON.stringify(data, null, 2));
    expect(exactJson([])).toBe('[]');
    expect(exactJson('x')).toBe('"x"');
  });

  it('writes exact decimals as numbers with every digit', () => {
    const text = exactJson({ base: Decimal.parse('180143985094819.86'), head: [Decimal.parse('-0.10')] });
    expect(text).toBe('{\n  "base": 180143985094819.86,\n  "head": [\n    -0.1\n  ]\n}');
    // Still JSON (a parser reads the nearest double).
    expect(JSON.parse(text)).toEqual({ base: Number('180143985094819.86'), head: [-0.1] });
  });
});
