import { describe, expect, test } from 'vitest';
import { countSummary, validationSummary } from '../../../src/diagnostics/render/summary.js';
import { diagnostic } from '../../../src/diagnostics/diagnostic.js';

const span = { file: 'a.yaml', start: 0, end: 1 };
const error = diagnostic('formula/syntax', span, 'e');
const warning = diagnostic('resolve/deprecated-reference', span, 'w');
const counts = { kpis: 12, sources: 1, lookups: 0 };

describe('summary lines', () => {
  test.each([
    [[error, error, warning], '2 errors, 1 warning'],
    [[error], '1 error'],
    [[warning, warning], '2 warnings'],
    [[], 'no problems'],
  ])('countSummary %#', (ds, expected) => {
    expect(countSummary(ds)).toBe(expected);
  });

  test.each([
    [[], false, counts, 'catalog is valid: 12 KPIs, 1 source'],
    [[warning], false, { kpis: 1, sources: 2, lookups: 1 }, 'catalog is valid: 1 KPI, 2 sources, 1 lookup (1 warning)'],
    [[warning], true, counts, '1 error (--strict: 1 warning counted as an error)'],
    [[error, warning, warning], true, counts, '3 errors (--strict: 2 warnings counted as errors)'],
    [[error, warning], false, counts, '1 error, 1 warning'],
  ])('validationSummary %#', (ds, strict, c, expected) => {
    expect(validationSummary(ds, c, strict)).toBe(expected);
  });
});
