import { describe, expect, test } from 'vitest';
import { renderPretty, renderPrettyDiagnostic } from '../../../src/diagnostics/render/pretty.js';
import { caretWindow } from '../../../src/diagnostics/render/snippet.js';
import { ANSI, PLAIN, wantsColor } from '../../../src/diagnostics/render/style.js';
import { at, contextOf } from './fixtures.js';

const FILES = {
  'kpis/a.yaml': 'kpi: win_rate\nformula: count(opportunities where wonn)\n',
  'kpis/tabs.yaml': 'kpi: t\nformula:\t\tsum(amout)\n',
  'kpis/multi.yaml': 'kpi: m\nformula: >\n  sum(amount\n  where won\n',
  'sources/o.yaml': 'source: o\ncolumns:\n  amount: { type: money }\n',
  'kpis/ctl.yaml': 'kpi: c\nformula: a\u0007b\n',
};
const context = contextOf(FILES);

describe('pretty', () => {
  test('location, source line with gutter, carets under the span, hint, related notes', () => {
    const d = at(FILES, 'kpis/a.yaml', 'wonn', 'resolve/unknown-column', 'unknown column `wonn` in source `opportunities`', {
      hint: 'did you mean `won`?',
      related: [{ span: { file: 'sources/o.yaml', start: 21, end: 27 }, message: 'source declared here' }],
    });
    expect(renderPrettyDiagnostic(d, context, PLAIN)).toBe(
      [
        'catalog/kpis/a.yaml:2:36: error[resolve/unknown-column] unknown column `wonn` in source `opportunities`',
        '    |',
        '  2 | formula: count(opportunities where wonn)',
        '    |                                    ^^^^',
        '  = hint: did you mean `won`?',
        '  = note: catalog/sources/o.yaml:3:3: source declared here',
      ].join('\n'),
    );
  });

  test('a span over several lines is clipped to its first line', () => {
    const d = at(FILES, 'kpis/multi.yaml', 'sum(amount\n  where won', 'formula/syntax', 'unclosed');
    const lines = renderPrettyDiagnostic(d, context, PLAIN).split('\n');
    expect(lines[0]).toBe('catalog/kpis/multi.yaml:3:3: error[formula/syntax] unclosed');
    expect(lines.slice(2, 4)).toEqual(['  3 |   sum(amount', '    |   ^^^^^^^^^^']);
  });

  test('an empty span still gets one caret (here after the end of the line)', () => {
    const end = FILES['kpis/a.yaml'].indexOf(')') + 1;
    const d = at(FILES, 'kpis/a.yaml', [end, end], 'formula/syntax', 'expected more');
    expect(renderPrettyDiagnostic(d, context, PLAIN).split('\n')[3]).toBe(`    | ${' '.repeat(40)}^`);
  });

  test('tabs before the span are kept so carets line up', () => {
    const d = at(FILES, 'kpis/tabs.yaml', 'amout', 'resolve/unknown-column', 'unknown');
    expect(renderPrettyDiagnostic(d, context, PLAIN).split('\n')[3]).toBe(`    | ${' '.repeat(8)}\t\t    ^^^^^`);
  });

  test('control characters in the source line are replaced', () => {
    const d = at(FILES, 'kpis/ctl.yaml', 'b', 'formula/syntax', 'odd');
    const lines = renderPrettyDiagnostic(d, context, PLAIN).split('\n');
    expect(lines[2]).toBe('  2 | formula: a\ufffdb');
    expect(lines[3]).toBe('    |            ^');
  });

  test('a data-file problem leads with the data position, then the declaration', () => {
    const d = at(FILES, 'sources/o.yaml', 'amount', 'data/bad-value', '`x` in column `amount` is not an amount', {
      location: { file: 'data/o.csv', line: 12, column: 4 },
    });
    expect(renderPrettyDiagnostic(d, context, PLAIN).split('\n').slice(0, 2)).toEqual([
      'data/o.csv:12:4: error[data/bad-value] `x` in column `amount` is not an amount',
      '  --> catalog/sources/o.yaml:3:3 (declared here)',
    ]);
  });

  test('no snippet when the file text is unknown', () => {
    const d = at({ 'catalog.yaml': '' }, 'catalog.yaml', [0, 0], 'load/missing-catalog', 'no catalog', { hint: 'create it' });
    expect(renderPrettyDiagnostic(d, context, PLAIN)).toBe(
      'catalog/catalog.yaml:1:1: error[load/missing-catalog] no catalog\n  = hint: create it',
    );
  });

  test('warnings say so; blocks are separated by blank lines', () => {
    const a = at(FILES, 'kpis/a.yaml', 'wonn', 'resolve/deprecated-reference', 'deprecated');
    const text = renderPretty([a, a], context, PLAIN);
    expect(text.split('\n')[0]).toBe('catalog/kpis/a.yaml:2:36: warning[resolve/deprecated-reference] deprecated');
    expect(text.split('\n\n')).toHaveLength(2);
    expect(renderPretty([], context, PLAIN)).toBe('');
  });

  test('colours only with the ANSI style', () => {
    const d = at(FILES, 'kpis/a.yaml', 'wonn', 'resolve/unknown-column', 'unknown');
    expect(renderPrettyDiagnostic(d, context, ANSI)).toContain('\u001b[31m');
    expect(renderPrettyDiagnostic(d, context, PLAIN)).not.toContain('\u001b');
  });
});

describe('caretWindow: very long lines are cut around the span', () => {
  test('short lines are whole', () => {
    expect(caretWindow('abc def', { line: 1, column: 5, endLine: 1, endColumn: 8 })).toEqual({ shown: 'abc def', from: 4, to: 7 });
  });

  test('a long line shows a window with ellipses and carets still under the span', () => {
    const line = `${'x'.repeat(1000)}TARGET${'y'.repeat(1000)}`;
    const w = caretWindow(line, { line: 1, column: 1001, endLine: 1, endColumn: 1007 });
    expect(w.shown.length).toBeLessThanOrEqual(162);
    expect(w.shown.startsWith('…')).toBe(true);
    expect(w.shown.endsWith('…')).toBe(true);
    expect(w.shown.slice(w.from, w.to)).toBe('TARGET');
  });

  test('a span running past the window is clipped, at least one caret', () => {
    const line = 'z'.repeat(500);
    const w = caretWindow(line, { line: 1, column: 10, endLine: 1, endColumn: 490 });
    expect(w.from).toBe(9);
    expect(w.to).toBe(160);
  });
});

describe('wantsColor', () => {
  test.each([
    [true, {}, true],
    [false, {}, false],
    [undefined, {}, false],
    [true, { NO_COLOR: '1' }, false],
    [true, { NO_COLOR: '' }, true],
  ])('tty %s, env %j → %s', (tty, env, expected) => {
    expect(wantsColor(tty, env)).toBe(expected);
  });
});
