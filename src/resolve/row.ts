/**
 * Row expressions: names resolved in one source (columns, definitions, dimensions, and joins
 * followed hop by hop), types and units checked, enumerations checked against literals.
 */
import type { CallExpr, Expr, NameRef } from '../formula/ast.js';
import { didYouMean, didYouMeanAny } from '../diagnostics/suggest.js';
import type { SourceDef } from '../model/types.js';
import { ALL_FUNCTION_NAMES, AGGREGATE_FUNCTIONS, KPI_FUNCTIONS, ROW_FUNCTIONS, isRowFunction } from './functions.js';
import { ROW_ERROR, columnTyped, parseOnce, report, resolveLiteral, sourceNames, type ResolveEnv } from './env.js';
import { typeBinary, typeMembership, typeScalarCall, typeUnary } from './operators.js';
import type { RowColumn, RowExpr, RowFunction, Typed } from './types.js';

/**
 * Where row names are looked up: one source (inside aggregates), or the breakdown dimensions
 * (in scope conditions such as an override's `where: region = 'EMEA'`).
 */
export type RowScope =
  | { readonly source: SourceDef; readonly dimensions?: undefined }
  | { readonly source?: undefined; readonly dimensions: ReadonlyMap<string, Typed> };

/** Resolves a row-level expression in `scope`. */
export function resolveRow(env: ResolveEnv, ast: Expr, scope: RowScope): RowExpr {
  switch (ast.kind) {
    case 'number':
    case 'string':
    case 'date':
    case 'boolean':
    case 'null':
    case 'duration':
      return resolveLiteral(env, ast);
    case 'name':
      return resolveRowName(env, ast, scope);
    case 'index':
      return resolveLookupIndex(env, ast.target, ast.index, scope);
    case 'unary': {
      const operand = resolveRow(env, ast.operand, scope);
      const t = typeUnary(env, ast.op, operand, ast.operand);
      if (ast.op === '+') return operand;
      return { kind: 'unary', op: ast.op, operand, ...t };
    }
    case 'binary': {
      const left = resolveRow(env, ast.left, scope);
      const right = resolveRow(env, ast.right, scope);
      const t = typeBinary(env, ast.op, left, right, ast.left, ast.right);
      checkEnumeration(env, left, ast.right, right);
      checkEnumeration(env, right, ast.left, left);
      return { kind: 'binary', op: ast.op, left, right, ...t };
    }
    case 'in': {
      const operand = resolveRow(env, ast.operand, scope);
      const list = ast.list.map((item) => resolveRow(env, item, scope));
      list.forEach((item, i) => {
        const itemAst = ast.list[i];
        if (itemAst !== undefined) checkEnumeration(env, operand, itemAst, item);
      });
      const t = typeMembership(env, operand, ast.operand, list, ast.list, '`in`');
      return { kind: 'in', operand, negated: ast.negated, list, ...t };
    }
    case 'between': {
      const operand = resolveRow(env, ast.operand, scope);
      const low = resolveRow(env, ast.low, scope);
      const high = resolveRow(env, ast.high, scope);
      const t = typeMembership(env, operand, ast.operand, [low, high], [ast.low, ast.high], '`between`');
      return { kind: 'between', operand, negated: ast.negated, low, high, ...t };
    }
    case 'is-null':
      return { kind: 'is-null', operand: resolveRow(env, ast.operand, scope), negated: ast.negated, type: 'boolean' };
    case 'call':
      return resolveRowCall(env, ast, scope);
    case 'error':
      return ROW_ERROR;
    default: {
      const never: never = ast;
      return never;
    }
  }
}

function resolveRowCall(env: ResolveEnv, ast: CallExpr, scope: RowScope): RowExpr {
  const name = ast.name;
  if (!isRowFunction(name)) {
    if (AGGREGATE_FUNCTIONS.has(name)) {
      report(
        env,
        'resolve/nested-aggregate',
        ast.nameSpan,
        `\`${name}\` aggregates rows, so it cannot appear inside a row expression or another aggregate`,
        {
          hint: 'to aggregate per key and then combine, write e.g. avg(sum(amount) per owner_id)',
        },
      );
    } else if (KPI_FUNCTIONS.has(name)) {
      report(
        env,
        'resolve/nested-aggregate',
        ast.nameSpan,
        `\`${name}\` works on aggregated values, so it cannot appear inside an aggregate`,
      );
    } else {
      report(env, 'resolve/unknown-function', ast.nameSpan, `unknown function \`${name}\``, { hint: didYouMean(name, ALL_FUNCTION_NAMES) });
    }
    return ROW_ERROR;
  }
  if (!checkScalarCallShape(env, ast, name)) return ROW_ERROR;
  const args = ast.args.map((a) => resolveRow(env, a.value, scope));
  const t = typeScalarCall(
    env,
    name,
    args,
    ast.args.map((a) => a.value),
    ast,
  );
  return { kind: 'call', fn: name, args, ...t };
}

/**
 * Checks a call of a scalar function (the same at row and KPI level): no where/on/per clause, and
 * the right number of arguments. False when the arguments cannot be resolved as given.
 */
export function checkScalarCallShape(env: ResolveEnv, ast: CallExpr, name: RowFunction): boolean {
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
export function describeArity(min: number, max: number): string {
  const plural = (n: number): string => `${n} argument${n === 1 ? '' : 's'}`;
  if (max === Infinity) return `at least ${plural(min)}`;
  if (min === max) return plural(min);
  return `${min} or ${plural(max)}`;
}

/** Resolves a (possibly dotted) name in a source, following joins. */
export function resolveRowName(env: ResolveEnv, ref: NameRef, scope: RowScope): RowExpr {
  const { catalog } = env;
  if (scope.source === undefined) return resolveDimensionName(env, ref, scope.dimensions);
  let parts = ref.parts;
  const first = parts[0];
  if (first === undefined) return ROW_ERROR;
  // `opportunities.amount` inside an aggregate over opportunities: the qualifier pins the source.
  if (parts.length > 1 && first.name === scope.source.id && !scope.source.joins.has(first.name)) parts = parts.slice(1);
  let current = scope.source;
  const path: string[] = [];
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i];
    if (part === undefined) return ROW_ERROR;
    const join = current.joins.get(part.name);
    if (join === undefined) {
      const viaJoins = [...current.joins.values()].filter((j) => j.to.value === part.name);
      const isSource = catalog.sources.has(part.name);
      report(
        env,
        'resolve/unknown-join',
        part.span,
        isSource
          ? `\`${part.name}\` is a source, not a join of \`${current.id}\`; reach another source through a join`
          : `\`${current.id}\` has no join \`${part.name}\``,
        {
          // Every join that reaches the source is a candidate: which one is meant is the user's call.
          hint:
            viaJoins.length > 0
              ? didYouMeanAny(viaJoins.map((j) => [j.name, ...parts.slice(i + 1).map((p) => p.name)].join('.')))
              : didYouMean(part.name, current.joins.keys()),
          related: viaJoins.map((j) => ({ span: j.span, message: `join \`${j.name}\` reaches \`${part.name}\`` })),
        },
      );
      return ROW_ERROR;
    }
    const target = catalog.sources.get(join.to.value);
    if (target === undefined) return ROW_ERROR; // reported at the join declaration
    path.push(join.name);
    current = target;
  }
  const last = parts[parts.length - 1];
  if (last === undefined) return ROW_ERROR;
  const column = current.columns.get(last.name);
  if (column !== undefined) {
    const col: RowColumn = { kind: 'column', path, source: current.id, column: column.name, ...columnTyped(column.type.value) };
    return col;
  }
  if (current.definitions.has(last.name) || current.dimensions.has(last.name)) {
    const expr = resolveNamed(env, current, last.name, last.span);
    return path.length === 0 ? expr : rebase(expr, path);
  }
  const join = current.joins.get(last.name);
  if (join !== undefined) {
    report(
      env,
      'resolve/unknown-column',
      last.span,
      `\`${last.name}\` is a join to \`${join.to.value}\`, not a value; name one of its columns`,
      {
        hint: `e.g. ${[...path, last.name].join('.')}.${catalog.sources.get(join.to.value)?.columns.keys().next().value ?? 'column'}`,
      },
    );
    return ROW_ERROR;
  }
  report(env, 'resolve/unknown-column', last.span, `unknown column \`${last.name}\` in source \`${current.id}\``, {
    hint: didYouMean(last.name, sourceNames(current)),
  });
  return ROW_ERROR;
}

/** Resolves a definition or dimension of `source` once (cycles reported). */
export function resolveNamed(env: ResolveEnv, source: SourceDef, name: string, useSpan: NameRef['span']): RowExpr {
  const key = `${source.id}.${name}`;
  const cached = env.named.get(key);
  if (cached === null) {
    report(env, 'resolve/cycle', useSpan, `\`${name}\` in source \`${source.id}\` is defined in terms of itself`, {
      hint: 'a definition or dimension cannot refer back to itself, directly or through others',
    });
    return ROW_ERROR;
  }
  if (cached !== undefined) return cached;
  const named = source.definitions.get(name) ?? source.dimensions.get(name);
  if (named === undefined) return ROW_ERROR;
  env.named.set(key, null);
  const expr = resolveRow(env, parseOnce(env, named.formula), { source });
  env.named.set(key, expr);
  return expr;
}

/** Re-roots a row expression resolved in a joined source onto the join path that reaches it. */
export function rebase(expr: RowExpr, prefix: readonly string[]): RowExpr {
  switch (expr.kind) {
    case 'literal':
      return expr;
    case 'column':
      return { ...expr, path: [...prefix, ...expr.path] };
    case 'binary':
      return { ...expr, left: rebase(expr.left, prefix), right: rebase(expr.right, prefix) };
    case 'unary':
      return { ...expr, operand: rebase(expr.operand, prefix) };
    case 'in':
      return { ...expr, operand: rebase(expr.operand, prefix), list: expr.list.map((e) => rebase(e, prefix)) };
    case 'between':
      return { ...expr, operand: rebase(expr.operand, prefix), low: rebase(expr.low, prefix), high: rebase(expr.high, prefix) };
    case 'is-null':
      return { ...expr, operand: rebase(expr.operand, prefix) };
    case 'call':
      return { ...expr, args: expr.args.map((e) => rebase(e, prefix)) };
    case 'lookup':
      return { ...expr, key: rebase(expr.key, prefix) };
    case 'dimension':
      return expr;
    case 'map':
      return { ...expr, operand: rebase(expr.operand, prefix) };
    default: {
      const never: never = expr;
      return never;
    }
  }
}

function resolveDimensionName(env: ResolveEnv, ref: NameRef, dimensions: ReadonlyMap<string, Typed>): RowExpr {
  const name = ref.parts.map((p) => p.name).join('.');
  const typed = ref.parts.length === 1 ? dimensions.get(name) : undefined;
  if (typed === undefined) {
    report(env, 'resolve/unknown-dimension', ref.span, `\`${name}\` is not a breakdown dimension here`, {
      hint: didYouMean(name, dimensions.keys()) ?? (dimensions.size > 0 ? `dimensions: ${[...dimensions.keys()].join(', ')}` : undefined),
    });
    return ROW_ERROR;
  }
  return { kind: 'dimension', name, ...typed };
}

function resolveLookupIndex(env: ResolveEnv, target: NameRef, index: Expr, scope: RowScope): RowExpr {
  const name = target.parts.map((p) => p.name).join('.');
  const lookup = target.parts.length === 1 ? env.catalog.lookups.get(name) : undefined;
  const key = resolveRow(env, index, scope);
  if (lookup === undefined) {
    if (target.parts.length === 1 && env.catalog.clashes.has(name)) return ROW_ERROR; // the clash is reported
    report(env, 'resolve/unknown-lookup', target.span, `\`${name}\` is not a lookup, so it cannot be indexed with [ ]`, {
      hint: didYouMean(name, env.catalog.lookups.keys()),
    });
    return ROW_ERROR;
  }
  if (key.type !== 'error' && key.type !== 'string' && key.type !== 'number' && key.type !== 'boolean') {
    report(env, 'resolve/type-mismatch', index.span, `a lookup key must be a string or a number`);
  }
  return { kind: 'lookup', lookup: lookup.id, key, type: 'number', unit: lookup.unit?.value };
}

/** The enumerated values of the column an expression reads directly, if any. */
function enumerationOf(env: ResolveEnv, expr: RowExpr): { column: string; values: readonly string[] } | undefined {
  if (expr.kind !== 'column') return undefined;
  const values = env.catalog.sources.get(expr.source)?.columns.get(expr.column)?.values;
  return values === undefined ? undefined : { column: expr.column, values: values.map((v) => v.value) };
}

/** Reports a string literal compared with an enumerated column that is not one of its values. */
function checkEnumeration(env: ResolveEnv, column: RowExpr, literalAst: Expr, literal: RowExpr): void {
  const enumeration = enumerationOf(env, column);
  if (enumeration === undefined || literal.kind !== 'literal' || typeof literal.value !== 'string') return;
  if (enumeration.values.includes(literal.value)) return;
  report(
    env,
    'resolve/unknown-value',
    literalAst.span,
    `'${literal.value}' is not a value of \`${enumeration.column}\` (one of ${enumeration.values.map((v) => `'${v}'`).join(', ')})`,
    {
      hint: didYouMean(literal.value, enumeration.values)?.replace(/`([^`]*)`/, "'$1'"),
    },
  );
}
