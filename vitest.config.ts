import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One temporary folder per run (TMPDIR), removed at the end: nothing is left in /tmp.
    globalSetup: ['test/helpers/temp-root.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // One worker per core (vitest's default leaves one core free, which on a 2-core machine runs
    // every file in a single worker).
    maxWorkers: availableParallelism(),
    // Test files share their worker's module cache instead of each loading chevrotain, ajv, yaml
    // and DuckDB afresh (that was a third of the suite's time). It is safe because tests keep no
    // state in modules: each builds its catalog and data in its own temporary folder, and the one
    // process-wide cache (passed data checks, keyed by each file's identity and contract) only
    // lets an unchanged file that already passed skip its checks.
    isolate: false,
  },
});
