/**
 * How two computed values of a KPI are compared: the one place that knows what a value is — a
 * real number, an exact decimal (money through sums and differences: `ResultRow.exact`) or null —
 * so value impact and status flips adapt here and nowhere else.
 */
import { Decimal } from '../model/decimal.js';

/** A KPI's value as the pipeline gives it: exact when the result is exact. */
export type KpiValue = number | Decimal | null;

/**
 * Real values equal to 9 significant digits count as the same: the same number computed by a
 * formula written another way (`a / b` against `1 - c / b`) may differ in the last bits of a
 * double, and that is not a change anyone should review. Exact values have no such noise: they are
 * the same to the last digit (the last cent), or they moved.
 */
const RELATIVE_TOLERANCE = 1e-9;

/** A present value as a double (an exact decimal's nearest one). */
export function realValue(v: number | Decimal): number {
  return v instanceof Decimal ? v.toNumber() : v;
}

/** Whether a present value is below zero. */
export function isNegative(v: number | Decimal): boolean {
  return v instanceof Decimal ? v.units < 0n : v < 0;
}

/** The magnitude of a present value, exact for an exact one. */
export function magnitude(v: number | Decimal): number | Decimal {
  if (!(v instanceof Decimal)) return Math.abs(v);
  return v.units < 0n ? new Decimal(-v.units, v.scale) : v;
}

/** Whether two values are the same (two nulls are; a null and a number are not). */
export function sameValue(a: KpiValue, b: KpiValue): boolean {
  if (a === null || b === null) return a === b;
  if (a instanceof Decimal && b instanceof Decimal) return a.compare(b) === 0;
  const x = realValue(a);
  const y = realValue(b);
  if (x === y) return true;
  return Math.abs(x - y) <= RELATIVE_TOLERANCE * Math.max(Math.abs(x), Math.abs(y));
}

/** `after − before` (exact when both are), or null when either is missing; 0 when they are the same. */
export function valueDelta(before: KpiValue, after: KpiValue): number | Decimal | null {
  if (before === null || after === null) return null;
  if (before instanceof Decimal && after instanceof Decimal) return after.minus(before);
  return sameValue(before, after) ? 0 : realValue(after) - realValue(before);
}

/** The relative change `after / before − 1`, or null when it has no meaning (a missing or zero `before`). */
export function relativeChange(before: KpiValue, after: KpiValue): number | null {
  const delta = valueDelta(before, after);
  if (delta === null || before === null || realValue(before) === 0) return null;
  return realValue(delta) / Math.abs(realValue(before));
}
