/**
 * The output of the scorecard checks: hierarchies, scorecards (variants merged into their base)
 * and roles with every name bound and every formula resolved, and the performance settings of
 * each KPI (targets, thresholds, scoring, seasonal shares, exception rules). Plain data.
 */
import type { Span } from '../diagnostics/span.js';
import type { MissingPolicy } from '../model/types.js';
import type { Duration, KpiExpr, RowExpr } from '../resolve/types.js';
import type { Perspective, ScorecardGrain } from './model.js';

/** A level of a hierarchy, resolved. */
export interface ResolvedLevel {
  readonly name: string;
  readonly title: string;
  /** The node a member belongs to (absent on the top and member levels). */
  readonly value?: RowExpr | undefined;
  readonly label?: RowExpr | undefined;
  /** Breakdown dimension for KPIs whose sources lack the member dimension. */
  readonly dimension?: string | undefined;
}

/** A hierarchy, resolved. */
export interface ResolvedHierarchy {
  readonly id: string;
  readonly title: string;
  readonly source: string;
  readonly member: RowExpr;
  /** The breakdown dimension whose values are member keys. */
  readonly dimension: string;
  readonly validFrom?: string | undefined;
  readonly validTo?: string | undefined;
  readonly asOf: 'period_end' | 'period_start';
  /** Top (the whole organisation) first, members last. */
  readonly levels: readonly ResolvedLevel[];
}

/** A target: an expression evaluated like a KPI, or a baseline from history. */
export type TargetSpec =
  | { readonly kind: 'expr'; readonly expr: KpiExpr }
  | {
      readonly kind: 'baseline';
      readonly expr: KpiExpr;
      readonly history: Duration;
      readonly ending: 'year_start' | 'period_start';
      readonly growth: number;
      readonly as: 'total' | 'rate';
    };

/** Ordered status rules: green, then amber, else red. */
export interface ThresholdSpec {
  readonly green: number;
  readonly amber: number;
  readonly on: 'attainment' | 'value';
}

/** How a KPI scores, out of 10 (10 = on target). */
export type ScoringSpec =
  | { readonly method: 'capped_attainment'; readonly cap: number }
  | { readonly method: 'linear'; readonly redFlag: number; readonly goal: number; readonly on: 'attainment' | 'value' };

/** Seasonal shares: by fiscal quarter (4) or calendar month (12, January first). */
export interface SeasonalSpec {
  readonly unit: 'quarter' | 'month';
  readonly shares: readonly number[];
}

/** A KPI override, resolved. */
export interface OverrideSpec {
  readonly where: RowExpr;
  /** A period label (`2026-Q2`), checked. */
  readonly period?: string | undefined;
  readonly target?: TargetSpec | undefined;
  readonly thresholds?: ThresholdSpec | undefined;
  readonly span: Span;
}

/** An exception rule, resolved. */
export interface ExceptionSpec {
  readonly rule: string;
  readonly title: string;
  readonly source: string;
  readonly where?: RowExpr | undefined;
  readonly value: RowExpr;
  readonly above: KpiExpr;
  readonly action: 'exclude' | 'cap';
}

/** What a KPI itself says about scoring it. */
export interface KpiPerformance {
  readonly target?: TargetSpec | undefined;
  readonly thresholds?: ThresholdSpec | undefined;
  readonly scoring?: ScoringSpec | undefined;
  readonly missing?: MissingPolicy | undefined;
  readonly seasonal?: SeasonalSpec | undefined;
  readonly overrides: readonly OverrideSpec[];
  readonly exceptions: readonly ExceptionSpec[];
}

/** A KPI on a scorecard, with the scorecard's own settings for it. */
export interface ResolvedEntry {
  readonly kpi: string;
  /** Fraction of its perspective (the perspective's weights add up to 1). */
  readonly weight: number;
  readonly target?: TargetSpec | undefined;
  readonly thresholds?: ThresholdSpec | undefined;
  readonly scoring?: ScoringSpec | undefined;
  readonly missing?: MissingPolicy | undefined;
  /** The scorecard's own outlier rules for the KPI. */
  readonly exceptions: readonly ExceptionSpec[];
  /** The scorecard's own seasonal shares for the KPI. */
  readonly seasonal?: SeasonalSpec | undefined;
}

/** A perspective with its weight (a fraction of the whole) and KPIs. */
export interface ResolvedPerspective {
  readonly perspective: Perspective;
  readonly weight: number;
  readonly entries: readonly ResolvedEntry[];
}

/** The scored content shared by scorecards and roles. */
export interface ResolvedBody {
  readonly perspectives: readonly ResolvedPerspective[];
  readonly grain: ScorecardGrain;
  readonly missing: MissingPolicy;
  readonly scoring: ScoringSpec;
  /** Status of the overall score, in points out of 10. */
  readonly scoreThresholds: { readonly green: number; readonly amber: number };
}

/** A scorecard (a variant already merged into its base) or a role. */
export interface ResolvedScorecard {
  readonly kind: 'scorecard' | 'role';
  readonly id: string;
  readonly title: string;
  readonly hierarchy: string;
  /** Levels it scores (scorecards); the member level (roles). */
  readonly levels: readonly string[];
  /** For a variant: the scorecard it varies, and the nodes it scores instead. */
  readonly base?: string | undefined;
  readonly appliesTo?: RowExpr | undefined;
  /** For a role: which members hold it (a condition over the hierarchy's source). */
  readonly members?: RowExpr | undefined;
  readonly rollupWeight?: string | undefined;
  readonly body: ResolvedBody;
}

/** Everything the scorecard evaluation needs from the catalog. */
export interface ScorecardCatalog {
  readonly hierarchies: ReadonlyMap<string, ResolvedHierarchy>;
  readonly scorecards: ReadonlyMap<string, ResolvedScorecard>;
  readonly roles: ReadonlyMap<string, ResolvedScorecard>;
  readonly performance: ReadonlyMap<string, KpiPerformance>;
}
