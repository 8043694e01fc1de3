/**
 * KPI expressions: aggregated values per grid cell. Names are KPIs; aggregates read rows; the
 * KPI-level functions (prior, change, growth, rolling, to_date, total, last, per, hhi, top_share)
 * rearrange when and over what the aggregates inside them are evaluated.
 */
import { durationInBounds, topKeysInBounds } from './literal-bounds.js';
import { rejectAsAt } from './point-in-time.js';
import type { CallExpr, DurationUnit, Expr, NameRef } from '../formula/ast.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { AGGREGATE_FUNCTIONS, ALL_FUNCTION_NAMES, KPI_FUNCTIONS, PER_FUNCTIONS, isRowFunction } from './functions.js';
import { describeType, report, type ResolveEnv } from './env.js';
import { resolveRowAggregate, type LastContext } from './aggregate.js';
import { resolvePassRate } from './pass-rate.js';
import { resolveExpr, resolveScalarCall, type ResolveLayer } from './resolve-expr.js';
import { resolveRow } from './row.js';
import { forEachKpi } from './kpi-walk.js';
import type { AggregateFunction, Duration, KpiExpr, KpiRef, PerFunction, PerKey, TimeWindow } from './types.js';

const ERROR: KpiExpr = { kind: 'literal', value: null, type: 'error' };

/** What a KPI expression is resolved within. */
export interface KpiScope {
  /** The KPI (or lookup/target) being resolved, for messages. */
  readonly owner: string;
  /** Resolves another KPI (memoised by the caller); undefined when it is unknown or in a cycle. */
  readonly kpi: (id: string, ref: NameRef) => KpiRef | undefined;
  /** The sources a KPI's aggregates read (for `per` keys). */
  readonly kpiSources: (id: string) => ReadonlySet<string>;
  readonly last?: LastContext | undefined;
  /** Set inside rolling() or to_date(): a second range window inside has no single meaning. */
  readonly range?: string | undefined;
}

/** Resolves a KPI-level expression. */
export function resolveKpiExpr(env: ResolveEnv, ast: Expr, scope: KpiScope): KpiExpr {
  return resolveExpr(env, ast, kpiLayer(env, scope));
}

/** KPI expressions: names are KPIs; calls are aggregates, KPI-level functions or scalar functions. */
function kpiLayer(env: ResolveEnv, scope: KpiScope): ResolveLayer<KpiExpr> {
  const layer: ResolveLayer<KpiExpr> = {
    error: ERROR,
    literal: (value) => value,
    name: (ast) => resolveKpiName(env, ast, scope),
    index: (ast) => {
      report(env, 'resolve/column-outside-aggregate', ast.span, 'a lookup gives a value per row, so it must be used inside an aggregate', {
        hint: `e.g. sum(amount * ${ast.target.parts.map((p) => p.name).join('.')}[stage])`,
      });
      return ERROR;
    },
    call: (ast) => resolveKpiCall(env, ast, scope, layer),
    unary: (op, operand, t) => ({ kind: 'unary', op, operand, ...t }),
    binary: (ast, left, right, t) => ({ kind: 'binary', op: ast.op, left, right, ...t }),
    in: (ast, operand, args, t) => ({ kind: 'predicate', test: 'in', negated: ast.negated, operand, args, ...t }),
    between: (ast, operand, low, high, t) => ({
      kind: 'predicate',
      test: 'between',
      negated: ast.negated,
      operand,
      args: [low, high],
      ...t,
    }),
    isNull: (ast, operand) => ({ kind: 'predicate', test: 'is-null', negated: ast.negated, operand, args: [], type: 'boolean' }),
    scalarCall: (fn, args, t) => ({ kind: 'call', fn, args, ...t }),
  };
  return layer;
}

function resolveKpiName(env: ResolveEnv, ast: NameRef, scope: KpiScope): KpiExpr {
  const { catalog } = env;
  const name = ast.parts.map((p) => p.name).join('.');
  const first = ast.parts[0]?.name ?? '';
  if (ast.parts.length === 1) {
    if (catalog.kpis.has(first)) return scope.kpi(first, ast) ?? ERROR;
    // A name several documents claim: the clash is the one error (reported where it is declared).
    if (catalog.clashes.has(first)) return ERROR;
    if (catalog.lookups.has(first)) {
      report(
        env,
        'resolve/unknown-kpi',
        ast.span,
        `\`${first}\` is a lookup; index it with a key inside an aggregate, e.g. sum(amount * ${first}[stage])`,
      );
      return ERROR;
    }
    if (catalog.sources.has(first)) {
      report(env, 'resolve/column-outside-aggregate', ast.span, `\`${first}\` is a source; aggregate its rows, e.g. count(${first})`);
      return ERROR;
    }
  }
  const owner = ast.parts.length > 1 && catalog.sources.has(first) ? catalog.sources.get(first) : env.index.sourcesWith(first)[0];
  if (owner !== undefined) {
    report(
      env,
      'resolve/column-outside-aggregate',
      ast.span,
      `\`${name}\` is a row value of \`${owner.id}\`, so it must be aggregated here`,
      {
        hint: `e.g. sum(${name}) or count(${owner.id} where …)`,
      },
    );
    return ERROR;
  }
  report(env, 'resolve/unknown-kpi', ast.span, `unknown KPI \`${name}\``, { hint: didYouMean(name, env.index.kpis) });
  return ERROR;
}

function resolveKpiCall(env: ResolveEnv, ast: CallExpr, scope: KpiScope, layer: ResolveLayer<KpiExpr>): KpiExpr {
  const name = ast.name;
  const hasPer = ast.args.some((a) => a.per !== undefined);
  if (name === 'hhi' || name === 'top_share' || (hasPer && AGGREGATE_FUNCTIONS.has(name))) return resolvePer(env, ast, scope);
  if (AGGREGATE_FUNCTIONS.has(name)) return resolveRowAggregate(env, ast, name as AggregateFunction, scope.last);
  if (name === 'pass_rate') return resolvePassRate(env, ast, scope.last);
  if (KPI_FUNCTIONS.has(name)) return resolveKpiFunction(env, ast, scope);
  if (isRowFunction(name)) return resolveScalarCall(env, ast, name, layer);
  report(env, 'resolve/unknown-function', ast.nameSpan, `unknown function \`${name}\``, { hint: didYouMean(name, ALL_FUNCTION_NAMES) });
  return ERROR;
}

function rejectClauses(env: ResolveEnv, ast: CallExpr, allowOnFirst = false): void {
  rejectAsAt(env, ast);
  ast.args.forEach((a, i) => {
    for (const clause of [a.where, allowOnFirst && i === 0 ? undefined : a.on, a.per]) {
      if (clause !== undefined)
        report(
          env,
          'resolve/misplaced-clause',
          clause.span,
          `\`${ast.name}\` takes no where/on/per clause here; put filters inside the aggregates`,
        );
    }
  });
}

/** A positive whole-number duration argument, e.g. `1 year`. */
function durationArg(env: ResolveEnv, ast: CallExpr, index: number): Duration | undefined {
  const arg = ast.args[index]?.value;
  if (arg?.kind === 'duration' && Number.isInteger(arg.amount) && arg.amount > 0)
    return durationInBounds(env, ast.name, arg.amount, arg.unit, arg) ? { amount: arg.amount, unit: arg.unit } : undefined;
  report(
    env,
    'resolve/bad-argument',
    arg?.span ?? ast.span,
    `${ast.name}() needs a whole, positive duration as argument ${index + 1}, e.g. ${ast.name}(bookings, 1 year)`,
  );
  return undefined;
}

const CALENDAR_UNITS: ReadonlySet<string> = new Set(['year', 'quarter', 'month', 'week']);

function resolveKpiFunction(env: ResolveEnv, ast: CallExpr, scope: KpiScope): KpiExpr {
  const name = ast.name;
  const first = ast.args[0]?.value;
  if (first === undefined) {
    report(env, 'resolve/arity', ast.span, `${name}() needs a value to work on`);
    return ERROR;
  }
  if (name === 'last') {
    if (ast.args.length !== 1) report(env, 'resolve/arity', ast.span, 'last() takes one value, optionally with `on <date column>`');
    rejectClauses(env, ast, true);
    const on = ast.args[0]?.on;
    if (on !== undefined && on.kind !== 'name') {
      report(env, 'resolve/bad-time-anchor', on.span, '`on` must name a date column');
    }
    return resolveKpiExpr(env, first, { ...scope, last: { anchor: on?.kind === 'name' ? on : undefined } });
  }
  rejectClauses(env, ast);
  const isRange = name === 'rolling' || name === 'to_date';
  if (isRange && scope.range !== undefined) {
    report(
      env,
      'resolve/ambiguous-meaning',
      ast.nameSpan,
      `${name}() inside ${scope.range}() has no single meaning: both widen the period`,
      {
        hint: 'use one window, or define the inner one as its own KPI and compare them',
      },
    );
  }
  const expr = resolveKpiExpr(env, first, isRange ? { ...scope, range: name } : scope);
  const typed = { type: expr.type, unit: expr.unit };
  if (expr.type !== 'number' && expr.type !== 'error') {
    report(env, 'resolve/type-mismatch', first.span, `${name}() works on numbers, but this is ${describeType(expr)}`);
  }
  const windowed = (window: TimeWindow, e: KpiExpr = expr): KpiExpr => ({
    kind: 'window',
    window,
    expr: e,
    span: ast.span,
    type: e.type,
    unit: e.unit,
  });
  switch (name) {
    case 'prior':
    case 'change':
    case 'growth':
    case 'rolling': {
      if (ast.args.length !== 2) {
        report(
          env,
          'resolve/arity',
          ast.span,
          `${name}() takes a value and a duration, e.g. ${name}(bookings, ${name === 'rolling' ? '3 months' : '1 year'})`,
        );
        return ERROR;
      }
      const duration = durationArg(env, ast, 1);
      if (duration === undefined) return ERROR;
      if (name === 'rolling') return windowed({ kind: 'rolling', length: duration });
      const prior = windowed({ kind: 'shift', offset: duration });
      if (name === 'prior') return prior;
      if (name === 'change') return { kind: 'binary', op: '-', left: expr, right: prior, ...typed };
      const ratio: KpiExpr = { kind: 'binary', op: '/', left: expr, right: prior, type: 'number', unit: 'ratio' };
      return { kind: 'binary', op: '-', left: ratio, right: { kind: 'literal', value: 1, type: 'number' }, type: 'number', unit: 'ratio' };
    }
    case 'to_date': {
      const arg = ast.args[1]?.value;
      let unit: DurationUnit | undefined;
      if (arg?.kind === 'name' && arg.parts.length === 1 && CALENDAR_UNITS.has(arg.parts[0]?.name.toLowerCase() ?? '')) {
        unit = arg.parts[0]?.name.toLowerCase() as DurationUnit;
      } else if (arg?.kind === 'duration' && arg.amount === 1 && arg.unit !== 'day') unit = arg.unit;
      if (ast.args.length !== 2 || unit === undefined) {
        report(
          env,
          'resolve/bad-argument',
          arg?.span ?? ast.span,
          'to_date() takes a value and a calendar unit: year, quarter, month or week, e.g. to_date(bookings, year)',
        );
        return ERROR;
      }
      return windowed({ kind: 'to_date', unit });
    }
    case 'total': {
      const keep: string[] = [];
      for (const a of ast.args.slice(1)) {
        const dim = a.value;
        const dimName = dim.kind === 'name' && dim.parts.length === 1 ? dim.parts[0]?.name : undefined;
        if (dimName === undefined) {
          report(
            env,
            'resolve/bad-argument',
            dim.span,
            'total() keeps breakdown dimensions named by their plain names, e.g. total(bookings, region)',
          );
          continue;
        }
        if (!env.index.isDimension(dimName)) {
          report(env, 'resolve/unknown-dimension', dim.span, `\`${dimName}\` is not a dimension of any source`, {
            hint: didYouMean(dimName, env.index.dimensions),
          });
          continue;
        }
        keep.push(dimName);
      }
      return { kind: 'total', keep, expr, span: ast.span, ...typed };
    }
    default:
      report(env, 'resolve/unknown-function', ast.nameSpan, `unknown function \`${name}\``);
      return ERROR;
  }
}

/** The sources whose rows an expression aggregates (through referenced KPIs too). */
export function expressionSources(expr: KpiExpr, kpiSources: (id: string) => ReadonlySet<string>, out = new Set<string>()): Set<string> {
  forEachKpi(expr, (e) => {
    if (e.kind === 'aggregate') out.add(e.source);
    else if (e.kind === 'kpi') for (const s of kpiSources(e.id)) out.add(s);
  });
  return out;
}

function resolvePer(env: ResolveEnv, ast: CallExpr, scope: KpiScope): KpiExpr {
  if (!PER_FUNCTIONS.has(ast.name)) {
    report(
      env,
      'resolve/misplaced-clause',
      ast.nameSpan,
      `\`${ast.name}\` cannot combine \`E per key\`; use avg, sum, min, max, median, count, hhi or top_share`,
    );
    return ERROR;
  }
  const fn = ast.name as PerFunction;
  const expectedArgs = fn === 'top_share' ? 2 : 1;
  const first = ast.args[0];
  if (ast.args.length !== expectedArgs || first === undefined || first.per === undefined) {
    report(
      env,
      'resolve/arity',
      ast.span,
      fn === 'top_share'
        ? 'top_share() takes `E per key` and a count, e.g. top_share(sum(amount) per account_id, 10)'
        : `${fn}() over keys takes one \`E per key\`, e.g. ${fn}(sum(amount) per owner_id)`,
    );
    return ERROR;
  }
  rejectAsAt(env, ast);
  for (const [i, a] of ast.args.entries()) {
    for (const clause of [a.where, a.on, i === 0 ? undefined : a.per]) {
      if (clause !== undefined)
        report(
          env,
          'resolve/misplaced-clause',
          clause.span,
          `filters and anchors go inside the aggregates of \`${fn}(E per key)\`, not after it`,
        );
    }
  }
  const expr = resolveKpiExpr(env, first.value, scope);
  let n: number | undefined;
  if (fn === 'top_share') {
    const arg = ast.args[1]?.value;
    if (arg?.kind !== 'number' || arg.percent || !Number.isInteger(arg.value) || arg.value < 1) {
      report(
        env,
        'resolve/bad-argument',
        arg?.span ?? ast.span,
        'top_share() needs a whole number of keys (at least 1) as its second argument',
      );
      return ERROR;
    }
    if (!topKeysInBounds(env, arg.value, arg)) return ERROR;
    n = arg.value;
  }
  const sources = expressionSources(expr, scope.kpiSources);
  if (sources.size === 0 && expr.type !== 'error') {
    report(env, 'resolve/bad-argument', first.value.span, `\`${fn}(E per key)\` needs E to aggregate rows, e.g. sum(amount)`);
    return ERROR;
  }
  const keys: PerKey[] = [];
  for (const sourceId of [...sources].sort()) {
    const source = env.catalog.sources.get(sourceId);
    if (source === undefined) continue;
    // An unknown key is reported per source ("unknown column `x` in source `y`").
    keys.push({ source: sourceId, key: resolveRow(env, first.per, { source }) });
  }
  const unit = fn === 'count' ? 'count' : fn === 'hhi' || fn === 'top_share' ? 'ratio' : expr.unit;
  return { kind: 'per', fn, expr, keys, n, span: ast.span, type: expr.type === 'error' ? 'error' : 'number', unit };
}
