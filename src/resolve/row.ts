/**
 * Row expressions: names resolved in one source (columns, definitions, dimensions, and joins
 * followed hop by hop), types and units checked, enumerations checked against literals.
 */
import type { CallExpr, Expr, NameRef } from '../formula/ast.js';
import { didYouMean, didYouMeanAny } from '../diagnostics/suggest.js';
import type { SourceDef } from '../model/types.js';
import { resolvePointCall } from './point-in-time.js';
import { ALL_FUNCTION_NAMES, AGGREGATE_FUNCTIONS, KPI_FUNCTIONS, isRowFunction } from './functions.js';
import { ROW_ERROR, columnTyped, parseOnce, report, sourceNames, type ResolveEnv } from './env.js';
import { resolveExpr, resolveScalarCall, type ResolveLayer } from './resolve-expr.js';
import type { RowColumn, RowExpr, Typed } from './types.js';

/**
 * Where row names are looked up: one source (inside aggregates), or the breakdown dimensions
 * (in scope conditions such as an override's `where: region = 'EMEA'`).
 */
export type RowScope =
  | { readonly source: SourceDef; readonly dimensions?: undefined }
  | { readonly source?: undefined; readonly dimensions: ReadonlyMap<string, Typed> };

/** Resolves a row-level expression in `scope`. */
export function resolveRow(env: ResolveEnv, ast: Expr, scope: RowScope): RowExpr {
  return resolveExpr(env, ast, rowLayer(env, scope));
}

/** Row expressions: names are columns, definitions and dimensions; `lookup[key]` reads a lookup. */
function rowLayer(env: ResolveEnv, scope: RowScope): ResolveLayer<RowExpr> {
  const layer: ResolveLayer<RowExpr> = {
    error: ROW_ERROR,
    literal: (value) => value,
    name: (ast) => resolveRowName(env, ast, scope),
    index: (ast) => resolveLookupIndex(env, ast.target, ast.index, scope),
    call: (ast) => resolveRowCall(env, ast, scope, layer),
    compared: (value, otherAst, other) => checkEnumeration(env, value, otherAst, other),
    unary: (op, operand, t) => ({ kind: 'unary', op, operand, ...t }),
    binary: (ast, left, right, t) => ({ kind: 'binary', op: ast.op, left, right, ...t }),
    in: (ast, operand, list, t) => ({ kind: 'in', operand, negated: ast.negated, list, ...t }),
    between: (ast, operand, low, high, t) => ({ kind: 'between', operand, negated: ast.negated, low, high, ...t }),
    isNull: (ast, operand) => ({ kind: 'is-null', operand, negated: ast.negated, type: 'boolean' }),
    scalarCall: (fn, args, t) => ({ kind: 'call', fn, args, ...t }),
  };
  return layer;
}

function resolveRowCall(env: ResolveEnv, ast: CallExpr, scope: RowScope, layer: ResolveLayer<RowExpr>): RowExpr {
  const name = ast.name;
  const point = resolvePointCall(env, ast, (e) => resolveRow(env, e, scope), scope.source);
  if (point !== undefined) return point;
  if (isRowFunction(name)) return resolveScalarCall(env, ast, name, layer);
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

/** Resolves a (possibly dotted) name in a source, following joins. */
function resolveRowName(env: ResolveEnv, ref: NameRef, scope: RowScope): RowExpr {
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
function rebase(expr: RowExpr, prefix: readonly string[]): RowExpr {
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
