/**
 * The words in which catalog changes are described and approval rules are written: what happened
 * to a document, how large the change is (the semver class it requires), and what it is about.
 */

/** What happened to a document between two versions of the catalog. */
export const CHANGE_KINDS = ['added', 'removed', 'renamed', 'changed'] as const;
/** What happened to a document. */
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/**
 * How large a change is, largest first: `breaking` (what a number means, its unit, direction or
 * grain; a removal; a rename without an alias) needs a major version, `minor` (something new, or
 * a new value for a target, weight or rate) a minor one, `patch` (descriptions, owners, layout) a
 * patch.
 */
export const CHANGE_CLASSES = ['breaking', 'minor', 'patch'] as const;
/** A change class. */
export type ChangeClass = (typeof CHANGE_CLASSES)[number];

/** The larger of two classes (`undefined` = no change). */
export function largerClass(a: ChangeClass | undefined, b: ChangeClass | undefined): ChangeClass | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return CHANGE_CLASSES.indexOf(a) <= CHANGE_CLASSES.indexOf(b) ? a : b;
}

/**
 * What a change is about: `definition` (what a number means: formulas, units, sources, lookups,
 * hierarchies, the calendar), `targets` (targets, thresholds, seasonal shares), `scoring`
 * (scorecards' KPIs, weights and scoring), `pay` (incentive plans, rates, tiers), `lifecycle`
 * (status, pilots, deprecation, reviews, guardrails), `governance` (the committee and its rules),
 * `documentation` (titles, descriptions, owners, tags), `layout` (a document moved to another file).
 */
export const TOPICS = ['definition', 'targets', 'scoring', 'pay', 'lifecycle', 'governance', 'documentation', 'layout'] as const;
/** A topic. */
export type Topic = (typeof TOPICS)[number];
