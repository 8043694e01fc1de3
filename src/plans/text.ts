/**
 * How statements write numbers in rules: amounts with thousands separators (`300,000`,
 * `1,234.5`), rates and attainments as percentages (`5%`, `120%`), multipliers as `×1.5`.
 */
import { Decimal } from '../model/decimal.js';
import { times } from './decimal-math.js';

const HUNDRED = new Decimal(100n, 0);

/** `1234567.5` → `1,234,567.5`. */
export function amountText(d: Decimal): string {
  const [whole = '', fraction] = d.toString().split('.');
  const negative = whole.startsWith('-');
  const digits = negative ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** `0.05` → `5%`. */
export function percentText(d: Decimal): string {
  return `${times(d, HUNDRED).toString()}%`;
}
