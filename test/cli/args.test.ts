import { describe, expect, test } from 'vitest';
import { parseFlags, wantsHelp, type FlagSpec } from '../../src/cli/args.js';

const SPECS: FlagSpec[] = [
  { name: 'catalog', kind: 'value', placeholder: 'DIR', description: '' },
  { name: 'kpi', kind: 'list', placeholder: 'ID[,ID…]', description: '' },
  { name: 'format', kind: 'value', choices: ['csv', 'json'], description: '' },
  { name: 'strict', kind: 'switch', description: '' },
];

describe('parseFlags accepts', () => {
  test('space and = forms, switches, lists that add up and trim', () => {
    const r = parseFlags(['--catalog', 'cat', '--format=json', '--strict', '--kpi', 'a, b', '--kpi=c'], SPECS);
    if (!r.ok) throw new Error(r.message);
    expect([...r.flags.values]).toEqual([
      ['catalog', 'cat'],
      ['format', 'json'],
    ]);
    expect(r.flags.lists.get('kpi')).toEqual(['a', 'b', 'c']);
    expect(r.flags.switches.has('strict')).toBe(true);
  });

  test('a value may contain = and start with a single dash', () => {
    const r = parseFlags(['--catalog=a=b', '--kpi', '-x'], SPECS);
    expect(r.ok && [r.flags.values.get('catalog'), r.flags.lists.get('kpi')]).toEqual(['a=b', ['-x']]);
  });

  test('nothing at all', () => {
    const r = parseFlags([], SPECS);
    expect(r.ok && r.flags.values.size + r.flags.lists.size + r.flags.switches.size).toBe(0);
  });
});

describe('parseFlags refuses', () => {
  test.each([
    [['--catalgo', 'x'], 'unknown flag `--catalgo`; did you mean `--catalog`?'],
    [['--zzz'], 'unknown flag `--zzz`'],
    [['-kpi', 'a'], 'unknown flag `-kpi`; did you mean `--kpi`?'],
    [['-'], 'unexpected argument `-`; flags take the form `--flag value`'],
    [['x'], 'unexpected argument `x`; flags take the form `--flag value`'],
    [['--catalog'], '`--catalog` needs a value (DIR)'],
    [['--catalog', '--strict'], '`--catalog` needs a value (DIR)'],
    [['--catalog', '  '], '`--catalog` needs a value (DIR)'],
    [['--catalog', 'a', '--catalog', 'b'], '`--catalog` is given twice'],
    [['--strict=no'], '`--strict` takes no value'],
    [['--format', 'xml'], 'unknown value `xml` for `--format`; use one of csv, json'],
    [['--format', 'jsn'], 'unknown value `jsn` for `--format`; use one of csv, json (did you mean `json`?)'],
    [['--kpi', 'a,'], '`--kpi` has an empty item in `a,`; separate names with single commas'],
  ])('%j', (argv, message) => {
    expect(parseFlags(argv, SPECS)).toEqual({ ok: false, message });
  });
});

test.each([
  [['--help'], true],
  [['-h', '--zzz'], true],
  [['--zzz', '--help'], true],
  [['--helpful'], false],
  [[], false],
])('wantsHelp %j', (argv, expected) => {
  expect(wantsHelp(argv)).toBe(expected);
});
