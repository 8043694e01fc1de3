/**
 * The `table` format: aligned columns `kpi`, `period`, one per breakdown dimension, `value`, with
 * values formatted by unit and right-aligned so digits line up.
 */
import { formatValue, NULL_TEXT } from './format-value.js';
import { largest } from './largest.js';
import { outputValue, type ByValue, type ResultSet } from './result-set.js';

/** A breakdown value as table text (null as `—`). */
function byText(value: ByValue): string {
  return value === null ? NULL_TEXT : String(value).replace(/[\u0000-\u001f\u007f]/g, '\ufffd');
}

/** Display width of a cell: code points (good enough for the text these tables hold). */
function width(text: string): number {
  return [...text].length;
}

function pad(text: string, size: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, size - width(text)));
  return right ? fill + text : text + fill;
}

/** The whole table, a header row and one line per result row, each line ending in a newline. */
export function renderTable(results: ResultSet): string {
  const header = ['kpi', 'period', ...results.by, 'value'];
  const body = results.rows.map((r) => [
    r.kpi,
    r.period,
    ...r.by.map(byText),
    formatValue(outputValue(r), results.units.get(r.kpi), results.currency),
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
  return [line(header), ...body.map(line)].join('');
}
