/**
 * SQL for the bounds of a time window around each period: the date arithmetic of `WindowSpec`
 * (shift the period, then widen it), written with the dialect's calendar functions.
 */
import type { Grain, WindowSpec } from '../query/ir.js';
import type { ScalarContext } from './emit-expr.js';

/** SQL for the window bounds `[ws, we)` of the period (a DATE period start) `p`. */
export function windowBoundsSql(ctx: ScalarContext & { readonly grain: Grain }, window: WindowSpec, p: string): { ws: string; we: string } {
  const d = ctx.dialect;
  let period = p;
  for (const s of window.shifts) period = d.periodStart(d.addToDate(period, -s.amount, s.unit), ctx.grain, ctx.calendar);
  const end = d.addToDate(period, 1, ctx.grain);
  const range = window.range;
  if (range === undefined) return { ws: period, we: end };
  switch (range.kind) {
    case 'rolling':
      return { ws: d.addToDate(end, -range.length.amount, range.length.unit), we: end };
    case 'to_date':
      return { ws: d.periodStart(period, range.unit, ctx.calendar), we: end };
    case 'before':
      return { ws: d.addToDate(period, -range.length.amount, range.length.unit), we: period };
    default: {
      const never: never = range;
      return never;
    }
  }
}
