/**
 * DuckDB running out of memory (under `--memory-limit`, or the machine's): a failure that says
 * so and what to change, never a data file reported unreadable nor a stack trace.
 */

/** True for DuckDB's out-of-memory errors. */
export function isOutOfMemory(error: unknown): boolean {
  return error instanceof Error && /^Out of Memory Error\b/.test(error.message);
}

/** What a `kpic run` can read less of at once. */
const READ_LESS = 'a shorter --from/--to over partition folders, fewer KPIs';

/**
 * The message of a run that ran out of memory with `limit` (undefined: DuckDB's default);
 * `readLess` says how the command can read less at once.
 */
export function outOfMemoryMessage(error: Error, limit: string | undefined, readLess = READ_LESS): string {
  const reason = error.message.replace(/^Out of Memory Error:\s*/, '').split('\n')[0] ?? '';
  const under = limit === undefined ? 'DuckDB ran out of memory' : `DuckDB ran out of memory under its limit of ${limit}`;
  return `${under} (${reason}); nothing was written: raise --memory-limit, or read less at once (${readLess})`;
}
