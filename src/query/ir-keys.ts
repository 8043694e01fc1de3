/**
 * Identity of IR values: equality and text keys (for `Map`s) of levels, purposes, windows and row
 * expressions. Keys are built field by field, so they do not depend on the order in which an
 * object's properties were written, and two values have the same key exactly when they mean the
 * same thing.
 */
import type { CalendarDuration, ScanPurpose, WindowSpec } from './ir.js';
import type { IrRowExpr, Level } from './ir-expr.js';

/** A text key of a list of strings (injective: no separator can be forged by a name). */
function listKey(items: readonly string[]): string {
  return items.map((s) => `${s.length}:${s}`).join('');
}

/** The key of a level. */
export function levelKey(level: Level): string {
  return `${listKey(level.dims)}|${listKey(level.keys)}`;
}

/** Whether two levels keep the same dimensions and keys, in the same order. */
export function sameLevel(a: Level, b: Level): boolean {
  return a.dims.length === b.dims.length && a.keys.length === b.keys.length && levelKey(a) === levelKey(b);
}

/** The key of a scan purpose. */
export function purposeKey(purpose: ScanPurpose): string {
  switch (purpose.kind) {
    case 'main':
      return 'main';
    case 'lookup':
      return `lookup ${purpose.lookup}`;
    default: {
      const never: never = purpose;
      return never;
    }
  }
}

/** Whether two purposes are the same. */
export function samePurpose(a: ScanPurpose, b: ScanPurpose): boolean {
  return purposeKey(a) === purposeKey(b);
}

function durationKey(d: CalendarDuration): string {
  return `${d.amount} ${d.unit}`;
}

/** The key of a window. */
export function windowKey(w: WindowSpec): string {
  const shifts = w.shifts.map(durationKey).join(',');
  const range = w.range;
  if (range === undefined) return `[${shifts}]`;
  switch (range.kind) {
    case 'rolling':
    case 'before':
      return `[${shifts}] ${range.kind} ${durationKey(range.length)}`;
    case 'to_date':
      return `[${shifts}] to_date ${range.unit}`;
    default: {
      const never: never = range;
      return never;
    }
  }
}

/** The key of a row expression: equal keys compute the same value on every row. */
export function rowExprKey(e: IrRowExpr): string {
  switch (e.kind) {
    case 'literal':
      return `lit(${e.type} ${JSON.stringify(e.value)})`;
    case 'column':
      return `${e.atStart === true ? 'start' : ''}col(${listKey([...e.path, e.column])})`;
    case 'binary':
      return `(${rowExprKey(e.left)} ${e.op} ${rowExprKey(e.right)})`;
    case 'unary':
      return `(${e.op} ${rowExprKey(e.operand)})`;
    case 'call':
      return `${e.fn}(${e.args.map(rowExprKey).join(', ')})`;
    case 'predicate':
      return `${e.test}${e.negated ? '!' : ''}(${[e.operand, ...e.args].map(rowExprKey).join(', ')})`;
    case 'lookup':
      return `lookup(${listKey([e.lookup])} ${rowExprKey(e.key)})`;
    case 'map':
      return `map(${rowExprKey(e.operand)} ${JSON.stringify(e.entries)})`;
    default: {
      const never: never = e;
      return never;
    }
  }
}
