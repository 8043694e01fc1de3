/**
 * Unit algebra. Units ride on numbers: `count` (rows, keys), `money` (the catalog currency),
 * `percent` and `ratio` (dimensionless fractions; percent is how a ratio is shown), `days`, and
 * `number` (a plain quantity). A bare numeric literal has no unit and takes its partner's.
 */
import type { Unit } from '../model/types.js';

/** Result of combining two units: the unit, or a reason the combination is wrong. */
export type UnitResult = { readonly ok: true; readonly unit: Unit | undefined } | { readonly ok: false };

const fraction = (u: Unit | undefined): boolean => u === 'percent' || u === 'ratio';

/** `a + b`, `a - b`, comparisons, branches of `if`/`coalesce`: the units must agree. */
export function addUnits(a: Unit | undefined, b: Unit | undefined): UnitResult {
  if (a === undefined) return { ok: true, unit: b };
  if (b === undefined || a === b) return { ok: true, unit: a };
  if (fraction(a) && fraction(b)) return { ok: true, unit: 'percent' };
  // A plain number (e.g. an integer column) adapts to counts and days, never to money.
  if (a === 'number' && b !== 'money') return { ok: true, unit: b };
  if (b === 'number' && a !== 'money') return { ok: true, unit: a };
  return { ok: false };
}

/** `a * b`. */
export function multiplyUnits(a: Unit | undefined, b: Unit | undefined): Unit | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  if (fraction(a) && fraction(b)) return a === 'percent' || b === 'percent' ? 'percent' : 'ratio';
  if (fraction(a) || a === 'number') return b;
  if (fraction(b) || b === 'number') return a;
  if (a === 'money' || b === 'money') return 'money';
  return 'number';
}

/** `a / b`. */
export function divideUnits(a: Unit | undefined, b: Unit | undefined): Unit | undefined {
  if (b === undefined) return a;
  if (a === undefined) return b === 'count' || b === 'money' || b === 'days' ? 'number' : b === 'number' ? undefined : 'ratio';
  if (a === b) return 'ratio';
  if (fraction(a) && fraction(b)) return 'ratio';
  if (fraction(b) || b === 'number' || b === 'count') return a;
  return 'number';
}

/**
 * Whether a KPI declared with `declared` may show a value whose formula gives `inferred`. Percent
 * and ratio are interchangeable (a ratio is shown as percent if declared so); money must be money;
 * a plain number may be shown as anything but money.
 */
export function declaredUnitAccepts(declared: Unit, inferred: Unit | undefined): boolean {
  if (inferred === undefined || inferred === declared) return true;
  switch (declared) {
    case 'percent':
    case 'ratio':
      return fraction(inferred) || inferred === 'number';
    case 'money':
      return false;
    case 'count':
    case 'days':
      return inferred === 'number';
    case 'number':
      return inferred !== 'money';
    default: {
      const never: never = declared;
      return never;
    }
  }
}

/** How a unit is named in messages. */
export function describeUnit(u: Unit | undefined): string {
  return u === undefined ? 'a plain number' : u === 'count' ? 'a count' : u === 'days' ? 'days' : u;
}
