/**
 * Exact decimal numbers: how money values travel from the database to the output without passing
 * through binary floating point. A value is a whole number of units of 10^-scale — `1234.50` is
 * 123450 at scale 2 — held in a `bigint`, so it has no size limit and no rounding.
 */

/** An exact decimal value. Immutable. */
export class Decimal {
  /**
   * @param units the value times 10^scale (an integer of any size)
   * @param scale decimal places, a whole number ≥ 0
   */
  constructor(
    readonly units: bigint,
    readonly scale: number,
  ) {
    if (!Number.isInteger(scale) || scale < 0) throw new Error(`not a decimal scale: ${scale}`);
  }

  /** Parses decimal text (`-1234.50`, `0.1`, `7`); throws on anything else. */
  static parse(text: string): Decimal {
    const m = /^([+-]?)(\d+)(?:\.(\d*))?$/.exec(text.trim());
    if (m === null) throw new Error(`not a decimal: ${text}`);
    const fraction = m[3] ?? '';
    const units = BigInt(`${m[2] ?? ''}${fraction}`);
    return new Decimal(m[1] === '-' ? -units : units, fraction.length);
  }

  /**
   * The canonical text: digits only (never an exponent), `-` for a negative value, a decimal point
   * only when there are non-zero decimals, no trailing zeros (`1234.5`, `-0.01`, `1`, `0`).
   */
  toString(): string {
    const negative = this.units < 0n;
    const digits = (negative ? -this.units : this.units).toString().padStart(this.scale + 1, '0');
    const whole = digits.slice(0, digits.length - this.scale);
    const fraction = digits.slice(digits.length - this.scale).replace(/0+$/, '');
    return `${negative ? '-' : ''}${whole}${fraction === '' ? '' : `.${fraction}`}`;
  }

  /**
   * The nearest double. Exact up to 15 significant digits, where its shortest text (what
   * `String` and `JSON.stringify` print) is {@link Decimal.toString}.
   */
  toNumber(): number {
    return Number(this.toString());
  }

  /** `this − other`, exact (at the larger of the two scales). */
  minus(other: Decimal): Decimal {
    const scale = Math.max(this.scale, other.scale);
    return new Decimal(this.unitsAt(scale) - other.unitsAt(scale), scale);
  }

  /** −1, 0 or 1 as this is less than, equal to or greater than `other` (`1.50` equals `1.5`). */
  compare(other: Decimal): -1 | 0 | 1 {
    const scale = Math.max(this.scale, other.scale);
    const a = this.unitsAt(scale);
    const b = other.unitsAt(scale);
    return a < b ? -1 : a > b ? 1 : 0;
  }

  /** The value in units of 10^-scale, for a scale at least this one's. */
  private unitsAt(scale: number): bigint {
    return this.units * 10n ** BigInt(scale - this.scale);
  }

  /** The canonical text, so a decimal inside JSON-serialised data never throws (bigint would). */
  toJSON(): string {
    return this.toString();
  }
}

/** Decimal places and digits a number literal may have to be written into SQL as an exact decimal. */
const LITERAL_SCALE = 18;
const LITERAL_DIGITS = 38;

/**
 * The exact decimal a formula's number literal stands for — the decimal its double prints as
 * (`0.1` for `0.10`, `0.0000001` for `1e-7`) — or undefined when that needs more than 18 decimal
 * places or 38 digits (such a literal is a real number).
 */
export function literalDecimal(value: number): Decimal | undefined {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (m === null) return undefined;
  const fraction = m[3] ?? '';
  let units = BigInt(`${m[2] ?? ''}${fraction}`);
  let scale = fraction.length - Number(m[4] ?? '0');
  if (scale < 0) {
    units *= 10n ** BigInt(-scale);
    scale = 0;
  }
  if (scale > LITERAL_SCALE || units.toString().length > LITERAL_DIGITS) return undefined;
  return new Decimal(m[1] === '-' ? -units : units, scale);
}
