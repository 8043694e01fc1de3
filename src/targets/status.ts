/**
 * Status: ordered rules over a measure — green when it reaches the green level, else amber when it
 * reaches the amber level, else red — where "reaches" means at or above when higher is better and
 * at or below when lower is better. A plain synchronous function: a scorecard, an alert or a web
 * page judges a figure the moment it has one.
 */

/** A status; `none` when there is nothing to judge (no value or no target). */
export type Status = 'green' | 'amber' | 'red' | 'none';

/** The levels of an ordered rule set. */
export interface StatusRules {
  readonly green: number;
  readonly amber: number;
  /** `higher`: at or above a level reaches it; `lower`: at or below. */
  readonly better: 'higher' | 'lower';
}

/** The status of `measure` under `rules`; `none` for a missing measure. ±Infinity compares as a number. */
export function statusOf(measure: number | null, rules: StatusRules): Status {
  if (measure === null || Number.isNaN(measure)) return 'none';
  const reaches = (level: number): boolean => (rules.better === 'higher' ? measure >= level : measure <= level);
  if (reaches(rules.green)) return 'green';
  if (reaches(rules.amber)) return 'amber';
  return 'red';
}
