/**
 * `kpic test --format json`: one object with the totals, the coverage and every case with its
 * cells. Positions are catalog-relative files with 1-based lines and columns, as in
 * `kpic validate --format json`; timings are left out so the output is reproducible. An exact
 * actual value (money) is a JSON number with its exact digits.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/span.js';
import { exactJson } from '../results/exact-json.js';
import { countStatuses, type ExpectationResult, type TestRun } from './results.js';

/** Turns spans into positions and diagnostics into the validate JSON shape. */
export interface JsonContext {
  readonly position: (span: Span) => { readonly file: string; readonly line: number; readonly column: number };
  readonly diagnostic: (d: Diagnostic) => unknown;
}

function expectationJson(x: ExpectationResult, ctx: JsonContext): unknown {
  return {
    kind: x.kind,
    title: x.title,
    ...ctx.position(x.span),
    ok: x.ok,
    ...(x.error === undefined ? {} : { error: x.error }),
    rows: x.rows.map((r) => ({
      line: ctx.position(r.span).line,
      labels: Object.fromEntries(x.labelColumns.map((c, i) => [c, r.labels[i] ?? null])),
      ...(r.missing === undefined ? {} : { missing: r.missing }),
      cells: r.cells.map((c) => ({
        name: c.name,
        expected: c.expected,
        actual: c.actual === undefined ? null : c.actualValue,
        ok: c.ok,
        compared: c.rule,
        ...ctx.position(c.span),
      })),
    })),
    unexpected: x.unexpected.map((u) => ({
      labels: Object.fromEntries(x.labelColumns.map((c, i) => [c, u.labels[i] ?? null])),
      name: u.name,
      actual: u.actual,
    })),
  };
}

/** The JSON text (one object, pretty-printed). */
export function renderTestsJson(run: TestRun, ctx: JsonContext): string {
  const n = countStatuses(run);
  const { coverage } = run;
  const out = {
    ok: n.failed === 0 && n.error === 0,
    summary: { cases: run.cases.length, passed: n.passed, failed: n.failed, errors: n.error, filteredOut: run.filteredOut },
    coverage: {
      total: coverage.total,
      tested: coverage.tested,
      indirect: coverage.indirect,
      untested: coverage.untested,
      percent: coverage.total === 0 ? 0 : Math.round((1000 * coverage.tested.length) / coverage.total) / 10,
    },
    cases: run.cases.map((c) => ({
      test: c.test,
      case: c.case,
      ...ctx.position(c.span),
      status: c.status,
      expectations: c.expectations.map((x) => expectationJson(x, ctx)),
      diagnostics: c.diagnostics.map(ctx.diagnostic),
    })),
  };
  return `${exactJson(out)}\n`;
}
