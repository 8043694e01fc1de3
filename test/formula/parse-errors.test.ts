import { describe, expect, it } from 'vitest';
import { lineColumnOf, makeSourceText } from '../../src/diagnostics/span.js';
import { parseFormula } from '../../src/formula/parse.js';
import { stripSpans } from '../../src/formula/strip-spans.js';
import { arg, bin, call, err, n } from './builders.js';

interface Expected {
  readonly code: 'formula/syntax' | 'formula/bad-literal';
  /** Half-open offsets of the diagnostic in the formula. */
  readonly at: readonly [number, number];
  readonly message: string;
  /** A substring of the hint, or null for "no hint". */
  readonly hint?: string | null;
}

const cases: readonly (readonly [string, readonly Expected[]])[] = [
  [
    'sum(amount where won',
    [{ code: 'formula/syntax', at: [20, 20], message: 'expected `)` to close `sum(`, found the end of the formula' }],
  ],
  [
    '(amount where won)',
    [
      {
        code: 'formula/syntax',
        at: [8, 13],
        message: 'expected `)` to close `(`, found `where`',
        hint: "goes inside a call's parentheses",
      },
    ],
  ],
  [
    'stage = "Closed Won"',
    [
      {
        code: 'formula/syntax',
        at: [8, 20],
        message: 'double quotes do not make a string, found `"Closed Won"`',
        hint: "strings use single quotes: 'Closed Won'",
      },
    ],
  ],
  [
    "date '2025-02-30'",
    [
      {
        code: 'formula/bad-literal',
        at: [5, 17],
        message: '`2025-02-30` is not a valid date: February 2025 has no day 30; it has 28 days',
      },
    ],
  ],
  [
    "date '2023-02-29'",
    [
      {
        code: 'formula/bad-literal',
        at: [5, 17],
        message: '`2023-02-29` is not a valid date: February 2023 has no day 29; it has 28 days',
      },
    ],
  ],
  [
    "date '2025-13-01'",
    [
      {
        code: 'formula/bad-literal',
        at: [5, 17],
        message: '`2025-13-01` is not a valid date: there is no month 13; months run from 01 to 12',
      },
    ],
  ],
  [
    "close_date > date '31/01/2025'",
    [
      {
        code: 'formula/bad-literal',
        at: [18, 30],
        message: "`31/01/2025` is not a valid date: a date is written as 'YYYY-MM-DD', e.g. date '2025-01-31'",
      },
    ],
  ],
  [
    'a = b = c',
    [
      {
        code: 'formula/syntax',
        at: [6, 7],
        message: 'comparisons cannot be chained, found `=` after a comparison',
        hint: '`a < b and b < c`',
      },
    ],
  ],
  ['1 < x <= 5', [{ code: 'formula/syntax', at: [6, 8], message: 'comparisons cannot be chained, found `<=` after a comparison' }]],
  [
    'amount +',
    [{ code: 'formula/syntax', at: [8, 8], message: 'expected an expression after `+`, found the end of the formula', hint: null }],
  ],
  ['', [{ code: 'formula/syntax', at: [0, 0], message: 'the formula is empty' }]],
  ['  # only a comment', [{ code: 'formula/syntax', at: [0, 0], message: 'the formula is empty' }]],
  [
    'sum(amount) where won',
    [
      {
        code: 'formula/syntax',
        at: [12, 17],
        message: 'expected an operator or the end of the formula, found `where`',
        hint: '`sum(amount where won)`',
      },
    ],
  ],
  ["x in 'a'", [{ code: 'formula/syntax', at: [5, 8], message: "expected `(` after `in`, found `'a'`", hint: "x in ('a', 'b')" }]],
  ['x between 1 5', [{ code: 'formula/syntax', at: [12, 13], message: 'expected `and` to complete `between … and …`, found `5`' }]],
  ['x is 5', [{ code: 'formula/syntax', at: [5, 6], message: 'expected `null` or `not null` after `is`, found `5`' }]],
  [
    'a == b',
    [{ code: 'formula/syntax', at: [3, 4], message: 'expected an expression after `=`, found `=`', hint: 'compare with a single `=`' }],
  ],
  ['won && new_logo', [{ code: 'formula/syntax', at: [4, 6], message: 'unexpected characters `&&`', hint: 'write `and`' }]],
  ['won || lost', [{ code: 'formula/syntax', at: [4, 6], message: 'unexpected characters `||`', hint: 'write `or`' }]],
  [
    "stage = 'Closed Won",
    [{ code: 'formula/syntax', at: [8, 19], message: "the string `'Closed Won` is not closed", hint: "add the closing `'`" }],
  ],
  [
    'sum(amount where won where lost)',
    [
      {
        code: 'formula/syntax',
        at: [21, 26],
        message: 'this argument already has a `where` clause',
        hint: 'combine the conditions with `and`',
      },
    ],
  ],
  [
    'rolling(win_rate, 3 mnths)',
    [
      {
        code: 'formula/bad-literal',
        at: [20, 25],
        message: '`mnths` is not a duration unit; durations use day, week, month, quarter or year (or their plurals)',
        hint: 'did you mean `3 months`?',
      },
    ],
  ],
  [
    'stage_probability[stage',
    [{ code: 'formula/syntax', at: [23, 23], message: 'expected `]` to close `stage_probability[`, found the end of the formula' }],
  ],
  ['account.', [{ code: 'formula/syntax', at: [8, 8], message: 'expected a name after `.`, found the end of the formula' }]],
  ['1e999 * x', [{ code: 'formula/bad-literal', at: [0, 5], message: 'the number `1e999` is too large' }]],
  ['a = not b', [{ code: 'formula/syntax', at: [4, 7], message: 'expected an expression after `=`, found `not`', hint: '`(not …)`' }]],
  ['count(x) )', [{ code: 'formula/syntax', at: [9, 10], message: 'found `)` but no `(` is open' }]],
  [
    "x not like 'a%'",
    [
      {
        code: 'formula/syntax',
        at: [2, 5],
        message: 'expected an operator or the end of the formula, found `not`',
        hint: '`x not in (…)`',
      },
    ],
  ],
  [
    'amount 100',
    [
      {
        code: 'formula/syntax',
        at: [7, 10],
        message: 'expected an operator or the end of the formula, found `100`',
        hint: 'is an operator missing before `100`?',
      },
    ],
  ],
  [
    'sum(amount won)',
    [
      {
        code: 'formula/syntax',
        at: [11, 14],
        message: 'expected `)` to close `sum(`, found `won`',
        hint: 'is a `,` or an operator missing before `won`?',
      },
    ],
  ],
  [
    'sum(where won)',
    [
      {
        code: 'formula/syntax',
        at: [4, 9],
        message: 'expected an expression after `(`, found `where`',
        hint: 'a `where` clause follows an argument',
      },
    ],
  ],
  [
    'count(opportunities where stage = Closed Won)',
    [
      {
        code: 'formula/syntax',
        at: [41, 44],
        message: 'expected `)` to close `count(`, found `Won`',
        hint: "Text values go in single quotes: 'Closed Won'",
      },
    ],
  ],
  [
    'sum(amount) on created_date',
    [
      {
        code: 'formula/syntax',
        at: [12, 14],
        message: 'expected an operator or the end of the formula, found `on`',
        hint: 'e.g. `sum(amount on created_date)`',
      },
    ],
  ],
  [
    'amount => 5',
    [{ code: 'formula/syntax', at: [8, 9], message: 'expected an expression after `=`, found `>`', hint: 'did you mean `>=`?' }],
  ],
  [
    'x * .5',
    [
      {
        code: 'formula/syntax',
        at: [4, 5],
        message: 'expected an expression after `*`, found `.`',
        hint: 'write a digit before the point: `0.5`',
      },
    ],
  ],
  [
    'x = in',
    [{ code: 'formula/syntax', at: [4, 6], message: 'expected an expression after `=`, found `in`', hint: '`in` is a reserved word' }],
  ],
  ['@amount', [{ code: 'formula/syntax', at: [0, 1], message: 'unexpected character `@`' }]],
  ['a\u0000b', [{ code: 'formula/syntax', at: [1, 2], message: 'unexpected character `\\u0000`' }]],
  ['montant_é', [{ code: 'formula/syntax', at: [8, 9], message: 'unexpected character `é`', hint: 'names use only the letters A–Z' }]],
  [
    'account.lower(x)',
    [
      {
        code: 'formula/syntax',
        at: [13, 14],
        message: 'expected an operator or the end of the formula, found `(`',
        hint: 'only a plain function name can be called',
      },
    ],
  ],
];

describe('parseFormula errors', () => {
  it.each(cases)('%j', (text, expected) => {
    const { diagnostics } = parseFormula(text);
    const got = diagnostics.map((d) => ({ code: d.code, at: [d.span.start, d.span.end], message: d.message, hint: d.hint }));
    expect(got.map(({ hint: _h, ...rest }) => rest)).toEqual(expected.map(({ hint: _h, ...rest }) => rest));
    expected.forEach((e, i) => {
      if (e.hint === null) expect(got[i]?.hint).toBeUndefined();
      else if (e.hint !== undefined) expect(got[i]?.hint).toContain(e.hint);
    });
    for (const d of diagnostics) expect(d.severity).toBe('error');
  });

  it('reports every independent mistake in one parse', () => {
    const { value, diagnostics } = parseFormula('sum(amount +) / count(opportunities where)');
    expect(diagnostics.map((d) => [d.span.start, d.message])).toEqual([
      [12, 'expected an expression after `+`, found `)`'],
      [41, 'expected an expression after `where`, found `)`'],
    ]);
    expect(stripSpans(value)).toEqual(
      bin('/', call('sum', bin('+', n('amount'), err())), call('count', arg(n('opportunities'), { where: err() }))),
    );
  });

  it('goes on after a missing `)` and reports the next call too', () => {
    const { diagnostics } = parseFormula('sum(amount won) / count(x where)');
    expect(diagnostics.map((d) => d.span.start)).toEqual([11, 31]);
  });

  it('keeps going after left-over input, reporting it once', () => {
    const { diagnostics } = parseFormula('a b c + (d');
    expect(diagnostics.map((d) => [d.span.start, d.message])).toEqual([
      [2, 'expected an operator or the end of the formula, found `b`'],
      [10, 'expected `)` to close `(`, found the end of the formula'],
    ]);
  });

  it('does not echo dropped characters as a second error', () => {
    expect(parseFormula('a && b').diagnostics).toHaveLength(1);
    expect(parseFormula('amount + @').diagnostics).toHaveLength(1);
    expect(parseFormula('@').diagnostics).toHaveLength(1);
  });

  it('stands in an error node for the broken part and keeps the rest', () => {
    const { value } = parseFormula('sum(amount where ) + 1');
    expect(stripSpans(value)).toEqual(
      bin('+', call('sum', arg(n('amount'), { where: err() })), { kind: 'number', value: 1, percent: false }),
    );
  });

  it('gives line and column of a mistake on a later line', () => {
    const text = 'sum(amount\n  where won\n  where lost)';
    const [d] = parseFormula(text).diagnostics;
    expect(d?.message).toBe('this argument already has a `where` clause');
    expect(lineColumnOf(makeSourceText('f', text), d?.span.start ?? -1)).toEqual({ line: 3, column: 3 });
  });

  it('refuses too deep nesting and too long formulas without throwing', () => {
    const deep = parseFormula(`${'('.repeat(150)}x${')'.repeat(150)}`);
    expect(deep.diagnostics.map((d) => d.message)).toEqual(['the formula is nested too deeply (more than 100 levels)']);
    const long = parseFormula('x + '.repeat(3000) + 'x');
    expect(long.diagnostics.map((d) => d.message)).toEqual(['the formula is too long (6001 tokens; at most 4000)']);
    expect(long.value.kind).toBe('error');
    const chain = parseFormula(`${'1 + '.repeat(300)}1`);
    expect(chain.diagnostics.map((d) => [d.span.start, d.span.end, d.message])).toEqual([
      [0, 1201, 'the formula is nested too deeply (its expression tree is more than 250 levels deep)'],
    ]);
    expect(parseFormula(`${'-'.repeat(300)}x`).diagnostics).toHaveLength(1);
  });

  it('accepts nesting up to the limit', () => {
    expect(parseFormula(`${'('.repeat(90)}x${')'.repeat(90)}`).diagnostics).toEqual([]);
    expect(parseFormula(`${'f('.repeat(90)}x${')'.repeat(90)}`).diagnostics).toEqual([]);
    expect(parseFormula(`${'1 + '.repeat(240)}1`).diagnostics).toEqual([]);
  });
});
