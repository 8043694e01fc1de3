/**
 * `related` values of a check: one aggregate each over the rows of another source whose join
 * reaches the checked row (`count(activities where …)` on an opportunity: its activities). They
 * become extra columns of the checked source, so `where`, `fails` and `show` read them by name.
 */
import type { ColumnDef, ColumnType, SourceDef } from '../model/types.js';
import type { IrRowExpr } from '../query/ir-expr.js';
import { rowToIr } from '../query/row-to-ir.js';
import { report, resolveKpiFormula, type CheckContext } from '../resolve/check-context.js';
import { sourceHas } from '../resolve/env.js';
import type { AggregateFunction, Typed } from '../resolve/types.js';
import type { RelatedDef } from './model.js';

/** A `related` value ready to compute. */
export interface ResolvedRelated {
  readonly kind: 'resolved-related';
  readonly name: string;
  readonly fn: AggregateFunction;
  /** The source whose rows are aggregated. */
  readonly source: SourceDef;
  /** Its column holding the checked row's key (the `on` of its join to the checked source). */
  readonly on: string;
  /** Undefined: count rows. */
  readonly value: IrRowExpr | undefined;
  readonly filter: IrRowExpr | undefined;
  readonly fraction: number | undefined;
  /** The value's type and unit. */
  readonly typed: Typed;
}

function columnType(t: Typed): ColumnType {
  if (t.type === 'number') return t.unit === 'money' ? 'money' : t.unit === 'percent' ? 'percent' : 'number';
  if (t.type === 'date' || t.type === 'timestamp' || t.type === 'string' || t.type === 'boolean') return t.type;
  return 'string';
}

/**
 * Resolves one `related` value over the checked source `over`; a problem is reported
 * (`audit/bad-related`, or the formula's own diagnostics) and gives undefined.
 * `readable` refuses what a check cannot read (values as at a point, KPI lookups).
 */
export function resolveRelated(
  ctx: CheckContext,
  def: RelatedDef,
  over: SourceDef,
  owner: string,
  readable: (ir: IrRowExpr) => boolean,
): ResolvedRelated | undefined {
  const bad = (message: string, hint?: string): undefined => {
    report(ctx, 'audit/bad-related', def.span, message, hint === undefined ? undefined : { hint });
    return undefined;
  };
  if (over.key === undefined)
    return bad(`\`${def.name}\` needs a key on \`${over.id}\` to match related rows to its rows`, `declare \`key:\` on \`${over.id}\``);
  if (sourceHas(over, def.name))
    return bad(`\`${def.name}\` is already a name of \`${over.id}\``, 'give the related value a name of its own');
  const before = ctx.env.diagnostics.length;
  const e = resolveKpiFormula(ctx, def.formula, owner);
  if (ctx.env.diagnostics.slice(before).some((d) => d.severity === 'error') || e.type === 'error') return undefined;
  if (e.kind !== 'aggregate' || e.point !== undefined || e.last)
    return bad(
      `\`${def.formula.text}\` must be one aggregate over the related rows (not as at a point, not \`last\`)`,
      'e.g. `count(activities where activity_date <= opportunity.close_date)`',
    );
  const source = ctx.resolved.catalog.sources.get(e.source);
  if (source === undefined) return undefined;
  const joins = [...source.joins.values()].filter((j) => j.to.value === over.id);
  if (joins.length !== 1)
    return bad(
      joins.length === 0
        ? `\`${e.source}\` has no join to \`${over.id}\`, so its rows cannot be matched to the checked rows`
        : `\`${e.source}\` joins to \`${over.id}\` in ${joins.length} ways (${joins.map((j) => j.name).join(', ')}); which rows are related is ambiguous`,
      joins.length === 0 ? `add a join \`{ to: ${over.id}, on: … }\` to \`${e.source}\`` : undefined,
    );
  const value = e.value === undefined ? undefined : rowToIr(e.value);
  const filter = e.filter === undefined ? undefined : rowToIr(e.filter);
  if ((value !== undefined && !readable(value)) || (filter !== undefined && !readable(filter))) return undefined;
  return {
    kind: 'resolved-related',
    name: def.name,
    fn: e.fn,
    source,
    on: (joins[0] as NonNullable<(typeof joins)[0]>).on.value,
    value,
    filter,
    fraction: e.fraction,
    typed: { type: e.type, unit: e.unit },
  };
}

/** The checked source with each related value as an extra column (for resolving the check's formulas). */
export function withRelated(over: SourceDef, related: readonly RelatedDef[], types: ReadonlyMap<string, ColumnType>): SourceDef {
  if (related.length === 0) return over;
  const columns = new Map(over.columns);
  for (const r of related) {
    // A value that failed to resolve (already reported) reads as a number: no follow-on errors.
    const type = types.get(r.name) ?? 'number';
    const column: ColumnDef = { name: r.name, span: r.span, type: { value: type, span: r.span }, required: false, unique: false };
    columns.set(r.name, column);
  }
  return { ...over, columns };
}

/** The column type a related value reads as. */
export function relatedType(r: ResolvedRelated): ColumnType {
  return columnType(r.typed);
}
