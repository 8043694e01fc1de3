/**
 * The values at which a figure's status changes: the green and amber levels of its thresholds
 * turned from attainment into values of the KPI (target × level when higher is better, target ÷
 * level when lower is better), or the value levels themselves scaled by the seasonal index. What
 * a chart draws as the bands around a trend; the status itself always comes from `judgeFigure`.
 */
import type { ThresholdSpec } from './settings.js';

/** Value levels of the status bands; `better` says which side of a level is better. */
export interface StatusLevels {
  readonly green: number;
  readonly amber: number;
  readonly better: 'higher' | 'lower';
}

/** The status levels of a figure, or null when there is no target to measure attainment against. */
export function statusLevels(
  thresholds: ThresholdSpec,
  target: number | null,
  direction: 'up' | 'down',
  seasonalIndex: number,
): StatusLevels | null {
  const better = direction === 'down' ? 'lower' : 'higher';
  if (thresholds.on === 'value') return { green: thresholds.green * seasonalIndex, amber: thresholds.amber * seasonalIndex, better };
  if (target === null || !(target > 0) || !(thresholds.green > 0) || !(thresholds.amber > 0)) return null;
  return direction === 'down'
    ? { green: target / thresholds.green, amber: target / thresholds.amber, better }
    : { green: target * thresholds.green, amber: target * thresholds.amber, better };
}
