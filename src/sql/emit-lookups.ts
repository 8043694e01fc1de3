/**
 * Lookup tables: fixed rows as a VALUES list, or a KPI computed per key as of each period — over
 * the periods from the lookup's first data to its last plus its window (so a period after the
 * data still finds the window's value).
 */
import type { CalendarDuration, LookupTable, ScanPurpose } from '../query/ir.js';
import { samePurpose } from '../query/ir-keys.js';
import type { EmitContext } from './emit-context.js';
import { periodsTable } from './emit-context.js';
import { cellSql } from './emit-expr.js';
import { emitFrame, innerDriving } from './emit-frame.js';
import { isTimeless, partialTablesAt } from './partial-tables.js';

/** Writes every lookup table of the plan. */
export function emitLookups(ctx: EmitContext): void {
  for (const lookup of ctx.plan.lookups) {
    if (lookup.rows !== undefined) emitFixedLookup(ctx, lookup.id, lookup.rows);
    else if (lookup.computed !== undefined) emitComputedLookup(ctx, lookup, lookup.computed);
  }
}

function emitFixedLookup(ctx: EmitContext, id: string, rows: readonly (readonly [string, number])[]): void {
  const d = ctx.dialect;
  const [key, value] = [d.quoteIdentifier('key'), d.quoteIdentifier('value')];
  const values = rows.map(([k, v]) => `(${d.stringLiteral(k)}, ${d.numberLiteral(v)})`);
  ctx.ctes.push({
    name: ctx.names.lookupCte(id),
    sql:
      values.length === 0
        ? `SELECT ${d.cast('NULL', 'string')} AS ${key}, ${d.cast('NULL', 'real')} AS ${value} WHERE FALSE`
        : `SELECT ${d.cast(key, 'string')} AS ${key}, ${d.cast(value, 'real')} AS ${value} FROM (VALUES ${values.join(', ')}) AS v(${key}, ${value})`,
    deps: [],
  });
}

function emitComputedLookup(ctx: EmitContext, lookup: LookupTable, computed: NonNullable<LookupTable['computed']>): void {
  const d = ctx.dialect;
  emitLookupPeriods(ctx, { kind: 'lookup', lookup: lookup.lookup });
  const driving = innerDriving(ctx, computed.level, computed.presence);
  const frameName = `lkf_${lookup.id}`;
  const measure = emitFrame(ctx, { name: frameName, driving, level: computed.level, exprs: [computed.value, computed.presence] });
  const key = ctx.names.levelColumns(computed.level)[0] ?? 'NULL';
  const value = d.cast(cellSql(ctx, computed.value, measure), 'real');
  ctx.ctes.push({
    name: ctx.names.lookupCte(lookup.id),
    sql: `SELECT period, ${d.cast(key, 'string')} AS ${d.quoteIdentifier('key')}, ${value} AS ${d.quoteIdentifier('value')}\n  FROM ${d.quoteIdentifier(frameName)}\n  WHERE ${cellSql(ctx, computed.presence, measure)} > 0`,
    deps: [frameName],
  });
}

/** The periods a computed lookup is evaluated for: from its data's first period to the last + window. */
function emitLookupPeriods(ctx: EmitContext, purpose: Extract<ScanPurpose, { kind: 'lookup' }>): void {
  const d = ctx.dialect;
  const tables = partialTablesAt(ctx, purpose, { dims: [], keys: [] })
    .filter((t) => !isTimeless(t.scan))
    .map((t) => t.table);
  const length = lookupWindow(ctx, purpose);
  const hi =
    length === undefined ? 'max(period)' : d.periodStart(d.addToDate('max(period)', length.amount, length.unit), ctx.grain, ctx.calendar);
  const range =
    tables.length === 0
      ? `SELECT ${d.cast('NULL', 'date')} AS lo, ${d.cast('NULL', 'date')} AS hi`
      : `SELECT min(period) AS lo, ${hi} AS hi FROM (${tables.map((t) => `SELECT period FROM ${d.quoteIdentifier(t)}`).join(' UNION ALL ')}) AS timed`;
  ctx.ctes.push({ name: periodsTable(purpose), sql: d.periodSeries('lo', 'hi', ctx.grain, `(${range}) AS r`), deps: tables });
}

/** The `before` window length of a lookup computation (from its scans or window tables). */
function lookupWindow(ctx: EmitContext, purpose: ScanPurpose): CalendarDuration | undefined {
  const { plan } = ctx;
  for (const scan of plan.scans) {
    const range = scan.window?.range;
    if (samePurpose(scan.purpose, purpose) && range?.kind === 'before') return range.length;
  }
  for (const w of plan.windows) {
    const range = w.window.range;
    if (samePurpose(ctx.scan(w.scan).purpose, purpose) && range?.kind === 'before') return range.length;
  }
  return undefined;
}
