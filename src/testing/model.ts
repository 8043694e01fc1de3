/**
 * The written model of `test` documents: cases with fixture rows and expectations, every value
 * kept with its span and its text as written (so `1200.50` stays exact and a failing cell can be
 * shown at its line). Built by `build.ts` from the located YAML tree; checked by `check.ts`.
 */
import type { Span } from '../diagnostics/span.js';
import type { CatalogDocument, Located } from '../model/types.js';

/** A scalar written in a test document. */
export interface WrittenValue {
  /** The value as YAML typed it; `null` for `null`, `~` or nothing. */
  readonly value: string | number | boolean | null;
  /** The characters as written (a number keeps its digits: `1.50`), or the string's value. */
  readonly text: string;
  readonly span: Span;
}

/** `column: value` in a fixture row or a defaults mapping. */
export interface WrittenCell {
  readonly column: string;
  readonly keySpan: Span;
  readonly value: WrittenValue;
}

/** One fixture row written inline. */
export interface InlineRow {
  readonly span: Span;
  readonly cells: ReadonlyMap<string, WrittenCell>;
}

/** The fixture of one source: inline rows, or a CSV file beside the test. */
export type FixtureSpec =
  | { readonly kind: 'rows'; readonly source: string; readonly keySpan: Span; readonly rows: readonly InlineRow[] }
  | { readonly kind: 'csv'; readonly source: string; readonly keySpan: Span; readonly path: Located<string> };

/** Per source: column defaults. */
export type DefaultsSpec = ReadonlyMap<string, { readonly keySpan: Span; readonly cells: ReadonlyMap<string, WrittenCell> }>;

/** One expected row of a values table. */
export interface ExpectedRow {
  readonly span: Span;
  readonly period: WrittenValue;
  /** Breakdown values, by dimension. */
  readonly dims: ReadonlyMap<string, WrittenCell>;
  /** Expected KPI values, by KPI id (the columns that are neither `period` nor a `by` dimension). */
  readonly kpis: ReadonlyMap<string, WrittenCell>;
}

/** KPI values at a grain and breakdown. */
export interface ValuesExpectation {
  readonly kind: 'values';
  readonly span: Span;
  readonly grain: Located<string> | undefined;
  readonly by: readonly Located<string>[];
  readonly from: Located<string> | undefined;
  readonly to: Located<string> | undefined;
  /** `tolerance:` as written (exact). */
  readonly tolerance: WrittenValue | undefined;
  readonly complete: boolean;
  /** The KPI columns, in order of first appearance, with the span of their first key. */
  readonly kpis: readonly Located<string>[];
  readonly rows: readonly ExpectedRow[];
}

/** Fields expected of one line of a scorecard (a KPI, a perspective, a child node). */
export interface ExpectedLine {
  readonly name: string;
  readonly keySpan: Span;
  /** `value`, `target`, `attainment`, `score`, `status`: what is written. */
  readonly fields: ReadonlyMap<string, WrittenCell>;
}

/** A scorecard's outcome for one node and period. */
export interface ScorecardExpectation {
  readonly kind: 'scorecard';
  readonly span: Span;
  readonly scorecard: Located<string>;
  readonly period: WrittenValue;
  readonly at: Located<string> | undefined;
  /** `tolerance:` as written (exact). */
  readonly tolerance: WrittenValue | undefined;
  /** `score` and `status` of the node itself. */
  readonly overall: ReadonlyMap<string, WrittenCell>;
  readonly kpis: readonly ExpectedLine[];
  readonly perspectives: readonly ExpectedLine[];
  readonly children: readonly ExpectedLine[];
}

/** A plan's payouts in one pay period: per rep, the fields given. */
export interface PlanExpectation {
  readonly kind: 'plan';
  readonly span: Span;
  readonly plan: Located<string>;
  readonly period: WrittenValue;
  /** `tolerance:` as written (exact). */
  readonly tolerance: WrittenValue | undefined;
  /** One line per rep (`name` is the member key). */
  readonly reps: readonly ExpectedLine[];
}

/**
 * What a case expects; the schema dispatches on the first distinguishing key (`scorecard:`,
 * `plan:`, else values).
 */
export type Expectation = ValuesExpectation | ScorecardExpectation | PlanExpectation;

/** One named case. */
export interface TestCase {
  readonly name: Located<string>;
  /** The case's list item. */
  readonly span: Span;
  readonly description: string | undefined;
  readonly defaults: DefaultsSpec;
  readonly fixtures: ReadonlyMap<string, FixtureSpec>;
  readonly expectations: readonly Expectation[];
}

/** A `test` document. */
export interface TestDef {
  readonly kind: 'test';
  readonly id: string;
  readonly doc: CatalogDocument;
  readonly title: string | undefined;
  readonly description: string | undefined;
  readonly defaults: DefaultsSpec;
  readonly fixtures: ReadonlyMap<string, FixtureSpec>;
  readonly cases: readonly TestCase[];
}
