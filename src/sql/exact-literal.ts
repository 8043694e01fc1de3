/**
 * Exact numeric literals: the decimal that a number's shortest text writes (`0.1`; `1e-7` is
 * `0.0000001`), spelled out in digits — standard SQL's exact numeric literal — when it takes at
 * most 18 decimal places and 38 digits. The resolver decides which formula literals are exact by
 * the same rule (`literalDecimal`, src/model/decimal.ts; a test checks that the two agree).
 */

/** Decimal places and digits an exact literal may have. */
const MAX_SCALE = 18;
const MAX_DIGITS = 38;

/** The exact numeric literal of a finite number, or undefined when it is not one (a real number). */
export function exactNumericLiteral(value: number): string | undefined {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (m === null) return undefined;
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = m;
  const scale = fraction.length - Number(exponent);
  const places = Math.max(0, scale);
  const units = `${whole}${fraction}${'0'.repeat(Math.max(0, -scale))}`.replace(/^0+(?=\d)/, '');
  if (places > MAX_SCALE || units.length > MAX_DIGITS) return undefined;
  const digits = units.padStart(places + 1, '0');
  return `${sign}${places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`}`;
}
