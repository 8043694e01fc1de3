/**
 * The `csv` format: a header row (`kpi,period,<dimensions…>,value`) and raw values — numbers as
 * JavaScript prints them, exact decimals (money) with their exact digits, null (and a value that
 * overflowed to ±Infinity) as an empty field. Fields are quoted per RFC 4180 when they hold a comma, a double quote or a line break
 * (quotes doubled); lines end with `\n`.
 */
import type { Decimal } from '../model/decimal.js';
import { asOfFields, outputValue, type ResultSet } from './result-set.js';

/** One CSV field. */
export function csvField(value: string | number | boolean | Decimal | null): string {
  // An overflow (±Infinity) or NaN is no number: empty, as JSON's null and Parquet's NULL.
  if (value === null || (typeof value === 'number' && !Number.isFinite(value))) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The whole CSV text; with an as-of date, `complete` and `as_of` columns after `value`. */
export function renderCsv(results: ResultSet): string {
  const line = (cells: readonly (string | number | boolean | Decimal | null)[]): string => `${cells.map(csvField).join(',')}\n`;
  const judged = asOfFields(results);
  const extra = [...(judged.complete ? ['complete'] : []), ...(judged.asOf ? ['as_of'] : [])];
  const tail = (complete: boolean | undefined): (boolean | string | null)[] => [
    ...(judged.complete ? [complete ?? null] : []),
    ...(judged.asOf ? [results.asOf?.date ?? null] : []),
  ];
  return [
    line(['kpi', 'period', ...results.by, 'value', ...extra]),
    ...results.rows.map((r) => line([r.kpi, r.period, ...r.by, outputValue(r), ...tail(r.complete)])),
  ].join('');
}
