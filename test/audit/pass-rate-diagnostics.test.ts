/**
 * What `kpic validate` says about `pass_rate(check)` misused: each case is a `kpis.yaml` (and
 * maybe more checks) over the catalog of pass-rate-fixture.ts, with the exact code, file, line and
 * column of every error it must give, and no other.
 */
import { describe, expect, it } from 'vitest';
import { checkCatalogFiles } from '../../src/check-catalog.js';
import { lineColumnOf } from '../../src/diagnostics/span.js';
import { buildDependencyGraph, dependentsOf } from '../../src/lineage/graph.js';
import { passRateCatalog } from './pass-rate-fixture.js';

interface Expected {
  readonly code: string;
  readonly file?: string;
  readonly line: number;
  readonly column: number;
  readonly message?: RegExp;
  readonly hint?: RegExp;
}

interface Case {
  readonly name: string;
  readonly kpis: string;
  readonly extra?: Readonly<Record<string, string>>;
  readonly errors: readonly Expected[];
}

const BROKEN = `check: broken_column
over: opportunities
owner: sales-ops
severity: error
schedule: daily
remedy: Fix it.
fails: next_stepp is null
---
check: not_a_condition
over: opportunities
owner: sales-ops
severity: error
schedule: daily
remedy: Fix it.
fails: next_step
`;

const REP_TEAM = `check: rep_team
over: reps
owner: sales-ops
severity: warning
schedule: weekly
remedy: Give the rep a team.
fails: team is null
`;

const CASES: readonly Case[] = [
  { name: 'a check that reads the row itself', kpis: 'kpi: k\nformula: pass_rate(next_step)\nunit: percent\n', errors: [] },
  {
    name: 'a misspelled check, with the nearest one suggested',
    kpis: 'kpi: k\nformula: pass_rate(next_stpe)\n',
    errors: [
      { code: 'resolve/unknown-check', line: 2, column: 20, message: /unknown check `next_stpe`/, hint: /did you mean `next_step`/ },
    ],
  },
  {
    name: 'a source named where a check belongs',
    kpis: 'kpi: k\nformula: pass_rate(opportunities)\n',
    errors: [{ code: 'resolve/unknown-check', line: 2, column: 20, message: /`opportunities` is a source/ }],
  },
  {
    name: 'a check with related rows',
    kpis: 'kpi: k\nformula: pass_rate(won_without_history)\n',
    errors: [{ code: 'resolve/check-reads-other-rows', line: 2, column: 20, message: /`related:`/ }],
  },
  {
    name: 'a duplicates check',
    kpis: 'kpi: k\nformula: 1 - pass_rate(same_lead_source)\n',
    errors: [{ code: 'resolve/check-reads-other-rows', line: 2, column: 24, message: /`duplicates:`/ }],
  },
  {
    name: 'a check with a mistake of its own: the KPI says so, the check says what',
    kpis: 'kpi: k\nformula: pass_rate(broken_column)\n',
    extra: { 'broken.yaml': BROKEN },
    errors: [
      { code: 'resolve/unknown-column', file: 'broken.yaml', line: 7, column: 8 },
      { code: 'resolve/type-mismatch', file: 'broken.yaml', line: 15, column: 8 },
      { code: 'resolve/check-has-errors', line: 2, column: 20, message: /check `broken_column` has errors.*unknown column `next_stepp`/ },
    ],
  },
  {
    name: 'a check whose fails is not a condition',
    kpis: 'kpi: k\nformula: pass_rate(not_a_condition)\n',
    extra: { 'broken.yaml': BROKEN.replace('next_stepp', 'next_step') },
    errors: [
      { code: 'resolve/type-mismatch', file: 'broken.yaml', line: 15, column: 8 },
      { code: 'resolve/check-has-errors', line: 2, column: 20, message: /`next_step`: it is not a condition/ },
    ],
  },
  {
    name: 'a check that reads the audit day, without a point',
    kpis: 'kpi: k\nformula: pass_rate(past_close)\n',
    errors: [{ code: 'resolve/needs-as-at', line: 2, column: 10, message: /reads the audit day/ }],
  },
  {
    name: 'a check that reads the audit day, as at a point',
    kpis: 'kpi: k\nformula: pass_rate(past_close as at end)\n',
    errors: [],
  },
  {
    name: 'as at over a source without state',
    kpis: 'kpi: k\nformula: pass_rate(rep_team as at end)\n',
    extra: { 'reps.yaml': REP_TEAM },
    errors: [{ code: 'resolve/no-history', line: 2, column: 29 }],
  },
  {
    name: 'a text instead of a check id',
    kpis: "kpi: k\nformula: pass_rate('next_step')\n",
    errors: [{ code: 'resolve/bad-argument', line: 2, column: 20, message: /id of one check/ }],
  },
  {
    name: 'per inside the call',
    kpis: 'kpi: k\nformula: pass_rate(next_step per owner_id)\n',
    errors: [{ code: 'resolve/misplaced-clause', line: 2, column: 34, message: /avg\(pass_rate/ }],
  },
  { name: 'per around the call', kpis: 'kpi: k\nformula: avg(pass_rate(next_step) per owner_id)\n', errors: [] },
  {
    name: 'inside an aggregate',
    kpis: 'kpi: k\nformula: count(opportunities where pass_rate(next_step) > 0)\n',
    errors: [{ code: 'resolve/nested-aggregate', line: 2, column: 36 }],
  },
  {
    name: 'a share declared money',
    kpis: 'kpi: k\nformula: pass_rate(next_step)\nunit: money\n',
    errors: [{ code: 'resolve/declared-unit', line: 3, column: 7, message: /ratio/ }],
  },
  {
    name: 'a share compared with text',
    kpis: "kpi: k\nformula: if(pass_rate(next_step) > 'high', 1, 0)\n",
    errors: [{ code: 'resolve/type-mismatch', line: 2, column: 36 }],
  },
];

describe('pass_rate diagnostics', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const files = new Map(Object.entries(passRateCatalog(c.kpis, c.extra)));
      const checked = checkCatalogFiles(files);
      const got = checked.diagnostics
        .filter((d) => d.severity === 'error')
        .map((d) => {
          const text = checked.catalog.files.get(d.span.file);
          const at = text === undefined ? { line: 0, column: 0 } : lineColumnOf(text, d.span.start);
          return { code: d.code, file: d.span.file, line: at.line, column: at.column, message: d.message, hint: d.hint ?? '' };
        });
      expect(got.map(({ code, file, line, column }) => ({ code, file, line, column }))).toEqual(
        c.errors.map((e) => ({ code: e.code, file: e.file ?? 'kpis.yaml', line: e.line, column: e.column })),
      );
      c.errors.forEach((e, i) => {
        if (e.message !== undefined) expect(got[i]?.message).toMatch(e.message);
        if (e.hint !== undefined) expect(got[i]?.hint).toMatch(e.hint);
      });
    });
  }
});

describe('pass_rate in the dependency graph', () => {
  it('makes the KPI depend on the check, so a change to the check reaches the KPI', () => {
    const checked = checkCatalogFiles(new Map(Object.entries(passRateCatalog('kpi: k\nformula: pass_rate(next_step)\n'))));
    const graph = buildDependencyGraph(checked.resolved);
    expect(dependentsOf(graph, ['check:next_step']).map((d) => d.key)).toEqual(['kpi:k']);
    expect(dependentsOf(graph, ['check:lead_source'])).toEqual([]);
  });
});
