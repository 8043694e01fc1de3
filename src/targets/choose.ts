/**
 * Which settings judge a KPI at one node of the organisation in one period. A target comes from
 * the last of the KPI's overrides whose scope and period match, else from the consumer's own
 * settings for the KPI (a scorecard's entry), else from the KPI; thresholds are chosen the same
 * way, then the default 100% / 85%. Scoring, the missing-data policy and seasonal shares come from
 * the consumer's settings, else the KPI, else the consumer's defaults.
 */
import type { CalendarDef, MissingPolicy } from '../model/types.js';
import { holdsFor, type Scope } from '../org/scope.js';
import { parsePeriod, periodWithin, type Period } from '../periods/period.js';
import {
  DEFAULT_THRESHOLDS,
  type JudgementSettings,
  type KpiPerformance,
  type OverrideSpec,
  type ScoringSpec,
  type SeasonalSpec,
  type TargetSpec,
  type ThresholdSpec,
} from './settings.js';

/** Where a target was written: one of the KPI's overrides (by index), the consumer's settings, or the KPI. */
export type TargetOrigin = { readonly kind: 'override'; readonly index: number } | { readonly kind: 'local' } | { readonly kind: 'kpi' };

/** A target with where it was written. */
export interface TargetCandidate {
  readonly origin: TargetOrigin;
  readonly spec: TargetSpec;
}

/** Where and when the KPI is judged. */
export interface JudgedAt {
  /** The node's levels (an `OrgNode`'s scope). */
  readonly scope: Scope;
  readonly period: Period;
  readonly calendar: CalendarDef;
}

/** The settings that judge a KPI at one node in one period. */
export interface AppliedSettings {
  /** Undefined when no target is written anywhere that applies. */
  readonly target: TargetCandidate | undefined;
  readonly thresholds: ThresholdSpec;
  readonly scoring: ScoringSpec;
  readonly missing: MissingPolicy;
  readonly seasonal: SeasonalSpec | undefined;
}

/**
 * Every target that may apply somewhere: the overrides' (in order), the consumer's, the KPI's. A
 * consumer evaluating targets per level evaluates these once and picks per node with
 * {@link chooseSettings}.
 */
export function targetCandidates(perf: KpiPerformance | undefined, local: JudgementSettings | undefined): TargetCandidate[] {
  const out: TargetCandidate[] = [];
  perf?.overrides.forEach((o, index) => {
    if (o.target !== undefined) out.push({ origin: { kind: 'override', index }, spec: o.target });
  });
  if (local?.target !== undefined) out.push({ origin: { kind: 'local' }, spec: local.target });
  if (perf?.target !== undefined) out.push({ origin: { kind: 'kpi' }, spec: perf.target });
  return out;
}

/** Whether an override applies: its scope holds for the node and the period lies inside its own. */
export function overrideApplies(o: OverrideSpec, at: JudgedAt): boolean {
  if (o.period !== undefined) {
    const outer = parsePeriod(o.period, at.period.grain, at.calendar);
    if (typeof outer === 'string' || !periodWithin(at.period, outer)) return false;
  }
  return holdsFor(o.where, at.scope);
}

/** The settings that apply at `at`; `defaults` are the consumer's scoring and missing-data policy. */
export function chooseSettings(
  perf: KpiPerformance | undefined,
  local: JudgementSettings | undefined,
  defaults: { readonly scoring: ScoringSpec; readonly missing: MissingPolicy },
  at: JudgedAt,
): AppliedSettings {
  let target: TargetCandidate | undefined;
  let thresholds: ThresholdSpec | undefined;
  perf?.overrides.forEach((o, index) => {
    if (!overrideApplies(o, at)) return;
    if (o.target !== undefined) target = { origin: { kind: 'override', index }, spec: o.target };
    if (o.thresholds !== undefined) thresholds = o.thresholds;
  });
  target ??=
    local?.target !== undefined
      ? { origin: { kind: 'local' }, spec: local.target }
      : perf?.target !== undefined
        ? { origin: { kind: 'kpi' }, spec: perf.target }
        : undefined;
  return {
    target,
    thresholds: thresholds ?? local?.thresholds ?? perf?.thresholds ?? DEFAULT_THRESHOLDS,
    scoring: local?.scoring ?? perf?.scoring ?? defaults.scoring,
    missing: local?.missing ?? perf?.missing ?? defaults.missing,
    seasonal: local?.seasonal ?? perf?.seasonal,
  };
}

/** The number a target is when it is written as one (`0.35`, `-2`); undefined for anything to evaluate. */
export function literalTarget(spec: TargetSpec): number | undefined {
  if (spec.kind !== 'expr') return undefined;
  const e = spec.expr;
  if (e.kind === 'literal' && typeof e.value === 'number') return e.value;
  if (e.kind === 'unary' && e.op === '-' && e.operand.kind === 'literal' && typeof e.operand.value === 'number') return -e.operand.value;
  return undefined;
}

/**
 * A target's value in the period: seasonality scales flat targets (numbers, baselines) by the
 * period's seasonal index; a formula target is already per period.
 */
export function seasonalTarget(raw: number | null, spec: TargetSpec, index: number): number | null {
  if (raw === null) return null;
  return spec.kind === 'baseline' || literalTarget(spec) !== undefined ? raw * index : raw;
}
