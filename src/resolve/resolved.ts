/**
 * The output of the resolve phase: every KPI, lookup and dimension of the catalog bound and typed.
 */
import type { Span } from '../diagnostics/span.js';
import type { Catalog, KpiDef, Unit } from '../model/types.js';
import type { Duration, KpiExpr, PerKey, RowExpr, ValueType } from './types.js';

/** A KPI override resolved: a condition on dimensions and what it changes. */
export interface ResolvedOverride {
  readonly where: RowExpr;
  readonly target?: KpiExpr | undefined;
  readonly span: Span;
}

/** A KPI with its formula resolved. */
export interface ResolvedKpi {
  readonly id: string;
  readonly def: KpiDef;
  readonly expr: KpiExpr;
  readonly type: ValueType;
  /** The unit shown: the declared unit, else the inferred one. */
  readonly unit: Unit | undefined;
  /** The unit the formula gives. */
  readonly inferredUnit: Unit | undefined;
  /** Sources whose rows the KPI aggregates (directly or through other KPIs), sorted. */
  readonly sources: readonly string[];
  /** KPIs this formula names directly, with where. */
  readonly references: readonly { readonly id: string; readonly span: Span }[];
  /** Lookups used inside its aggregates (directly). */
  readonly lookups: readonly string[];
  readonly target?: KpiExpr | undefined;
  readonly overrides: readonly ResolvedOverride[];
}

/** A lookup resolved: fixed rows, or a KPI evaluated per key over a trailing window. */
export type ResolvedLookup =
  | {
      readonly kind: 'rows';
      readonly id: string;
      readonly rows: readonly (readonly [string, number])[];
      readonly default: number | null;
      readonly unit: Unit | undefined;
    }
  | {
      readonly kind: 'kpi';
      readonly id: string;
      readonly kpi: string;
      /** The lookup's key resolved in each source the KPI aggregates. */
      readonly keys: readonly PerKey[];
      readonly window: Duration;
      readonly default: number | null;
      readonly unit: Unit | undefined;
    };

/** A conformed dimension: one name, its expression in each source that declares it. */
export interface ResolvedDimension {
  readonly name: string;
  readonly type: ValueType;
  readonly sources: readonly { readonly source: string; readonly expr: RowExpr }[];
}

/**
 * Which dates of a source are events that happened, so decide how far the data goes (the as-of
 * date, src/periods/as-of.ts): its time anchor (the default), a row formula (`as_of:`), or none
 * (`as_of: false`, or a source without time and formula).
 */
export type SourceEvents =
  { readonly kind: 'anchor'; readonly column: string } | { readonly kind: 'formula'; readonly expr: RowExpr } | { readonly kind: 'none' };

/** A resolved catalog. */
export interface ResolvedCatalog {
  readonly catalog: Catalog;
  readonly kpis: ReadonlyMap<string, ResolvedKpi>;
  readonly lookups: ReadonlyMap<string, ResolvedLookup>;
  readonly dimensions: ReadonlyMap<string, ResolvedDimension>;
  /** Each source's events, by source id. */
  readonly events: ReadonlyMap<string, SourceEvents>;
}
