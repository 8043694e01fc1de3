/**
 * Names of the CTEs and columns the emitter writes. Internal names never collide with user names:
 * dimension columns are `d_<name>`, keys `k<n>`, measures `m<n>`, sources `src_<id>`.
 */
import type { Level, Scan } from '../plan/ir.js';

/** The column holding a breakdown dimension. */
export const dimColumn = (name: string): string => `"d_${name.replaceAll('"', '""')}"`;

/** The column holding a per key. */
export const keyColumn = (id: string): string => id;

/** The columns of a level, in order: dimensions, then keys. */
export function levelColumns(level: Level): string[] {
  return [...level.dims.map(dimColumn), ...level.keys.map(keyColumn)];
}

/** The CTE with a source's typed rows. */
export const sourceCte = (source: string): string => `src_${source}`;

/** The CTE of a lookup table. */
export const lookupCte = (id: string): string => id;

/** The table (CTE) holding one level of a scan. */
export function scanLevelTable(scan: Scan, level: number): string {
  return scan.levels.length > 1 ? `${scan.id}_l${level}` : scan.id;
}
