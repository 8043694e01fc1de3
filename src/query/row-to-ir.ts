/**
 * Resolved row expressions into IR row expressions: the one place where the planner turns the
 * resolver's trees (with units, spans and source names) into the plain data a dialect reads.
 */
import type { RowExpr, ValueType } from '../resolve/types.js';
import type { IrFunction, IrRowExpr, IrValueType } from './ir-expr.js';

/** The IR type of a resolved value type (`error` never reaches the planner). */
export function irType(type: ValueType): IrValueType {
  if (type === 'error') throw new Error('an expression that failed to resolve reached the planner');
  return type;
}

/** The IR function of a resolved row function called with arguments of `types`. */
function irFunction(fn: Exclude<IrFunction, 'fractional_days_between'>, types: readonly ValueType[]): IrFunction {
  return fn === 'days_between' && types.includes('timestamp') ? 'fractional_days_between' : fn;
}

/** A resolved row expression as IR. Dimensions by name exist only in scope conditions, never here. */
export function rowToIr(e: RowExpr): IrRowExpr {
  switch (e.kind) {
    case 'literal':
      return { kind: 'literal', value: e.value, type: irType(e.type) };
    case 'column':
      return e.atStart === true
        ? { kind: 'column', path: e.path, column: e.column, atStart: true }
        : { kind: 'column', path: e.path, column: e.column };
    case 'binary':
      return { kind: 'binary', op: e.op, left: rowToIr(e.left), right: rowToIr(e.right) };
    case 'unary':
      return { kind: 'unary', op: e.op, operand: rowToIr(e.operand) };
    case 'in':
      return { kind: 'predicate', test: 'in', negated: e.negated, operand: rowToIr(e.operand), args: e.list.map(rowToIr) };
    case 'between':
      return {
        kind: 'predicate',
        test: 'between',
        negated: e.negated,
        operand: rowToIr(e.operand),
        args: [rowToIr(e.low), rowToIr(e.high)],
      };
    case 'is-null':
      return { kind: 'predicate', test: 'is-null', negated: e.negated, operand: rowToIr(e.operand), args: [] };
    case 'call':
      return {
        kind: 'call',
        fn: irFunction(
          e.fn,
          e.args.map((a) => a.type),
        ),
        args: e.args.map(rowToIr),
        types: e.args.map((a) => irType(a.type)),
      };
    case 'lookup':
      return { kind: 'lookup', lookup: e.lookup, key: rowToIr(e.key) };
    case 'map':
      return { kind: 'map', operand: rowToIr(e.operand), entries: e.entries };
    case 'dimension':
      throw new Error(`dimension ${e.name} outside a scope condition reached the planner`);
    default: {
      const never: never = e;
      return never;
    }
  }
}
