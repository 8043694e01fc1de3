/**
 * Hive-partitioned folders: `opportunities/year=2025/month=3/part-0.parquet`. Folders named
 * `year=`, `quarter=`, `month=` and `day=` below the data folder say which dates of the source's
 * `time:` column a file holds, so a run over a time range skips the files of other dates without
 * opening them (partition pruning), and the data check proves every row read lies in its folder's
 * dates (`data/outside-partition`): a file in the wrong folder is an error, never a row silently
 * left out of a later, pruned run.
 */
import path from 'node:path';
import { formatIsoDate } from '../query/calendar.js';
import type { QueryPlan } from '../query/ir.js';
import type { SourceDef } from '../model/types.js';
import type { SourceFiles } from './source-files.js';

/** The dates a partition folder holds: from `from` (inclusive) to `to` (exclusive), ISO. */
export interface DateRange {
  readonly from: string;
  readonly to: string;
}

const KEYS = ['year', 'quarter', 'month', 'day'] as const;
type Key = (typeof KEYS)[number];

const utc = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

/**
 * The dates the partition folders of `file` (a path relative to the data folder) hold, or
 * undefined when it lies in none or they make no date range (a month without its year, a day
 * that does not exist, a quarter that disagrees with the month: such files are always read).
 */
export function partitionRange(file: string): DateRange | undefined {
  const found = new Map<Key, number>();
  for (const segment of file.split(/[\\/]/).slice(0, -1)) {
    const m = /^([a-z]+)=(\d{1,4})$/i.exec(segment);
    const key = KEYS.find((k) => k === m?.[1]?.toLowerCase());
    if (key === undefined || m?.[2] === undefined) continue;
    if (found.has(key)) return undefined;
    found.set(key, Number(m[2]));
  }
  const [year, quarter, month, day] = KEYS.map((k) => found.get(k));
  if (year === undefined || year < 1) return undefined;
  if (quarter !== undefined && (quarter < 1 || quarter > 4)) return undefined;
  if (month !== undefined && (month < 1 || month > 12 || (quarter !== undefined && Math.ceil(month / 3) !== quarter))) return undefined;
  if (day !== undefined) {
    if (month === undefined || day < 1 || utc(year, month, day).getUTCMonth() !== month - 1) return undefined;
    return { from: formatIsoDate(utc(year, month, day)), to: formatIsoDate(utc(year, month, day + 1)) };
  }
  if (month !== undefined) return { from: formatIsoDate(utc(year, month, 1)), to: formatIsoDate(utc(year, month + 1, 1)) };
  if (quarter !== undefined)
    return { from: formatIsoDate(utc(year, quarter * 3 - 2, 1)), to: formatIsoDate(utc(year, quarter * 3 + 1, 1)) };
  return { from: formatIsoDate(utc(year, 1, 1)), to: formatIsoDate(utc(year + 1, 1, 1)) };
}

/** The partition ranges of the files of `files` that lie in partition folders below `dataDir`, by absolute path. */
export function partitionRanges(files: SourceFiles, dataDir: string): ReadonlyMap<string, DateRange> {
  const out = new Map<string, DateRange>();
  const root = path.resolve(dataDir);
  for (const file of files.paths) {
    const range = partitionRange(path.relative(root, file));
    if (range !== undefined) out.set(file, range);
  }
  return out;
}

/**
 * The dates of its `time:` column a query reads from `source` (undefined: all of them): the
 * plan's scan range when every scan of the source is anchored on that column, and no join nor
 * point-in-time state reads it (a joined row, or a version, is needed whatever its date). A balance (`last`) reads from the start of the
 * data, so only the end of the range counts for it.
 */
export function timeRangeRead(
  plan: QueryPlan,
  source: SourceDef,
): { readonly from: string | null; readonly to: string | null } | undefined {
  const time = source.time?.value;
  if (time === undefined) return undefined;
  if (plan.scans.some((s) => s.joins.some((j) => j.target === source.id))) return undefined;
  if (plan.states.some((s) => s.source === source.id || s.log?.source === source.id)) return undefined;
  const scans = plan.scans.filter((s) => s.source === source.id);
  if (scans.length === 0 || scans.some((s) => s.anchor !== time)) return undefined;
  const from = scans.some((s) => s.last) ? null : plan.range.scanFrom;
  const to = plan.range.scanTo;
  return from === null && to === null ? undefined : { from, to };
}

/**
 * `files` without the files whose partition folders hold only dates outside `range`, and how
 * many were left out. At least one file is kept (the data check needs the files' columns).
 */
export function prunePartitions(
  files: SourceFiles,
  dataDir: string,
  range: { readonly from: string | null; readonly to: string | null },
): { readonly files: SourceFiles; readonly pruned: number } {
  const ranges = partitionRanges(files, dataDir);
  const outside = (file: string): boolean => {
    const r = ranges.get(file);
    if (r === undefined) return false;
    return (range.to !== null && r.from >= range.to) || (range.from !== null && r.to <= range.from);
  };
  const kept = files.paths.filter((f) => !outside(f));
  const paths = kept.length > 0 ? kept : files.paths.slice(0, 1);
  return { files: { ...files, paths }, pruned: files.paths.length - paths.length };
}
