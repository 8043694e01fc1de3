/**
 * The `table` format: aligned columns `kpi`, `period`, one per breakdown dimension, `value`, with
 * values formatted by unit and right-aligned so digits line up.
 */
import { decimalsFor, formatValue, NO_VALUE_TEXT } from './format-value.js';
import { largest } from './largest.js';
import { outputValue, type ByValue, type ResultSet } from './result-set.js';

/** A breakdown value as text for people (null — rows whose dimension is empty — as `(none)`). */
export function byText(value: ByValue): string {
  return value === null ? NO_VALUE_TEXT : String(value).replace(/[\u0000-\u001f\u007f]/g, '\ufffd');
}

/** Display width of a cell: code points (good enough for the text these tables hold). */
function width(text: string): number {
  return [...text].length;
}

function pad(text: string, size: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, size - width(text)));
  return right ? fill + text : text + fill;
}

/**
 * The whole table, a header row and one line per result row, each line ending in a newline. With
 * an as-of date, a period that is not complete is marked `*`, and a last line says the date.
 */
export function renderTable(results: ResultSet): string {
  const header = ['kpi', 'period', ...results.by, 'value'];
  // One pass over the rows (a filter per KPI would be quadratic in the number of KPIs).
  const valuesByKpi = new Map<string, (number | null)[]>();
  for (const r of results.rows) {
    const values = valuesByKpi.get(r.kpi);
    if (values === undefined) valuesByKpi.set(r.kpi, [r.value]);
    else values.push(r.value);
  }
  const decimals = new Map([...valuesByKpi].map(([kpi, values]) => [kpi, decimalsFor(values)] as const));
  const body = results.rows.map((r) => [
    r.kpi,
    r.complete === false ? `${r.period}*` : r.period,
    ...r.by.map(byText),
    formatValue(outputValue(r), results.units.get(r.kpi), results.currency, decimals.get(r.kpi)),
  ]);
  const widths = header.map((h, i) =>
    largest(
      body.map((row) => width(row[i] ?? '')),
      width(h),
    ),
  );
  const last = header.length - 1;
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => pad(c, widths[i] ?? 0, i === last))
      .join('  ')
      .trimEnd() + '\n';
  return [line(header), ...body.map(line), ...asOfLine(results)].join('');
}

function asOfLine(results: ResultSet): string[] {
  if (results.asOf === undefined) return [];
  const partial = results.rows.some((r) => r.complete === false);
  return [`data as of ${results.asOf.about}${partial ? '; * the period is not complete' : ''}\n`];
}
