/**
 * The one walk over a formula AST that both layers of resolution share. Row expressions (per row
 * of a source) and KPI expressions (per grid cell) read literals, operators, membership tests and
 * scalar functions the same way and type them with the same rules (operators.ts); they differ in
 * what a name, an index and a call mean, and in the nodes they build. A {@link ResolveLayer} says
 * those; {@link resolveExpr} does the rest, in one place.
 */
import type { BetweenExpr, BinaryExpr, CallExpr, Expr, InExpr, IndexExpr, IsNullExpr, NameRef } from '../formula/ast.js';
import { isLiteral } from '../formula/ast.js';
import { report, resolveLiteral, type ResolveEnv } from './env.js';
import { ROW_FUNCTIONS } from './functions.js';
import { rejectAsAt } from './point-in-time.js';
import { typeBinary, typeMembership, typeScalarCall, typeUnary } from './operators.js';
import { checkRoundDigits } from './literal-bounds.js';
import type { RowFunction, RowLiteral, Typed } from './types.js';

/** What one layer of resolution makes of each kind of formula node. */
export interface ResolveLayer<T extends Typed> {
  /** Stands in for a part that did not resolve. */
  readonly error: T;
  literal(value: RowLiteral): T;
  name(ast: NameRef): T;
  index(ast: IndexExpr): T;
  call(ast: CallExpr): T;
  /** Checks a comparison of `value` with `other` (written as `otherAst`) beyond its types, e.g. against an enumeration. */
  compared?(value: T, otherAst: Expr, other: T): void;
  unary(op: '-' | 'not', operand: T, typed: Typed): T;
  binary(ast: BinaryExpr, left: T, right: T, typed: Typed): T;
  in(ast: InExpr, operand: T, list: readonly T[], typed: Typed): T;
  between(ast: BetweenExpr, operand: T, low: T, high: T, typed: Typed): T;
  isNull(ast: IsNullExpr, operand: T): T;
  scalarCall(fn: RowFunction, args: readonly T[], typed: Typed): T;
}

/** Resolves `ast` in `layer`: the structure here, the meaning of names, indexes and calls there. */
export function resolveExpr<T extends Typed>(env: ResolveEnv, ast: Expr, layer: ResolveLayer<T>): T {
  if (isLiteral(ast)) return layer.literal(resolveLiteral(env, ast));
  const sub = (e: Expr): T => resolveExpr(env, e, layer);
  switch (ast.kind) {
    case 'name':
      return layer.name(ast);
    case 'index':
      return layer.index(ast);
    case 'unary': {
      const operand = sub(ast.operand);
      const typed = typeUnary(env, ast.op, operand, ast.operand);
      return ast.op === '+' ? operand : layer.unary(ast.op, operand, typed);
    }
    case 'binary': {
      const left = sub(ast.left);
      const right = sub(ast.right);
      const typed = typeBinary(env, ast.op, left, right, ast.left, ast.right);
      layer.compared?.(left, ast.right, right);
      layer.compared?.(right, ast.left, left);
      return layer.binary(ast, left, right, typed);
    }
    case 'in': {
      const operand = sub(ast.operand);
      const list = ast.list.map(sub);
      list.forEach((item, i) => {
        const itemAst = ast.list[i];
        if (itemAst !== undefined) layer.compared?.(operand, itemAst, item);
      });
      return layer.in(ast, operand, list, typeMembership(env, operand, ast.operand, list, ast.list, '`in`'));
    }
    case 'between': {
      const operand = sub(ast.operand);
      const low = sub(ast.low);
      const high = sub(ast.high);
      return layer.between(
        ast,
        operand,
        low,
        high,
        typeMembership(env, operand, ast.operand, [low, high], [ast.low, ast.high], '`between`'),
      );
    }
    case 'is-null':
      return layer.isNull(ast, sub(ast.operand));
    case 'call':
      return layer.call(ast);
    case 'error':
      return layer.error;
    default: {
      const never: never = ast;
      return never;
    }
  }
}

/** Resolves a call of a scalar function (the same at row and KPI level), its arguments in `layer`. */
export function resolveScalarCall<T extends Typed>(env: ResolveEnv, ast: CallExpr, fn: RowFunction, layer: ResolveLayer<T>): T {
  if (!checkScalarCallShape(env, ast, fn)) return layer.error;
  const args = ast.args.map((a) => resolveExpr(env, a.value, layer));
  if (fn === 'round') checkRoundDigits(env, ast.args[1]?.value);
  const typed = typeScalarCall(
    env,
    fn,
    args,
    ast.args.map((a) => a.value),
    ast,
  );
  return layer.scalarCall(fn, args, typed);
}

/**
 * Checks a call of a scalar function: no where/on/per/as at clause, and the right number of arguments.
 * False when the arguments cannot be resolved as given.
 */
function checkScalarCallShape(env: ResolveEnv, ast: CallExpr, name: RowFunction): boolean {
  rejectAsAt(env, ast);
  for (const arg of ast.args) {
    const clause = arg.where ?? arg.on ?? arg.per;
    if (clause !== undefined)
      report(env, 'resolve/misplaced-clause', clause.span, `\`${name}\` is not an aggregate, so it takes no where/on/per clause`);
  }
  const arity = ROW_FUNCTIONS.get(name);
  if (arity !== undefined && (ast.args.length < arity.min || ast.args.length > arity.max)) {
    report(env, 'resolve/arity', ast.span, `${name}() takes ${describeArity(arity.min, arity.max)}, not ${ast.args.length}`);
    return false;
  }
  return true;
}

/** "2 arguments", "1 or 2 arguments", "at least 1 argument". */
function describeArity(min: number, max: number): string {
  const plural = (n: number): string => `${n} argument${n === 1 ? '' : 's'}`;
  if (max === Infinity) return `at least ${plural(min)}`;
  if (min === max) return plural(min);
  return `${min} or ${plural(max)}`;
}
