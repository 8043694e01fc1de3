/**
 * The largest of many numbers without spreading them into `Math.max` (whose arguments go on the
 * call stack: about 120,000 of them overflow it).
 */

/** The largest of `values`, and at least `floor`. */
export function largest(values: Iterable<number>, floor: number): number {
  let max = floor;
  for (const v of values) if (v > max) max = v;
  return max;
}
