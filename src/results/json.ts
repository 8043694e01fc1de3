/**
 * The `json` and `ndjson` formats: one object per row, keys in a fixed order — `kpi`, `period`,
 * one per breakdown dimension (in `--by` order), `value` (a JSON number; an exact decimal with its
 * exact digits), `unit` (the KPI's unit, or null; left out when a dimension is itself named
 * `unit`), and, when the rows were judged against the data's as-of date, `complete` (whether the
 * period is complete) and `as_of` (that date). The objects are written key by key rather than
 * built as plain objects, because dimension names are chosen by users. `json` is one array with
 * one row per line; `ndjson` one object per line.
 */
import { Decimal } from '../model/decimal.js';
import type { ResultRow } from '../pipeline.js';
import { asOfFields, hasUnitField, outputValue, type ResultSet } from './result-set.js';

/** A JSON number: an exact decimal with its exact digits (`1`, not `0.9999999999999999`). */
function jsonNumber(value: number | Decimal | null): string {
  if (value instanceof Decimal) return value.toString();
  return value === null || !Number.isFinite(value) ? 'null' : JSON.stringify(value);
}

/** One row as a JSON object text. */
function rowJson(results: ResultSet, row: ResultRow): string {
  const fields = [`"kpi":${JSON.stringify(row.kpi)}`, `"period":${JSON.stringify(row.period)}`];
  results.by.forEach((dim, i) => {
    const v = row.by[i] ?? null;
    fields.push(`${JSON.stringify(dim)}:${typeof v === 'number' || v instanceof Decimal ? jsonNumber(v) : JSON.stringify(v)}`);
  });
  fields.push(`"value":${jsonNumber(outputValue(row))}`);
  if (hasUnitField(results)) fields.push(`"unit":${JSON.stringify(results.units.get(row.kpi) ?? null)}`);
  const judged = asOfFields(results);
  if (judged.complete) fields.push(`"complete":${JSON.stringify(row.complete ?? null)}`);
  if (judged.asOf) fields.push(`"as_of":${JSON.stringify(results.asOf?.date ?? null)}`);
  return `{${fields.join(',')}}`;
}

/** One JSON array, one row per line. */
export function renderJsonRows(results: ResultSet): string {
  if (results.rows.length === 0) return '[]\n';
  return `[\n${results.rows.map((r) => rowJson(results, r)).join(',\n')}\n]\n`;
}

/** Newline-delimited JSON: one object per line. */
export function renderNdjson(results: ResultSet): string {
  return results.rows.map((r) => `${rowJson(results, r)}\n`).join('');
}
