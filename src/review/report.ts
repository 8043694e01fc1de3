/**
 * The quarterly review report: plain data that the table, markdown and JSON renderers print.
 */
import type { LifecycleStage } from '../model/kpi-status.js';
import type { Unit } from '../model/types.js';
import type { Period } from '../diff/pipeline-adapter.js';

/** A KPI named in the review. */
export interface ReviewKpi {
  readonly kpi: string;
  readonly title: string;
  readonly owner?: string | undefined;
  readonly stage: LifecycleStage;
  /** File and 1-based line of its id, for people to find it. */
  readonly file: string;
  readonly line: number;
}

/** A KPI whose review is due. */
export interface DueKpi extends ReviewKpi {
  /** Its last review; undefined when it was never reviewed. */
  readonly reviewed?: string | undefined;
  /** The day the review fell due (reviewed + cycle). */
  readonly dueSince?: string | undefined;
}

/** A deprecated KPI past its sunset. */
export interface SunsetKpi extends ReviewKpi {
  readonly sunset: string;
  readonly replacedBy?: string | undefined;
}

/** A pilot that has ended. */
export interface EndedPilot extends ReviewKpi {
  readonly until: string;
}

/** One series of values over the review's periods. */
export interface Series {
  readonly kpi: string;
  readonly title: string;
  readonly unit: Unit | undefined;
  readonly direction: 'up' | 'down';
  readonly values: readonly (number | null)[];
  /** From the first to the last period with values: better, worse or flat, the KPI's way. */
  readonly trend: 'better' | 'worse' | 'flat' | 'unknown';
}

/** A KPI beside its guardrails. */
export interface GuardrailTrend {
  readonly kpi: Series;
  readonly guardrails: readonly Series[];
  /** The KPI got better while a guardrail got worse: what gaming looks like. */
  readonly warning?: string | undefined;
}

/** The guardrail section, or why it has no figures. */
export type GuardrailSection =
  { readonly kind: 'trends'; readonly periods: readonly Period[]; readonly trends: readonly GuardrailTrend[] } | { readonly kind: 'none' };

/** The whole review. */
export interface ReviewReport {
  readonly kind: 'review-report';
  readonly catalog: { readonly id: string; readonly title?: string | undefined; readonly currency: string };
  /** The day of the review. */
  readonly date: string;
  /** The review cycle, as written (`1 year`). */
  readonly cycle: string;
  readonly due: readonly DueKpi[];
  readonly unused: readonly ReviewKpi[];
  readonly pastSunset: readonly SunsetKpi[];
  readonly endedPilots: readonly EndedPilot[];
  readonly withoutOwner: readonly ReviewKpi[];
  readonly proposed: readonly ReviewKpi[];
  readonly guardrails: GuardrailSection;
}
