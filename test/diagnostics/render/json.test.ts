import { describe, expect, test } from 'vitest';
import { renderJson, toJsonDiagnostic } from '../../../src/diagnostics/render/json.js';
import { at, filesOf } from './fixtures.js';

describe('json diagnostics', () => {
  const files = { 'kpis/a.yaml': 'kpi: a\nformula: >\n  sum(x\n  where y)\n' };
  const sources = filesOf(files);

  test('exact keys in order; hint only when present; end after the last character', () => {
    const d = at(files, 'kpis/a.yaml', 'sum(x\n  where y)', 'formula/syntax', 'bad', { hint: 'h' });
    const j = toJsonDiagnostic(d, sources);
    expect(Object.keys(j)).toEqual(['severity', 'code', 'message', 'hint', 'file', 'line', 'column', 'endLine', 'endColumn']);
    expect(j).toEqual({
      severity: 'error',
      code: 'formula/syntax',
      message: 'bad',
      hint: 'h',
      file: 'kpis/a.yaml',
      line: 3,
      column: 3,
      endLine: 4,
      endColumn: 11,
    });
    expect('hint' in toJsonDiagnostic(at(files, 'kpis/a.yaml', 'x', 'formula/syntax', 'bad'), sources)).toBe(false);
  });

  test('a data-file problem: the data file as given, one column wide', () => {
    const d = at(files, 'kpis/a.yaml', 'x', 'data/required', 'empty', { location: { file: 'data/o.csv', line: 4, column: 2 } });
    expect(toJsonDiagnostic(d, sources)).toMatchObject({ file: 'data/o.csv', line: 4, column: 2, endLine: 4, endColumn: 3 });
  });

  test('the document', () => {
    expect(JSON.parse(renderJson([], sources, true))).toEqual({ ok: true, diagnostics: [] });
  });
});
