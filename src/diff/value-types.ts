/**
 * The value impact of a catalog change: sections that each answer "whose numbers move?" for one
 * kind of output — KPI values per period and breakdown, scorecard statuses that flip — computed
 * under both versions on the same data, and incentive pay per rep (`plan-payouts`); renderers
 * switch over `kind` exhaustively.
 */
import type { Decimal } from '../model/decimal.js';
import type { Unit } from '../model/types.js';
import type { Period, Status } from './pipeline-adapter.js';
import type { KpiValue } from './compare-values.js';

/** Why a KPI's values are compared. */
export type ValueReason = 'changed' | 'renamed' | 'dependent' | 'added' | 'removed';

/** One value under both versions. */
export interface ValueCell {
  /** ISO start of the period. */
  readonly period: string;
  /** The breakdown value; undefined for the whole organisation. */
  readonly by?: string | null | undefined;
  readonly base: KpiValue;
  readonly head: KpiValue;
  /** The two are the same (see compare-values.ts). */
  readonly same: boolean;
}

/** A KPI's values under both versions. */
export interface KpiValues {
  /** The id in the head (in the base for a removed KPI). */
  readonly kpi: string;
  /** The id in the base when it differs (a rename). */
  readonly baseId?: string | undefined;
  readonly title: string;
  readonly unit: Unit | undefined;
  readonly direction: 'up' | 'down';
  readonly reason: ValueReason;
  /** Whole organisation first, then each breakdown value, period by period. */
  readonly cells: readonly ValueCell[];
  /** Whether any cell differs. */
  readonly moved: boolean;
}

/** KPI values per period and per top-level breakdown. */
export interface KpiValuesSection {
  readonly kind: 'kpi-values';
  readonly periods: readonly Period[];
  /** The breakdown dimension (`region`), when any KPI could be broken down by it. */
  readonly by?: string | undefined;
  /** The last day of the data (median of the sources' last days). */
  readonly dataEnd: string;
  readonly kpis: readonly KpiValues[];
}

/** A status that differs between the versions, for a KPI or a node's overall score. */
export interface StatusFlip {
  readonly scorecard: string;
  readonly period: Period;
  /** The node: its level and name (`region`, `EMEA`). */
  readonly level: string;
  readonly node: string;
  /** The KPI (head id); undefined for the node's overall score. */
  readonly kpi?: string | undefined;
  readonly title: string;
  readonly unit?: Unit | undefined;
  /** Scorecard figures and scores are real numbers. */
  readonly base: { readonly status: Status; readonly value: number | null; readonly target: number | null };
  readonly head: { readonly status: Status; readonly value: number | null; readonly target: number | null };
}

/** Scorecard statuses under both versions. */
export interface ScorecardStatusesSection {
  readonly kind: 'scorecard-statuses';
  /** The scorecards compared, with the periods each was scored in. */
  readonly scorecards: readonly { readonly id: string; readonly title: string; readonly periods: readonly Period[] }[];
  /** Statuses compared (KPIs and overall, per node and period). */
  readonly compared: number;
  readonly flips: readonly StatusFlip[];
  /** Scorecards that could not be compared, and why. */
  readonly skipped: readonly { readonly id: string; readonly reason: string }[];
}

/** One section of the value impact. */
/** A rep's pay in one plan and period under both versions (null: not paid on the plan in that version). */
export interface PayChange {
  readonly rep: string;
  readonly name: string;
  readonly base: Decimal | null;
  readonly head: Decimal | null;
}

/** One plan's pay per rep under both versions, in one pay period. */
export interface PlanPayouts {
  readonly plan: string;
  readonly title: string;
  readonly period: string;
  /** Reps compared (paid under either version). */
  readonly compared: number;
  /** The reps whose pay differs, largest change first. */
  readonly changes: readonly PayChange[];
}

/** Incentive pay that changes per rep. */
export interface PlanPayoutsSection {
  readonly kind: 'plan-payouts';
  readonly plans: readonly PlanPayouts[];
  /** Plans that could not be compared, and why. */
  readonly skipped: readonly { readonly id: string; readonly reason: string }[];
}

/** Any section. */
export type ValueSection = KpiValuesSection | ScorecardStatusesSection | PlanPayoutsSection;

/** The value impact, or why it was not computed. */
export type ValueImpact =
  | { readonly kind: 'value-impact'; readonly currency: string; readonly sections: readonly ValueSection[] }
  | { readonly kind: 'not-computed'; readonly reason: string };
