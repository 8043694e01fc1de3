/**
 * Arithmetic of judgement: attainment (direction-aware), the score of one KPI (10 = on target), and the
 * weighted averages that make perspective and overall scores, with the missing-data policies.
 */
import type { MissingPolicy } from '../model/types.js';
import type { ScoringSpec } from './settings.js';

/**
 * Attainment: value/target when higher is better, target/value when lower is better; null when
 * either is missing or the target is not positive. A lower-is-better value of 0 against a positive
 * target is the best possible result: +Infinity.
 */
export function attainmentOf(value: number | null, target: number | null, direction: 'up' | 'down'): number | null {
  if (value === null || target === null || !(target > 0)) return null;
  if (direction === 'up') return value / target;
  if (value === 0) return Infinity;
  return value < 0 ? null : target / value;
}

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/**
 * The score of one KPI (10 = on target): capped attainment scores 10 × attainment, at most
 * 10 × cap and at least 0; linear scores 0 at the red flag and 10 at the goal, linearly between
 * and clamped outside. `scale` multiplies value-based levels (the seasonal index).
 */
export function scoreOf(scoring: ScoringSpec, attainment: number | null, value: number | null, scale: number): number | null {
  if (scoring.method === 'capped_attainment') return attainment === null ? null : 10 * clamp(attainment, 0, scoring.cap);
  const measure = scoring.on === 'attainment' ? attainment : value;
  if (measure === null) return null;
  const red = scoring.on === 'value' ? scoring.redFlag * scale : scoring.redFlag;
  const goal = scoring.on === 'value' ? scoring.goal * scale : scoring.goal;
  if (measure === Infinity) return 10;
  return 10 * clamp((measure - red) / (goal - red), 0, 1);
}

/** A score on target: the fixed point of every scale, so KPIs of any unit average together. */
export const ON_TARGET = 10;

/**
 * The highest score a scoring can give: 10 × cap for capped attainment (12 with the default cap
 * of 120%), 10 for linear scoring. Perspective and overall scores, being weighted averages, never
 * exceed the highest of their KPIs'.
 */
export function maxScoreOf(scoring: ScoringSpec): number {
  return scoring.method === 'capped_attainment' ? ON_TARGET * scoring.cap : ON_TARGET;
}

/** One part of a weighted average: its weight, and its score or why it has none. */
export type Part =
  | { readonly weight: number; readonly state: 'scored'; readonly score: number }
  | { readonly weight: number; readonly state: 'missing'; readonly policy: MissingPolicy }
  | { readonly weight: number; readonly state: 'not-applicable' | 'empty' | 'blank' };

/** A weighted average, or why there is none. */
export type Average = { readonly state: 'scored'; readonly score: number } | { readonly state: 'blank' | 'empty' };

/**
 * The weighted average of parts. A missing part counts 0 under `zero`, blanks the average under
 * `blank`, and is left out under `ignore` (its weight shared among the others, as are the weights
 * of parts not applicable at the node and of empty parts). A blank part blanks the average.
 */
export function weightedAverage(parts: readonly Part[]): Average {
  let sum = 0;
  let weights = 0;
  for (const p of parts) {
    switch (p.state) {
      case 'scored':
        sum += p.weight * p.score;
        weights += p.weight;
        break;
      case 'missing':
        if (p.policy === 'blank') return { state: 'blank' };
        if (p.policy === 'zero') weights += p.weight;
        break;
      case 'blank':
        return { state: 'blank' };
      case 'not-applicable':
      case 'empty':
        break;
      default: {
        const never: never = p;
        return never;
      }
    }
  }
  return weights > 0 ? { state: 'scored', score: sum / weights } : { state: 'empty' };
}
