/**
 * Conditions on hierarchy levels, evaluated for one node: a KPI override's `where`, a variant's
 * `applies_to`. The node's scope gives each level's value (levels below the node are null), so
 * `region = 'EMEA'` holds for EMEA and for every team and rep under it. SQL's three-valued logic:
 * a comparison with null is unknown, and an unknown condition does not hold.
 */
import { forEachRow } from '../resolve/row-walk.js';
import type { RowExpr } from '../resolve/types.js';

/** The value of an expression for a node: text, a number, true or false, or null (unknown). */
export type ScopeValue = string | number | boolean | null;

/**
 * Where a node sits: level name → its value at that level, for its own level and the levels
 * above it (the top, the whole organisation, has no entry).
 */
export type Scope = ReadonlyMap<string, string | null>;

function compare(op: string, a: ScopeValue, b: ScopeValue): boolean | null {
  if (a === null || b === null) return null;
  const x = typeof a === 'number' || typeof b === 'number' ? Number(a) : a;
  const y = typeof a === 'number' || typeof b === 'number' ? Number(b) : b;
  switch (op) {
    case '=':
      return x === y;
    case '!=':
      return x !== y;
    case '<':
      return x < y;
    case '<=':
      return x <= y;
    case '>':
      return x > y;
    case '>=':
      return x >= y;
    default:
      return null;
  }
}

function arithmetic(op: string, a: ScopeValue, b: ScopeValue): ScopeValue {
  if (typeof a !== 'number' || typeof b !== 'number') return null;
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return b === 0 ? null : a / b;
    default:
      return null;
  }
}

function call(fn: string, args: readonly ScopeValue[]): ScopeValue {
  const [a, b, c] = args;
  switch (fn) {
    case 'lower':
      return typeof a === 'string' ? a.toLowerCase() : null;
    case 'upper':
      return typeof a === 'string' ? a.toUpperCase() : null;
    case 'coalesce':
      return args.find((v) => v !== null) ?? null;
    case 'nullif':
      return compare('=', a ?? null, b ?? null) === true ? null : (a ?? null);
    case 'if':
      return a === true ? (b ?? null) : (c ?? null);
    default:
      return null;
  }
}

/** The value of `expr` for a node whose levels have the values in `scope`. */
export function evaluateScope(expr: RowExpr, scope: Scope): ScopeValue {
  const ev = (e: RowExpr): ScopeValue => evaluateScope(e, scope);
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'dimension':
      return scope.get(expr.name) ?? null;
    case 'binary': {
      const a = ev(expr.left);
      const b = ev(expr.right);
      if (expr.op === 'and') return a === false || b === false ? false : a === true && b === true ? true : null;
      if (expr.op === 'or') return a === true || b === true ? true : a === false && b === false ? false : null;
      if (expr.op === '+' || expr.op === '-' || expr.op === '*' || expr.op === '/') return arithmetic(expr.op, a, b);
      return compare(expr.op, a, b);
    }
    case 'unary': {
      const v = ev(expr.operand);
      if (expr.op === 'not') return typeof v === 'boolean' ? !v : null;
      return typeof v === 'number' ? -v : null;
    }
    case 'in': {
      const v = ev(expr.operand);
      if (v === null) return null;
      const items = expr.list.map(ev);
      const found = items.some((i) => compare('=', v, i) === true);
      const unknown = !found && items.some((i) => i === null);
      return unknown ? null : found !== expr.negated;
    }
    case 'between': {
      const v = ev(expr.operand);
      const lo = compare('>=', v, ev(expr.low));
      const hi = compare('<=', v, ev(expr.high));
      if (lo === null || hi === null) return null;
      return lo && hi ? !expr.negated : expr.negated;
    }
    case 'is-null':
      return (ev(expr.operand) === null) !== expr.negated;
    case 'call':
      return call(expr.fn, expr.args.map(ev));
    case 'column':
    case 'lookup':
    case 'map':
      // Not in a scope condition: they resolve only inside aggregates.
      return null;
    default: {
      const never: never = expr;
      return never;
    }
  }
}

/** Whether a condition holds for the node (unknown does not hold). */
export function holdsFor(expr: RowExpr, scope: Scope): boolean {
  return evaluateScope(expr, scope) === true;
}

/** The deepest level a condition names (variants naming deeper levels are more specific). */
export function deepestLevel(expr: RowExpr | undefined, levels: readonly string[]): number {
  let deepest = -1;
  forEachRow(expr, (e) => {
    if (e.kind === 'dimension') deepest = Math.max(deepest, levels.indexOf(e.name));
  });
  return deepest;
}
