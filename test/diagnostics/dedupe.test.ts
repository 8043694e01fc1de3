import { describe, expect, it } from 'vitest';
import { dedupeDiagnostics, diagnostic } from '../../src/diagnostics/diagnostic.js';

const span = { file: 'kpis/a.yaml', start: 3, end: 9 };

describe('dedupeDiagnostics', () => {
  it('keeps the first of each code, message, span and data location, in order', () => {
    const a = diagnostic('resolve/unknown-column', span, 'unknown column `x`');
    const b = diagnostic('resolve/unknown-kpi', span, 'unknown KPI `y`');
    const again = diagnostic('resolve/unknown-column', { end: 9, start: 3, file: 'kpis/a.yaml' }, 'unknown column `x`');
    expect(dedupeDiagnostics([a, b, again, b])).toEqual([a, b]);
    expect(dedupeDiagnostics([a, b, again])[0]).toBe(a);
  });

  it('tells apart the same problem at different places in a data file', () => {
    const at = (line: number) =>
      diagnostic('data/bad-value', span, 'not a date', { location: { file: 'data/deals.csv', line, column: 4 } });
    const atNoFile = diagnostic('data/bad-value', span, 'not a date');
    expect(dedupeDiagnostics([at(2), at(3), at(2), atNoFile])).toEqual([at(2), at(3), atNoFile]);
  });

  it('tells apart messages and spans', () => {
    const one = diagnostic('resolve/unknown-column', span, 'unknown column `x`');
    const other = diagnostic('resolve/unknown-column', span, 'unknown column `z`');
    const elsewhere = diagnostic('resolve/unknown-column', { ...span, start: 4 }, 'unknown column `x`');
    expect(dedupeDiagnostics([one, other, elsewhere])).toHaveLength(3);
  });
});
