/**
 * How a KPI is judged, checked and resolved: its target (a formula or a baseline from history),
 * status thresholds, scoring method, seasonal shares, per-scope and per-period overrides, and
 * outlier (exception) rules. Written on a KPI, and partly again wherever a consumer uses the KPI
 * (a scorecard's entry); choose.ts decides which applies where. Plain data.
 */
import type { Span } from '../diagnostics/span.js';
import type { MissingPolicy } from '../model/types.js';
import type { Duration, KpiExpr, RowExpr } from '../resolve/types.js';

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

/** How a KPI scores, on the scale where 10 = on target (capped attainment reaches 10 × cap). */
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
  /** A condition on the levels of the organisation (scope.ts evaluates it per node). */
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

/**
 * The settings that decide how a KPI is judged, wherever they are written: on the KPI, or by a
 * consumer for its own use of the KPI (a scorecard's entry).
 */
export interface JudgementSettings {
  readonly target?: TargetSpec | undefined;
  readonly thresholds?: ThresholdSpec | undefined;
  readonly scoring?: ScoringSpec | undefined;
  readonly missing?: MissingPolicy | undefined;
  readonly seasonal?: SeasonalSpec | undefined;
}

/** What a KPI itself says about judging it. */
export interface KpiPerformance extends JudgementSettings {
  readonly overrides: readonly OverrideSpec[];
  readonly exceptions: readonly ExceptionSpec[];
}

/** Default status levels on attainment: 100% is green, 85% amber. */
export const DEFAULT_THRESHOLDS: ThresholdSpec = { green: 1, amber: 0.85, on: 'attainment' };

/** Default scoring: 10 × attainment, counted up to 120%. */
export const DEFAULT_SCORING = { method: 'capped_attainment', cap: 1.2 } as const satisfies ScoringSpec;
