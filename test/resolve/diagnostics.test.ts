/**
 * The resolve phase's diagnostics: each case is a `kpis.yaml` over a fixed set of sources, with the
 * exact code, line and column of every diagnostic it must give (and no other).
 */
import { describe, expect, it } from 'vitest';
import { lineColumnOf } from '../../src/diagnostics/span.js';
import { checkCatalogFiles } from '../../src/check-catalog.js';

const SOURCES = `source: opportunities
file: opps.csv
time: close_date
key: id
columns:
  id: { type: string }
  account_id: { type: string }
  owner_id: { type: string }
  stage: { type: string, values: [Open, Won, Lost] }
  amount: { type: money }
  discount: { type: percent }
  name: { type: string }
  created_date: { type: date }
  close_date: { type: date }
joins:
  account: { to: accounts, on: account_id }
  owner: { to: reps, on: owner_id }
  approver: { to: reps, on: owner_id }
definitions:
  won: stage = 'Won'
dimensions:
  region: owner.region
---
source: accounts
file: accounts.csv
key: account_id
columns:
  account_id: { type: string }
  segment: { type: string }
  employees: { type: integer }
---
source: reps
file: reps.csv
key: rep_id
columns:
  rep_id: { type: string }
  region: { type: string }
  quota: { type: money }
  owner_id: { type: string }
`;

interface Case {
  readonly name: string;
  readonly kpis: string;
  readonly errors: readonly { readonly code: string; readonly line: number; readonly column: number; readonly message?: RegExp }[];
}

const CASES: readonly Case[] = [
  { name: 'a valid KPI', kpis: 'kpi: ok\nformula: sum(amount where won)\nunit: money\n', errors: [] },
  {
    name: 'unknown column with a suggestion',
    kpis: 'kpi: k\nformula: sum(ammount where won)\n',
    errors: [{ code: 'resolve/unknown-column', line: 2, column: 14, message: /`ammount`.*did you mean `amount`/ }],
  },
  {
    name: 'unknown column inside a where clause',
    kpis: 'kpi: k\nformula: sum(amount where stagee = 1)\n',
    errors: [{ code: 'resolve/unknown-column', line: 2, column: 27, message: /`stagee`/ }],
  },
  {
    name: 'unknown KPI',
    kpis: 'kpi: k\nformula: bookingz * 2\n',
    errors: [{ code: 'resolve/unknown-kpi', line: 2, column: 10, message: /`bookingz`/ }],
  },
  {
    name: 'a cycle names every KPI in it, at each reference',
    kpis: 'kpi: a\nformula: b + 1\n---\nkpi: b\nformula: c * 2\n---\nkpi: c\nformula: a - 1\n',
    errors: [
      { code: 'resolve/cycle', line: 2, column: 10, message: /a → b → c → a/ },
      { code: 'resolve/cycle', line: 5, column: 10, message: /b → c → a → b/ },
      { code: 'resolve/cycle', line: 8, column: 10, message: /c → a → b → c/ },
    ],
  },
  {
    name: 'a KPI naming itself',
    kpis: 'kpi: a\nformula: a + 1\n',
    errors: [{ code: 'resolve/cycle', line: 2, column: 10, message: /a → a/ }],
  },
  {
    name: 'a value not in the enumeration',
    kpis: "kpi: k\nformula: count(opportunities where stage = 'Closd Won')\n",
    errors: [{ code: 'resolve/unknown-value', line: 2, column: 44, message: /'Closd Won'/ }],
  },
  {
    name: 'an enumeration value in an in-list',
    kpis: "kpi: k\nformula: count(opportunities where stage in ('Won', 'Lst'))\n",
    errors: [{ code: 'resolve/unknown-value', line: 2, column: 53, message: /'Lst'/ }],
  },
  {
    name: 'declared percent for a sum of money',
    kpis: 'kpi: k\nformula: sum(amount)\nunit: percent\n',
    errors: [{ code: 'resolve/declared-unit', line: 3, column: 7, message: /percent.*money/ }],
  },
  {
    name: 'a ratio of counts declared percent',
    kpis: 'kpi: k\nformula: count(opportunities where won) / count(opportunities)\nunit: percent\n',
    errors: [],
  },
  { name: 'a ratio of money declared ratio', kpis: 'kpi: k\nformula: sum(amount where won) / sum(amount)\nunit: ratio\n', errors: [] },
  { name: 'money per count is money', kpis: 'kpi: k\nformula: sum(amount) / count(opportunities)\nunit: money\n', errors: [] },
  {
    name: 'adding money to a percent',
    kpis: 'kpi: k\nformula: sum(amount) + avg(discount)\n',
    errors: [{ code: 'resolve/unit-mismatch', line: 2, column: 24, message: /`avg\(discount\)` \(percent\).*money/ }],
  },
  {
    name: 'a formula syntax error',
    kpis: 'kpi: k\nformula: sum(amount where (won)\n',
    errors: [{ code: 'formula/syntax', line: 2, column: 32 }],
  },
  {
    name: 'sum over a string column',
    kpis: 'kpi: k\nformula: sum(name)\n',
    errors: [{ code: 'resolve/aggregate-type', line: 2, column: 14, message: /`name` is a string/ }],
  },
  {
    name: 'an aggregate that could read two sources',
    kpis: 'kpi: k\nformula: count_distinct(owner_id)\n',
    errors: [{ code: 'resolve/ambiguous-source', line: 2, column: 10, message: /opportunities.*reps|reps.*opportunities/ }],
  },
  { name: 'a qualified column pins the source', kpis: 'kpi: k\nformula: count_distinct(reps.owner_id)\n', errors: [] },
  {
    name: 'a column outside an aggregate',
    kpis: 'kpi: k\nformula: amount * 2\n',
    errors: [{ code: 'resolve/column-outside-aggregate', line: 2, column: 10, message: /`amount`/ }],
  },
  {
    name: 'a source name used as a join',
    kpis: 'kpi: k\nformula: sum(accounts.employees + amount)\n',
    errors: [{ code: 'resolve/unknown-join', line: 2, column: 14, message: /`accounts` is a source.*did you mean `account.employees`\?$/ }],
  },
  {
    name: 'a source reached by two joins: each join is a suggestion',
    kpis: "kpi: k\nformula: sum(amount where reps.region = 'EMEA')\n",
    errors: [
      {
        code: 'resolve/unknown-join',
        line: 2,
        column: 27,
        message: /`reps` is a source.*did you mean `owner.region` or `approver.region`\?$/,
      },
    ],
  },
  {
    name: 'two sources named in one aggregate, one joined from the other: the joins are the suggestions',
    kpis: "kpi: k\nformula: sum(opportunities.amount where reps.region = 'EMEA')\n",
    errors: [
      {
        code: 'resolve/ambiguous-source',
        line: 2,
        column: 10,
        message:
          /names `opportunities` and `reps` reach `reps` from `opportunities` through a join: did you mean `owner.region` or `approver.region`\?$/,
      },
    ],
  },
  {
    name: 'an unknown join',
    kpis: "kpi: k\nformula: count(opportunities where acount.segment = 'SMB')\n",
    errors: [{ code: 'resolve/unknown-join', line: 2, column: 36, message: /acount/ }],
  },
  {
    name: 'a join used as a value',
    kpis: 'kpi: k\nformula: count(opportunities where account = 1)\n',
    errors: [{ code: 'resolve/unknown-column', line: 2, column: 36, message: /join/ }],
  },
  {
    name: 'where that is not a condition',
    kpis: 'kpi: k\nformula: sum(amount where amount)\n',
    errors: [{ code: 'resolve/type-mismatch', line: 2, column: 27 }],
  },
  {
    name: 'comparing with null',
    kpis: 'kpi: k\nformula: count(opportunities where amount = null)\n',
    errors: [{ code: 'resolve/type-mismatch', line: 2, column: 45 }],
  },
  {
    name: 'an unknown function',
    kpis: 'kpi: k\nformula: summ(amount)\n',
    errors: [{ code: 'resolve/unknown-function', line: 2, column: 10, message: /did you mean `sum`/ }],
  },
  { name: 'wrong arity', kpis: 'kpi: k\nformula: prior(sum(amount))\n', errors: [{ code: 'resolve/arity', line: 2, column: 10 }] },
  {
    name: 'a window without a duration',
    kpis: 'kpi: k\nformula: rolling(sum(amount), 3)\n',
    errors: [{ code: 'resolve/bad-argument', line: 2, column: 31 }],
  },
  {
    name: 'nested aggregates without per',
    kpis: 'kpi: k\nformula: avg(sum(amount))\n',
    errors: [{ code: 'resolve/nested-aggregate', line: 2, column: 14 }],
  },
  { name: 'per on a KPI-level aggregate', kpis: 'kpi: k\nformula: avg(sum(amount where won) per owner_id)\n', errors: [] },
  {
    name: 'a per key unknown in the source',
    kpis: 'kpi: k\nformula: avg(sum(amount) per ownr_id)\n',
    errors: [{ code: 'resolve/unknown-column', line: 2, column: 30, message: /did you mean `owner_id`/ }],
  },
  {
    name: 'an anchor that is not a date',
    kpis: 'kpi: k\nformula: count(opportunities on amount)\n',
    errors: [{ code: 'resolve/bad-time-anchor', line: 2, column: 33 }],
  },
  {
    name: 'a total over an unknown dimension',
    kpis: 'kpi: k\nformula: total(sum(amount), regin)\n',
    errors: [{ code: 'resolve/unknown-dimension', line: 2, column: 29, message: /did you mean `region`/ }],
  },
  {
    name: 'a rolling window inside to_date',
    kpis: 'kpi: k\nformula: to_date(rolling(sum(amount), 3 months), year)\n',
    errors: [{ code: 'resolve/ambiguous-meaning', line: 2, column: 18 }],
  },
  {
    name: 'values of two different joins summed',
    kpis: 'kpi: k\nformula: sum(account.employees + owner.quota)\n',
    errors: [
      { code: 'resolve/ambiguous-meaning', line: 2, column: 14 },
      { code: 'resolve/unit-mismatch', line: 2, column: 34 },
    ],
  },
  {
    name: 'a KPI that gives a condition',
    kpis: 'kpi: k\nformula: sum(amount) > 5\n',
    errors: [{ code: 'resolve/type-mismatch', line: 2, column: 10 }],
  },
  {
    name: 'a deprecated reference warns',
    kpis: 'kpi: old\nformula: sum(amount)\nstatus: deprecated\nreplaced_by: new\n---\nkpi: new\nformula: sum(amount)\n---\nkpi: k\nformula: old / 2\n',
    errors: [{ code: 'resolve/deprecated-reference', line: 10, column: 10, message: /`old` is deprecated/ }],
  },
  {
    name: 'every problem in one run',
    kpis: 'kpi: a\nformula: sum(ammount)\n---\nkpi: b\nformula: nope + 1\n---\nkpi: c\nformula: sum(amount)\nunit: percent\n',
    errors: [
      { code: 'resolve/unknown-column', line: 2, column: 14 },
      { code: 'resolve/unknown-kpi', line: 5, column: 10 },
      { code: 'resolve/declared-unit', line: 9, column: 7 },
    ],
  },
];

function diagnosticsOf(kpis: string): { code: string; line: number; column: number; message: string }[] {
  const files = new Map([
    ['catalog.yaml', 'catalog: t\nversion: 1.0.0\n'],
    ['sources.yaml', SOURCES],
    ['kpis.yaml', kpis],
  ]);
  const checked = checkCatalogFiles(files);
  return checked.diagnostics.map((d) => {
    const source = checked.catalog.files.get(d.span.file);
    if (source === undefined) throw new Error(`no file ${d.span.file}`);
    expect(d.span.file).toBe('kpis.yaml');
    return { code: d.code, ...lineColumnOf(source, d.span.start), message: `${d.message} ${d.hint ?? ''}` };
  });
}

describe('resolve diagnostics', () => {
  it.each(CASES)('$name', ({ kpis, errors }) => {
    const got = diagnosticsOf(kpis);
    expect(got.map(({ code, line, column }) => ({ code, line, column }))).toEqual(
      errors.map(({ code, line, column }) => ({ code, line, column })),
    );
    errors.forEach((e, i) => {
      if (e.message !== undefined) expect(got[i]?.message).toMatch(e.message);
    });
  });
});
