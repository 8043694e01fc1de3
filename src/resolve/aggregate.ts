/**
 * Aggregates over rows: which source an aggregate reads (explicit, pinned by a qualified column,
 * or the one source that has every bare name), its time anchor, value and filter.
 */
import type { CallExpr, Expr, NameRef } from '../formula/ast.js';
import { childrenOf } from '../formula/children.js';
import { percentFraction } from '../formula/literals.js';
import { closestName, didYouMeanAny } from '../diagnostics/suggest.js';
import type { SourceDef } from '../model/types.js';
import { describeType, report, sourceHas, sourceNames, type ResolveEnv } from './env.js';
import { resolveRow } from './row.js';
import { checkAsAt } from './point-in-time.js';
import { forEachRow } from './row-walk.js';
import type { AggregateFunction, KpiExpr, RowExpr } from './types.js';

const ERROR: KpiExpr = { kind: 'literal', value: null, type: 'error' };

/** Options of an aggregate coming from an enclosing `last(E on T)`. */
export interface LastContext {
  readonly anchor?: NameRef | undefined;
}

/** Every name reference in an expression (lookup targets excluded: they are not columns). */
function collectNames(expr: Expr | undefined, out: NameRef[] = []): NameRef[] {
  if (expr === undefined) return out;
  if (expr.kind === 'name') out.push(expr);
  else if (expr.kind === 'index') collectNames(expr.index, out);
  else for (const child of childrenOf(expr)) collectNames(child, out);
  return out;
}

/**
 * When one named source joins to the others, the joins that reach them, as a did-you-mean:
 * `users.region` inside an aggregate over orders, with joins `placer` and `fulfiller` to users,
 * is `placer.region` or `fulfiller.region` — every candidate, since only the user knows which.
 */
function joinPaths(env: ResolveEnv, pins: ReadonlyMap<string, NameRef | undefined>): string | undefined {
  for (const from of pins.keys()) {
    const source = env.catalog.sources.get(from);
    if (source === undefined) continue;
    const options: string[] = [];
    let reachesAll = true;
    for (const [to, ref] of pins) {
      if (to === from) continue;
      const joins = [...source.joins.values()].filter((j) => j.to.value === to);
      if (joins.length === 0 || ref === undefined) reachesAll = false;
      const rest = ref?.parts.slice(1).map((p) => p.name) ?? [];
      for (const j of joins) options.push([j.name, ...rest].join('.'));
    }
    const others = [...pins.keys()].filter((p) => p !== from).map((p) => `\`${p}\``);
    if (reachesAll && options.length > 0)
      return `reach ${others.join(' and ')} from \`${from}\` through a join: ${didYouMeanAny(options) ?? ''}`;
  }
  return undefined;
}

/**
 * Settles the one source an aggregate reads. `explicit` is a source named as the aggregate's
 * argument; otherwise qualified names pin it; otherwise it is the one source that has every bare
 * name. Reports and returns undefined when no single source fits.
 */
function inferSource(env: ResolveEnv, call: CallExpr, names: readonly NameRef[], explicit: SourceDef | undefined): SourceDef | undefined {
  const { sources } = env.catalog;
  const pins = new Map<string, NameRef | undefined>();
  if (explicit !== undefined) pins.set(explicit.id, undefined);
  const bare: NameRef[] = [];
  for (const ref of names) {
    const first = ref.parts[0]?.name ?? '';
    if (ref.parts.length > 1 && sources.has(first)) {
      if (!pins.has(first)) pins.set(first, ref);
    } else bare.push(ref);
  }
  if (pins.size > 1) {
    report(
      env,
      'resolve/ambiguous-source',
      call.span,
      `\`${call.name}\` reads one source, but this names ${[...pins.keys()].map((s) => `\`${s}\``).join(' and ')}`,
      {
        hint:
          joinPaths(env, pins) ??
          'reach other sources through joins (e.g. account.segment), or split the formula into one aggregate per source',
      },
    );
    return undefined;
  }
  const pinned = [...pins.keys()][0];
  const bareNames = [...new Set(bare.map((r) => r.parts[0]?.name ?? ''))];
  if (pinned !== undefined) {
    const source = sources.get(pinned);
    // `sum(accounts.employees + amount)` over opportunities: the other names belong to a source
    // that joins to the pinned one, so the qualifier was meant as a join. Resolving in that source
    // reports the qualifier with the join to use instead.
    if (explicit === undefined && source !== undefined && !bareNames.every((n) => sourceHas(source, n))) {
      const joining = [...sources.values()].filter(
        (s) => bareNames.every((n) => sourceHas(s, n)) && [...s.joins.values()].some((j) => j.to.value === pinned),
      );
      if (joining.length === 1) return joining[0];
    }
    return source;
  }
  if (bareNames.length === 0) {
    report(env, 'resolve/no-source', call.span, `\`${call.name}\` names no source or column, so kpic cannot tell which rows it reads`, {
      hint: 'name the source, e.g. count(opportunities where won)',
    });
    return undefined;
  }
  const candidates = [...sources.values()].filter((s) => bareNames.every((n) => sourceHas(s, n)));
  if (candidates.length === 1) return candidates[0];
  if (candidates.length > 1) {
    const ids = candidates.map((s) => `\`${s.id}\``);
    report(
      env,
      'resolve/ambiguous-source',
      call.span,
      `\`${call.name}\` could read ${ids.join(' or ')}: each has ${bareNames.map((n) => `\`${n}\``).join(', ')}`,
      {
        hint: `pin the source: ${call.name}(${candidates[0]?.id}.${bareNames[0]} …)${call.name === 'count' ? ` or count(${candidates[0]?.id} where …)` : ''}`,
      },
    );
    return undefined;
  }
  // No source has every name: resolve in the source that has the most, so the unknown names are
  // reported one by one with suggestions from that source.
  const scored = [...sources.values()].map((s) => ({ s, n: bareNames.filter((n) => sourceHas(s, n)).length }));
  const best = Math.max(0, ...scored.map((x) => x.n));
  const bestSources = scored.filter((x) => x.n === best);
  if (best > 0 && bestSources.length === 1) return bestSources[0]?.s;
  // Nothing matches anywhere: suggest the nearest name over every source.
  for (const ref of bare) {
    const name = ref.parts[0]?.name ?? '';
    if ([...sources.values()].some((s) => sourceHas(s, name))) continue;
    const all = [...sources.values()].flatMap((s) => sourceNames(s).map((n) => ({ n, s: s.id })));
    const nearest = closestName(
      name,
      all.map((x) => x.n),
    );
    const owner = all.find((x) => x.n === nearest)?.s;
    report(env, 'resolve/unknown-column', ref.parts[0]?.span ?? ref.span, `unknown column \`${name}\`: no source has it`, {
      hint: nearest !== undefined ? `did you mean \`${nearest}\` (in \`${owner}\`)?` : undefined,
    });
  }
  if (best > 0) {
    report(env, 'resolve/no-source', call.span, `no single source has every name \`${call.name}\` uses (${bareNames.join(', ')})`, {
      hint: `candidates: ${bestSources.map((x) => x.s.id).join(', ')}`,
    });
  }
  return undefined;
}

/** Resolves `fn(value where filter on anchor)` over rows. `per` is handled by the caller. */
export function resolveRowAggregate(env: ResolveEnv, call: CallExpr, fn: AggregateFunction, last: LastContext | undefined): KpiExpr {
  const args = call.args;
  const expected = fn === 'percentile' ? 2 : 1;
  if (args.length !== expected) {
    report(
      env,
      'resolve/arity',
      call.span,
      `${fn}() takes ${expected === 1 ? 'one value' : 'a value and a fraction'}${fn === 'count' ? ' (a source or a column)' : ''}, not ${args.length} argument${args.length === 1 ? '' : 's'}`,
    );
    return ERROR;
  }
  let where: Expr | undefined;
  let on: Expr | undefined;
  const point = args.find((a) => a.asAt !== undefined)?.asAt;
  for (const a of args) {
    if (a.per !== undefined) {
      report(
        env,
        'resolve/misplaced-clause',
        a.per.span,
        `\`per\` needs an aggregated value before it, e.g. ${fn}(sum(amount) per owner_id)`,
      );
    }
    for (const [clause, name] of [
      [a.where, 'where'],
      [a.on, 'on'],
    ] as const) {
      if (clause === undefined) continue;
      if ((name === 'where' ? where : on) !== undefined) {
        report(env, 'resolve/misplaced-clause', clause.span, `\`${call.name}\` has two \`${name}\` clauses; combine them with and`);
      } else if (name === 'where') where = clause;
      else on = clause;
    }
  }
  const valueAst = args[0]?.value;
  if (valueAst === undefined) return ERROR;
  // count(opportunities …): counting the rows of a named source.
  let explicit: SourceDef | undefined;
  if (fn === 'count' && valueAst.kind === 'name' && valueAst.parts.length === 1) {
    const named = env.catalog.sources.get(valueAst.parts[0]?.name ?? '');
    if (named !== undefined) explicit = named;
  }
  const names = collectNames(explicit === undefined ? valueAst : undefined);
  collectNames(where, names);
  collectNames(on, names);
  if (last?.anchor !== undefined && on === undefined) names.push(last.anchor);
  const source = inferSource(env, call, names, explicit);
  if (source === undefined) return ERROR;
  const scope = { source };
  const value: RowExpr | undefined = explicit === undefined ? resolveRow(env, valueAst, scope) : undefined;
  const filter = where === undefined ? undefined : resolveRow(env, where, scope);
  if (filter !== undefined && where !== undefined && filter.type !== 'boolean' && filter.type !== 'error') {
    report(env, 'resolve/type-mismatch', where.span, `\`where\` needs a condition, but this is ${describeType(filter)}`);
  }
  const anchorAst = on ?? last?.anchor;
  const anchor = resolveAnchor(env, source, anchorAst, call);
  const asAt = checkAsAt(env, call, source, point, { on, last: last !== undefined, value, filter });
  let fraction: number | undefined;
  if (fn === 'percentile') {
    const f = args[1]?.value;
    const v = f?.kind === 'number' ? (f.percent ? percentFraction(f.value) : f.value) : undefined;
    if (v === undefined || v < 0 || v > 1) {
      report(
        env,
        'resolve/bad-argument',
        f?.span ?? call.span,
        'percentile() needs a fraction between 0 and 1 as its second argument, e.g. percentile(x, 0.9)',
      );
      return ERROR;
    }
    fraction = v;
  }
  if (value !== undefined && value.type !== 'error') {
    const numeric = fn === 'sum' || fn === 'avg' || fn === 'median' || fn === 'percentile';
    const orderable = fn === 'min' || fn === 'max';
    if ((numeric && value.type !== 'number') || (orderable && value.type === 'boolean')) {
      report(
        env,
        'resolve/aggregate-type',
        valueAst.span,
        `${fn}() needs ${numeric ? 'numbers' : 'values that can be ordered'}, but \`${printName(valueAst)}\` is ${describeType(value)}`,
        {
          hint: value.type === 'string' ? 'count(…) or count_distinct(…) work on strings' : undefined,
        },
      );
      return ERROR;
    }
  }
  if (value !== undefined && readsSeveralJoins(value)) {
    report(
      env,
      'resolve/ambiguous-meaning',
      valueAst.span,
      `${fn}() of values from two different joins has no single meaning: each joined row counts once per cell, but these rows come from different joins`,
      {
        hint: 'aggregate each join on its own, e.g. sum(account.employees) + sum(owner.quota), or include a column of the source itself',
      },
    );
  }
  const unit = fn === 'count' || fn === 'count_distinct' ? 'count' : value?.unit;
  const type = fn === 'count' || fn === 'count_distinct' ? 'number' : (value?.type ?? 'number');
  return {
    kind: 'aggregate',
    fn,
    source: source.id,
    anchor,
    value,
    filter,
    fraction,
    last: last !== undefined,
    ...(asAt !== undefined ? { point: asAt } : {}),
    span: call.span,
    type: type === 'null' ? 'number' : type,
    unit,
  };
}

/** True when a value reads only joined columns, reached through more than one join path. */
function readsSeveralJoins(value: RowExpr): boolean {
  const firstHops = new Set<string>();
  let own = false;
  forEachRow(value, (e) => {
    if (e.kind !== 'column') return;
    if (e.path.length === 0) own = true;
    else firstHops.add(e.path[0] as string);
  });
  return !own && firstHops.size > 1;
}

function printName(ast: Expr): string {
  return ast.kind === 'name' ? ast.parts.map((p) => p.name).join('.') : 'the value';
}

/** The time anchor column: `on <date column>`, else the source's `time:`; undefined if neither. */
function resolveAnchor(env: ResolveEnv, source: SourceDef, on: Expr | undefined, call: CallExpr): string | undefined {
  if (on === undefined) return source.time?.value;
  const parts = on.kind === 'name' ? on.parts.filter((p, i) => !(i === 0 && on.parts.length > 1 && p.name === source.id)) : [];
  const only = parts.length === 1 ? parts[0] : undefined;
  const column = only === undefined ? undefined : source.columns.get(only.name);
  if (column === undefined || (column.type.value !== 'date' && column.type.value !== 'timestamp')) {
    const dates = [...source.columns.values()].filter((c) => c.type.value === 'date' || c.type.value === 'timestamp').map((c) => c.name);
    report(env, 'resolve/bad-time-anchor', on.span, `\`on\` in \`${call.name}\` must name a date or timestamp column of \`${source.id}\``, {
      hint: dates.length > 0 ? `date columns of \`${source.id}\`: ${dates.join(', ')}` : undefined,
    });
    return source.time?.value;
  }
  return column.name;
}
