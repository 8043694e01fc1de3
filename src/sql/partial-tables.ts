/**
 * The partials of a purpose at one level: the level tables of its plain scans (grouped by period,
 * not row-window, not `last`) that have that level. Their rows say which periods and breakdown
 * values have data.
 */
import type { Scan, ScanPurpose } from '../query/ir.js';
import type { Level } from '../query/ir-expr.js';
import { sameLevel, samePurpose } from '../query/ir-keys.js';
import type { EmitContext } from './emit-context.js';

/** Whether a scan's rows have no period (a source without time, read without `as at`): they join every period. */
export function isTimeless(scan: Scan): boolean {
  return scan.anchor === null && scan.point === undefined;
}

/** A scan and its table at the level asked for. */
export interface PartialTable {
  readonly scan: Scan;
  readonly table: string;
}

/** The partial tables of `purpose` at `level`, in plan order. */
export function partialTablesAt(ctx: EmitContext, purpose: ScanPurpose, level: Level): PartialTable[] {
  const out: PartialTable[] = [];
  for (const scan of ctx.plan.scans) {
    if (!samePurpose(scan.purpose, purpose) || scan.mode !== 'partials' || scan.last) continue;
    const index = scan.levels.findIndex((l) => sameLevel(l, level));
    if (index >= 0) out.push({ scan, table: ctx.names.scanLevelTable(scan, index) });
  }
  return out;
}
