/**
 * Small checks shared by the plan checks: a written number that must be one (and not negative),
 * and a written date.
 */
import type { Decimal } from '../model/decimal.js';
import type { Located } from '../model/types.js';
import { parseIsoDate } from '../query/calendar.js';
import { report, type CheckContext } from '../resolve/check-context.js';
import type { WrittenExact } from './read-exact.js';

/** The exact value of a written number, reporting one that is not a number or is negative. */
export function exactValue(ctx: CheckContext, written: WrittenExact | undefined, what: string): Decimal | undefined {
  if (written === undefined) return undefined;
  if (written.value === 'bad') {
    report(ctx, 'plan/bad-number', written.span, `${what} must be a number (\`0.05\`) or a percentage (\`5%\`)`);
    return undefined;
  }
  if (written.value.units < 0n) {
    report(ctx, 'plan/bad-number', written.span, `${what} must not be negative`);
    return undefined;
  }
  return written.value;
}

/** A written date, reporting an impossible one (`2026-02-30`). */
export function dateValue(ctx: CheckContext, written: Located<string> | undefined): string | undefined {
  if (written === undefined) return undefined;
  if (parseIsoDate(written.value) === undefined) {
    report(ctx, 'plan/bad-dates', written.span, `\`${written.value}\` is not a date of the calendar; write YYYY-MM-DD`);
    return undefined;
  }
  return written.value;
}

/** Reports a date range whose end comes before its start. */
export function checkRange(ctx: CheckContext, from: string | undefined, to: Located<string> | undefined, to2: string | undefined): void {
  if (from !== undefined && to !== undefined && to2 !== undefined && to2 < from) {
    report(ctx, 'plan/bad-dates', to.span, `the last day ${to2} comes before the first day ${from}`);
  }
}
