/**
 * Judging one figure: a KPI's value against its target under the settings that apply (see
 * choose.ts) — direction-aware attainment, status, score (10 = on target), and what the missing-data
 * policy does when there is no score. Synchronous and pure: plain numbers in, plain data out.
 */
import { attainmentOf, scoreOf } from './score.js';
import type { AppliedSettings } from './choose.js';
import { statusOf, type Status } from './status.js';

/** What judging a figure needs. */
export interface FigureInput {
  readonly value: number | null;
  /** The target in the period (after seasonality, see `seasonalTarget`); null when there is none. */
  readonly target: number | null;
  readonly direction: 'up' | 'down';
  readonly settings: Pick<AppliedSettings, 'thresholds' | 'scoring' | 'missing'>;
  /** The period's seasonal index: it scales thresholds and scoring levels written on the value. */
  readonly seasonalIndex: number;
}

/** Why a figure has no score: no value, no target, or a target that gives no attainment (0 or below). */
export type NoScore = 'no-value' | 'no-target' | 'no-attainment';

/** A judged figure. */
export interface Judgement {
  /** Direction-aware; Infinity for a lower-is-better value of 0 against a positive target. */
  readonly attainment: number | null;
  readonly status: Status;
  /** Out of 10; 0 for a missing figure under `missing: zero`, else null when missing. */
  readonly score: number | null;
  /** `missing`: there is no score of its own (`why` says why); the policy has been applied. */
  readonly state: 'scored' | 'missing';
  readonly why?: NoScore | undefined;
}

/** Judges one figure. Under `missing: zero` a figure without a score scores 0 and is red. */
export function judgeFigure(input: FigureInput): Judgement {
  const { value, target, direction, settings, seasonalIndex } = input;
  const { thresholds, scoring } = settings;
  const attainment = attainmentOf(value, target, direction);
  const measure = thresholds.on === 'attainment' ? attainment : value;
  const scale = thresholds.on === 'value' ? seasonalIndex : 1;
  const status = statusOf(measure, {
    green: thresholds.green * scale,
    amber: thresholds.amber * scale,
    better: thresholds.on === 'value' && direction === 'down' ? 'lower' : 'higher',
  });
  const score = scoreOf(scoring, attainment, value, seasonalIndex);
  if (score !== null) return { attainment, status, score, state: 'scored' };
  const why: NoScore = value === null ? 'no-value' : target === null ? 'no-target' : 'no-attainment';
  if (settings.missing === 'zero') return { attainment, status: 'red', score: 0, state: 'missing', why };
  return { attainment, status, score: null, state: 'missing', why };
}
