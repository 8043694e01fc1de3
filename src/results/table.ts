/**
 * The `table` format: aligned columns `kpi`, `period`, one per breakdown dimension, `value`, with
 * values formatted by unit and right-aligned so digits line up.
 */
import { decimalsFor, formatValue, NO_VALUE_TEXT } from './format-value.js';
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
  const decimals = new Map<string, number>();
  for (const kpi of new Set(results.rows.map((r) => r.kpi)))
    decimals.set(kpi, decimalsFor(results.rows.filter((r) => r.kpi === kpi).map((r) => r.value)));
  const body = results.rows.map((r) => [
    r.kpi,
    r.complete === false ? `${r.period}*` : r.period,
    ...r.by.map(byText),
    formatValue(outputValue(r), results.units.get(r.kpi), results.currency, decimals.get(r.kpi)),
  ]);
  const widths = header.map((h, i) => Math.max(width(h), ...body.map((row) => width(row[i] ?? ''))));
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
