/**
 * SQL for the states of sources read `as at` points: one CTE per source (`st_<source>`) with one
 * row per *version* of each source row — its columns as they stood, and `_hf` / `_ht`, the instants
 * between which the version holds (`_hf` ≤ instant < `_ht`; open ends as far-off sentinel dates) —
 * and the periods and points each source is evaluated at.
 *
 * A change log becomes versions in three steps: the changes of one row at one instant become one
 * row with, per tracked column, its new and old value tagged as text (`v…` a value, `n` null, so a
 * column set to null is told apart from one not changed); every row also gets a version with no
 * start; then window functions carry each column's last new value forward and its next old value
 * backward. A version's value is the last new value so far, else the old value of the column's
 * first later change, else the value in the source's own file.
 */
import type { ChangeLog, PeriodPoint, SourceColumnType, SourceState } from '../query/ir.js';
import type { EmitContext } from './emit-context.js';
import type { SqlType } from './dialect.js';

/** Instants before and after any data: the open ends of intervals. */
const EARLIEST = '0001-01-01';
const LATEST = '9999-12-31';

/** The name of the CTE holding a source's versions. */
export function stateCte(source: string): string {
  return `st_${source}`;
}

/** The name of the CTE holding the points of a source's periods. */
export function pointsCte(source: string, point: PeriodPoint): string {
  return `pt_${source}_${point.at}${point.n ?? ''}`;
}

/** The SQL type a logged value (text) becomes, per declared type (string: none; money: a decimal). */
const CAST_TO: Readonly<Record<SourceColumnType, SqlType | undefined>> = {
  string: undefined,
  integer: 'integer',
  number: 'real',
  money: undefined,
  percent: 'real',
  boolean: 'boolean',
  date: 'date',
  timestamp: 'timestamp',
};

/** Writes the versions CTE of every source point scans read. */
export function emitStates(ctx: EmitContext): void {
  for (const state of ctx.plan.states) {
    if (state.log === undefined) emitIntervalState(ctx, state);
    else emitLogState(ctx, state, state.log);
  }
}

function emitIntervalState(ctx: EmitContext, state: SourceState): void {
  const d = ctx.dialect;
  const src = ctx.names.sourceCte(state.source);
  ctx.ctes.push({
    name: stateCte(state.source),
    sql: `SELECT t.*, ${intervalBounds(ctx, state, 't').join(', ')} FROM ${d.quoteIdentifier(src)} AS t`,
    deps: [src],
  });
}

/** `_hf` and `_ht` of the interval alone (whole time without one). */
function intervalBounds(ctx: EmitContext, state: SourceState, alias: string): [string, string] {
  const d = ctx.dialect;
  const q = d.quoteIdentifier;
  const from =
    state.interval === undefined ? d.dateLiteral(EARLIEST) : `coalesce(${alias}.${q(state.interval.from)}, ${d.dateLiteral(LATEST)})`;
  const to =
    state.interval?.to === undefined ? d.dateLiteral(LATEST) : `coalesce(${alias}.${q(state.interval.to)}, ${d.dateLiteral(LATEST)})`;
  return [`${from} AS _hf`, `${to} AS _ht`];
}

function emitLogState(ctx: EmitContext, state: SourceState, log: ChangeLog): void {
  const d = ctx.dialect;
  const q = d.quoteIdentifier;
  const src = ctx.names.sourceCte(state.source);
  const logSrc = ctx.names.sourceCte(log.source);
  const tag = (col: string): string => `(CASE WHEN ${col} IS NULL THEN 'n' ELSE 'v' || ${d.cast(col, 'string')} END)`;
  const instants = `vi_${state.source}`;
  const perField = log.fields.flatMap((f, i) => {
    const isField = `${q(log.field)} = ${d.stringLiteral(f.column)}`;
    return [`${d.aggregate('max', tag(q(log.new)), isField)} AS n${i}`, `${d.aggregate('max', tag(q(log.old)), isField)} AS o${i}`];
  });
  const nulls = log.fields.flatMap((_, i) => [`${d.cast('NULL', 'string')} AS n${i}`, `${d.cast('NULL', 'string')} AS o${i}`]);
  ctx.ctes.push({
    name: instants,
    sql:
      `SELECT ${q(log.key)} AS _k, ${q(log.at)} AS _t, ${perField.join(', ')} FROM ${q(logSrc)}` +
      ` WHERE ${q(log.key)} IS NOT NULL AND ${q(log.at)} IS NOT NULL GROUP BY ${q(log.key)}, ${q(log.at)}` +
      `\n  UNION ALL SELECT ${q(log.entityKey)} AS _k, NULL AS _t, ${nulls.join(', ')} FROM ${q(src)}`,
    deps: [src, logSrc],
  });
  const versions = `vw_${state.source}`;
  const carried = log.fields.flatMap((_, i) => [
    `${d.carryForward(`n${i}`, '_k', '_t', 'forward')} AS f${i}`,
    `${d.carryForward(`o${i}`, '_k', '_t', 'backward')} AS b${i}`,
  ]);
  ctx.ctes.push({
    name: versions,
    sql: `SELECT _k, _t AS _vf, lead(_t) OVER (PARTITION BY _k ORDER BY _t ASC NULLS FIRST) AS _vt, ${carried.join(', ')} FROM ${q(instants)}`,
    deps: [instants],
  });
  const tracked = new Set(log.fields.map((f) => f.column));
  const decode = (tagged: string, field: ChangeLog['fields'][number]): string => {
    const to = CAST_TO[field.type];
    const text = `substr(${tagged}, 2)`;
    // Money stays exact: the logged text becomes a decimal of the column's scale, as its file does.
    const value = field.scale !== undefined ? d.decimal(text, field.scale) : to === undefined ? text : d.cast(text, to);
    return `(CASE WHEN ${tagged} = 'n' THEN NULL ELSE ${value} END)`;
  };
  const columns = state.columns.map((c) => {
    const i = log.fields.findIndex((f) => f.column === c);
    const f = log.fields[i];
    if (!tracked.has(c) || f === undefined) return `e.${q(c)}`;
    return `(CASE WHEN v.f${i} IS NOT NULL THEN ${decode(`v.f${i}`, f)} WHEN v.b${i} IS NOT NULL THEN ${decode(`v.b${i}`, f)} ELSE e.${q(c)} END) AS ${q(c)}`;
  });
  const [hf, ht] = intervalBounds(ctx, state, 'e').map((b) => b.replace(/ AS _h[ft]$/, ''));
  const earliest = d.dateLiteral(EARLIEST);
  const latest = d.dateLiteral(LATEST);
  ctx.ctes.push({
    name: stateCte(state.source),
    sql:
      `SELECT ${columns.join(', ')}, greatest(${hf}, coalesce(v._vf, ${earliest})) AS _hf, least(${ht}, coalesce(v._vt, ${latest})) AS _ht` +
      `\n  FROM ${q(versions)} AS v JOIN ${q(src)} AS e ON e.${q(log.entityKey)} = v._k`,
    deps: [versions, src],
  });
}
