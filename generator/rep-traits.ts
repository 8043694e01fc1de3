/**
 * What makes one rep's numbers differ from another's: skill, pace, deal size, forecasting habit,
 * and whether the rep games the CRM. Drawn once per rep from the rep's own stream.
 */
import type { Role } from './org.js';
import { createRng } from './prng.js';

/** Per-rep multipliers and habits. */
export interface RepTraits {
  /** Multiplies the win probability (log-normal around 1). */
  readonly skill: number;
  /** Multiplies sales-cycle length (below 1 = faster). */
  readonly pace: number;
  /** Multiplies deal size. */
  readonly dealSize: number;
  /**
   * Games the CRM: optimistic close dates pushed again and again, skipped stages, stage jumps
   * just before quarter end, backdated closes, deeper discounts. Only AEs and AMs game.
   */
  readonly gaming: boolean;
  /** Relative error of the rep's forecast calls (negative = sandbagging). */
  readonly forecastBias: number;
  /** An SDR's median minutes to first response on a lead. */
  readonly responseMinutes: number;
  /** 0–1: how likely the rep is to take optional training (correlated with skill). */
  readonly learner: number;
}

/** Share of quota-carrying reps (AE, AM) who game the CRM. */
const GAMING_SHARE = 0.15;

/** The traits of the rep at `index`. */
export function repTraits(seed: number, index: number, role: Role): RepTraits {
  const rng = createRng(seed, 'rep-traits', index);
  const skill = Math.exp(0.25 * rng.normal());
  const gaming = (role === 'AE' || role === 'AM') && rng.chance(GAMING_SHARE);
  return {
    skill,
    pace: Math.exp(0.2 * rng.normal()),
    dealSize: Math.exp(0.15 * rng.normal()),
    gaming,
    forecastBias: 0.12 * rng.normal() + (gaming ? 0.18 : 0),
    responseMinutes: rng.logNormal(95, 0.8),
    learner: Math.min(1, Math.max(0, 0.55 + 0.5 * Math.log(skill) + 0.15 * rng.normal())),
  };
}
