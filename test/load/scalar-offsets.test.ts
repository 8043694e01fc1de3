import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { scalarSubSpan, type YScalar } from '../../src/load/tree.js';
import { lineCol, loadFiles } from './helpers.js';

/** The `formula` node of kpi `k` in a one-file catalog. */
function formulaNode(yaml: string): { node: YScalar; files: ReturnType<typeof loadFiles>['value']['files'] } {
  const result = loadFiles({ 'k.yaml': yaml });
  expect(result.diagnostics).toEqual([]);
  const node = result.value.kpis.get('k')?.formula.node;
  if (node === undefined) throw new Error('no formula');
  return { node, files: result.value.files };
}

interface Case {
  readonly name: string;
  readonly yaml: string;
  /** A substring of the formula's value and where its first character is in the file. */
  readonly find: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

const cases: Case[] = [
  { name: 'plain', yaml: 'kpi: k\nformula: sum(ammount)\n', find: 'ammount', line: 2, column: 14, endLine: 2, endColumn: 21 },
  {
    name: 'plain with a comment after it',
    yaml: 'kpi: k\nformula: sum(ammount)   # typo\n',
    find: 'ammount',
    line: 2,
    column: 14,
    endLine: 2,
    endColumn: 21,
  },
  {
    name: 'plain over two lines',
    yaml: 'kpi: k\nformula: sum(amount)\n  / count(oppss)\n',
    find: 'oppss',
    line: 3,
    column: 11,
    endLine: 3,
    endColumn: 16,
  },
  {
    name: 'single-quoted with a doubled quote before the name',
    yaml: "kpi: k\nformula: 'count(o where s = ''Won'' and amnt > 0)'\n",
    find: 'amnt',
    line: 2,
    column: 41,
    endLine: 2,
    endColumn: 45,
  },
  {
    name: 'double-quoted without escapes',
    yaml: 'kpi: k\nformula: "sum(amont)"\n',
    find: 'amont',
    line: 2,
    column: 15,
    endLine: 2,
    endColumn: 20,
  },
  {
    name: 'literal block',
    yaml: 'kpi: k\nformula: |\n  sum(amount where won)\n    / sum(amont)\n',
    find: 'amont',
    line: 4,
    column: 11,
    endLine: 4,
    endColumn: 16,
  },
  {
    name: 'literal block with CRLF line ends and a header comment',
    yaml: 'kpi: k\r\nformula: |- # weighted\r\n  sum(amount)\r\n  / sum(amont)\r\n',
    find: 'amont',
    line: 4,
    column: 9,
    endLine: 4,
    endColumn: 14,
  },
  {
    name: 'literal block whose first line is more indented (indentation indicator)',
    yaml: 'kpi: k\nformula: |2\n    sum(x)\n  / sum(amont)\n',
    find: 'amont',
    line: 4,
    column: 9,
    endLine: 4,
    endColumn: 14,
  },
  {
    name: 'folded block',
    yaml: 'kpi: k\nformula: >\n  sum(amount where won)\n  / sum(amont)\n',
    find: 'amont',
    line: 4,
    column: 9,
    endLine: 4,
    endColumn: 14,
  },
  {
    name: 'folded block, a name on the first line',
    yaml: 'kpi: k\nformula: >-\n  sum(amont where won)\n\n  / 2\n',
    find: 'amont',
    line: 3,
    column: 7,
    endLine: 3,
    endColumn: 12,
  },
];

describe('string scalars map their characters to the file', () => {
  test.each(cases)('$name', ({ yaml, find, line, column, endLine, endColumn }) => {
    const { node, files } = formulaNode(yaml);
    const text = String(node.value);
    const at = text.indexOf(find);
    expect(at).toBeGreaterThanOrEqual(0);
    const span = scalarSubSpan(node, at, at + find.length);
    expect(lineCol(files, span)).toEqual({ line, column });
    expect(lineCol(files, { ...span, start: span.end })).toEqual({ line: endLine, column: endColumn });
  });

  test('escapes leave offsets undefined, and positions fall back to the whole scalar', () => {
    const { node } = formulaNode('kpi: k\nformula: "sum(amont)\\t"\n');
    expect(node.offsets).toBeUndefined();
    expect(scalarSubSpan(node, 4, 9)).toEqual(node.span);
    expect(node.span).toEqual({ file: 'k.yaml', start: 16, end: 30 });
  });

  test('the end offset of a plain scalar is its last character plus one', () => {
    const { node } = formulaNode('kpi: k\nformula: sum(x)\n');
    expect(node.offsets).toEqual([16, 17, 18, 19, 20, 21, 22]);
  });

  test('property: every mapped character is the character of the value (or a folded line break)', () => {
    const styles = ['PLAIN', 'QUOTE_SINGLE', 'QUOTE_DOUBLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'] as const;
    const word = fc.stringMatching(/^[a-z_()*+/' =<>.0-9]{1,12}$/);
    const value = fc
      .array(fc.oneof(word, fc.constant(' '), fc.constant('\n')), { minLength: 1, maxLength: 30 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(value, fc.constantFrom(...styles), fc.integer({ min: 20, max: 60 }), (v, style, lineWidth) => {
        const yaml = 'kpi: k\n' + stringify({ formula: v }, { defaultStringType: style, lineWidth, minContentWidth: 10 });
        const result = loadFiles({ 'k.yaml': yaml });
        const node = result.value.kpis.get('k')?.formula.node;
        if (node === undefined || typeof node.value !== 'string') return; // yaml chose another shape
        const text = result.value.files.get('k.yaml')?.text ?? '';
        const offsets = node.offsets;
        // Only escapes (double quotes) or an all-blank value may leave a scalar without offsets.
        if (!yaml.includes('"') && node.value.trim() !== '') expect(offsets).toBeDefined();
        if (offsets === undefined) return;
        expect(offsets.length).toBe(node.value.length + 1);
        for (let i = 0; i < node.value.length; i++) {
          const c = node.value[i];
          const f = text[offsets[i] ?? -1];
          if (c !== f) expect([' ', '\n']).toContain(c);
          if (c !== f) expect(['\n', '\r']).toContain(f);
          if (i > 0) expect(offsets[i]).toBeGreaterThan(offsets[i - 1] ?? 0);
        }
      }),
      { numRuns: 400 },
    );
  });

  test('literal blocks and plain one-line scalars always get offsets', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z][a-z_()*+/ =<>.0-9]{0,40}[a-z)]$/), (v) => {
        for (const yaml of [`kpi: k\nformula: ${v}\n`, `kpi: k\nformula: |\n  ${v}\n  ${v}\n`]) {
          const node = loadFiles({ 'k.yaml': yaml }).value.kpis.get('k')?.formula.node;
          expect(node?.offsets).toBeDefined();
        }
      }),
      { numRuns: 200 },
    );
  });
});
