/**
 * Scalar SQL for IR expressions: row expressions (per row of a scan) and cell expressions (per
 * grid cell or level row). Both share literals, operators, functions and predicates; only their
 * leaves differ (columns and lookups, or measures).
 */
import type { Calendar } from '../query/ir.js';
import type { IrBinary, IrCall, IrCellExpr, IrLiteral, IrMeasure, IrPredicate, IrRowExpr, IrSharedNode } from '../query/ir-expr.js';
import type { Dialect } from './dialect.js';

/** What scalar emission needs to know. */
export interface ScalarContext {
  readonly dialect: Dialect;
  readonly calendar: Calendar;
}

/** A literal as SQL. */
function literalSql(ctx: ScalarContext, e: IrLiteral): string {
  const { value } = e;
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return ctx.dialect.numberLiteral(value);
  return e.type === 'date' ? ctx.dialect.dateLiteral(value) : ctx.dialect.stringLiteral(value);
}

/** `left op right` as SQL; division by zero gives null. */
function binarySql(ctx: ScalarContext, op: IrBinary<unknown>['op'], left: string, right: string): string {
  switch (op) {
    case '/':
      return ctx.dialect.divide(left, right);
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

/**
 * A scalar function call as SQL. A choice between numbers goes to the dialect, which keeps every
 * digit of decimals of different scales.
 */
function callSql(ctx: ScalarContext, e: IrCall<unknown>, args: readonly string[]): string {
  const { fn, types } = e;
  const d = ctx.dialect;
  const a = (i: number): string => args[i] ?? 'NULL';
  if ((fn === 'if' || fn === 'coalesce' || fn === 'least' || fn === 'greatest') && args.length > 1) {
    const values = types.slice(fn === 'if' ? 1 : 0);
    if (values.length > 0 && values.every((t) => t === 'number' || t === 'null')) return d.numberChoice(fn, args);
  }
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
      return d.round(a(0), args.length > 1 ? a(1) : undefined);
    case 'days_between':
    case 'fractional_days_between':
      return d.daysBetween(a(0), a(1), fn === 'fractional_days_between');
    case 'months_between':
      return d.monthsBetween(a(0), a(1));
    case 'year':
      return d.fiscalYear(a(0), ctx.calendar);
    case 'quarter':
      return d.fiscalQuarter(a(0), ctx.calendar);
    case 'month':
      return d.month(a(0));
    case 'date':
      return e.types[0] === 'string' ? d.parseText(a(0), 'date') : d.cast(a(0), 'date');
    case 'number':
      return e.types[0] === 'string' ? d.parseText(a(0), 'number') : a(0);
    case 'quarter_start':
      return d.periodStart(d.cast(a(0), 'date'), 'quarter', ctx.calendar);
    case 'quarter_end':
      return d.addToDate(d.addToDate(d.periodStart(d.cast(a(0), 'date'), 'quarter', ctx.calendar), 3, 'month'), -1, 'day');
    case 'period_start':
    case 'period_end':
    case 'point_date':
      throw new Error(`${fn}() outside a point scan reached the emitter`);
    default: {
      const never: never = fn;
      return never;
    }
  }
}

/** A predicate as SQL. */
function predicateSql(test: IrPredicate<unknown>['test'], negated: boolean, operand: string, args: readonly string[]): string {
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

/** A node both layers share as SQL, its sub-expressions rendered by `sub`. */
function sharedSql<E>(ctx: ScalarContext, e: IrSharedNode<E>, sub: (e: E) => string): string {
  switch (e.kind) {
    case 'literal':
      return literalSql(ctx, e);
    case 'binary':
      return binarySql(ctx, e.op, sub(e.left), sub(e.right));
    case 'unary':
      return e.op === 'not' ? `(NOT ${sub(e.operand)})` : `(-${sub(e.operand)})`;
    case 'call':
      return callSql(ctx, e, e.args.map(sub));
    case 'predicate':
      return predicateSql(e.test, e.negated, sub(e.operand), e.args.map(sub));
    default: {
      const never: never = e;
      return never;
    }
  }
}

/** How a row expression's leaves become SQL. */
export interface RowLeaves {
  /** A column; `atStart` asks for its value as at the period's start (point scans only). */
  column(path: readonly string[], column: string, atStart: boolean): string;
  lookup(lookup: string, key: IrRowExpr): string;
  /** The evaluated period's first or last day, or its point's day (point scans only). */
  periodDate?(fn: 'period_start' | 'period_end' | 'point_date'): string;
}

/** A row expression as SQL. */
export function rowSql(ctx: ScalarContext, e: IrRowExpr, leaves: RowLeaves): string {
  const sub = (x: IrRowExpr): string => rowSql(ctx, x, leaves);
  switch (e.kind) {
    case 'column':
      return leaves.column(e.path, e.column, e.atStart === true);
    case 'call':
      if ((e.fn === 'period_start' || e.fn === 'period_end' || e.fn === 'point_date') && leaves.periodDate !== undefined) {
        return leaves.periodDate(e.fn);
      }
      return sharedSql(ctx, e, sub);
    case 'lookup':
      return leaves.lookup(e.lookup, e.key);
    case 'map': {
      const d = ctx.dialect;
      if (e.entries.length === 0) return d.cast('NULL', 'string');
      const whens = e.entries.map(([k, v]) => `WHEN ${d.stringLiteral(k)} THEN ${v === null ? 'NULL' : d.stringLiteral(v)}`);
      return `(CASE ${d.cast(sub(e.operand), 'string')} ${whens.join(' ')} END)`;
    }
    default:
      return sharedSql(ctx, e, sub);
  }
}

/** A cell expression as SQL; `measure` renders a measure reference. */
export function cellSql(ctx: ScalarContext, e: IrCellExpr, measure: (m: IrMeasure) => string): string {
  return e.kind === 'measure' ? measure(e) : sharedSql(ctx, e, (x) => cellSql(ctx, x, measure));
}
