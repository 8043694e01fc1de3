/**
 * The rows query: plain data for listing the rows of one source that make up a figure (the deals
 * behind a cell) — which columns, which rows (the aggregate's filter, its time range, the members
 * of the node and of the reader's access), in which order, how many. Like the query plan, it
 * imports nothing but the IR and is the SQL emitter's only input (src/sql/emit-rows.ts).
 */
import type { ScanJoin } from './ir.js';
import type { IrRowExpr } from './ir-expr.js';

/** A column of the listing. */
export interface RowsColumn {
  /** The name it is returned under (a declared column's name, or `value`). */
  readonly name: string;
  readonly expr: IrRowExpr;
  /** Returned as text, so money keeps its exact decimal digits. */
  readonly asText: boolean;
}

/** Rows whose value of `expr` (compared as text) is one of `values`. */
export interface RowsRestriction {
  readonly expr: IrRowExpr;
  readonly values: readonly string[];
}

/** One listing of a source's rows. */
export interface RowsQuery {
  readonly kind: 'rows';
  readonly source: string;
  readonly columns: readonly RowsColumn[];
  /** Joins the columns, filter and restrictions go through (one LEFT JOIN per path). */
  readonly joins: readonly ScanJoin[];
  /** The aggregate's row filter (`where`). */
  readonly filter?: IrRowExpr | undefined;
  /** Rows whose anchor date lies in `[from, before)`. */
  readonly range?: { readonly anchor: string; readonly from: string; readonly before: string } | undefined;
  /** Every restriction must hold (node membership, the reader's access, one key). */
  readonly restrictions: readonly RowsRestriction[];
  /** Columns (by name, of `columns`) to order by, ascending, nulls last. */
  readonly order: readonly string[];
  readonly limit: number;
  readonly offset: number;
}
