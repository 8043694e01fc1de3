/**
 * How two computed values of a KPI are compared: the one place that knows what a value is (a
 * number or null today; an exact decimal once money is exact), so value impact and status flips
 * adapt here and nowhere else.
 */

/** A KPI's value as the pipeline gives it. */
export type KpiValue = number | null;

/**
 * Values equal to 9 significant digits count as the same: the same number computed by a formula
 * written another way (`a / b` against `1 - c / b`) may differ in the last bits of a double, and
 * that is not a change anyone should review.
 */
const RELATIVE_TOLERANCE = 1e-9;

/** Whether two values are the same (two nulls are; a null and a number are not). */
export function sameValue(a: KpiValue, b: KpiValue): boolean {
  if (a === null || b === null) return a === b;
  if (a === b) return true;
  return Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

/** `after − before`, or null when either is missing; 0 when they are the same. */
export function valueDelta(before: KpiValue, after: KpiValue): number | null {
  if (before === null || after === null) return null;
  return sameValue(before, after) ? 0 : after - before;
}

/** The relative change `after / before − 1`, or null when it has no meaning (a missing or zero `before`). */
export function relativeChange(before: KpiValue, after: KpiValue): number | null {
  const delta = valueDelta(before, after);
  if (delta === null || before === null || before === 0) return null;
  return delta / Math.abs(before);
}
