import { describe, expect, test } from 'vitest';
import { artifactUri, sarifLog } from '../../../src/diagnostics/render/sarif.js';
import { DIAGNOSTIC_CODES } from '../../../src/diagnostics/codes.js';
import { at, contextOf } from './fixtures.js';

interface Log {
  version: string;
  runs: {
    tool: {
      driver: {
        name: string;
        version: string;
        rules: { id: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }[];
      };
    };
    columnKind: string;
    results: Record<string, unknown>[];
  }[];
}

describe('sarif', () => {
  const files = { 'kpis/a.yaml': 'kpi: a\nformula: sum(x) + y\n', 'sources/s.yaml': 'source: s\n' };
  const context = contextOf(files);
  const d1 = at(files, 'kpis/a.yaml', 'y', 'resolve/unknown-kpi', 'unknown KPI `y`', {
    related: [{ span: { file: 'sources/s.yaml', start: 8, end: 9 }, message: 'a source, not a KPI' }],
  });
  const d2 = at(files, 'kpis/a.yaml', 'x', 'resolve/unknown-column', 'unknown column `x`', { hint: 'did you mean `z`?' });
  const d3 = at(files, 'kpis/a.yaml', 'x', 'resolve/unknown-column', 'again');
  const log = sarifLog([d2, d1, d3], context, '9.9.9') as Log;
  const run = log.runs[0];

  test('one run of kpic with one rule per code used, described from the code table', () => {
    expect(log.version).toBe('2.1.0');
    expect(run?.tool.driver.name).toBe('kpic');
    expect(run?.tool.driver.version).toBe('9.9.9');
    expect(run?.columnKind).toBe('utf16CodeUnits');
    expect(run?.tool.driver.rules).toEqual([
      {
        id: 'resolve/unknown-column',
        shortDescription: { text: DIAGNOSTIC_CODES['resolve/unknown-column'].summary },
        defaultConfiguration: { level: 'error' },
      },
      {
        id: 'resolve/unknown-kpi',
        shortDescription: { text: DIAGNOSTIC_CODES['resolve/unknown-kpi'].summary },
        defaultConfiguration: { level: 'error' },
      },
    ]);
  });

  test('results: rule, level, message with hint, location and related locations', () => {
    expect(run?.results[0]).toEqual({
      ruleId: 'resolve/unknown-column',
      ruleIndex: 0,
      level: 'error',
      message: { text: 'unknown column `x` (hint: did you mean `z`?)' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'catalog/kpis/a.yaml' },
            region: { startLine: 2, startColumn: 14, endLine: 2, endColumn: 15 },
          },
        },
      ],
    });
    expect(run?.results[1]?.['ruleIndex']).toBe(1);
    expect(run?.results[1]?.['relatedLocations']).toEqual([
      {
        id: 0,
        message: { text: 'a source, not a KPI' },
        physicalLocation: {
          artifactLocation: { uri: 'catalog/sources/s.yaml' },
          region: { startLine: 1, startColumn: 9, endLine: 1, endColumn: 10 },
        },
      },
    ]);
  });

  test.each([
    ['catalog/kpis/a.yaml', 'catalog/kpis/a.yaml'],
    ['catalog/my kpis/a#1.yaml', 'catalog/my%20kpis/a%231.yaml'],
    ['../up/x.yaml', '../up/x.yaml'],
    ['/abs/data/o.csv', 'file:///abs/data/o.csv'],
  ])('artifact URI of %j', (file, uri) => {
    expect(artifactUri(file)).toBe(uri);
  });
});
