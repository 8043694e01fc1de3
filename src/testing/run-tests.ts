/**
 * `kpic test` as a function: every case of every test document (or those `--filter` picks), run
 * one after the other, and the coverage of the catalog's KPIs by the tests.
 */
import type { ResolvedCatalog } from '../resolve/resolved.js';
import type { FixtureFiles } from './fixtures.js';
import type { TestCase, TestDef } from './model.js';
import { caseEnvironment, runCase, type FixtureWorkspace } from './run-case.js';
import type { CaseResult, Coverage, TestRun } from './results.js';

/** Options of {@link runTests}. */
export interface RunTestsOptions {
  /** Case-insensitive text that a case's test id, case name or one of its KPIs must contain. */
  readonly filter?: string | undefined;
  /** The CSV fixture files the tests name, read by the caller (catalog-relative path → text). */
  readonly files: FixtureFiles;
  readonly workspace: FixtureWorkspace;
  /** Monotonic seconds (for JUnit timings). */
  readonly clock: () => number;
  /** Called after each case (progress). */
  readonly onCase?: ((result: CaseResult) => void) | undefined;
}

/** The KPIs a case checks directly. */
export function caseKpis(testCase: TestCase): string[] {
  const out = new Set<string>();
  for (const x of testCase.expectations) {
    if (x.kind === 'values') for (const k of x.kpis) out.add(k.value);
    else if (x.kind === 'scorecard') for (const line of x.kpis) out.add(line.name);
  }
  return [...out];
}

function matches(filter: string | undefined, test: TestDef, testCase: TestCase): boolean {
  if (filter === undefined || filter.trim() === '') return true;
  const needle = filter.trim().toLowerCase();
  return [test.id, testCase.name.value, `${test.id} › ${testCase.name.value}`, ...caseKpis(testCase)].some((t) =>
    t.toLowerCase().includes(needle),
  );
}

/** Which KPIs the tests check, directly or through a tested KPI's formula (or a lookup it uses). */
export function testCoverage(resolved: ResolvedCatalog, tests: readonly TestDef[]): Coverage {
  const live = [...resolved.kpis.values()].filter((k) => k.def.status.value !== 'deprecated').map((k) => k.id);
  const tested = new Set(tests.flatMap((t) => t.cases.flatMap(caseKpis)).filter((id) => resolved.kpis.has(id)));
  const reached = new Set<string>();
  const stack = [...tested];
  while (stack.length > 0) {
    const id = stack.pop() ?? '';
    const kpi = resolved.kpis.get(id);
    const viaLookups = (kpi?.lookups ?? []).flatMap((l) => {
      const lookup = resolved.lookups.get(l);
      return lookup?.kind === 'kpi' ? [lookup.kpi] : [];
    });
    for (const ref of [...(kpi?.references ?? []).map((r) => r.id), ...viaLookups]) {
      if (reached.has(ref) || tested.has(ref)) continue;
      reached.add(ref);
      stack.push(ref);
    }
  }
  const sorted = (ids: Iterable<string>): string[] => [...ids].sort();
  return {
    total: live.length,
    tested: sorted(live.filter((id) => tested.has(id))),
    indirect: sorted(live.filter((id) => reached.has(id))),
    untested: sorted(live.filter((id) => !tested.has(id) && !reached.has(id))),
  };
}

/** Runs the tests (one case at a time, each on its own database). */
export async function runTests(resolved: ResolvedCatalog, tests: readonly TestDef[], options: RunTestsOptions): Promise<TestRun> {
  const env = caseEnvironment(resolved, options.files, options.workspace, options.clock);
  const cases: CaseResult[] = [];
  let filteredOut = 0;
  for (const test of tests) {
    for (const testCase of test.cases) {
      if (!matches(options.filter, test, testCase)) {
        filteredOut++;
        continue;
      }
      const result = await runCase(env, test, testCase);
      cases.push(result);
      options.onCase?.(result);
    }
  }
  return { cases, filteredOut, coverage: testCoverage(resolved, tests) };
}
