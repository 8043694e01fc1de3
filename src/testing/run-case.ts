/**
 * Running one case: compose its fixture data, write it to a fresh folder (one CSV per source),
 * evaluate every expectation on DuckDB over it with the catalog's sources re-pointed at those
 * files, and judge the results. Problems the engine finds in the fixture data are reported at
 * the fixture rows they come from, not in the generated files.
 */
import path from 'node:path';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { calendarOf } from '../model/calendar.js';
import type { CalendarDef, Unit } from '../model/types.js';
import type { ResolvedCatalog } from '../resolve/resolved.js';
import { evaluateKpis, evaluatePayoutsAt, evaluateScorecardAt, withDatabase, type EvaluationFailure } from './engine-adapter.js';
import { judgePayouts, planTitle } from './expect-payouts.js';
import { judgeScorecard, scorecardTitle } from './expect-scorecard.js';
import { judgeValues, valuesTitle } from './expect-values.js';
import { fixtureCatalog, fixtureFileName, fixtureFiles } from './fixture-catalog.js';
import { composeCase, type ComposedRow, type ComposedTable, type FixtureFiles } from './fixtures.js';
import type { Expectation, TestCase, TestDef } from './model.js';
import { expectationGrain } from './check.js';
import type { CaseResult, ExpectationResult } from './results.js';

/** Where a case's fixture data is written: a fresh folder per case, removed afterwards. */
export interface FixtureWorkspace {
  /** Writes `files` (name → text) to a new folder; returns its absolute path. */
  create(files: ReadonlyMap<string, string>): string;
  remove(dir: string): void;
}

/** What every case of a run shares. */
export interface CaseEnvironment {
  readonly resolved: ResolvedCatalog;
  /** The catalog with its sources reading fixture files. */
  readonly fixtures: ResolvedCatalog;
  readonly files: FixtureFiles;
  readonly workspace: FixtureWorkspace;
  readonly calendar: CalendarDef;
  /** Monotonic seconds, for JUnit timings. */
  readonly clock: () => number;
}

/** The environment of a run over `resolved`. */
export function caseEnvironment(
  resolved: ResolvedCatalog,
  files: FixtureFiles,
  workspace: FixtureWorkspace,
  clock: () => number,
): CaseEnvironment {
  return {
    resolved,
    fixtures: fixtureCatalog(resolved),
    files,
    workspace,
    calendar: calendarOf(resolved.catalog),
    clock,
  };
}

/** The composed row behind each line of a generated fixture file. */
function rowsByLine(tables: ReadonlyMap<string, ComposedTable>): Map<string, Map<number, ComposedRow>> {
  const out = new Map<string, Map<number, ComposedRow>>();
  for (const [id, table] of tables) {
    const lines = new Map<number, ComposedRow>();
    let line = 2;
    for (const row of table.rows) {
      lines.set(line, row);
      line += 1 + row.cells.reduce((n, c) => n + (c?.text?.split('\n').length ?? 1) - 1, 0);
    }
    out.set(fixtureFileName(id), lines);
  }
  return out;
}

function relocate(diagnostics: readonly Diagnostic[], dir: string, tables: ReadonlyMap<string, ComposedTable>): Diagnostic[] {
  const lines = rowsByLine(tables);
  return diagnostics.map((d) => {
    if (d.location === undefined) return d;
    const file = path.resolve(d.location.file);
    if (path.dirname(file) !== dir) return d;
    const row = lines.get(path.basename(file))?.get(d.location.line);
    const { location: _dropped, ...rest } = d;
    // Not a fixture row (cannot happen for files written here): keep the message, drop the temporary path.
    if (row === undefined) return { ...rest, message: `${d.message} (in the fixture data)` };
    return row.origin.location === undefined
      ? { ...rest, span: row.origin.span }
      : { ...rest, span: row.origin.span, location: row.origin.location };
  });
}

function failed(kind: Expectation['kind'], span: Expectation['span'], title: string, failure: EvaluationFailure): ExpectationResult {
  return { kind, span, title, labelColumns: [], rows: [], unexpected: [], error: failure.message, ok: false };
}

/** Runs one case. Never throws for a user mistake: fixture and evaluation problems make it an `error`. */
export async function runCase(env: CaseEnvironment, test: TestDef, testCase: TestCase): Promise<CaseResult> {
  const started = env.clock();
  const base = { test: test.id, case: testCase.name.value, file: test.doc.file, span: testCase.name.span };
  const composed = composeCase(test, testCase, env.resolved.catalog.sources, env.files);
  if (hasErrors(composed.diagnostics)) {
    return { ...base, status: 'error', expectations: [], diagnostics: composed.diagnostics, seconds: env.clock() - started };
  }
  const dir = env.workspace.create(fixtureFiles(env.resolved, composed.value));
  const diagnostics: Diagnostic[] = [];
  const expectations: ExpectationResult[] = [];
  try {
    await withDatabase(async (db) => {
      for (const x of testCase.expectations) {
        if (x.kind === 'values') {
          const request = {
            kpis: x.kpis.map((k) => k.value),
            grain: expectationGrain(x),
            by: x.by.map((b) => b.value),
            from: x.from?.value,
            to: x.to?.value,
          };
          const result = await evaluateKpis(env.fixtures, request, dir, db);
          diagnostics.push(...relocate(result.diagnostics, dir, composed.value));
          if (!result.ok) {
            expectations.push(failed('values', x.span, valuesTitle(x), result));
            continue;
          }
          const units = new Map<string, Unit | undefined>(x.kpis.map((k) => [k.value, env.resolved.kpis.get(k.value)?.unit]));
          expectations.push(judgeValues(x, result.rows, units, env.calendar));
        } else if (x.kind === 'plan') {
          const result = await evaluatePayoutsAt(env.fixtures, { plan: x.plan.value, period: x.period.text.trim() }, dir, db);
          diagnostics.push(...relocate(result.diagnostics, dir, composed.value));
          if (!result.ok) {
            expectations.push(failed('plan', x.span, planTitle(x), result));
            continue;
          }
          expectations.push(judgePayouts(x, result.report));
        } else {
          const request = { scorecard: x.scorecard.value, period: x.period.text, at: x.at?.value };
          const result = await evaluateScorecardAt(env.fixtures, request, dir, db);
          diagnostics.push(...relocate(result.diagnostics, dir, composed.value));
          if (!result.ok) {
            expectations.push(failed('scorecard', x.span, scorecardTitle(x), result));
            continue;
          }
          expectations.push(judgeScorecard(x, result.report));
        }
      }
    });
  } finally {
    env.workspace.remove(dir);
  }
  const status = expectations.some((x) => x.error !== undefined) ? 'error' : expectations.every((x) => x.ok) ? 'passed' : 'failed';
  return { ...base, status, expectations, diagnostics, seconds: env.clock() - started };
}
