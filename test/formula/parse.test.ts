import { describe, expect, it } from 'vitest';
import { parseFormula } from '../../src/formula/parse.js';
import { printFormula } from '../../src/formula/print.js';
import { stripSpans } from '../../src/formula/strip-spans.js';
import { arg, between, bin, bool, call, date, dur, idx, inList, isNull, n, neg, not, nul, num, pos, str, type S } from './builders.js';

/** [formula, expected tree, canonical text when it differs from the formula]. */
type Case = readonly [string, S, string?];

const literals: Case[] = [
  ['42', num(42)],
  ['1_000_000', num(1_000_000), '1000000'],
  ['0.25', num(0.25)],
  ['1e3', num(1000), '1000'],
  ['2.5E-2', num(0.025), '0.025'],
  ['15%', num(15, true)],
  ['12.5%', num(12.5, true)],
  ["'Closed Won'", str('Closed Won')],
  ["'it''s'", str("it's")],
  ["''", str('')],
  ["date '2025-01-31'", date('2025-01-31')],
  ["DATE '2024-02-29'", date('2024-02-29'), "date '2024-02-29'"],
  ['true', bool(true)],
  ['FALSE', bool(false), 'false'],
  ['Null', nul(), 'null'],
  ['30 days', dur(30, 'day')],
  ['3 Months', dur(3, 'month'), '3 months'],
  ['1 quarter', dur(1, 'quarter')],
  ['1 YEARS', dur(1, 'year'), '1 year'],
  ['2 week', dur(2, 'week'), '2 weeks'],
  ['4 quarters', dur(4, 'quarter')],
];

const names: Case[] = [
  ['amount', n('amount')],
  ['Amount', n('Amount')],
  ['_x1', n('_x1')],
  ['account.parent.segment', n('account', 'parent', 'segment')],
  ['opportunities.amount', n('opportunities', 'amount')],
  ['date', n('date')],
  ['date + 1', bin('+', n('date'), num(1))],
  ['Date.year', n('Date', 'year')],
  ['year', n('year')],
  ['days', n('days')],
  ['days_between', n('days_between')],
  ['stage_probability[stage]', idx('stage_probability', n('stage'))],
  ['rates.by_stage[lower(stage)]', idx('rates.by_stage', call('lower', n('stage')))],
  ['notes', n('notes')],
  ['inner', n('inner')],
];

const operators: Case[] = [
  ['a + b * c', bin('+', n('a'), bin('*', n('b'), n('c')))],
  ['(a + b) * c', bin('*', bin('+', n('a'), n('b')), n('c'))],
  ['a - b - c', bin('-', bin('-', n('a'), n('b')), n('c'))],
  ['(a - b) - c', bin('-', bin('-', n('a'), n('b')), n('c')), 'a - b - c'],
  ['a - (b - c)', bin('-', n('a'), bin('-', n('b'), n('c')))],
  ['a / b / c', bin('/', bin('/', n('a'), n('b')), n('c'))],
  ['a / (b * c)', bin('/', n('a'), bin('*', n('b'), n('c')))],
  ['-a * b', bin('*', neg(n('a')), n('b'))],
  ['-(a * b)', neg(bin('*', n('a'), n('b')))],
  ['- -a', neg(neg(n('a')))],
  ['-(-a)', neg(neg(n('a'))), '- -a'],
  ['-+a', neg(pos(n('a'))), '- +a'],
  ['+a', pos(n('a'))],
  ['-x.y', neg(n('x', 'y'))],
  ['not a and b', bin('and', not(n('a')), n('b'))],
  ['not (a and b)', not(bin('and', n('a'), n('b')))],
  ['NOT NOT a', not(not(n('a'))), 'not not a'],
  ['not a = b', not(bin('=', n('a'), n('b')))],
  ['a or b and c', bin('or', n('a'), bin('and', n('b'), n('c')))],
  ['(a or b) and c', bin('and', bin('or', n('a'), n('b')), n('c'))],
  ['a Or b OR c', bin('or', bin('or', n('a'), n('b')), n('c')), 'a or b or c'],
  ['a = b and c <> d', bin('and', bin('=', n('a'), n('b')), bin('!=', n('c'), n('d'))), 'a = b and c != d'],
  ['a != b', bin('!=', n('a'), n('b'))],
  ['a < b', bin('<', n('a'), n('b'))],
  ['a <= b', bin('<=', n('a'), n('b'))],
  ['a > b', bin('>', n('a'), n('b'))],
  ['a >= b', bin('>=', n('a'), n('b'))],
  ['a + 1 > b * 2', bin('>', bin('+', n('a'), num(1)), bin('*', n('b'), num(2)))],
  ['(a = b) = c', bin('=', bin('=', n('a'), n('b')), n('c'))],
  ['x in (1)', inList(n('x'), [num(1)])],
  ["x not in ('a', 'b')", inList(n('x'), [str('a'), str('b')], true)],
  ["x NOT IN ('a','b')", inList(n('x'), [str('a'), str('b')], true), "x not in ('a', 'b')"],
  ['a + b in (1, 2)', inList(bin('+', n('a'), n('b')), [num(1), num(2)])],
  ['not x in (1)', not(inList(n('x'), [num(1)]))],
  ['x between 1 and 10', between(n('x'), num(1), num(10))],
  ['x not between a and b + 1', between(n('x'), n('a'), bin('+', n('b'), num(1)), true)],
  ['x between 1 and 2 and y', bin('and', between(n('x'), num(1), num(2)), n('y'))],
  ['x is null', isNull(n('x'))],
  ['x IS NOT NULL', isNull(n('x'), true), 'x is not null'],
  ['a = b or x is null', bin('or', bin('=', n('a'), n('b')), isNull(n('x')))],
];

const calls: Case[] = [
  ['count(opportunities where won)', call('count', arg(n('opportunities'), { where: n('won') }))],
  ['sum(amount where won and new_logo)', call('sum', arg(n('amount'), { where: bin('and', n('won'), n('new_logo')) }))],
  ['sum(amount where open on created_date)', call('sum', arg(n('amount'), { where: n('open'), on: n('created_date') }))],
  ['percentile(x, 0.9 where won)', call('percentile', n('x'), arg(num(0.9), { where: n('won') }))],
  ['last(sum(arr) on snapshot_date)', call('last', arg(call('sum', n('arr')), { on: n('snapshot_date') }))],
  ['avg(sum(amount where won) per owner_id)', call('avg', arg(call('sum', arg(n('amount'), { where: n('won') })), { per: n('owner_id') }))],
  ['top_share(sum(amount) per account_id, 10)', call('top_share', arg(call('sum', n('amount')), { per: n('account_id') }), num(10))],
  ['rolling(win_rate, 3 months)', call('rolling', n('win_rate'), dur(3, 'month'))],
  ['to_date(bookings, year)', call('to_date', n('bookings'), n('year'))],
  ['total(win_rate, region)', call('total', n('win_rate'), n('region'))],
  ["if(amount >= 100000, 'Large', 'Standard')", call('if', bin('>=', n('amount'), num(100000)), str('Large'), str('Standard'))],
  [
    'sum(amount * stage_probability[stage] where open)',
    call('sum', arg(bin('*', n('amount'), idx('stage_probability', n('stage'))), { where: n('open') })),
  ],
  ['days_between(created_date, close_date)', call('days_between', n('created_date'), n('close_date'))],
  [
    '-prior(bookings, 1 year) + 1_000',
    bin('+', neg(call('prior', n('bookings'), dur(1, 'year'))), num(1000)),
    '-prior(bookings, 1 year) + 1000',
  ],
  ['year(close_date)', call('year', n('close_date'))],
  ['date(x)', call('date', n('x'))],
  ['today()', call('today')],
  ['SUM(Amount)', call('sum', n('Amount')), 'sum(Amount)'],
  ['sum(x per k on d where w)', call('sum', arg(n('x'), { where: n('w'), on: n('d'), per: n('k') })), 'sum(x where w on d per k)'],
  [
    "count(opportunities where stage in ('Closed Won', 'Closed Lost'))",
    call('count', arg(n('opportunities'), { where: inList(n('stage'), [str('Closed Won'), str('Closed Lost')]) })),
  ],
  ['coalesce(a, b, 0)', call('coalesce', n('a'), n('b'), num(0))],
  [
    'hhi(sum(amount where won) per account_id)',
    call('hhi', arg(call('sum', arg(n('amount'), { where: n('won') })), { per: n('account_id') })),
  ],
  [
    'count(opportunities where won) / count(opportunities where closed)',
    bin('/', call('count', arg(n('opportunities'), { where: n('won') })), call('count', arg(n('opportunities'), { where: n('closed') }))),
  ],
];

const layout: Case[] = [
  ['a # the first part\n + b', bin('+', n('a'), n('b')), 'a + b'],
  ['# leading comment\r\nx', n('x'), 'x'],
  [' \n\t a\r\n', n('a'), 'a'],
  ['sum(\n  amount\n  where won\n)', call('sum', arg(n('amount'), { where: n('won') })), 'sum(amount where won)'],
  ["'a # not a comment'", str('a # not a comment')],
  ["'two\nlines'", str('two\nlines')],
];

describe.each([
  ['literals', literals],
  ['names', names],
  ['operators', operators],
  ['calls', calls],
  ['comments and layout', layout],
])('parseFormula: %s', (_group, cases) => {
  const rows = cases.map(([text, expected, canonical]) => ({ text, expected, canonical: canonical ?? text }));

  it.each(rows)('$text', ({ text, expected }) => {
    const { value, diagnostics } = parseFormula(text);
    expect(diagnostics).toEqual([]);
    expect(stripSpans(value)).toEqual(expected);
  });

  it.each(rows)('prints $text canonically and round-trips', ({ text, expected, canonical }) => {
    const printed = printFormula(parseFormula(text).value);
    expect(printed).toBe(canonical);
    const again = parseFormula(printed);
    expect(again.diagnostics).toEqual([]);
    expect(stripSpans(again.value)).toEqual(expected);
    expect(printFormula(again.value)).toBe(printed);
  });
});
