/**
 * Judging a payout expectation: for each rep named, the fields given — `credit`, `quota`,
 * `attainment`, `earned`, `draw`, `pay` or a component's pay by its id — against the plan's
 * payouts in the pay period. Amounts are money (compared exactly unless a tolerance is given),
 * attainment a real number.
 */
import type { Decimal } from '../model/decimal.js';
import type { PayoutReport, RepPeriod } from '../plans/report.js';
import { describeTolerance, formatActual, parseExpected, toleranceFor, valuesMatch } from './compare.js';
import type { PlanExpectation } from './model.js';
import type { ExpectationResult, RowResult } from './results.js';

/** `plan ae_commission, 2026-Q2`. */
export function planTitle(x: PlanExpectation): string {
  return `plan ${x.plan.value}, ${x.period.text.trim()}`;
}

function fieldsOf(p: RepPeriod): Map<string, Decimal | number | null> {
  const fields = new Map<string, Decimal | number | null>([
    ['credit', p.credit],
    ['quota', p.quota ?? null],
    ['attainment', p.attainment],
    ['earned', p.earned],
    ['draw', p.draw],
    ['pay', p.pay],
  ]);
  for (const c of p.components) fields.set(c.id, c.amount);
  return fields;
}

/** Compares the report (one plan, the expected period) with the expectation. */
export function judgePayouts(x: PlanExpectation, report: PayoutReport): ExpectationResult {
  const plan = report.plans[0];
  const rows: RowResult[] = x.reps.map((line) => {
    const rep = plan?.reps.find((r) => r.rep === line.name);
    const period = rep?.periods[0];
    const fields = period === undefined ? undefined : fieldsOf(period);
    return {
      span: line.keySpan,
      labels: [line.name],
      missing: period === undefined ? `rep \`${line.name}\` has no pay on plan \`${x.plan.value}\` in ${x.period.text.trim()}` : undefined,
      cells: [...line.fields.values()].map((cell) => {
        const found = fields?.has(cell.column) === true;
        const actual = fields?.get(cell.column);
        const expected = parseExpected(cell.value.value, cell.value.text);
        const tolerance = toleranceFor(cell.column === 'attainment' ? undefined : 'money', x.tolerance);
        const percent = typeof expected !== 'string' && expected.kind === 'number' && expected.percent;
        return {
          name: cell.column,
          span: cell.value.span,
          expected: cell.value.text === '' ? 'null' : cell.value.text,
          actual: found ? formatActual(actual, percent) : undefined,
          actualValue: found ? (actual ?? null) : null,
          ok: found && typeof expected !== 'string' && valuesMatch(expected, actual, tolerance),
          rule: describeTolerance(tolerance),
        };
      }),
    };
  });
  return {
    kind: 'plan',
    span: x.span,
    title: planTitle(x),
    labelColumns: ['rep'],
    rows,
    unexpected: [],
    ok: rows.every((r) => r.missing === undefined && r.cells.every((c) => c.ok)),
  };
}
