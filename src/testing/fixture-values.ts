/**
 * A fixture value against its column's declared type: the text written to the fixture data file
 * (what DuckDB then reads with the declared type), or why the value cannot be one of the type.
 * Fixtures are written in the catalog's own terms — column names, ISO dates, plain numbers — not
 * in the export's (`from:` headers and `format:` dates do not apply to them).
 */
import type { ColumnDef } from '../model/types.js';
import { parseIsoDate } from '../query/calendar.js';
import { parseDecimal } from './decimal.js';

/** The file text of a value (null: empty), or a sentence saying what is wrong. */
export type CellText = { readonly text: string | null } | { readonly problem: string };

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?$/;
const BOOLEANS: ReadonlyMap<string, string> = new Map([
  ['true', 'true'],
  ['false', 'false'],
  ['yes', 'true'],
  ['no', 'false'],
  ['1', 'true'],
  ['0', 'false'],
]);

function validDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && parseIsoDate(text) !== undefined;
}

function numeric(text: string): boolean {
  return !/[eE]/.test(text) && parseDecimal(text) !== undefined;
}

/**
 * Converts one written value (`text` as written; `isBoolean` for a YAML boolean) for `column`.
 * An empty value is null. Enumerations are checked here too.
 */
export function fixtureCellText(column: ColumnDef, value: string | number | boolean | null, text: string): CellText {
  if (value === null || text.trim() === '') return { text: null };
  const t = text.trim();
  const type = column.type.value;
  const bad = (expected: string): CellText => ({ problem: `\`${t}\` is not ${expected} (column \`${column.name}\` is ${type})` });
  switch (type) {
    case 'string': {
      const allowed = column.values?.map((v) => v.value);
      if (allowed !== undefined && !allowed.includes(text)) {
        return {
          problem: `\`${text}\` is not one of the values of column \`${column.name}\`: ${allowed.map((a) => `\`${a}\``).join(', ')}`,
        };
      }
      return { text };
    }
    case 'integer':
      return /^[+-]?\d+$/.test(t) ? { text: t } : bad('an integer');
    case 'number':
    case 'money':
      return numeric(t) ? { text: t.replaceAll('_', '') } : bad('a plain number such as 1234.50');
    case 'percent':
      return numeric(t.endsWith('%') ? t.slice(0, -1) : t) ? { text: t.replaceAll('_', '') } : bad('a percentage (0.15 or 15%)');
    case 'boolean': {
      const b = typeof value === 'boolean' ? String(value) : BOOLEANS.get(t.toLowerCase());
      return b === undefined ? bad('a boolean (true or false)') : { text: b };
    }
    case 'date':
      return validDate(t) ? { text: t } : bad('a date (YYYY-MM-DD)');
    case 'timestamp': {
      const m = TIMESTAMP.exec(t);
      if (m === null || !validDate(m[1] ?? '')) return bad('a timestamp (YYYY-MM-DD HH:MM:SS)');
      return { text: t.replace('T', ' ') };
    }
    default: {
      const never: never = type;
      return never;
    }
  }
}
