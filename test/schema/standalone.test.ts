import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateValidatorsSource } from '../../src/schema/standalone.js';

describe('precompiled schema validators', () => {
  it('src/schema/generated/validators.ts is up to date with grammar/catalog.schema.json', () => {
    const committed = readFileSync(fileURLToPath(new URL('../../src/schema/generated/validators.ts', import.meta.url)), 'utf8');
    if (committed !== generateValidatorsSource()) {
      expect.fail('src/schema/generated/validators.ts is stale: run `npm run schema` and commit the result');
    }
  });
});
