/**
 * The output of the scorecard checks: scorecards (variants merged into their base) and roles with
 * every name bound and every formula resolved, with the hierarchies (src/org/) and the judgement
 * settings of each KPI (src/targets/) they are evaluated with. Plain data.
 */
import type { MissingPolicy } from '../model/types.js';
import type { ResolvedHierarchy } from '../org/hierarchy.js';
import type { PeriodGrain } from '../periods/period.js';
import type { RowExpr } from '../resolve/types.js';
import type { ExceptionSpec, JudgementSettings, KpiPerformance, ScoringSpec } from '../targets/settings.js';
import type { Perspective } from './model.js';

/** A KPI on a scorecard, with the scorecard's own judgement settings for it. */
export interface ResolvedEntry extends JudgementSettings {
  readonly kpi: string;
  /** Fraction of its perspective (the perspective's weights add up to 1). */
  readonly weight: number;
  /** The scorecard's own outlier rules for the KPI. */
  readonly exceptions: readonly ExceptionSpec[];
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
  readonly grain: PeriodGrain;
  readonly missing: MissingPolicy;
  readonly scoring: ScoringSpec;
  /** Status of the overall score, in points (10 = on target). */
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
