/**
 * Golden SQL: the emitted query for representative requests, per registered dialect, reviewed like
 * code (cases in golden-cases.ts). The test only reads the files: after a deliberate change, run
 * `npm run golden:update` and read the diff.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STRAY, missingGoldenMessage, readGolden, strayGoldenFiles } from '../helpers/golden.js';
import { GOLDEN_SQL_DIR, goldenSql } from './golden-cases.js';

const goldens = goldenSql();

describe('golden SQL', () => {
  it.each(goldens.map((g) => [path.relative(GOLDEN_SQL_DIR, g.file), g] as const))('%s', (_name, golden) => {
    const committed = readGolden(golden.file);
    if (committed === undefined) expect.fail(missingGoldenMessage(golden.file));
    expect(golden.text).toBe(committed);
  });

  it('has no golden file without a case', () => {
    expect(strayGoldenFiles(GOLDEN_SQL_DIR, '.sql', goldens), STRAY).toEqual([]);
  });
});
