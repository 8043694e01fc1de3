import { describe, expect, test } from 'vitest';
import { diagnosticPosition, spanRegion } from '../../../src/diagnostics/render/positions.js';
import { diagnostic } from '../../../src/diagnostics/diagnostic.js';
import { filesOf } from './fixtures.js';

const files = filesOf({ 'a.yaml': 'kpi: x\nformula: sum(a)\r\nunit: count\n', 'e.yaml': '' });

describe('spanRegion', () => {
  test.each([
    ['a word', 5, 6, { line: 1, column: 6, endLine: 1, endColumn: 7 }],
    ['a whole line with its \\n', 0, 7, { line: 1, column: 1, endLine: 1, endColumn: 7 }],
    ['a line ending in \\r\\n', 7, 24, { line: 2, column: 1, endLine: 2, endColumn: 16 }],
    ['across lines', 12, 28, { line: 2, column: 6, endLine: 3, endColumn: 5 }],
    ['empty: one column wide', 9, 9, { line: 2, column: 3, endLine: 2, endColumn: 4 }],
    ['at the very end', 36, 36, { line: 4, column: 1, endLine: 4, endColumn: 2 }],
    ['beyond the text (clamped)', 500, 600, { line: 4, column: 1, endLine: 4, endColumn: 2 }],
  ])('%s', (_, start, end, expected) => {
    expect(spanRegion({ file: 'a.yaml', start, end }, files)).toEqual(expected);
  });

  test('a file without text is line 1, column 1', () => {
    expect(spanRegion({ file: 'missing.yaml', start: 0, end: 0 }, files)).toEqual({ line: 1, column: 1, endLine: 1, endColumn: 2 });
  });
});

describe('diagnosticPosition', () => {
  test('a data-file location wins, one character wide, file as given', () => {
    const d = diagnostic('data/bad-value', { file: 'a.yaml', start: 0, end: 3 }, 'bad', {
      location: { file: 'data/x.csv', line: 7, column: 3 },
    });
    expect(diagnosticPosition(d, files)).toEqual({ file: 'data/x.csv', line: 7, column: 3, endLine: 7, endColumn: 4, inData: true });
  });

  test('otherwise the span in the catalog file', () => {
    const d = diagnostic('resolve/unknown-kpi', { file: 'a.yaml', start: 5, end: 6 }, 'unknown');
    expect(diagnosticPosition(d, files)).toEqual({ file: 'a.yaml', line: 1, column: 6, endLine: 1, endColumn: 7, inData: false });
  });
});
