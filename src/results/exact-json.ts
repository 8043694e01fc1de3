/**
 * JSON text of plain report data (`kpic diff`, `kpic test`) in which exact decimals (money values)
 * are JSON numbers with their exact digits — `JSON.stringify` would give a decimal's `toJSON` text, a string. Otherwise
 * the same text as `JSON.stringify(value, null, 2)`: undefined properties left out, undefined
 * array items and non-finite numbers as null.
 */
import { Decimal } from '../model/decimal.js';

/** `value` as two-space indented JSON. */
export function exactJson(value: unknown): string {
  return write(value, '') ?? 'null';
}

function write(value: unknown, indent: string): string | undefined {
  if (value instanceof Decimal) return value.toString();
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((v: unknown) => `${inner}${write(v, inner) ?? 'null'}`);
    return `[\n${items.join(',\n')}\n${indent}]`;
  }
  const fields = Object.entries(value).flatMap(([k, v]) => {
    const text = write(v, inner);
    return text === undefined ? [] : [`${inner}${JSON.stringify(k)}: ${text}`];
  });
  return fields.length === 0 ? '{}' : `{\n${fields.join(',\n')}\n${indent}}`;
}
