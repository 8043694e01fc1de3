/** Values and changes of values as reviewers read them, by unit (money in the catalog's currency). */
import type { Unit } from '../model/types.js';
import { formatValue } from '../results/format-value.js';
import { isNegative, magnitude, realValue, relativeChange, sameValue, valueDelta, type KpiValue } from './compare-values.js';

const ONE_DECIMAL = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const MINUS = '−';

function signed(negative: boolean, text: string): string {
  return `${negative ? MINUS : '+'}${text}`;
}

/**
 * The change from `before` to `after`: percentage points for percent KPIs, otherwise the
 * difference in the KPI's unit with the relative change (`+$12,400 (+3.1%)`); empty when one side
 * is missing, `no change` when they are the same.
 */
export function shownDelta(before: KpiValue, after: KpiValue, unit: Unit | undefined, currency: string): string {
  if (before === null || after === null) return before === after ? 'no change' : '';
  if (sameValue(before, after)) return 'no change';
  const delta = valueDelta(before, after) ?? 0;
  if (unit === 'percent') return `${signed(isNegative(delta), ONE_DECIMAL.format(Math.abs(realValue(delta)) * 100))} pts`;
  const rel = relativeChange(before, after);
  const abs = signed(isNegative(delta), formatValue(magnitude(delta), unit, currency));
  return rel === null ? abs : `${abs} (${signed(rel < 0, ONE_DECIMAL.format(Math.abs(rel) * 100))}%)`;
}

/** `42.8% → 38.1%`, or the value alone when it did not change. */
export function shownPair(before: KpiValue, after: KpiValue, unit: Unit | undefined, currency: string): string {
  if (sameValue(before, after)) return formatValue(after, unit, currency);
  return `${formatValue(before, unit, currency)} → ${formatValue(after, unit, currency)}`;
}
