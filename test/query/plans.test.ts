/**
 * Query plan snapshots: the IR for representative requests as JSON (cases in golden-cases.ts).
 * The test only reads the files: after a deliberate change, run `npm run golden:update` and read
 * the diff.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STRAY, missingGoldenMessage, readGolden, strayGoldenFiles } from '../helpers/golden.js';
import { GOLDEN_PLAN_DIR, goldenPlans, planCatalog, planOf } from './golden-cases.js';

const checked = planCatalog();
const goldens = goldenPlans(checked);

describe('query plans', () => {
  it.each(goldens.map((g) => [path.basename(g.file, '.json'), g] as const))('%s', (_name, golden) => {
    // The plan is plain data: it survives a JSON round trip unchanged.
    expect(JSON.parse(golden.text)).toEqual(golden.plan);
    const committed = readGolden(golden.file);
    if (committed === undefined) expect.fail(missingGoldenMessage(golden.file));
    expect(golden.text).toBe(committed);
  });

  it('has no snapshot without a case', () => {
    expect(strayGoldenFiles(GOLDEN_PLAN_DIR, '.json', goldens), STRAY).toEqual([]);
  });

  it('reuses one scan per source and anchor, whatever the number of KPIs', () => {
    const partialScans = planOf(checked, { kpis: ['bookings', 'win_rate', 'rolling_win_rate'], by: ['region'] }).scans.filter(
      (s) => s.mode === 'partials',
    );
    expect(partialScans.map((s) => `${s.source}/${s.anchor}`)).toEqual(['opportunities/close_date']);
    // bookings, won count, closed count: three measures plus the row count, not one per KPI.
    expect(partialScans[0]?.measures.map((m) => m.fn).sort()).toEqual(['count', 'count', 'count', 'sum']);
  });
});
