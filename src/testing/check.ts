/**
 * `kpic validate` on test documents: everything that can be told without data — fixture rows
 * against their sources' columns, types and contracts, expected KPIs, dimensions, periods and
 * values, scorecards named, repeated cases and rows — each at the exact node at fault.
 */
import { dedupeDiagnostics, diagnostic, type Diagnostic, type PhaseResult } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { calendarOf } from '../model/calendar.js';
import type { CalendarDef } from '../model/types.js';
import { parseIsoDate, type Grain } from '../query/calendar.js';
import type { ResolvedCatalog } from '../resolve/resolved.js';
import { buildTests } from './build.js';
import { parseExpected } from './compare.js';
import { composeCase } from './fixtures.js';
import type { ExpectedLine, PlanExpectation, ScorecardExpectation, TestDef, ValuesExpectation, WrittenCell } from './model.js';
import { expectedPeriodStart, TEST_GRAINS } from './periods.js';

const SCORECARD_PERIOD = /^(\d{4}|\d{4}-[Qq][1-4]|\d{4}-(0[1-9]|1[0-2]))$/;

interface Ctx {
  readonly resolved: ResolvedCatalog;
  readonly calendar: CalendarDef;
  readonly diagnostics: Diagnostic[];
}

/** The grain of a values expectation (default month). */
export function expectationGrain(x: ValuesExpectation): Grain {
  const g = x.grain?.value;
  return TEST_GRAINS.find((t) => t === g) ?? 'month';
}

function checkExpectedValue(ctx: Ctx, cell: WrittenCell): void {
  const parsed = parseExpected(cell.value.value, cell.value.text);
  if (typeof parsed === 'string') ctx.diagnostics.push(diagnostic('test/bad-value', cell.value.span, parsed));
}

function unknownKpi(ctx: Ctx, name: string, span: ValuesExpectation['span'], dims: readonly string[]): void {
  if (ctx.resolved.catalog.clashes.has(name)) return; // a clash of ids, reported where they are declared
  const dimension = ctx.resolved.dimensions.has(name) && !dims.includes(name);
  const hint = dimension
    ? `\`${name}\` is a dimension: add it to \`by:\` to expect values per ${name}`
    : didYouMean(name, [...ctx.resolved.kpis.keys(), 'period', ...dims]);
  ctx.diagnostics.push(diagnostic('test/unknown-kpi', span, `unknown KPI \`${name}\``, hint === undefined ? {} : { hint }));
}

function checkValues(ctx: Ctx, x: ValuesExpectation): void {
  const grain = expectationGrain(x);
  const dims = x.by.map((b) => b.value);
  for (const k of x.kpis) if (!ctx.resolved.kpis.has(k.value)) unknownKpi(ctx, k.value, k.span, dims);
  for (const b of x.by) {
    const dimension = ctx.resolved.dimensions.get(b.value);
    for (const k of x.kpis) {
      const kpi = ctx.resolved.kpis.get(k.value);
      if (kpi === undefined) continue;
      const lacking = kpi.sources.filter((s) => !(dimension?.sources.some((d) => d.source === s) ?? false));
      if (lacking.length === 0) continue;
      const hint = dimension === undefined ? didYouMean(b.value, ctx.resolved.dimensions.keys()) : undefined;
      ctx.diagnostics.push(
        diagnostic(
          'test/unknown-dimension',
          b.span,
          `KPI \`${k.value}\` cannot be broken down by \`${b.value}\`: source \`${lacking[0] ?? ''}\` does not declare it`,
          hint === undefined ? {} : { hint },
        ),
      );
    }
  }
  for (const bound of [x.from, x.to]) {
    if (bound !== undefined && parseIsoDate(bound.value) === undefined)
      ctx.diagnostics.push(diagnostic('test/bad-period', bound.span, `\`${bound.value}\` is not a date; write YYYY-MM-DD`));
  }
  const seen = new Map<string, WrittenCell['value']>();
  for (const row of x.rows) {
    const start = expectedPeriodStart(row.period.text, grain, ctx.calendar);
    if (typeof start === 'string') ctx.diagnostics.push(diagnostic('test/bad-period', row.period.span, start));
    for (const d of dims) {
      if (!row.dims.has(d))
        ctx.diagnostics.push(
          diagnostic('test/missing-value', row.span, `this expected row has no \`${d}\`; every row gives a value of each \`by\` dimension`),
        );
    }
    for (const cell of row.kpis.values()) if (ctx.resolved.kpis.has(cell.column)) checkExpectedValue(ctx, cell);
    if (typeof start === 'string') continue;
    const key = JSON.stringify([start.start, ...dims.map((d) => row.dims.get(d)?.value.text ?? null)]);
    const first = seen.get(key);
    if (first !== undefined) {
      ctx.diagnostics.push(
        diagnostic('test/duplicate', row.period.span, `this row repeats the period and breakdown values of an earlier row`, {
          related: [{ span: first.span, message: 'first given here' }],
          hint: 'give each KPI once per period and breakdown: put the values in one row',
        }),
      );
    } else seen.set(key, row.period);
  }
}

function checkLines(ctx: Ctx, lines: readonly ExpectedLine[]): void {
  for (const line of lines) for (const cell of line.fields.values()) if (cell.column !== 'status') checkExpectedValue(ctx, cell);
}

function checkScorecard(ctx: Ctx, x: ScorecardExpectation, scorecards: ReadonlySet<string>): void {
  if (!scorecards.has(x.scorecard.value)) {
    const hint = didYouMean(x.scorecard.value, scorecards);
    ctx.diagnostics.push(
      diagnostic(
        'test/unknown-scorecard',
        x.scorecard.span,
        `unknown scorecard or role \`${x.scorecard.value}\``,
        hint === undefined ? {} : { hint },
      ),
    );
  }
  const p = x.period.text.trim();
  if (!SCORECARD_PERIOD.test(p) && parseIsoDate(p) === undefined) {
    ctx.diagnostics.push(
      diagnostic(
        'test/bad-period',
        x.period.span,
        `\`${p}\` is not a period; write a fiscal year (2025), a fiscal quarter (2025-Q2), a month (2025-05) or a date inside the period`,
      ),
    );
  }
  for (const line of x.kpis) if (!ctx.resolved.kpis.has(line.name)) unknownKpi(ctx, line.name, line.keySpan, []);
  const score = x.overall.get('score');
  if (score !== undefined) checkExpectedValue(ctx, score);
  checkLines(ctx, x.kpis);
  checkLines(ctx, x.perspectives);
  checkLines(ctx, x.children);
}

function checkPlanExpectation(ctx: Ctx, x: PlanExpectation): void {
  const plans = new Set(ctx.resolved.catalog.documents.filter((d) => d.kind === 'plan').map((d) => d.id));
  if (!plans.has(x.plan.value)) {
    const hint = didYouMean(x.plan.value, plans);
    ctx.diagnostics.push(
      diagnostic('test/unknown-plan', x.plan.span, `unknown plan \`${x.plan.value}\``, hint === undefined ? {} : { hint }),
    );
  }
  const p = x.period.text.trim();
  if (!SCORECARD_PERIOD.test(p) && parseIsoDate(p) === undefined) {
    ctx.diagnostics.push(
      diagnostic(
        'test/bad-period',
        x.period.span,
        `\`${p}\` is not a period; write a fiscal quarter (2025-Q2), a month (2025-05) or a date inside the pay period`,
      ),
    );
  }
  checkLines(ctx, x.reps);
}

function checkTest(ctx: Ctx, test: TestDef, scorecards: ReadonlySet<string>): void {
  const names = new Map<string, TestDef['cases'][number]>();
  for (const c of test.cases) {
    const first = names.get(c.name.value);
    if (first !== undefined) {
      ctx.diagnostics.push(
        diagnostic('test/duplicate', c.name.span, `test \`${test.id}\` has two cases named \`${c.name.value}\``, {
          related: [{ span: first.name.span, message: 'first case of that name' }],
          hint: 'give every case of a test its own name',
        }),
      );
    } else names.set(c.name.value, c);
    ctx.diagnostics.push(...composeCase(test, c, ctx.resolved.catalog.sources).diagnostics);
    for (const x of c.expectations) {
      switch (x.kind) {
        case 'values':
          checkValues(ctx, x);
          break;
        case 'scorecard':
          checkScorecard(ctx, x, scorecards);
          break;
        case 'plan':
          checkPlanExpectation(ctx, x);
          break;
        default: {
          const never: never = x;
          return never;
        }
      }
    }
  }
}

/** Builds and checks every `test` document of a resolved catalog. */
export function checkTests(resolved: ResolvedCatalog): PhaseResult<readonly TestDef[]> {
  const tests = buildTests(resolved.catalog.documents, resolved.catalog.files);
  const ctx: Ctx = { resolved, calendar: calendarOf(resolved.catalog), diagnostics: [] };
  const scorecards = new Set(resolved.catalog.documents.filter((d) => d.kind === 'scorecard' || d.kind === 'role').map((d) => d.id));
  for (const test of tests) checkTest(ctx, test, scorecards);
  return { value: tests, diagnostics: dedupeDiagnostics(ctx.diagnostics) };
}
