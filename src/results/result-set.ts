/**
 * What the output formats of `kpic run` write: the rows of a run plus what it takes to present
 * them (each KPI's unit, the catalog's currency).
 */
import type { Decimal } from '../model/decimal.js';
import type { Unit } from '../model/types.js';
import type { ResultRow } from '../pipeline.js';

/** A breakdown value as the pipeline returns it. */
export type ByValue = ResultRow['by'][number];

/** What a result row's value is written from: its exact decimal when it has one, else its double. */
export function outputValue(row: ResultRow): number | Decimal | null {
  return row.exact ?? row.value;
}

/** Rows of a run with their presentation details. */
export interface ResultSet {
  /** Breakdown dimensions, in `--by` order (one column each). */
  readonly by: readonly string[];
  readonly rows: readonly ResultRow[];
  /** Unit of each KPI (by id); missing or undefined: a plain number. */
  readonly units: ReadonlyMap<string, Unit | undefined>;
  /** ISO 4217 code of the catalog's currency, for money values. */
  readonly currency: string;
  /**
   * The data's as-of date the rows' periods were judged against (each row then says whether its
   * period is `complete`), with how it was found, for people; absent when there is none.
   */
  readonly asOf?: { readonly date: string; readonly about: string } | undefined;
}

/** The output formats of `kpic run`. */
export const RESULT_FORMATS = ['table', 'csv', 'json', 'ndjson', 'parquet'] as const;

/** One output format. */
export type ResultFormat = (typeof RESULT_FORMATS)[number];

/** Whether rows carry a `unit` field (not when a breakdown dimension is itself named `unit`, in any case). */
export function hasUnitField(results: ResultSet): boolean {
  return !results.by.some((b) => b.toLowerCase() === 'unit');
}

/**
 * Whether rows carry `complete` and `as_of` fields: when they were judged against an as-of
 * date, each field unless a breakdown dimension has its name.
 */
export function asOfFields(results: ResultSet): { readonly complete: boolean; readonly asOf: boolean } {
  const judged = results.asOf !== undefined;
  return { complete: judged && !results.by.includes('complete'), asOf: judged && !results.by.includes('as_of') };
}
