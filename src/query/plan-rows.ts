/**
 * Planning a rows query: the rows of one source that an aggregate reads in one cell, restricted
 * to the members of a node and of the reader's access (breakdown dimensions of the source), with
 * the columns the reader may see. User text (values, keys) stays data in the plan; the emitter
 * writes it as literals.
 */
import type { ResolvedCatalog } from '../resolve/resolved.js';
import type { RowExpr } from '../resolve/types.js';
import type { IrRowExpr } from './ir-expr.js';
import { forEachRowNode } from './ir-walk.js';
import { rowToIr } from './row-to-ir.js';
import type { RowsColumn, RowsQuery, RowsRestriction } from './rows-ir.js';
import { joinPaths } from './scan-rows.js';

/** Which rows of a source to list. */
export interface RowsRequest {
  readonly source: string;
  /** Declared columns to return, in order (the reader's hidden fields already left out). */
  readonly columns: readonly string[];
  /** Returned as `value` when given (an aggregate's value expression). */
  readonly value?: RowExpr | undefined;
  readonly filter?: RowExpr | undefined;
  /** Rows whose `anchor` (a date column of the source) lies in `[from, before)`. */
  readonly dates?: { readonly anchor: string; readonly from: string; readonly before: string } | undefined;
  /** Rows whose breakdown `dimension` (compared as text) is one of `values`; every one must hold. */
  readonly within: readonly { readonly dimension: string; readonly values: readonly string[] }[];
  /** Only the row with this value of the source's key. */
  readonly key?: string | undefined;
  readonly limit: number;
  readonly offset: number;
}

/** Why a rows query cannot be planned. */
export type RowsRefusal =
  | { readonly kind: 'unknown-source' }
  | { readonly kind: 'no-dimension'; readonly dimension: string }
  | { readonly kind: 'lookup'; readonly lookup: string }
  | { readonly kind: 'no-key' };

function usesLookup(e: IrRowExpr | undefined): string | undefined {
  let found: string | undefined;
  forEachRowNode(e, (n) => {
    if (n.kind === 'lookup') found ??= n.lookup;
  });
  return found;
}

/** Plans the listing; a refusal says why there is none. */
export function planRows(resolved: ResolvedCatalog, request: RowsRequest): RowsQuery | RowsRefusal {
  const source = resolved.catalog.sources.get(request.source);
  if (source === undefined) return { kind: 'unknown-source' };
  const restrictions: RowsRestriction[] = [];
  for (const w of request.within) {
    const expr = resolved.dimensions.get(w.dimension)?.sources.find((s) => s.source === source.id)?.expr;
    if (expr === undefined) return { kind: 'no-dimension', dimension: w.dimension };
    restrictions.push({ expr: rowToIr(expr), values: w.values });
  }
  if (request.key !== undefined) {
    if (source.key === undefined) return { kind: 'no-key' };
    restrictions.push({ expr: { kind: 'column', path: [], column: source.key.value }, values: [request.key] });
  }
  const columns: RowsColumn[] = request.columns
    .filter((c) => source.columns.has(c))
    .map((c) => ({ name: c, expr: { kind: 'column', path: [], column: c }, asText: source.columns.get(c)?.type.value === 'money' }));
  const filter = request.filter === undefined ? undefined : rowToIr(request.filter);
  const lookup = usesLookup(filter);
  if (lookup !== undefined) return { kind: 'lookup', lookup };
  if (request.value !== undefined) {
    const value = rowToIr(request.value);
    // A value read through a lookup (a stage's win probability) is left out rather than guessed.
    if (usesLookup(value) === undefined) columns.push({ name: 'value', expr: value, asText: request.value.unit === 'money' });
  }
  const { joins, addPath } = joinPaths(resolved.catalog, source.id);
  for (const e of [filter, ...columns.map((c) => c.expr), ...restrictions.map((r) => r.expr)]) {
    forEachRowNode(e, (n) => {
      if (n.kind === 'column') addPath(n.path);
    });
  }
  const order = [request.dates?.anchor, source.key?.value].filter((c): c is string => c !== undefined && columns.some((x) => x.name === c));
  return {
    kind: 'rows',
    source: source.id,
    columns,
    joins,
    filter,
    range: request.dates,
    restrictions,
    order: [...new Set(order)],
    limit: request.limit,
    offset: request.offset,
  };
}
