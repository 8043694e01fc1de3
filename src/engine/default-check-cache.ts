/**
 * The data-check cache `runKpis` uses unless told otherwise: passed checks are remembered for the
 * life of the process (a scorecard runs KPIs at several levels over the same files) and, once
 * {@link useCheckCacheFile} is called, across processes. A module of its own so the CLI can turn
 * the file cache on without loading the pipeline.
 */
import { fileCheckCache, layeredCheckCache, memoryCheckCache, type CheckCache } from './check-cache.js';

let current: CheckCache = memoryCheckCache();

/** The cache `runKpis` uses by default. */
export function defaultCheckCache(): CheckCache {
  return current;
}

/**
 * Also keeps passed data checks in `file`, so repeated runs on an unchanged export skip them (the
 * key covers each file's size, modification time and inode, and the source's contract). The CLI
 * calls this unless `--no-cache` is given.
 */
export function useCheckCacheFile(file: string): void {
  current = layeredCheckCache(memoryCheckCache(), fileCheckCache(file));
}
