/**
 * DuckDB running out of memory (under `--memory-limit`, or the machine's): a failure that says
 * so and what to change, never a data file reported unreadable nor a stack trace.
 */

/** True for DuckDB's out-of-memory errors. */
export function isOutOfMemory(error: unknown): boolean {
  return error instanceof Error && /^Out of Memory Error\b/.test(error.message);
}

/** The message of a run that ran out of memory with `limit` (undefined: DuckDB's default). */
export function outOfMemoryMessage(error: Error, limit: string | undefined): string {
  const reason = error.message.replace(/^Out of Memory Error:\s*/, '').split('\n')[0] ?? '';
  const under = limit === undefined ? 'DuckDB ran out of memory' : `DuckDB ran out of memory under its limit of ${limit}`;
  return `${under} (${reason}); nothing was written: raise --memory-limit, or read less at once (a shorter --from/--to over partition folders, fewer KPIs)`;
}
