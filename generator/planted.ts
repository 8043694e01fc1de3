/**
 * The ground truth of the deliberate quirks: every record a quirk was planted in, written to
 * `planted.csv` as it is made (and counted), so detectors can be scored against it — precision
 * (how many of their findings were planted) and recall (how many planted records they find).
 */
import { writerOf, type GenContext } from './context.js';
import { countQuirk, type QuirkName } from './quirks.js';

/**
 * Counts one `quirk` planted in the record `recordId`; `otherId` names the record it pairs with,
 * when there is one (the account a near-duplicate copies, the second of two duplicate invoices,
 * the orphan invoice that should have been the deal's).
 */
export function plant(ctx: GenContext, quirk: QuirkName, recordId: string, otherId = ''): void {
  countQuirk(ctx.quirks, quirk);
  writerOf(ctx, 'planted').line(`${quirk},${recordId},${otherId}`);
}
