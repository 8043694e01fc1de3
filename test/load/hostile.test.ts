import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DIAGNOSTIC_CODES } from '../../src/diagnostics/codes.js';
import { loadCatalogFromFiles } from '../../src/load/load-catalog.js';
import { loadFiles, positions } from './helpers.js';

/** Loads `text` as one catalog file and checks the result is well-formed. */
function loadHostile(text: string, file = 'kpis/x.yaml'): ReturnType<typeof loadFiles> {
  const result = loadCatalogFromFiles(
    new Map([
      ['catalog.yaml', 'catalog: acme\n'],
      [file, text],
    ]),
  );
  for (const d of result.diagnostics) {
    expect(DIAGNOSTIC_CODES[d.code]).toBeDefined();
    const source = result.value.files.get(d.span.file);
    const length = source?.text.length ?? 0;
    expect(d.span.start).toBeGreaterThanOrEqual(0);
    expect(d.span.end).toBeGreaterThanOrEqual(d.span.start);
    expect(d.span.end).toBeLessThanOrEqual(length);
    expect(d.message.length).toBeGreaterThan(0);
  }
  return result;
}

function billionLaughs(levels: number): string {
  const lines = ['test: lol', 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < levels; i++)
    lines.push(
      `a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  return lines.join('\n') + '\n';
}

describe('hostile input never throws', () => {
  const cases: { name: string; text: string; errors: { code: string; line: number; column: number }[] }[] = [
    {
      name: 'BOM: columns count from the first visible character',
      text: '\uFEFFkpi: k\nformula: x\nunit: percnt\n',
      errors: [{ code: 'schema/bad-value', line: 3, column: 7 }],
    },
    { name: 'BOM before a bad kind', text: '\uFEFFkip: k\n', errors: [{ code: 'load/unknown-kind', line: 1, column: 1 }] },
    {
      name: 'CRLF line ends',
      text: 'kpi: k\r\nformula: x\r\nformual: y\r\n',
      errors: [{ code: 'schema/unknown-key', line: 3, column: 1 }],
    },
    { name: 'lone CR line ends', text: 'kpi: k\rformula: x\rformual: y\r', errors: [{ code: 'schema/unknown-key', line: 3, column: 1 }] },
    { name: 'tabs inside values are fine', text: 'kpi: k\nformula: sum(x)\t# tab before comment\ntitle: a\tb\n', errors: [] },
    { name: 'tab indentation', text: 'kpi: k\nformula: x\ntags:\n\t- a\n', errors: [{ code: 'load/yaml-syntax', line: 4, column: 1 }] },
    {
      name: '__proto__ and constructor keys are plain unknown keys',
      text: 'kpi: k\nformula: x\n__proto__: { polluted: true }\nconstructor: 1\n',
      errors: [
        { code: 'schema/unknown-key', line: 3, column: 1 },
        { code: 'schema/unknown-key', line: 4, column: 1 },
      ],
    },
    {
      name: '__proto__ as a column name is just a name',
      text: 'source: s\nfile: s.csv\ncolumns:\n  __proto__: { type: string }\n',
      errors: [],
    },
    { name: 'alias bomb', text: billionLaughs(9), errors: [{ code: 'load/yaml-syntax', line: 6, column: 10 }] },
    { name: 'alias inside its own anchor', text: 'test: t\na: &x [1, *x]\n', errors: [{ code: 'load/yaml-syntax', line: 2, column: 11 }] },
    {
      name: 'deep nesting inside the limit of yaml but over ours',
      text: `test: t\nx: ${'['.repeat(100)}${']'.repeat(100)}\n`,
      errors: [{ code: 'load/yaml-syntax', line: 2, column: 67 }],
    },
    { name: 'a NUL character', text: 'kpi: k\nformula: "a\0b"\n', errors: [] },
    { name: 'a custom tag', text: 'kpi: k\nformula: !weird x\n', errors: [{ code: 'load/yaml-syntax', line: 2, column: 10 }] },
    {
      name: 'a YAML 1.1 directive keeps << a plain key',
      text: '%YAML 1.1\n---\nkpi: k\nformula: x\n<<: { title: t }\n',
      errors: [{ code: 'schema/unknown-key', line: 5, column: 1 }],
    },
    {
      name: 'infinite number where a number is expected',
      text: 'kpi: k\nformula: x\nthresholds: { green: .inf }\n',
      errors: [{ code: 'schema/wrong-type', line: 3, column: 22 }],
    },
  ];

  test.each(cases)('$name', ({ text, errors }) => {
    const result = loadHostile(text);
    const got = positions(result)
      .filter((p) => p.file === 'kpis/x.yaml')
      .map(({ code, line, column }) => ({ code, line, column }));
    expect(got).toEqual(errors);
  });

  test('nesting deeper than the YAML parser copes with', () => {
    // Where yaml gives up depends on the stack size, so only the code is fixed.
    const result = loadHostile('['.repeat(20000) + ']'.repeat(20000));
    expect(result.diagnostics.map((d) => d.code)).toEqual(['load/yaml-syntax']);
  });

  test('__proto__ keys do not pollute prototypes', () => {
    loadHostile('kpi: k\nformula: x\n__proto__: { polluted: true }\n');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  test('a huge file', () => {
    const rows = '          - { period: 2025-01-01, a: 1, b: 2.5, c: "text" }\n'.repeat(20_000);
    const text = `test: big\ncases:\n  - case: many rows\n    expect:\n      - values:\n${rows}`;
    const result = loadHostile(text);
    expect(result.diagnostics).toEqual([]);
    expect(result.value.documents).toHaveLength(2);
  });

  test('a huge formula keeps exact offsets', () => {
    const formula = 'sum(amount) + '.repeat(200_000) + 'sum(amont)';
    const result = loadHostile(`kpi: k\nformula: |\n  ${formula}\n`);
    expect(result.diagnostics).toEqual([]);
    const node = result.value.kpis.get('k')?.formula.node;
    expect(node?.offsets?.[formula.length - 6]).toBe(7 + 11 + 2 + formula.length - 6);
  });

  test('property: arbitrary strings as a catalog file only give diagnostics', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        loadHostile(text);
      }),
      { numRuns: 500 },
    );
  });

  test('property: YAML-looking noise only gives diagnostics', () => {
    const token = fc.constantFrom(
      'kpi: ',
      'source: ',
      'catalog: ',
      'lookup: ',
      'formula: ',
      'columns:',
      'type: ',
      'x',
      'win_rate',
      '\n',
      '\r\n',
      '  ',
      '\t',
      '- ',
      ': ',
      '? ',
      '&a ',
      '*a',
      '*b',
      '&b ',
      '[',
      ']',
      '{',
      '}',
      ', ',
      "'",
      '"',
      '\\',
      '|',
      '>',
      '|-',
      '#',
      '---\n',
      '...\n',
      '<<: ',
      '!!str ',
      '!x ',
      '%YAML 1.2\n',
      '\uFEFF',
      '__proto__',
      '1.5',
      '.inf',
      '~',
      'null',
      'true',
      '\u2028',
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 60 }), (tokens) => {
        loadHostile(tokens.join(''));
        loadHostile(tokens.join(''), 'catalog.yaml');
      }),
      { numRuns: 1000 },
    );
  });
});
