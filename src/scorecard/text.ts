/**
 * Scorecard figures as people read them: compact amounts (`$4.2M`), attainment as a percentage,
 * scores (10 = on target), and the sentence that goes with an exception ("excludes 2 exceptional deals
 * worth $4.2M"). Always en-US conventions, like the other result formats.
 */
import type { Unit } from '../model/types.js';
import { formatCompactMoney, formatValue, NULL_TEXT } from '../results/format-value.js';
import type { ExceptionLine } from './report.js';

/** A value in its unit, money compact from 10,000 up (`$1.2M`, `$633.6K`); `decimals` as in formatValue. */
export function formatFigure(value: number | null, unit: Unit | undefined, currency: string, decimals?: number): string {
  if (value === null || !Number.isFinite(value)) return NULL_TEXT;
  if (unit === 'money') return formatCompactMoney(value, currency);
  return formatValue(value, unit, currency, decimals);
}

/** Attainment as a percentage; the best possible result (a lower-is-better 0) as `best`. */
export function formatAttainment(attainment: number | null): string {
  if (attainment === null) return NULL_TEXT;
  if (attainment === Infinity) return 'best';
  return `${(attainment * 100).toFixed(1)}%`;
}

/** A score (10 = on target), one decimal. */
export function formatScore(score: number | null): string {
  return score === null ? NULL_TEXT : score.toFixed(1);
}

/**
 * What a score means on the report's scale, said the same way everywhere: `10 = on target, 12 at
 * most` (or `10 = on target and at most` when nothing scores above target).
 */
export function scaleText(scale: { readonly onTarget: number; readonly max: number }): string {
  const max = Number.isInteger(scale.max) ? String(scale.max) : scale.max.toFixed(1);
  return scale.max > scale.onTarget ? `${scale.onTarget} = on target, ${max} at most` : `${scale.onTarget} = on target and at most`;
}

/** A weight as a whole percentage where possible (`40%`, `33.3%`). */
export function formatWeight(weight: number): string {
  const pct = Math.round(weight * 1000) / 10;
  return `${Number.isInteger(pct) ? pct.toFixed(0) : pct.toFixed(1)}%`;
}

/** "excludes 2 exceptional deals worth $4.2M", "caps 1 exceptional deal worth $3M at $1M each". */
export function describeException(e: ExceptionLine, currency: string): string {
  const rows = e.rows === 1 ? `1 ${singular(e.title)}` : `${e.rows} ${e.title}`;
  const worth = e.amount === null ? '' : ` worth ${formatFigure(e.amount, e.unit, currency)}`;
  const verb = e.action === 'exclude' ? 'excludes' : 'caps';
  const tail = e.action === 'cap' ? ` at ${formatFigure(e.limit, e.unit, currency)} each` : '';
  return `${verb} ${rows}${worth}${tail} (rule \`${e.rule}\`)`;
}

function singular(title: string): string {
  // "exceptional deals" → "exceptional deal"; titles that are not a simple plural stay as written.
  return title.endsWith('ies') ? `${title.slice(0, -3)}y` : title.endsWith('s') && !title.endsWith('ss') ? title.slice(0, -1) : title;
}
