/**
 * A small trend chart of a KPI's recent values as inline SVG: a line through the periods that
 * have a value (a gap where one is missing), the first and last periods on the axis, the lowest
 * and highest values, and the latest value labelled — formatted by the KPI's unit.
 */
import type { Unit } from '../model/types.js';
import { formatValue } from '../results/format-value.js';
import { escapeHtml } from './html.js';

/** One point of a series. */
export interface TrendPoint {
  /** ISO date on which the period starts. */
  readonly period: string;
  readonly value: number | null;
  /** False for the period containing the data's as-of date: its figures are partial. */
  readonly complete?: boolean | undefined;
}

/** A KPI's recent values at one grain. */
export interface TrendSeries {
  readonly grain: string;
  readonly points: readonly TrendPoint[];
}

const W = 520;
const H = 150;
const PAD = { left: 74, right: 86, top: 14, bottom: 26 };

/** The chart, or a sentence when there is nothing to draw. */
export function renderTrendSvg(series: TrendSeries, unit: Unit | undefined, currency: string, title: string): string {
  const values = series.points.map((p) => p.value).filter((v): v is number => v !== null && Number.isFinite(v));
  if (values.length === 0) return '<p class="muted">No values in the data for this KPI.</p>';
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (lo === hi) {
    lo -= Math.abs(lo) * 0.1 + 1e-9;
    hi += Math.abs(hi) * 0.1 + 1e-9;
  }
  const n = series.points.length;
  const x = (i: number): number => PAD.left + (n === 1 ? (W - PAD.left - PAD.right) / 2 : (i * (W - PAD.left - PAD.right)) / (n - 1));
  const y = (v: number): number => PAD.top + ((hi - v) * (H - PAD.top - PAD.bottom)) / (hi - lo);
  const segments: string[] = [];
  let current: string[] = [];
  series.points.forEach((p, i) => {
    if (p.value === null || !Number.isFinite(p.value)) {
      if (current.length > 0) segments.push(current.join(' '));
      current = [];
      return;
    }
    current.push(`${current.length === 0 ? 'M' : 'L'}${x(i).toFixed(1)} ${y(p.value).toFixed(1)}`);
  });
  if (current.length > 0) segments.push(current.join(' '));
  const dots = series.points.flatMap((p, i) =>
    p.value === null || !Number.isFinite(p.value)
      ? []
      : [
          `<circle class="point" cx="${x(i).toFixed(1)}" cy="${y(p.value).toFixed(1)}" r="3"><title>${escapeHtml(
            `${p.period}: ${formatValue(p.value, unit, currency)}${p.complete === false ? ' (not complete)' : ''}`,
          )}</title></circle>`,
        ],
  );
  const lastIndex = series.points.map((p) => p.value !== null).lastIndexOf(true);
  const last = series.points[lastIndex];
  const fmt = (v: number): string => escapeHtml(formatValue(v, unit, currency));
  const first = series.points[0]?.period ?? '';
  const end = series.points[n - 1]?.period ?? '';
  return (
    `<svg class="trend" role="img" aria-label="${escapeHtml(title)}" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" xmlns="http://www.w3.org/2000/svg">` +
    `<line class="axis" x1="${PAD.left}" y1="${H - PAD.bottom}" x2="${W - PAD.right}" y2="${H - PAD.bottom}"/>` +
    `<text class="tick" x="${PAD.left - 6}" y="${y(hi) + 4}" text-anchor="end">${fmt(hi)}</text>` +
    `<text class="tick" x="${PAD.left - 6}" y="${y(lo) + 4}" text-anchor="end">${fmt(lo)}</text>` +
    `<text class="tick" x="${PAD.left}" y="${H - 8}">${escapeHtml(first)}</text>` +
    `<text class="tick" x="${W - PAD.right}" y="${H - 8}" text-anchor="end">${escapeHtml(end)}</text>` +
    segments.map((d) => `<path class="line" d="${d}"/>`).join('') +
    dots.join('') +
    (last?.value === null || last?.value === undefined
      ? ''
      : `<text class="latest" x="${x(lastIndex) + 8}" y="${y(last.value) + 4}">${fmt(last.value)}</text>`) +
    '</svg>'
  );
}
