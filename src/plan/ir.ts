/**
 * The plan: plain, JSON-serialisable data that says which tables to compute and how they join.
 * `kpic compile --emit plan` prints it; the SQL emitter is its only consumer.
 *
 * Shape: each *scan* reads one source once (per time anchor) and aggregates its rows into
 * *partials* at one or more *levels* (period × kept breakdown dimensions × `per` keys; several
 * levels become GROUPING SETS of the one scan). *Window tables* re-aggregate decomposable
 * partials over a time window; *row-window scans* re-read rows for aggregates that cannot be
 * re-aggregated (count_distinct, median, percentile, last). *Per tables* combine values per key.
 * *Outputs* are cell expressions over all of these, evaluated on the grid (periods × breakdown
 * values).
 */
import type { CalendarDef } from '../model/types.js';
import type { AggregateFunction, Duration, RowExpr, RowOperator, RowFunction, ValueType } from '../resolve/types.js';
import type { DurationUnit } from '../formula/ast.js';
import type { Grain } from './calendar.js';

/** A level: which breakdown dimensions are kept, and which `per` keys are added. */
export interface Level {
  /** Kept breakdown dimensions, in `--by` order. */
  readonly dims: readonly string[];
  /** Ids of per keys (see {@link Plan.keys}), outermost first. */
  readonly keys: readonly string[];
}

/** A per key: its SQL column name and its expression in each source. */
export interface PlanKey {
  readonly id: string;
  readonly bySource: readonly { readonly source: string; readonly expr: RowExpr }[];
}

/**
 * A time window around each evaluated period p. First `shifts` move the period (each to the
 * period containing `p.start − offset`), then `range` widens it: `rolling` = [end − length, end),
 * `to_date` = [start of the enclosing unit, end), `before` = [start − length, start). No range =
 * the (shifted) period itself.
 */
export interface WindowSpec {
  readonly shifts: readonly Duration[];
  readonly range?:
    | { readonly kind: 'rolling'; readonly length: Duration }
    | { readonly kind: 'to_date'; readonly unit: DurationUnit }
    | { readonly kind: 'before'; readonly length: Duration }
    | undefined;
}

/** One aggregate computed by a scan. */
export interface ScanMeasure {
  /** SQL column name, unique in the plan. */
  readonly id: string;
  readonly fn: AggregateFunction;
  /** Undefined: count rows. */
  readonly value?: RowExpr | undefined;
  readonly filter?: RowExpr | undefined;
  readonly fraction?: number | undefined;
  /** Index into the scan's levels. */
  readonly level: number;
}

/** A join needed by a scan: `alias` = LEFT JOIN of `target` ON from.on = alias.key. */
export interface ScanJoin {
  readonly path: readonly string[];
  readonly alias: string;
  readonly fromAlias: string;
  readonly on: string;
  readonly target: string;
  readonly targetKey: string;
}

/** A lookup used inside a scan's rows. */
export interface ScanLookup {
  readonly alias: string;
  readonly lookup: string;
  readonly key: RowExpr;
}

/** One pass over a source. */
export interface Scan {
  readonly id: string;
  /** `main` for requested KPIs, `lookup:<id>` for a lookup's computation. */
  readonly purpose: string;
  readonly source: string;
  /** Time anchor column; null for a source without time (values are the same every period). */
  readonly anchor: string | null;
  /**
   * `partials`: rows grouped by period (and levels). `rows-window`: rows joined to the window of
   * every evaluated period (`window`). `last`: like either, keeping only each cell's last date.
   */
  readonly mode: 'partials' | 'rows-window';
  readonly last: boolean;
  readonly window?: WindowSpec | undefined;
  readonly joins: readonly ScanJoin[];
  readonly lookups: readonly ScanLookup[];
  readonly levels: readonly Level[];
  readonly measures: readonly ScanMeasure[];
}

/**
 * Decomposable partials of a scan level re-aggregated to a coarser level (fewer breakdown
 * dimensions, same keys): how `total(E)` gets its parts without grouping the rows twice.
 */
export interface RollupTable {
  readonly id: string;
  readonly scan: string;
  /** The scan level read. */
  readonly from: number;
  /** The level produced. */
  readonly level: Level;
  readonly measures: readonly { readonly id: string; readonly fn: 'sum' | 'min' | 'max'; readonly of: string }[];
}

/** Re-aggregation of decomposable partials of one scan level (or rollup) over a window. */
export interface WindowTable {
  readonly id: string;
  readonly scan: string;
  readonly level: number;
  /** When set, the partials come from this rollup table (at its level) instead of the scan level. */
  readonly rollup?: string | undefined;
  readonly window: WindowSpec;
  readonly measures: readonly { readonly id: string; readonly fn: 'sum' | 'min' | 'max'; readonly of: string }[];
}

/** A value computed per grid cell (or per level row) from measures. */
export type CellExpr =
  | { readonly kind: 'literal'; readonly value: number | string | boolean | null; readonly sqlType?: 'date' | undefined }
  | {
      readonly kind: 'measure';
      /** The table (scan, window table or per table) and column. */
      readonly table: string;
      readonly column: string;
      /** Level of the table (for joins) and what an absent row means (0 for counts and sums). */
      readonly level: Level;
      readonly empty: 0 | null;
    }
  | { readonly kind: 'binary'; readonly op: RowOperator; readonly left: CellExpr; readonly right: CellExpr }
  | { readonly kind: 'unary'; readonly op: '-' | 'not'; readonly operand: CellExpr }
  | {
      readonly kind: 'call';
      readonly fn: RowFunction;
      readonly args: readonly CellExpr[];
      /** The arguments' value types (a choice between numbers is emitted so decimals stay exact). */
      readonly types?: readonly ValueType[] | undefined;
    }
  | {
      readonly kind: 'predicate';
      readonly test: 'in' | 'between' | 'is-null';
      readonly negated: boolean;
      readonly operand: CellExpr;
      readonly args: readonly CellExpr[];
    };

/** Combination of per-key values. */
export type PerCombine = 'avg' | 'sum' | 'min' | 'max' | 'median' | 'count' | 'hhi' | 'top_share' | 'percentile' | 'count_distinct';

/** `fn(inner per key)`: one value per outer level row. */
export interface PerTable {
  readonly id: string;
  readonly fn: PerCombine;
  readonly n?: number | undefined;
  readonly fraction?: number | undefined;
  /** Level of the result. */
  readonly outer: Level;
  /** Level the inner value is computed at (outer + one key). */
  readonly inner: Level;
  readonly value: CellExpr;
  /** Rows of the inner level count only when this is > 0. */
  readonly presence: CellExpr;
}

/** A computed lookup: a KPI per key over a trailing window, as of each period. */
export interface LookupTable {
  readonly id: string;
  readonly lookup: string;
  /** Fixed rows (key → value), or a value computed at `level` (no dims, one key). */
  readonly rows?: readonly (readonly [string, number])[] | undefined;
  readonly computed?: { readonly level: Level; readonly value: CellExpr; readonly presence: CellExpr } | undefined;
  readonly default: number | null;
}

/** One requested KPI. */
export interface Output {
  readonly kpi: string;
  readonly expr: CellExpr;
  /** Sources whose rows decide the KPI's breakdown values (grid membership). */
  readonly sources: readonly string[];
  /** Its values are exact decimals (money through sums and differences: resolve/exact.ts), not doubles. */
  readonly exact: boolean;
}

/** The whole plan. */
export interface Plan {
  readonly grain: Grain;
  readonly calendar: CalendarDef;
  readonly by: readonly string[];
  /**
   * Output periods: `from`/`to` are period starts (ISO) or null for the data's range. `scanFrom`
   * is the earliest date any window reaches back to (null: read everything).
   */
  readonly range: {
    readonly from: string | null;
    readonly to: string | null;
    readonly scanFrom: string | null;
    readonly scanTo: string | null;
  };
  /** Dimension expressions per source for the breakdown. */
  readonly dimensions: readonly {
    readonly name: string;
    readonly bySource: readonly { readonly source: string; readonly expr: RowExpr }[];
  }[];
  readonly keys: readonly PlanKey[];
  readonly lookups: readonly LookupTable[];
  readonly scans: readonly Scan[];
  readonly rollups: readonly RollupTable[];
  readonly windows: readonly WindowTable[];
  readonly pers: readonly PerTable[];
  readonly outputs: readonly Output[];
}
