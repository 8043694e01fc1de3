/**
 * The resolve phase: checks the references of sources (joins, keys, time anchors), resolves every
 * definition, dimension, KPI, target and lookup, checks declared units, and finds cycles.
 */
import type { PhaseResult } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/suggest.js';
import type { Expr, NameRef } from '../formula/ast.js';
import { childrenOf } from '../formula/children.js';
import type { Catalog, KpiDef, SourceDef } from '../model/types.js';
import { createEnv, parseOnce, report, type ResolveEnv } from './env.js';
import { findCycles } from './cycles.js';
import { expressionSources, resolveKpiExpr, type KpiScope } from './kpi-expr.js';
import { resolveNamed, resolveRow } from './row.js';
import { declaredUnitAccepts, describeUnit } from './units.js';
import { resolveLookups } from './lookups.js';
import type { ResolvedCatalog, ResolvedDimension, ResolvedKpi, ResolvedOverride, SourceEvents } from './resolved.js';
import type { KpiExpr, KpiRef, RowExpr, Typed } from './types.js';
import { forEachRow } from './row-walk.js';
import { forEachKpi } from './kpi-walk.js';
import { checkSourceState } from './point-in-time.js';

/** Resolves a loaded catalog. Goes on after errors so one run reports every problem. */
export function resolveCatalog(catalog: Catalog): PhaseResult<ResolvedCatalog> {
  const env = createEnv(catalog);
  for (const source of catalog.sources.values()) {
    checkSource(env, source);
    checkSourceState(env, source);
  }
  const dimensions = resolveDimensions(env);
  const kpis = resolveKpis(env);
  const lookups = resolveLookups(env, kpis);
  findCycles(env, kpis, lookups);
  const events = new Map([...catalog.sources.values()].map((s) => [s.id, resolveEvents(env, s)] as const));
  return { value: { catalog, kpis, lookups, dimensions, events }, diagnostics: env.diagnostics };
}

/** A source's events: `as_of:` (a date formula, or false), else its time anchor. */
function resolveEvents(env: ResolveEnv, source: SourceDef): SourceEvents {
  const asOf = source.asOf;
  if (asOf?.kind === 'none') return { kind: 'none' };
  if (asOf?.kind === 'formula') {
    const expr = resolveRow(env, parseOnce(env, asOf.formula), { source });
    if (expr.type !== 'date' && expr.type !== 'timestamp' && expr.type !== 'error') {
      report(
        env,
        'resolve/type-mismatch',
        asOf.formula.node.span,
        `\`as_of\` of \`${source.id}\` must give a date (each row's latest event), but it gives ${expr.type === 'boolean' ? 'a condition' : `a ${expr.type}`}`,
        {
          hint: 'name a date column, or a formula such as `if(closed, close_date, created_date)`; `as_of: false` leaves the source out',
        },
      );
    }
    return { kind: 'formula', expr };
  }
  return source.time === undefined ? { kind: 'none' } : { kind: 'anchor', column: source.time.value };
}

function checkSource(env: ResolveEnv, source: SourceDef): void {
  const { sources } = env.catalog;
  for (const [label, located] of [
    ['key', source.key],
    ['time', source.time],
  ] as const) {
    if (located === undefined) continue;
    const column = source.columns.get(located.value);
    if (column === undefined) {
      report(env, 'resolve/unknown-column', located.span, `\`${label}: ${located.value}\` names no column of \`${source.id}\``, {
        hint: didYouMean(located.value, source.columns.keys()),
      });
    } else if (label === 'time' && column.type.value !== 'date' && column.type.value !== 'timestamp') {
      report(
        env,
        'resolve/bad-time-anchor',
        located.span,
        `\`time: ${located.value}\` must be a date or timestamp column, but it is ${column.type.value}`,
      );
    }
  }
  for (const join of source.joins.values()) {
    const target = sources.get(join.to.value);
    if (target === undefined) {
      report(env, 'resolve/unknown-source', join.to.span, `join \`${join.name}\` goes to unknown source \`${join.to.value}\``, {
        hint: didYouMean(join.to.value, sources.keys()),
      });
    } else if (target.key === undefined) {
      report(
        env,
        'resolve/unknown-column',
        join.to.span,
        `join \`${join.name}\` needs \`${target.id}\` to declare \`key:\` (the column its rows are matched on)`,
      );
    }
    const on = source.columns.get(join.on.value);
    if (on === undefined) {
      report(
        env,
        'resolve/unknown-column',
        join.on.span,
        `join \`${join.name}\` is on \`${join.on.value}\`, which is not a column of \`${source.id}\``,
        {
          hint: didYouMean(join.on.value, source.columns.keys()),
        },
      );
    } else if (target?.key !== undefined) {
      const keyColumn = target.columns.get(target.key.value);
      const family = (t: string): string =>
        ['integer', 'number', 'money', 'percent'].includes(t) ? 'number' : t === 'timestamp' ? 'date' : t;
      if (keyColumn !== undefined && family(keyColumn.type.value) !== family(on.type.value)) {
        report(
          env,
          'resolve/type-mismatch',
          join.on.span,
          `join \`${join.name}\` matches ${on.type.value} \`${on.name}\` with ${keyColumn.type.value} \`${target.id}.${keyColumn.name}\``,
        );
      }
    }
  }
  for (const name of [...source.definitions.keys(), ...source.dimensions.keys()]) {
    const named = source.definitions.get(name) ?? source.dimensions.get(name);
    if (named === undefined) continue;
    const expr = resolveNamed(env, source, name, named.span);
    // A dimension may share its name with the column it exposes (`region: region`); anything else
    // sharing a column's name would make the name mean two things.
    const exposesColumn = expr.kind === 'column' && expr.path.length === 0 && expr.column === name && !source.definitions.has(name);
    if (source.columns.has(name) && !exposesColumn) {
      report(
        env,
        'load/duplicate-id',
        named.span,
        `\`${name}\` is both a column and a ${source.definitions.has(name) ? 'definition' : 'dimension'} of \`${source.id}\``,
        {
          hint: 'give the definition or dimension a name of its own',
        },
      );
    }
    if (source.definitions.has(name) && source.dimensions.has(name)) {
      report(env, 'load/duplicate-id', named.span, `\`${name}\` is both a definition and a dimension of \`${source.id}\``);
    }
  }
}

function resolveDimensions(env: ResolveEnv): Map<string, ResolvedDimension> {
  const byName = new Map<string, { type: Typed['type']; sources: { source: string; expr: ReturnType<typeof resolveRow> }[] }>();
  for (const source of env.catalog.sources.values()) {
    for (const dim of source.dimensions.values()) {
      const expr = resolveNamed(env, source, dim.name, dim.span);
      const entry = byName.get(dim.name) ?? { type: expr.type, sources: [] };
      entry.sources.push({ source: source.id, expr });
      byName.set(dim.name, entry);
    }
  }
  const out = new Map<string, ResolvedDimension>();
  for (const [name, entry] of byName) out.set(name, { name, type: entry.type, sources: entry.sources });
  return out;
}

/**
 * `* 100` (or `/ 0.01`) in a percent KPI: percent values are fractions that kpic shows as
 * percentages (0.25 is 25.0%), so the figures would read 100 times too large.
 */
function checkHundredfold(env: ResolveEnv, def: KpiDef, ast: Expr): void {
  const isNumber = (e: Expr, value: number): boolean => e.kind === 'number' && !e.percent && e.value === value;
  const visit = (e: Expr): void => {
    if (
      e.kind === 'binary' &&
      ((e.op === '*' && (isNumber(e.left, 100) || isNumber(e.right, 100))) || (e.op === '/' && isNumber(e.right, 0.01)))
    ) {
      report(
        env,
        'resolve/percent-times-100',
        e.span,
        `percent KPI \`${def.id}\` is multiplied by 100, so it would read 100 times too large: percent values are fractions (0.25 is shown as 25.0%)`,
        { hint: `remove \`${e.op === '*' ? '* 100' : '/ 0.01'}\`; or, for a number on a 0–100 scale (like NPS), declare \`unit: number\`` },
      );
    }
    for (const child of childrenOf(e)) visit(child);
  };
  visit(ast);
}

/** Collects every KPI reference in an expression. */
function collectRefs(expr: KpiExpr, out: KpiRef[] = []): KpiRef[] {
  forEachKpi(expr, (e) => {
    if (e.kind === 'kpi') out.push(e);
  });
  return out;
}

/** Lookup ids used inside the aggregates of an expression. */
function collectLookups(expr: KpiExpr, out = new Set<string>()): Set<string> {
  const visitRow = (r: RowExpr | undefined): void =>
    forEachRow(r, (e) => {
      if (e.kind === 'lookup') out.add(e.lookup);
    });
  forEachKpi(expr, (e) => {
    if (e.kind === 'aggregate') {
      visitRow(e.value);
      visitRow(e.filter);
    } else if (e.kind === 'per') e.keys.forEach((k) => visitRow(k.key));
  });
  return out;
}

function resolveKpis(env: ResolveEnv): Map<string, ResolvedKpi> {
  const { kpis } = env.catalog;
  const done = new Map<string, ResolvedKpi>();
  const inProgress = new Set<string>();
  const kpiSources = (id: string): ReadonlySet<string> => new Set(done.get(id)?.sources ?? []);
  const scopeFor = (owner: KpiDef): KpiScope => ({
    owner: owner.id,
    kpiSources,
    kpi: (id: string, ref: NameRef): KpiRef | undefined => {
      const target = kpis.get(id);
      if (target === undefined) return undefined;
      if (target.status.value === 'deprecated' && owner.status.value !== 'deprecated') {
        report(env, 'resolve/deprecated-reference', ref.span, `KPI \`${id}\` is deprecated`, {
          hint: target.replacedBy !== undefined ? `use \`${target.replacedBy.value}\` instead` : 'replace it before it is removed',
        });
      }
      const resolved = resolveOne(target);
      // In a cycle the target is still in progress: the cycle is reported once, by findCycles.
      return { kind: 'kpi', id, span: ref.span, type: resolved?.type ?? 'error', unit: resolved?.unit };
    },
  });
  const resolveOne = (def: KpiDef): ResolvedKpi | undefined => {
    const existing = done.get(def.id);
    if (existing !== undefined || inProgress.has(def.id)) return existing;
    inProgress.add(def.id);
    const scope = scopeFor(def);
    const expr = resolveKpiExpr(env, parseOnce(env, def.formula), scope);
    const refs = collectRefs(expr);
    const sources = [...expressionSources(expr, kpiSources)].sort();
    if (expr.type !== 'number' && expr.type !== 'error' && expr.type !== 'null') {
      report(
        env,
        'resolve/type-mismatch',
        def.formula.node.span,
        `KPI \`${def.id}\` must give a number, but its formula gives ${expr.type === 'boolean' ? 'a condition' : `a ${expr.type}`}`,
      );
    }
    if (def.unit !== undefined && expr.type === 'number' && !declaredUnitAccepts(def.unit.value, expr.unit)) {
      report(
        env,
        'resolve/declared-unit',
        def.unit.span,
        `KPI \`${def.id}\` is declared \`${def.unit.value}\` but its formula gives ${describeUnit(expr.unit)}`,
        {
          hint:
            expr.unit === undefined
              ? undefined
              : `declare \`unit: ${expr.unit}\`${def.unit.value === 'percent' ? ', or divide by a like value to get a ratio' : ''}`,
          related: [{ span: def.formula.node.span, message: 'the formula' }],
        },
      );
    }
    if ((def.unit?.value ?? expr.unit) === 'percent') checkHundredfold(env, def, parseOnce(env, def.formula));
    const result: ResolvedKpi = {
      id: def.id,
      def,
      expr,
      type: expr.type,
      unit: def.unit?.value ?? expr.unit,
      inferredUnit: expr.unit,
      sources,
      references: refs.map((r) => ({ id: r.id, span: r.span })),
      lookups: [...collectLookups(expr)].sort(),
      target: undefined,
      overrides: [],
    };
    inProgress.delete(def.id);
    done.set(def.id, result);
    return result;
  };
  for (const def of kpis.values()) resolveOne(def);
  // A KPI left out for a clash of ids is still checked on its own: its formula and target may
  // hold mistakes of their own, which the author fixing the clash wants to see in the same run.
  for (const def of env.catalog.clashing) {
    resolveKpiExpr(env, parseOnce(env, def.formula), scopeFor(def));
    if (def.target !== undefined) resolveKpiExpr(env, parseOnce(env, def.target), scopeFor(def));
  }
  // Targets and overrides once every formula is resolved: a target may name any KPI, the KPI
  // itself included (`prior(bookings, 1 year) * 1.1`), without that being a cycle.
  for (const [id, kpi] of done) {
    const def = kpi.def;
    const scope = scopeFor(def);
    const sources = kpi.sources;
    const target = def.target === undefined ? undefined : resolveKpiExpr(env, parseOnce(env, def.target), scope);
    if (target !== undefined && target.type !== 'number' && target.type !== 'error' && def.target !== undefined) {
      report(env, 'resolve/type-mismatch', def.target.node.span, `the target of \`${def.id}\` must be a number`);
    }
    const dimTypes = new Map<string, Typed>();
    for (const source of sources) {
      for (const dim of env.catalog.sources.get(source)?.dimensions.keys() ?? []) {
        const resolved = env.named.get(`${source}.${dim}`);
        if (resolved !== undefined && resolved !== null && !dimTypes.has(dim))
          dimTypes.set(dim, { type: resolved.type, unit: resolved.unit });
      }
    }
    const overrides: ResolvedOverride[] = def.overrides.map((o) => ({
      span: o.span,
      where: resolveRow(env, parseOnce(env, o.where), { dimensions: dimTypes }),
      target: o.target === undefined ? undefined : resolveKpiExpr(env, parseOnce(env, o.target), scope),
    }));
    done.set(id, { ...kpi, target, overrides });
  }
  return done;
}
