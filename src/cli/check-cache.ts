/**
 * The data-check cache for commands that read data: passed checks are kept in the user's cache
 * folder, so repeated runs on an unchanged export skip them (see src/engine/check-cache.ts for
 * what the key covers). `--no-cache` (common-flags.ts) or `KPIC_NO_CACHE=1` turns it off;
 * `KPIC_CACHE_DIR` moves it.
 */
import { homedir } from 'node:os';
import path from 'node:path';
import { useCheckCacheFile } from '../engine/default-check-cache.js';
import type { ParsedFlags } from './args.js';
import type { CliIo } from './io.js';

/** The cache file: `$KPIC_CACHE_DIR`, else `$XDG_CACHE_HOME/kpic`, else `~/.cache/kpic`. */
function checkCacheFile(env: Readonly<Record<string, string | undefined>>): string {
  const dir = env['KPIC_CACHE_DIR'] ?? path.join(env['XDG_CACHE_HOME'] ?? path.join(homedir(), '.cache'), 'kpic');
  return path.join(dir, 'data-checks.json');
}

/** Turns the persistent cache on unless the flags or the environment say not to. */
export function configureCheckCache(io: CliIo, flags: ParsedFlags): void {
  if (flags.switches.has('no-cache') || io.env['KPIC_NO_CACHE'] === '1') return;
  useCheckCacheFile(checkCacheFile(io.env));
}
