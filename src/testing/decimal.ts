/**
 * Exact decimals and fractions for test expectations: `1200.50`, `62.5%`, `2/3`, and actual values
 * whether the engine gives a JS number (read through its shortest round-trip text), a decimal
 * string or a bigint. Comparisons are done on these exactly (bigint arithmetic), so the comparator
 * itself never adds a rounding error to the one it is looking for.
 */

/** `coef / 10^scale`, exactly. */
export interface Decimal {
  readonly coef: bigint;
  readonly scale: number;
}

/** `num / den` with `den > 0`, exactly. */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

const DECIMAL = /^([+-]?)(\d+(?:_\d+)*)?(?:\.(\d+(?:_\d+)*)?)?(?:[eE]([+-]?\d+))?$/;

/** Parses `12`, `-0.5`, `1_000.25`, `1.5e-7`; undefined when it is not a plain decimal. */
export function parseDecimal(text: string): Decimal | undefined {
  const m = DECIMAL.exec(text.trim());
  if (m === null) return undefined;
  const int = (m[2] ?? '').replaceAll('_', '');
  const frac = (m[3] ?? '').replaceAll('_', '');
  if (int === '' && frac === '') return undefined;
  const exp = m[4] === undefined ? 0 : Number(m[4]);
  if (!Number.isSafeInteger(exp) || Math.abs(exp) > 400) return undefined;
  let coef = BigInt(`${int}${frac}` || '0');
  let scale = frac.length - exp;
  if (scale < 0) {
    coef *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { coef: m[1] === '-' ? -coef : coef, scale };
}

/** The decimal of a finite JS number, through its shortest round-trip text. */
export function decimalOfNumber(n: number): Decimal | undefined {
  return Number.isFinite(n) ? parseDecimal(String(n)) : undefined;
}

/** `x × 10^shift` (for percentages: shift −2). */
export function shiftDecimal(d: Decimal, shift: number): Decimal {
  const scale = d.scale - shift;
  return scale >= 0 ? { coef: d.coef, scale } : { coef: d.coef * 10n ** BigInt(-scale), scale: 0 };
}

/** The decimal as a rational. */
export function rationalOf(d: Decimal): Rational {
  return { num: d.coef, den: 10n ** BigInt(d.scale) };
}

/** `a / b` for decimals (b ≠ 0). */
export function divide(a: Decimal, b: Decimal): Rational | undefined {
  if (b.coef === 0n) return undefined;
  const ra = rationalOf(a);
  const rb = rationalOf(b);
  let num = ra.num * rb.den;
  let den = ra.den * rb.num;
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  return { num, den };
}

const abs = (x: bigint): bigint => (x < 0n ? -x : x);

/** `|a − b|` exactly. */
export function distance(a: Rational, b: Rational): Rational {
  return { num: abs(a.num * b.den - b.num * a.den), den: a.den * b.den };
}

/** `a ≤ b`. */
export function atMost(a: Rational, b: Rational): boolean {
  return a.num * b.den <= b.num * a.den;
}

/** `a = b`. */
export function sameRational(a: Rational, b: Rational): boolean {
  return a.num * b.den === b.num * a.den;
}

/** The plain decimal text (no exponent, no trailing zeros): `1200.5`, `-0.000001`. */
export function formatDecimal(d: Decimal): string {
  let { coef, scale } = d;
  while (scale > 0 && coef % 10n === 0n) {
    coef /= 10n;
    scale--;
  }
  const negative = coef < 0n;
  const digits = abs(coef)
    .toString()
    .padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  return negative ? `-${text}` : text;
}
