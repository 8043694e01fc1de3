/**
 * Judging a values expectation: each expected row is matched with the result row of its period
 * and breakdown values, and each KPI cell compared through `compare.ts`. A row the result lacks
 * says which periods and values the result does have; with `complete: true`, result rows the
 * table does not list fail the expectation too.
 */
import { Decimal } from '../model/decimal.js';
import type { CalendarDef, Unit } from '../model/types.js';
import { actualDecimal, describeTolerance, formatActual, parseExpected, toleranceFor, valuesMatch } from './compare.js';
import type { KpiCell } from './engine-adapter.js';
import type { ValuesExpectation, WrittenValue } from './model.js';
import { expectedPeriodStart } from './periods.js';
import { expectationGrain } from './check.js';
import type { CellResult, ExpectationResult, RowResult, UnexpectedRow } from './results.js';

type DimValue = string | number | boolean | null;

function dimText(v: DimValue): string | null {
  return v === null ? null : String(v);
}

function writtenDim(v: WrittenValue | undefined): string | null {
  return v === undefined || v.value === null ? null : v.text;
}

function key(kpi: string, period: string, dims: readonly (string | null)[]): string {
  return JSON.stringify([kpi, period, ...dims]);
}

function machineValue(actual: unknown): number | Decimal | string | null {
  if (actual === null || actual === undefined) return null;
  if (typeof actual === 'number' || actual instanceof Decimal) return actual;
  return String(actual);
}

/** The title of a values expectation: `quarter by region`. */
export function valuesTitle(x: ValuesExpectation): string {
  const grain = expectationGrain(x);
  const range = x.from !== undefined || x.to !== undefined ? `, ${x.from?.value ?? '…'} to ${x.to?.value ?? '…'}` : '';
  return `${grain}${x.by.length === 0 ? '' : ` by ${x.by.map((b) => b.value).join(', ')}`}${range}`;
}

function missingNote(rows: readonly KpiCell[], dims: readonly string[]): string {
  if (rows.length === 0) return 'the result has no rows (no fixture data in range?)';
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  const first = periods[0] ?? '';
  const last = periods[periods.length - 1] ?? '';
  const parts = [first === last ? `period ${first}` : `periods ${first} … ${last}`];
  dims.forEach((d, i) => {
    const values = [...new Set(rows.map((r) => dimText(r.by[i] ?? null) ?? 'null'))].sort();
    parts.push(`${d} ${values.slice(0, 8).join(', ')}${values.length > 8 ? ', …' : ''}`);
  });
  return `no such row in the result, which has ${parts.join('; ')}`;
}

/** Compares a values expectation with the rows the engine returned. */
export function judgeValues(
  x: ValuesExpectation,
  rows: readonly KpiCell[],
  units: ReadonlyMap<string, Unit | undefined>,
  calendar: CalendarDef,
): ExpectationResult {
  const grain = expectationGrain(x);
  const dims = x.by.map((b) => b.value);
  const actual = new Map<string, KpiCell>();
  for (const r of rows) actual.set(key(r.kpi, r.period, r.by.map(dimText)), r);
  const listed = new Set<string>();
  const results: RowResult[] = [];
  for (const row of x.rows) {
    const start = expectedPeriodStart(row.period.text, grain, calendar);
    const period = typeof start === 'string' ? row.period.text : start.start;
    const dimValues = dims.map((d) => writtenDim(row.dims.get(d)?.value));
    let missing = false;
    const cells: CellResult[] = [];
    for (const [kpi, cell] of row.kpis) {
      const k = key(kpi, period, dimValues);
      listed.add(k);
      const found = actual.get(k);
      const expected = parseExpected(cell.value.value, cell.value.text);
      const tolerance = toleranceFor(units.get(kpi), x.tolerance);
      const percent = typeof expected !== 'string' && expected.kind === 'number' && expected.percent;
      if (found === undefined) missing = true;
      cells.push({
        name: kpi,
        span: cell.value.span,
        expected: cell.value.text === '' ? 'null' : cell.value.text,
        actual: found === undefined ? undefined : formatActual(found.value, percent),
        actualValue: found === undefined ? null : machineValue(found.value),
        ok: found !== undefined && typeof expected !== 'string' && valuesMatch(expected, found.value, tolerance),
        rule: describeTolerance(tolerance),
      });
    }
    results.push({
      span: row.span,
      labels: [period, ...dimValues.map((v) => v ?? 'null')],
      cells,
      missing: missing ? missingNote(rows, dims) : undefined,
    });
  }
  const unexpected: UnexpectedRow[] = [];
  if (x.complete) {
    for (const r of rows) {
      // The grid holds every period × breakdown value; its empty cells need not be listed.
      const a = actualDecimal(r.value);
      if (a === null || a?.coef === 0n) continue;
      if (listed.has(key(r.kpi, r.period, r.by.map(dimText)))) continue;
      unexpected.push({ labels: [r.period, ...r.by.map((v) => dimText(v) ?? 'null')], name: r.kpi, actual: formatActual(r.value, false) });
    }
  }
  return {
    kind: 'values',
    span: x.span,
    title: valuesTitle(x),
    labelColumns: ['period', ...dims],
    rows: results,
    unexpected,
    ok: unexpected.length === 0 && results.every((r) => r.cells.every((c) => c.ok)),
  };
}
