/**
 * Scalar SQL for row expressions (per row of a scan) and cell expressions (per grid cell). Both
 * share operators and functions; only their leaves differ (columns vs. measures).
 */
import type { CalendarDef } from '../model/types.js';
import type { CellExpr } from '../plan/ir.js';
import type { RowExpr, RowFunction, RowOperator, ValueType } from '../resolve/types.js';
import type { Dialect } from './dialect.js';

/** What scalar emission needs to know. */
export interface ScalarContext {
  readonly dialect: Dialect;
  readonly calendar: CalendarDef;
}

/** A literal value as SQL. */
function literalSql(ctx: ScalarContext, value: number | string | boolean | null, type?: ValueType | 'date'): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return ctx.dialect.numberLiteral(value);
  return type === 'date' ? ctx.dialect.dateLiteral(value) : ctx.dialect.stringLiteral(value);
}

/** `left op right` as SQL; division by zero gives null. */
function binarySql(op: RowOperator, left: string, right: string): string {
  switch (op) {
    case '/':
      return `(${left} / NULLIF(${right}, 0))`;
    case '!=':
      return `(${left} <> ${right})`;
    case 'and':
      return `(${left} AND ${right})`;
    case 'or':
      return `(${left} OR ${right})`;
    default:
      return `(${left} ${op} ${right})`;
  }
}

/** A scalar function call as SQL; `types` are the argument types (for date arithmetic). */
function callSql(ctx: ScalarContext, fn: RowFunction, args: readonly string[], types: readonly ValueType[]): string {
  const a = (i: number): string => args[i] ?? 'NULL';
  switch (fn) {
    case 'if':
      return `(CASE WHEN ${a(0)} THEN ${a(1)} ELSE ${a(2)} END)`;
    case 'coalesce':
    case 'nullif':
    case 'abs':
    case 'least':
    case 'greatest':
    case 'lower':
    case 'upper':
      return `${fn}(${args.join(', ')})`;
    case 'round':
      return args.length > 1 ? `round(${a(0)}, CAST(${a(1)} AS INTEGER))` : `round(${a(0)})`;
    case 'days_between':
      return ctx.dialect.daysBetween(a(0), a(1), types.includes('timestamp'));
    case 'months_between':
      return ctx.dialect.monthsBetween(a(0), a(1));
    case 'year':
      return ctx.dialect.fiscalYear(a(0), ctx.calendar);
    case 'quarter':
      return ctx.dialect.fiscalQuarter(a(0), ctx.calendar);
    case 'month':
      return ctx.dialect.month(a(0));
    default: {
      const never: never = fn;
      return never;
    }
  }
}

/** Predicates shared by both layers. */
function predicateSql(test: 'in' | 'between' | 'is-null', negated: boolean, operand: string, args: readonly string[]): string {
  const not = negated ? 'NOT ' : '';
  switch (test) {
    case 'in':
      return `(${operand} ${not}IN (${args.join(', ')}))`;
    case 'between':
      return `(${operand} ${not}BETWEEN ${args[0] ?? 'NULL'} AND ${args[1] ?? 'NULL'})`;
    case 'is-null':
      return `(${operand} IS ${not}NULL)`;
    default: {
      const never: never = test;
      return never;
    }
  }
}

/** How a row expression's leaves become SQL. */
export interface RowLeaves {
  column(path: readonly string[], column: string): string;
  lookup(lookup: string, key: RowExpr): string;
}

/** A row expression as SQL. */
export function rowSql(ctx: ScalarContext, expr: RowExpr, leaves: RowLeaves): string {
  const sub = (e: RowExpr): string => rowSql(ctx, e, leaves);
  switch (expr.kind) {
    case 'literal':
      return literalSql(ctx, expr.value, expr.type);
    case 'column':
      return leaves.column(expr.path, expr.column);
    case 'binary':
      return binarySql(expr.op, sub(expr.left), sub(expr.right));
    case 'unary':
      return expr.op === 'not' ? `(NOT ${sub(expr.operand)})` : `(-${sub(expr.operand)})`;
    case 'in':
      return predicateSql('in', expr.negated, sub(expr.operand), expr.list.map(sub));
    case 'between':
      return predicateSql('between', expr.negated, sub(expr.operand), [sub(expr.low), sub(expr.high)]);
    case 'is-null':
      return predicateSql('is-null', expr.negated, sub(expr.operand), []);
    case 'call':
      return callSql(
        ctx,
        expr.fn,
        expr.args.map(sub),
        expr.args.map((x) => x.type),
      );
    case 'lookup':
      return leaves.lookup(expr.lookup, expr.key);
    case 'dimension':
      throw new Error(`dimension ${expr.name} outside a scope condition`);
    case 'map': {
      if (expr.entries.length === 0) return 'CAST(NULL AS VARCHAR)';
      const whens = expr.entries.map(
        ([k, v]) => `WHEN ${ctx.dialect.stringLiteral(k)} THEN ${v === null ? 'NULL' : ctx.dialect.stringLiteral(v)}`,
      );
      return `(CASE CAST(${sub(expr.operand)} AS VARCHAR) ${whens.join(' ')} END)`;
    }
    default: {
      const never: never = expr;
      return never;
    }
  }
}

/** A cell expression as SQL; `measure` renders a measure reference (with its empty default). */
export function cellSql(ctx: ScalarContext, expr: CellExpr, measure: (m: Extract<CellExpr, { kind: 'measure' }>) => string): string {
  const sub = (e: CellExpr): string => cellSql(ctx, e, measure);
  switch (expr.kind) {
    case 'literal':
      return literalSql(ctx, expr.value, expr.sqlType);
    case 'measure':
      return measure(expr);
    case 'binary':
      return binarySql(expr.op, sub(expr.left), sub(expr.right));
    case 'unary':
      return expr.op === 'not' ? `(NOT ${sub(expr.operand)})` : `(-${sub(expr.operand)})`;
    case 'call':
      return callSql(ctx, expr.fn, expr.args.map(sub), []);
    case 'predicate':
      return predicateSql(expr.test, expr.negated, sub(expr.operand), expr.args.map(sub));
    default: {
      const never: never = expr;
      return never;
    }
  }
}
