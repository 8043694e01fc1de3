/**
 * The scorecard report: plain, JSON-serialisable data that the table, JSON and HTML renderers
 * print. Numbers are raw (fractions for weights and attainment, points for scores, 10 = on target).
 */
import type { MissingPolicy, Unit } from '../model/types.js';
import type { Perspective } from './model.js';
import type { Period } from '../periods/period.js';
import type { StatusLevels } from '../targets/levels.js';
import type { Status } from '../targets/status.js';

/** An exception rule's effect on a figure. */
export interface ExceptionLine {
  readonly rule: string;
  readonly title: string;
  readonly action: 'exclude' | 'cap';
  /** Rows hit in the node and period. */
  readonly rows: number;
  /** Their total tested value (before capping). */
  readonly amount: number | null;
  readonly limit: number;
  readonly unit: Unit | undefined;
}

/** One KPI of a node's scorecard. */
export interface KpiLine {
  readonly kpi: string;
  readonly title: string;
  readonly unit: Unit | undefined;
  readonly direction: 'up' | 'down';
  readonly indicator: 'leading' | 'lagging' | undefined;
  /** Fraction of its perspective. */
  readonly weight: number;
  readonly value: number | null;
  readonly target: number | null;
  /** Direction-aware; Infinity for a lower-is-better value of 0 (JSON: null with `best: true`). */
  readonly attainment: number | null;
  readonly status: Status;
  readonly score: number | null;
  /** The highest score its scoring can give (12 for attainment capped at 120%; 10 = on target). */
  readonly maxScore: number;
  /** `missing`: no value or no target, handled by `policy`; `not-applicable`: not measurable at this level. */
  readonly state: 'scored' | 'missing' | 'not-applicable';
  readonly policy: MissingPolicy;
  readonly exceptions: readonly ExceptionLine[];
  /** Plain-words notes shown with the figure ("excludes 2 exceptional deals worth $4.2M"). */
  readonly notes: readonly string[];
  /** The values at which its status changes (for bands on a chart); null without a target. */
  readonly levels?: StatusLevels | null | undefined;
}

/** A manager's note on a figure (src/commentary/ fills these in; the scorecard phase only shows them). */
export interface CommentLine {
  readonly kpi: string;
  /** The node's label, and its path key (the org tree's `OrgNode.key`). */
  readonly node: string;
  readonly nodeKey: string;
  readonly body: string;
  readonly author: string;
  /** ISO time of the latest version. */
  readonly at: string;
  readonly edited: boolean;
}

/** One perspective of a node's scorecard. */
export interface PerspectiveLine {
  readonly perspective: Perspective;
  readonly title: string;
  /** Fraction of the overall score. */
  readonly weight: number;
  readonly score: number | null;
  readonly state: 'scored' | 'blank' | 'empty';
  readonly kpis: readonly KpiLine[];
}

/** A node of the hierarchy, as the report names it. */
export interface NodeRef {
  readonly level: string;
  readonly levelTitle: string;
  readonly value: string | null;
  readonly label: string;
}

/** A node's scorecard, scored. */
export interface NodeScore extends NodeRef {
  /** Ancestors, top first (the node itself excluded). */
  readonly path: readonly NodeRef[];
  /** The scorecard or role that scores it; absent when none applies. */
  readonly scorecard?: { readonly kind: 'scorecard' | 'role'; readonly id: string; readonly title: string } | undefined;
  readonly score: number | null;
  readonly status: Status;
  readonly perspectives: readonly PerspectiveLine[];
  /** Members at or under the node. */
  readonly members: number;
}

/** The whole report for one node and period. */
export interface ScorecardReport {
  readonly catalog: string;
  readonly currency: string;
  readonly hierarchy: { readonly id: string; readonly title: string };
  readonly scorecard: { readonly kind: 'scorecard' | 'role'; readonly id: string; readonly title: string };
  readonly period: Period;
  /** The data's as-of date (ISO); undefined when the data has none (no dated events). */
  readonly asOf?: string | undefined;
  /** Whether the period is complete as of that date (false: its figures are partial). */
  readonly complete?: boolean | undefined;
  /** The day whose organisation the rollups use. */
  readonly membershipDate: string;
  /**
   * The scale every score of the report is on: 10 is on target, `max` the highest score any of
   * its KPIs can reach (10 × the largest attainment cap), and so the highest any average reaches.
   */
  readonly scale: { readonly onTarget: number; readonly max: number };
  readonly node: NodeScore;
  /** The weighted average of the children's scores (weights: the scorecard's rollup KPI, else equal). */
  readonly childrenScore: number | null;
  readonly rollupWeight?: string | undefined;
  /** The children one level down; absent for a member. */
  readonly children?: { readonly level: string; readonly levelTitle: string; readonly nodes: readonly NodeScore[] } | undefined;
  readonly notes: readonly string[];
  /** Managers' notes on the figures shown (the node's and its children's), when a store was read. */
  readonly commentary?: readonly CommentLine[] | undefined;
}
