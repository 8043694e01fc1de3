/**
 * The SQL of one check (DuckDB): the rows of its source, LEFT JOINed many-to-one to the sources
 * its expressions reach and to the fixed lookups they index, filtered by `where`, and then either
 * the rows for which `fails` holds or the rows whose normalised `duplicates` value another row
 * shares. The audit day stands in for `period_start()`, `period_end()` and `point_date()`.
 */
import type { Catalog, SourceDef } from '../model/types.js';
import type { Calendar } from '../query/ir.js';
import type { IrRowExpr } from '../query/ir-expr.js';
import { rowExprKey } from '../query/ir-keys.js';
import { forEachRowNode } from '../query/ir-walk.js';
import type { ResolvedLookup } from '../resolve/resolved.js';
import { duckdb } from '../sql/duckdb.js';
import { rowSql } from '../sql/emit-expr.js';
import type { ResolvedCheck } from './check.js';
import { nearDuplicateSql } from './near-duplicates.js';

/** What the SQL of a check needs besides the check. */
export interface CheckSqlContext {
  readonly catalog: Catalog;
  readonly lookups: ReadonlyMap<string, ResolvedLookup>;
  readonly calendar: Calendar;
  /** The audit day, `YYYY-MM-DD`. */
  readonly day: string;
  /** A SELECT of a source's typed rows. */
  relation(source: string): string;
  /** Only rows whose time anchor is on or after this day (`YYYY-MM-DD`; sources without `time:` are not filtered). */
  readonly since?: string | undefined;
  /** Only rows whose breakdown dimension has this value (the check must have the dimension). */
  readonly at?: { readonly dimension: string; readonly value: string } | undefined;
}

/** The dimensions that say who a finding is for, selected as `$rep`, `$team`, `$manager` when the source has them. */
export const OWNER_DIMENSIONS = ['rep', 'team', 'manager'] as const;

/** Column names of the query's result: shown values `s0…`, and for duplicates the group. */
export const GROUP_COLUMN = '$group';
/** With `same`: the list of the row's `same` values, the groups duplicates are looked for within. */
const SAME_COLUMN = '$same';

/** Words dropped from names before comparing them (legal forms and articles). */
const NOISE_WORDS = [
  'the',
  'inc',
  'incorporated',
  'llc',
  'ltd',
  'limited',
  'gmbh',
  'ag',
  'sa',
  'sas',
  'bv',
  'nv',
  'plc',
  'corp',
  'corporation',
  'co',
  'company',
  'pty',
  'srl',
  'spa',
];

/** Marks CRM users put in parentheses on a record they retire, e.g. `Acme (old)`. */
const MARKERS = ['old', 'duplicate', 'dup', 'dupe', 'inactive', 'do not use'];

/** SQL that normalises a text for duplicate detection: accents, case, punctuation, legal forms, spacing. */
function normaliseSql(text: string): string {
  const words = `regexp_replace(lower(strip_accents(${text})), '\\((${MARKERS.join('|')})\\)', ' ', 'g')`;
  const spaced = `' ' || regexp_replace(${words}, '[^a-z0-9]+', '  ', 'g') || ' '`;
  const dropped = `regexp_replace(${spaced}, ' (${NOISE_WORDS.join('|')}) ', ' ', 'g')`;
  return `trim(regexp_replace(${dropped}, '\\s+', ' ', 'g'))`;
}

/** The owner dimensions the check's source has, and the `--at` dimension. */
function dimensionsOf(check: ResolvedCheck, ctx: CheckSqlContext): [string, IrRowExpr][] {
  const names = [...OWNER_DIMENSIONS, ...(ctx.at === undefined ? [] : [ctx.at.dimension])];
  return names.flatMap((n) => {
    const e = check.dimensions.get(n);
    return e === undefined ? [] : [[n, e] as [string, IrRowExpr]];
  });
}

/** The expressions of a check's own rows. */
function exprsOf(check: ResolvedCheck, ctx: CheckSqlContext): IrRowExpr[] {
  const rule = check.rule.kind === 'fails' ? [check.rule.condition] : [check.rule.value, ...check.rule.same];
  const dims = dimensionsOf(check, ctx).map(([, e]) => e);
  return [...check.shown.map((s) => s.expr), ...rule, ...(check.where === undefined ? [] : [check.where]), ...dims];
}

/** FROM clauses and SQL of the expressions over one source's rows. */
interface RowScope {
  readonly from: string[];
  sql(e: IrRowExpr): string;
}

/**
 * The rows of `base` (aliased `${prefix}0`), LEFT JOINed many-to-one to the sources `exprs` reach
 * and to the fixed lookups they index. `own` may give the SQL of a column of `base` itself.
 */
function rowScope(
  ctx: CheckSqlContext,
  base: SourceDef,
  prefix: string,
  exprs: readonly IrRowExpr[],
  own: (column: string) => string | undefined = () => undefined,
): RowScope {
  const d = duckdb;
  const q = d.quoteIdentifier;
  const root = `${prefix}0`;
  const aliases = new Map<string, string>([['', root]]);
  const from = [`(${ctx.relation(base.id)}) AS ${root}`];
  const lookupAliases = new Map<string, string>();
  const addPath = (path: readonly string[]): void => {
    let source = base;
    for (let i = 0; i < path.length; i++) {
      const join = source.joins.get(path[i] as string);
      const target = join === undefined ? undefined : ctx.catalog.sources.get(join.to.value);
      if (join === undefined || target?.key === undefined) return;
      const k = path.slice(0, i + 1).join('.');
      if (!aliases.has(k)) {
        const alias = `${prefix}${aliases.size}`;
        const fromAlias = aliases.get(path.slice(0, i).join('.')) ?? root;
        aliases.set(k, alias);
        from.push(
          `LEFT JOIN (${ctx.relation(target.id)}) AS ${alias} ON ${fromAlias}.${q(join.on.value)} = ${alias}.${q(target.key.value)}`,
        );
      }
      source = target;
    }
  };
  const leaves = {
    column: (path: readonly string[], column: string) =>
      (path.length === 0 ? own(column) : undefined) ?? `${aliases.get(path.join('.')) ?? root}.${q(column)}`,
    lookup: (lookup: string, key: IrRowExpr) => {
      const alias = lookupAliases.get(`${lookup} ${rowExprKey(key)}`) ?? 'lk_missing';
      const l = ctx.lookups.get(lookup);
      const dflt = l?.default ?? null;
      return dflt === null ? `${alias}.${q('value')}` : `coalesce(${alias}.${q('value')}, ${d.numberLiteral(dflt)})`;
    },
    periodDate: () => d.dateLiteral(ctx.day),
  };
  const scalar = { dialect: d, calendar: ctx.calendar };
  const sql = (e: IrRowExpr): string => rowSql(scalar, e, leaves);
  for (const e of exprs) forEachRowNode(e, (n) => (n.kind === 'column' ? addPath(n.path) : undefined));
  for (const e of exprs) {
    forEachRowNode(e, (n) => {
      if (n.kind !== 'lookup') return;
      const k = `${n.lookup} ${rowExprKey(n.key)}`;
      const l = ctx.lookups.get(n.lookup);
      if (lookupAliases.has(k) || l?.kind !== 'rows') return;
      const alias = `${prefix}lk${lookupAliases.size}`;
      lookupAliases.set(k, alias);
      const rows = l.rows.map(([key, v]) => `(${d.stringLiteral(key)}, ${d.numberLiteral(v)})`);
      const table =
        rows.length === 0
          ? `SELECT NULL::VARCHAR AS ${q('key')}, NULL::DOUBLE AS ${q('value')} WHERE FALSE`
          : `SELECT * FROM (VALUES ${rows.join(', ')}) AS v(${q('key')}, ${q('value')})`;
      from.push(`LEFT JOIN (${table}) AS ${alias} ON ${d.sameValue(`${alias}.${q('key')}`, d.cast(sql(n.key), 'string'))}`);
    });
  }
  return { from, sql };
}

/** The related values of `check` as LEFT JOINs on the checked row's key, and the SQL reading each. */
function relatedJoins(check: ResolvedCheck, ctx: CheckSqlContext): { joins: string[]; read: Map<string, string> } {
  const d = duckdb;
  const q = d.quoteIdentifier;
  const joins: string[] = [];
  const read = new Map<string, string>();
  const key = check.source.key?.value;
  check.related.forEach((r, i) => {
    if (key === undefined) return;
    const exprs = [r.value, r.filter].filter((e): e is IrRowExpr => e !== undefined);
    const scope = rowScope(ctx, r.source, `r${i}_`, exprs);
    const agg = d.aggregate(
      r.fn,
      r.value === undefined ? undefined : scope.sql(r.value),
      r.filter === undefined ? undefined : `coalesce(${scope.sql(r.filter)}, FALSE)`,
      r.fraction,
    );
    const on = `r${i}_0.${q(r.on)}`;
    const sub = `SELECT ${on} AS ${q('k')}, ${agg} AS ${q('v')}\n    FROM ${scope.from.join('\n      ')}\n    WHERE ${on} IS NOT NULL GROUP BY ${on}`;
    joins.push(`LEFT JOIN (${sub}) AS r${i} ON t0.${q(key)} = r${i}.${q('k')}`);
    const counted = r.fn === 'count' || r.fn === 'count_distinct';
    read.set(r.name, counted ? `coalesce(r${i}.${q('v')}, 0)` : `r${i}.${q('v')}`);
  });
  return { joins, read };
}

/** The query listing the findings of `check`. */
export function checkSql(check: ResolvedCheck, ctx: CheckSqlContext): string {
  const q = duckdb.quoteIdentifier;
  const related = relatedJoins(check, ctx);
  const scope = rowScope(ctx, check.source, 't', exprsOf(check, ctx), (column) => related.read.get(column));
  const from = [...scope.from, ...related.joins];
  const sql = scope.sql;
  const owners = dimensionsOf(check, ctx).filter(([n]) => (OWNER_DIMENSIONS as readonly string[]).includes(n));
  const shown = [
    ...check.shown.map((s, i) => `${sql(s.expr)} AS ${q(`s${i}`)}`),
    ...owners.map(([n, e]) => `${duckdb.cast(sql(e), 'string')} AS ${q(`$${n}`)}`),
  ];
  const where = check.where === undefined ? [] : [`coalesce(${sql(check.where)}, FALSE)`];
  const time = check.source.time?.value;
  if (ctx.since !== undefined && time !== undefined) where.push(`t0.${q(time)} >= ${duckdb.dateLiteral(ctx.since)}`);
  const at = ctx.at === undefined ? undefined : check.dimensions.get(ctx.at.dimension);
  if (ctx.at !== undefined)
    where.push(at === undefined ? 'FALSE' : `${duckdb.cast(sql(at), 'string')} = ${duckdb.stringLiteral(ctx.at.value)}`);
  const order = check.shown.map((_, i) => q(`s${i}`));
  if (check.rule.kind === 'fails') {
    where.push(`coalesce(${sql(check.rule.condition)}, FALSE)`);
    return `SELECT ${shown.join(', ')}\nFROM ${from.join('\n  ')}\nWHERE ${where.join(' AND ')}\nORDER BY ${order.join(', ')}`;
  }
  const group = q(GROUP_COLUMN);
  const value = sql(check.rule.value);
  where.push(`${value} IS NOT NULL`);
  // `same`: rows are compared only within groups of equal values (a row with a null one is in none).
  const same = check.rule.same.map((e) => duckdb.cast(sql(e), 'string'));
  for (const s of same) where.push(`${s} IS NOT NULL`);
  const within = same.length === 0 ? undefined : q(SAME_COLUMN);
  const columns = [...shown, `${normaliseSql(value)} AS ${group}`, ...(within === undefined ? [] : [`[${same.join(', ')}] AS ${within}`])];
  const rows = `SELECT ${columns.join(', ')}\nFROM ${from.join('\n  ')}\nWHERE ${where.join(' AND ')}`;
  if (check.rule.similarity !== undefined && check.rule.similarity < 1)
    return nearDuplicateSql(rows, group, order, check.rule.similarity, within);
  const partition = within === undefined ? group : `${within}, ${group}`;
  const counted = `SELECT *, count(*) OVER (PARTITION BY ${partition}) AS ${q('$n')} FROM (${rows})`;
  const dropped = [q('$n'), ...(within === undefined ? [] : [within])].join(', ');
  return `SELECT * EXCLUDE (${dropped}) FROM (${counted})\nWHERE ${q('$n')} > 1 AND ${group} <> ''\nORDER BY ${[group, ...order].join(', ')}`;
}
