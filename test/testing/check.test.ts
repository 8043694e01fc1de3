/**
 * `kpic validate` on test documents: every problem that needs no data, at its line and column,
 * with the code of docs/diagnostics.md — and a valid test reports nothing.
 */
import { describe, expect, test } from 'vitest';
import { lineColumnOf } from '../../src/diagnostics/span.js';
import { checkCatalogFiles } from '../../src/check-catalog.js';
import { CATALOG, GOOD_TEST } from './fixture.js';

function problems(testYaml: string): { code: string; line: number; column: number; message: string }[] {
  const checked = checkCatalogFiles(new Map(Object.entries({ ...CATALOG, 'tests/t.yaml': testYaml })));
  return checked.diagnostics.map((d) => {
    const source = checked.catalog.files.get(d.span.file);
    const at = source === undefined ? { line: 0, column: 0 } : lineColumnOf(source, d.span.start);
    return { code: d.code, ...at, message: d.message };
  });
}

const codes = (yaml: string): [string, number, number][] => problems(yaml).map((p) => [p.code, p.line, p.column]);

const ONE_CASE = (fixtures: string, expect = '      - values:\n          - { period: 2025-01, bookings: 0 }\n'): string =>
  `test: t\ncases:\n  - case: c\n${fixtures === '' ? '' : `    fixtures:\n${fixtures}`}    expect:\n${expect}`;

describe('test documents in kpic validate', () => {
  test('the valid test reports nothing', () => {
    expect(problems(GOOD_TEST)).toEqual([]);
  });

  test.each([
    ['an unknown source', ONE_CASE('      oportunities:\n        - { id: x }\n'), [['test/unknown-source', 5, 7]]],
    [
      'an unknown column',
      ONE_CASE('      opportunities:\n        - { owner_id: r1, stage: Won, close_date: 2025-01-01, amout: 5 }\n'),
      [['test/unknown-column', 6, 63]],
    ],
    [
      'a value of the wrong type, and one outside `values`',
      ONE_CASE('      opportunities:\n        - { owner_id: r1, stage: won, close_date: 2025-02-30, amount: 1.2.3 }\n'),
      [
        ['test/bad-value', 6, 34],
        ['test/bad-value', 6, 51],
        ['test/bad-value', 6, 71],
      ],
    ],
    [
      'a required column left empty',
      ONE_CASE('      opportunities:\n        - { owner_id: r1, stage: Won }\n'),
      [['test/missing-value', 6, 11]],
    ],
    ['a repeated key', ONE_CASE('      reps:\n        - { rep_id: r1 }\n        - { rep_id: r1 }\n'), [['test/duplicate-value', 7, 11]]],
    ['a CSV fixture outside the catalog folder', ONE_CASE('      reps: ../../reps.csv\n'), [['test/fixture-file', 5, 13]]],
    ['an unknown KPI', ONE_CASE('', '      - values:\n          - { period: 2025-01, bookngs: 1 }\n'), [['test/unknown-kpi', 6, 32]]],
    [
      'a dimension as a KPI column, without `by`',
      ONE_CASE('', '      - values:\n          - { period: 2025-01, region: EMEA }\n'),
      [['test/unknown-kpi', 6, 32]],
    ],
    [
      'a dimension a KPI cannot be broken down by',
      ONE_CASE('', '      - by: [region]\n        values:\n          - { period: 2025-01, region: EMEA, target_total: 1 }\n'),
      [['test/unknown-dimension', 5, 14]],
    ],
    [
      'a row without its breakdown value',
      ONE_CASE('', '      - by: [region]\n        values:\n          - { period: 2025-01, bookings: 1 }\n'),
      [['test/missing-value', 7, 13]],
    ],
    [
      'a period that is not the first day, and an expected value that is not a number',
      ONE_CASE('', '      - grain: quarter\n        values:\n          - { period: 2025-02-01, bookings: lots }\n'),
      [
        ['test/bad-period', 7, 23],
        ['test/bad-value', 7, 45],
      ],
    ],
    [
      'two rows for one cell',
      ONE_CASE('', '      - values:\n          - { period: 2025-01, bookings: 1 }\n          - { period: 2025-01-01, win_rate: 1 }\n'),
      [['test/duplicate', 7, 23]],
    ],
    [
      'an unknown scorecard and a malformed period',
      ONE_CASE('', '      - scorecard: slaes\n        period: Q2\n        status: green\n'),
      [
        ['test/unknown-scorecard', 5, 20],
        ['test/bad-period', 6, 17],
      ],
    ],
    [
      'a payout expectation names an unknown plan, at the name',
      ONE_CASE('', '      - plan: ae_plan\n        period: 2025-01\n        reps: { r1: { pay: 10 } }\n'),
      [['test/unknown-plan', 5, 15]],
    ],
    [
      'a payout expectation without reps, with a key it does not take',
      ONE_CASE('', '      - plan: ae_plan\n        period: 2025-01\n        payouts: []\n'),
      [
        ['schema/missing-key', 5, 9],
        ['test/unknown-plan', 5, 15],
        ['schema/unknown-key', 7, 9],
      ],
    ],
  ])('%s', (_name, yaml, want) => {
    expect(codes(yaml)).toEqual(want);
  });

  test('two cases with one name', () => {
    const yaml = `test: t\ncases:\n  - case: same\n    expect: [{ values: [{ period: 2025-01, bookings: 0 }] }]\n  - case: same\n    expect: [{ values: [{ period: 2025-01, bookings: 0 }] }]\n`;
    expect(codes(yaml)).toEqual([['test/duplicate', 5, 11]]);
  });

  test('messages say what would be right', () => {
    const [unknown] = problems(ONE_CASE('', '      - values:\n          - { period: 2025-01, region: EMEA }\n'));
    expect(unknown?.message).toBe('unknown KPI `region`');
    const checked = checkCatalogFiles(
      new Map(
        Object.entries({ ...CATALOG, 'tests/t.yaml': ONE_CASE('', '      - values:\n          - { period: 2025-01, region: EMEA }\n') }),
      ),
    );
    expect(checked.diagnostics[0]?.hint).toBe('`region` is a dimension: add it to `by:` to expect values per region');
    const [period] = problems(ONE_CASE('', '      - grain: quarter\n        values:\n          - { period: 2025-02-01, bookings: 1 }\n'));
    expect(period?.message).toBe('`2025-02-01` is not the first day of a quarter; its quarter starts on 2025-01-01');
  });
});
