import { defineConfig } from 'vitest/config';

/** `npm run docs:screenshots`: runs scripts/docs-screenshots.ts and scripts/serve-screenshots.ts (not part of `npm test`). */
export default defineConfig({
  test: {
    include: ['scripts/docs-screenshots.ts', 'scripts/serve-screenshots.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
