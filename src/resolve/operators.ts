/**
 * Typing of operators and scalar functions, shared by row expressions and KPI expressions: both
 * layers combine typed operands the same way; only what the operands are differs.
 */
import type { BinaryOperator, Expr } from '../formula/ast.js';
import { printFormula } from '../formula/print.js';
import { addUnits, describeUnit, divideUnits, multiplyUnits } from './units.js';
import { describeType, report, type ResolveEnv } from './env.js';
import type { RowFunction, Typed, ValueType } from './types.js';

const ERROR: Typed = { type: 'error' };
const BOOLEAN: Typed = { type: 'boolean' };

const isError = (t: Typed): boolean => t.type === 'error';
/** An operand as the user wrote it (canonical form), shortened for messages. */
const quote = (ast: Expr): string => {
  const text = printFormula(ast);
  return `\`${text.length > 40 ? `${text.slice(0, 37)}...` : text}\``;
};
/** Only the type and unit of an operand (operands are whole expressions; spreading them would copy their fields). */
const typed = (t: Typed | undefined): Typed => (t === undefined ? ERROR : { type: t.type, unit: t.unit });
const temporal = (t: ValueType): boolean => t === 'date' || t === 'timestamp';

/** Whether two operands can be compared (and the units agree for numbers). */
function comparable(env: ResolveEnv, left: Typed, right: Typed, leftAst: Expr, rightAst: Expr, what: string): boolean {
  if (isError(left) || isError(right)) return false;
  if (left.type === 'null' || right.type === 'null') {
    report(
      env,
      'resolve/type-mismatch',
      (left.type === 'null' ? leftAst : rightAst).span,
      `comparing with null is never true; ${what} with null gives null`,
      {
        hint: 'use `is null` or `is not null`',
      },
    );
    return false;
  }
  const sameKind = left.type === right.type || (temporal(left.type) && temporal(right.type));
  if (!sameKind) {
    report(env, 'resolve/type-mismatch', rightAst.span, `cannot compare ${describeType(left)} with ${describeType(right)}`, {
      hint: left.type === 'date' && right.type === 'string' ? "write a date literal as date '2025-01-31'" : undefined,
    });
    return false;
  }
  if (left.type === 'number' && !addUnits(left.unit, right.unit).ok) {
    report(
      env,
      'resolve/unit-mismatch',
      rightAst.span,
      `cannot compare ${quote(leftAst)} (${describeUnit(left.unit)}) with ${quote(rightAst)} (${describeUnit(right.unit)})`,
    );
    return false;
  }
  return true;
}

/** The type of `left op right`, reporting what is wrong. */
export function typeBinary(env: ResolveEnv, op: BinaryOperator, left: Typed, right: Typed, leftAst: Expr, rightAst: Expr): Typed {
  switch (op) {
    case 'and':
    case 'or':
      for (const [t, ast] of [
        [left, leftAst],
        [right, rightAst],
      ] as const) {
        if (!isError(t) && t.type !== 'boolean' && t.type !== 'null') {
          report(env, 'resolve/type-mismatch', ast.span, `\`${op}\` needs conditions on both sides, but this is ${describeType(t)}`);
        }
      }
      return BOOLEAN;
    case '=':
    case '!=':
    case '<':
    case '<=':
    case '>':
    case '>=':
      comparable(env, left, right, leftAst, rightAst, `\`${op}\``);
      return BOOLEAN;
    case '+':
    case '-':
    case '*':
    case '/': {
      if (isError(left) || isError(right)) return ERROR;
      if (left.type === 'null' || right.type === 'null') return { type: 'number', unit: left.unit ?? right.unit };
      for (const [t, ast] of [
        [left, leftAst],
        [right, rightAst],
      ] as const) {
        if (t.type !== 'number') {
          report(env, 'resolve/type-mismatch', ast.span, `\`${op}\` needs numbers, but this is ${describeType(t)}`, {
            hint: temporal(t.type) ? 'use days_between(a, b) for the days between two dates' : undefined,
          });
          return ERROR;
        }
      }
      if (op === '*') return { type: 'number', unit: multiplyUnits(left.unit, right.unit) };
      if (op === '/') return { type: 'number', unit: divideUnits(left.unit, right.unit) };
      const sum = addUnits(left.unit, right.unit);
      if (!sum.ok) {
        report(
          env,
          'resolve/unit-mismatch',
          rightAst.span,
          `cannot ${op === '+' ? 'add' : 'subtract'} ${quote(rightAst)} (${describeUnit(right.unit)}) ${op === '+' ? 'to' : 'from'} ${quote(leftAst)} (${describeUnit(left.unit)})`,
          { hint: 'both sides of + and - must have the same unit' },
        );
        return ERROR;
      }
      return { type: 'number', unit: sum.unit };
    }
    default: {
      const never: never = op;
      return never;
    }
  }
}

/** The type of `-x` or `not x`. */
export function typeUnary(env: ResolveEnv, op: '-' | '+' | 'not', operand: Typed, ast: Expr): Typed {
  if (isError(operand)) return op === 'not' ? BOOLEAN : ERROR;
  if (op === 'not') {
    if (operand.type !== 'boolean' && operand.type !== 'null') {
      report(env, 'resolve/type-mismatch', ast.span, `\`not\` needs a condition, but this is ${describeType(operand)}`);
    }
    return BOOLEAN;
  }
  if (operand.type !== 'number' && operand.type !== 'null') {
    report(env, 'resolve/type-mismatch', ast.span, `\`${op}\` needs a number, but this is ${describeType(operand)}`);
    return ERROR;
  }
  return typed(operand);
}

/** Checks the operands of `in`, `between` (each item against the operand). */
export function typeMembership(
  env: ResolveEnv,
  operand: Typed,
  operandAst: Expr,
  items: readonly Typed[],
  itemAsts: readonly Expr[],
  what: string,
): Typed {
  items.forEach((item, i) => {
    const ast = itemAsts[i];
    if (ast !== undefined && item.type !== 'null') comparable(env, operand, item, operandAst, ast, what);
  });
  return BOOLEAN;
}

/** The result type of a scalar function, checking argument types. `args` are already resolved. */
export function typeScalarCall(env: ResolveEnv, fn: RowFunction, args: readonly Typed[], asts: readonly Expr[], callAst: Expr): Typed {
  if (args.some(isError)) return fn === 'if' ? typed(args[1]) : ERROR;
  const need = (i: number, ok: (t: Typed) => boolean, expected: string): boolean => {
    const t = args[i];
    const ast = asts[i];
    if (t === undefined || ast === undefined || t.type === 'null' || ok(t)) return true;
    report(env, 'resolve/type-mismatch', ast.span, `${fn}() needs ${expected} here, but this is ${describeType(t)}`);
    return false;
  };
  const isNumber = (t: Typed): boolean => t.type === 'number';
  const isTemporal = (t: Typed): boolean => temporal(t.type);
  const same = (from: number): Typed => {
    let result: Typed = typed(args[from]);
    for (let i = from + 1; i < args.length; i++) {
      const t = args[i];
      const ast = asts[i];
      if (t === undefined || ast === undefined || t.type === 'null') continue;
      if (result.type === 'null') {
        result = typed(t);
        continue;
      }
      if (!comparable(env, result, t, asts[from] ?? callAst, ast, `${fn}()`)) return ERROR;
      const unit = addUnits(result.unit, t.unit);
      if (result.type === 'number' && unit.ok) result = { type: 'number', unit: unit.unit };
    }
    return result;
  };
  switch (fn) {
    case 'if':
      need(0, (t) => t.type === 'boolean', 'a condition');
      return same(1);
    case 'coalesce':
    case 'nullif':
      return same(0);
    case 'least':
    case 'greatest':
      return same(0);
    case 'abs':
      return need(0, isNumber, 'a number') ? typed(args[0]) : ERROR;
    case 'round':
      need(1, isNumber, 'a number of decimals');
      return need(0, isNumber, 'a number') ? typed(args[0]) : ERROR;
    case 'days_between':
      return need(0, isTemporal, 'a date') && need(1, isTemporal, 'a date') ? { type: 'number', unit: 'days' } : ERROR;
    case 'months_between':
      return need(0, isTemporal, 'a date') && need(1, isTemporal, 'a date') ? { type: 'number', unit: 'number' } : ERROR;
    case 'year':
    case 'quarter':
    case 'month':
      return need(0, isTemporal, 'a date') ? { type: 'number', unit: 'number' } : ERROR;
    case 'lower':
    case 'upper':
      return need(0, (t) => t.type === 'string', 'a string') ? { type: 'string' } : ERROR;
    case 'date':
      return need(0, (t) => t.type === 'string' || isTemporal(t), 'a text or a date') ? { type: 'date' } : ERROR;
    case 'number':
      return need(0, (t) => t.type === 'string' || isNumber(t), 'a text or a number') ? { type: 'number', unit: 'number' } : ERROR;
    case 'quarter_start':
    case 'quarter_end':
      return need(0, isTemporal, 'a date') ? { type: 'date' } : ERROR;
    case 'period_start':
    case 'period_end':
    case 'point_date':
      return { type: 'date' };
    default: {
      const never: never = fn;
      return never;
    }
  }
}
