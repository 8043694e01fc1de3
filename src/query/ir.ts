/**
 * The query plan: plain, JSON-serialisable data that says which tables to compute and how they
 * join. `kpic compile --emit query-plan` prints it; the SQL emitter is its only consumer, and it
 * needs nothing else (this file and `ir-expr.ts` import nothing from the rest of kpic).
 *
 * Shape: each *scan* reads one source once (per time anchor and purpose) and aggregates its rows
 * into *partials* at one or more *levels* (period × kept breakdown dimensions × `per` keys;
 * several levels become GROUPING SETS of the one scan). *Rollup tables* re-aggregate decomposable
 * partials to coarser levels, *window tables* over a time window; *row-window scans* re-read rows
 * for aggregates that cannot be re-aggregated (count_distinct, median, percentile, last). *Per
 * tables* combine values per key. *Outputs* are cell expressions over all of these, evaluated on
 * the grid (periods × breakdown values).
 *
 * Not to be confused with the catalog kind `plan` (a compensation plan): this is a plan of a query.
 */
import type { IrCellExpr, IrRowExpr, Level } from './ir-expr.js';

export type * from './ir-expr.js';

/** A calendar unit of time. */
export type TimeUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** A grain: the length of the periods a query evaluates KPIs for. */
export type Grain = TimeUnit;

/** A calendar duration. */
export interface CalendarDuration {
  readonly amount: number;
  readonly unit: TimeUnit;
}

/** The catalog's calendar: where fiscal years and weeks start. */
export interface Calendar {
  /** Month number (1–12) on which the fiscal year starts. */
  readonly fiscalYearStart: number;
  readonly weekStart: 'monday' | 'sunday';
}

/**
 * A time window around each evaluated period p. First `shifts` move the period (each to the
 * period containing `p.start − offset`), then `range` widens it: `rolling` = [end − length, end),
 * `to_date` = [start of the enclosing unit, end), `before` = [start − length, start). No range =
 * the (shifted) period itself.
 */
export interface WindowSpec {
  readonly shifts: readonly CalendarDuration[];
  readonly range?:
    | { readonly kind: 'rolling'; readonly length: CalendarDuration }
    | { readonly kind: 'to_date'; readonly unit: TimeUnit }
    | { readonly kind: 'before'; readonly length: CalendarDuration }
    | undefined;
}

/** What a scan (and its windows) is for: the requested KPIs, or a computed lookup's values. */
export type ScanPurpose = { readonly kind: 'main' } | { readonly kind: 'lookup'; readonly lookup: string };

/** Aggregate functions over rows (a scan measure's). */
export type MeasureFunction = 'count' | 'count_distinct' | 'sum' | 'avg' | 'min' | 'max' | 'median' | 'percentile';

/** One aggregate computed by a scan. */
export interface ScanMeasure {
  /** SQL column name, unique in the plan. */
  readonly id: string;
  readonly fn: MeasureFunction;
  /** Undefined: count rows. */
  readonly value?: IrRowExpr | undefined;
  readonly filter?: IrRowExpr | undefined;
  /** For `percentile`: the fraction in [0, 1]. */
  readonly fraction?: number | undefined;
  /** Index into the scan's levels. */
  readonly level: number;
}

/** A join needed by a scan: `alias` = LEFT JOIN of `target` ON fromAlias.on = alias.targetKey. */
export interface ScanJoin {
  readonly path: readonly string[];
  readonly alias: string;
  readonly fromAlias: string;
  readonly on: string;
  readonly target: string;
  readonly targetKey: string;
}

/** A lookup used inside a scan's rows, joined on its key. */
export interface ScanLookup {
  readonly alias: string;
  readonly lookup: string;
  readonly key: IrRowExpr;
}

/** A point of each period: its end, its start (the end of the day before), or the end of its Nth day, week or month. */
export interface PeriodPoint {
  readonly at: 'end' | 'start' | 'day' | 'week' | 'month';
  readonly n?: number | undefined;
}

/** The declared type of a source column, as data files are read. */
export type SourceColumnType = 'string' | 'integer' | 'number' | 'money' | 'percent' | 'boolean' | 'date' | 'timestamp';

/**
 * How a source's rows hold over time, for point scans. With `interval`, a row holds from `from`
 * until `to` (exclusive; null: still holding). With `log`, each row's tracked columns take the
 * values its change log gives them at the point.
 */
export interface SourceState {
  readonly source: string;
  /** Every declared column of the source (the state's rows have these, then `_hf` and `_ht`). */
  readonly columns: readonly string[];
  /** The source's key column (a row's versions at two points are matched on it). */
  readonly key?: string | undefined;
  readonly interval?: { readonly from: string; readonly to?: string | undefined } | undefined;
  readonly log?: ChangeLog | undefined;
}

/** A change log: one row per change of one tracked column of one row of the changing source. */
export interface ChangeLog {
  /** The log's source. */
  readonly source: string;
  /** The changing source's key column. */
  readonly entityKey: string;
  /** Columns of the log: the changed row's key, when, which column, old and new value (text). */
  readonly key: string;
  readonly at: string;
  readonly field: string;
  readonly old: string;
  readonly new: string;
  /** The tracked columns of the changing source, their declared types and (money) decimal places. */
  readonly fields: readonly { readonly column: string; readonly type: SourceColumnType; readonly scale?: number | undefined }[];
}

/** One pass over a source. */
export interface Scan {
  readonly id: string;
  readonly purpose: ScanPurpose;
  readonly source: string;
  /** Time anchor column; null for a source without time (values are the same every period). */
  readonly anchor: string | null;
  /**
   * `partials`: rows grouped by period (and levels). `rows-window`: rows joined to the window of
   * every evaluated period (`window`).
   */
  readonly mode: 'partials' | 'rows-window';
  /** Keep only each cell's last anchor date (a semi-additive balance). */
  readonly last: boolean;
  /**
   * A point scan: instead of placing rows in periods by the anchor, read the rows that hold at
   * this point of every period, as they stood then (see the plan's `states`).
   */
  readonly point?: PeriodPoint | undefined;
  readonly window?: WindowSpec | undefined;
  readonly joins: readonly ScanJoin[];
  readonly lookups: readonly ScanLookup[];
  readonly levels: readonly Level[];
  readonly measures: readonly ScanMeasure[];
}

/** A decomposable partial re-aggregated: `fn` of column `of` of the table read. */
export interface Reaggregation {
  readonly id: string;
  readonly fn: 'sum' | 'min' | 'max';
  readonly of: string;
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
  readonly measures: readonly Reaggregation[];
}

/** Re-aggregation of decomposable partials of one scan level (or rollup) over a window. */
export interface WindowTable {
  readonly id: string;
  readonly scan: string;
  /** The scan level read; -1 when the partials come from `rollup`. */
  readonly level: number;
  /** When set, the partials come from this rollup table (at its level) instead of the scan level. */
  readonly rollup?: string | undefined;
  readonly window: WindowSpec;
  readonly measures: readonly Reaggregation[];
}

/** Combination of per-key values. */
export type PerCombine = 'avg' | 'sum' | 'min' | 'max' | 'median' | 'count' | 'hhi' | 'top_share' | 'percentile' | 'count_distinct';

/** `fn(inner per key)`: one value per outer level row. */
export interface PerTable {
  readonly id: string;
  readonly fn: PerCombine;
  /** For `top_share`: how many of the largest values. */
  readonly n?: number | undefined;
  /** For `percentile`: the fraction in [0, 1]. */
  readonly fraction?: number | undefined;
  /** Level of the result. */
  readonly outer: Level;
  /** Level the inner value is computed at (outer + one key). */
  readonly inner: Level;
  readonly value: IrCellExpr;
  /** Rows of the inner level count only when this is > 0. */
  readonly presence: IrCellExpr;
}

/** A lookup: fixed rows, or a KPI per key over a trailing window, as of each period. */
export interface LookupTable {
  readonly id: string;
  readonly lookup: string;
  /** Fixed rows (key → value), or a value computed at `level` (no dims, one key). */
  readonly rows?: readonly (readonly [string, number])[] | undefined;
  readonly computed?: { readonly level: Level; readonly value: IrCellExpr; readonly presence: IrCellExpr } | undefined;
  /** The value for a key without a row. */
  readonly default: number | null;
}

/** One requested KPI. */
export interface Output {
  readonly kpi: string;
  readonly expr: IrCellExpr;
  /** Sources whose rows decide the KPI's breakdown values (grid membership). */
  readonly sources: readonly string[];
  /**
   * Its values are exact decimals (money through sums and differences), not real numbers: the
   * query gives each also as decimal text, every digit kept.
   */
  readonly exact: boolean;
}

/** A row expression given per source (a breakdown dimension's or a per key's). */
export interface BySource {
  readonly source: string;
  readonly expr: IrRowExpr;
}

/** A per key: its SQL column name (`id`) and its expression in each source. */
export interface QueryKey {
  readonly id: string;
  readonly bySource: readonly BySource[];
}

/** A breakdown dimension: its expression in each source that declares it. */
export interface QueryDimension {
  readonly name: string;
  readonly bySource: readonly BySource[];
}

/** The output periods and the dates the scans read. */
export interface QueryRange {
  /** First output period's start (ISO), or null for the data's first period. */
  readonly from: string | null;
  /** Last output period's start (ISO), or null for the data's last period. */
  readonly to: string | null;
  /** The earliest date any window reaches back to (null: read everything). */
  readonly scanFrom: string | null;
  /**
   * The earliest date whose rows decide the grid's breakdown values: the first output period's
   * start, or earlier when the outputs' windows read rows before it (null: the data's first
   * period). A cell whose window has rows exists even when its own period has none.
   */
  readonly valuesFrom: string | null;
  /** The day after the last output period (null: read everything). */
  readonly scanTo: string | null;
}

/** The whole query plan. */
export interface QueryPlan {
  readonly grain: Grain;
  readonly calendar: Calendar;
  /** The breakdown dimensions, in output order. */
  readonly by: readonly string[];
  /** Breakdown values every output shows besides those its rows reach (text, in `by` order). */
  readonly values: readonly (readonly (string | null)[])[];
  readonly range: QueryRange;
  readonly dimensions: readonly QueryDimension[];
  readonly keys: readonly QueryKey[];
  readonly lookups: readonly LookupTable[];
  /** How the sources that point scans read hold over time. */
  readonly states: readonly SourceState[];
  readonly scans: readonly Scan[];
  readonly rollups: readonly RollupTable[];
  readonly windows: readonly WindowTable[];
  readonly pers: readonly PerTable[];
  readonly outputs: readonly Output[];
  /** Only cells whose value of `dimension` (compared as text) is one of `values` are returned. */
  readonly only?: { readonly dimension: string; readonly values: readonly string[] } | undefined;
}
