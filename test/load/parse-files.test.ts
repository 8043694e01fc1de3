import { describe, expect, test } from 'vitest';
import { parseCatalogFiles } from '../../src/load/parse-files.js';
import { loadFiles, positions, ROOT, type Where } from './helpers.js';

interface Case {
  readonly name: string;
  readonly files: Record<string, string>;
  readonly errors: readonly Where[];
  /** A fragment the first diagnostic's message (or hint) must contain. */
  readonly says?: string;
}

const cases: Case[] = [
  {
    name: 'YAML syntax error at the position yaml gives',
    files: { 'kpis/a.yaml': 'kpi: a\ntitle: Win rate: by count\nformula: x\n' },
    errors: [{ code: 'load/yaml-syntax', file: 'kpis/a.yaml', line: 2, column: 8 }],
    says: 'must be quoted',
  },
  {
    name: 'tab used as indentation',
    files: { 'kpis/a.yaml': 'kpi: a\nformula: x\ntags:\n\t- x\n' },
    errors: [{ code: 'load/yaml-syntax', file: 'kpis/a.yaml', line: 4, column: 1 }],
    says: 'tabs',
  },
  {
    name: 'unterminated flow list',
    files: { 'kpis/a.yaml': 'kpi: a\nformula: x\ntags: [a, b\nunit: count\n' },
    errors: [{ code: 'load/yaml-syntax', file: 'kpis/a.yaml', line: 4, column: 1 }],
  },
  {
    name: 'duplicate key names the key',
    files: { 'kpis/a.yaml': 'kpi: a\nformula: x\nformula: y\n' },
    errors: [{ code: 'load/yaml-syntax', file: 'kpis/a.yaml', line: 3, column: 1 }],
    says: 'duplicate key `formula`',
  },
  {
    name: 'duplicate key with different scalar types of the same spelling',
    files: { 'l.yaml': 'lookup: l\nkey: k\nrows:\n  1: 0.5\n  "1": 0.6\n' },
    errors: [{ code: 'load/yaml-syntax', file: 'l.yaml', line: 5, column: 3 }],
    says: 'duplicate key `1`',
  },
  {
    name: 'alias with no anchor',
    files: { 'kpis/a.yaml': 'kpi: a\nformula: *nope\n' },
    errors: [{ code: 'load/yaml-syntax', file: 'kpis/a.yaml', line: 2, column: 10 }],
    says: '`*nope`',
  },
  {
    name: 'a list is not a document',
    files: { 'kpis/a.yaml': '- a\n- b\n' },
    errors: [{ code: 'load/not-a-mapping', file: 'kpis/a.yaml', line: 1, column: 1 }],
  },
  {
    name: 'a plain text document',
    files: { 'kpis/a.yaml': 'kpi: a\nformula: x\n---\njust some text\n' },
    errors: [{ code: 'load/not-a-mapping', file: 'kpis/a.yaml', line: 4, column: 1 }],
  },
  {
    name: 'an empty mapping',
    files: { 'kpis/a.yaml': '{}\n' },
    errors: [{ code: 'load/not-a-mapping', file: 'kpis/a.yaml', line: 1, column: 1 }],
  },
  {
    name: 'unknown kind, with a suggestion',
    files: { 'kpis/a.yaml': '# win rate\nkip: win_rate\nformula: x\n' },
    errors: [{ code: 'load/unknown-kind', file: 'kpis/a.yaml', line: 2, column: 1 }],
    says: 'did you mean `kpi`?',
  },
  {
    name: 'kind key not first',
    files: { 'kpis/a.yaml': 'title: Win rate\nkpi: win_rate\nformula: x\n' },
    errors: [{ code: 'load/unknown-kind', file: 'kpis/a.yaml', line: 1, column: 1 }],
    says: 'move `kpi:` to the top',
  },
  {
    name: 'bad id with a fixed version',
    files: { 'kpis/a.yaml': 'kpi: Win Rate\nformula: x\n' },
    errors: [{ code: 'load/bad-id', file: 'kpis/a.yaml', line: 1, column: 6 }],
    says: 'did you mean `win_rate`?',
  },
  {
    name: 'id that is not text',
    files: { 'kpis/a.yaml': 'kpi: [a, b]\nformula: x\n' },
    errors: [{ code: 'load/bad-id', file: 'kpis/a.yaml', line: 1, column: 6 }],
  },
  {
    name: 'missing id points at the kind key',
    files: { 'kpis/a.yaml': 'kpi:\nformula: x\n' },
    errors: [{ code: 'load/bad-id', file: 'kpis/a.yaml', line: 1, column: 1 }],
  },
  {
    name: 'duplicate KPI ids across files',
    files: { 'kpis/a.yaml': 'kpi: win_rate\nformula: x\n', 'kpis/b.yaml': '# again\nkpi: win_rate\nformula: y\n' },
    errors: [
      { code: 'load/duplicate-id', file: 'kpis/a.yaml', line: 1, column: 6 },
      { code: 'load/duplicate-id', file: 'kpis/b.yaml', line: 2, column: 6 },
    ],
    says: 'duplicate KPI id `win_rate`: it is also defined at kpis/b.yaml:2',
  },
  {
    name: 'sources, KPIs and lookups share one namespace',
    files: {
      'kpis/a.yaml': 'kpi: opportunities\nformula: x\n',
      'sources/o.yaml': 'source: opportunities\nfile: o.csv\ncolumns: {}\n',
    },
    errors: [
      { code: 'load/duplicate-id', file: 'kpis/a.yaml', line: 1, column: 6 },
      { code: 'load/duplicate-id', file: 'sources/o.yaml', line: 1, column: 9 },
    ],
    says: 'it is also the id of the source at sources/o.yaml:1; sources, KPIs and lookups share one namespace',
  },
  {
    name: 'a lookup named like a KPI in the same file',
    files: { 'k.yaml': 'kpi: rate\nformula: x\n---\nlookup: rate\nkey: k\nrows: {a: 1}\n' },
    errors: [
      { code: 'load/duplicate-id', file: 'k.yaml', line: 1, column: 6 },
      { code: 'load/duplicate-id', file: 'k.yaml', line: 4, column: 9 },
    ],
  },
  {
    name: 'other kinds have their own namespaces',
    files: {
      'k.yaml':
        'kpi: sales\nformula: x\n---\nscorecard: sales\n---\nalert: sales\nwhen: x > 1\n---\nrole: sales\nhierarchy: org\nmembers: x\nperspectives: {}\n',
    },
    errors: [],
  },
  {
    name: 'duplicate scorecards',
    files: { 's.yaml': 'scorecard: main\n---\nscorecard: main\n' },
    errors: [
      { code: 'load/duplicate-id', file: 's.yaml', line: 1, column: 12 },
      { code: 'load/duplicate-id', file: 's.yaml', line: 3, column: 12 },
    ],
  },
  {
    name: 'catalog document outside the root file',
    files: { 'kpis/a.yaml': 'catalog: other\n' },
    errors: [{ code: 'load/catalog-document', file: 'kpis/a.yaml', line: 1, column: 1 }],
  },
  {
    name: 'two catalog documents',
    files: { 'catalog.yaml': 'catalog: acme\n---\ncatalog: acme2\n' },
    errors: [{ code: 'load/catalog-document', file: 'catalog.yaml', line: 3, column: 1 }],
    says: 'catalog.yaml:1',
  },
  {
    name: 'root file without a catalog document',
    files: { 'catalog.yaml': 'kpi: a\nformula: x\n' },
    errors: [{ code: 'load/catalog-document', file: 'catalog.yaml', line: 1, column: 1 }],
  },
  {
    name: 'several documents per file, empty ones skipped, positions per document',
    files: { 'k.yaml': '---\nkpi: a\nformula: x\n---\n# nothing here\n---\nkpi: b\nformual: y\n...\n' },
    errors: [{ code: 'schema/unknown-key', file: 'k.yaml', line: 8, column: 1 }],
  },
];

describe('parseCatalogFiles and the load codes', () => {
  test.each(cases)('$name', ({ files, errors, says }) => {
    const result = loadFiles(files);
    expect(positions(result)).toEqual(errors);
    if (says !== undefined) {
      const d = result.diagnostics[0];
      expect(`${d?.message} ${d?.hint ?? ''}`).toContain(says);
    }
  });

  test('a missing root file is reported once', () => {
    const result = parseCatalogFiles(new Map([['kpis/a.yaml', 'kpi: a\nformula: x\n']]));
    expect(result.diagnostics.map((d) => [d.code, d.span.file])).toEqual([['load/missing-catalog', 'catalog.yaml']]);
  });

  test('documents carry kind, id, spans and file; files are sorted with every text kept', () => {
    const result = parseCatalogFiles(
      new Map([
        ['sources/z.yaml', 'source: opps\nfile: o.csv\ncolumns: {}\n'],
        ['catalog.yaml', ROOT],
        ['kpis/a.yml', '\nkpi: win_rate\nformula: x\n---\nkpi: loss_rate\nformula: y\n'],
      ]),
    );
    expect(result.diagnostics).toEqual([]);
    expect(result.value.documents.map((d) => `${d.file}:${d.kind}:${d.id}`)).toEqual([
      'catalog.yaml:catalog:acme',
      'kpis/a.yml:kpi:win_rate',
      'kpis/a.yml:kpi:loss_rate',
      'sources/z.yaml:source:opps',
    ]);
    const win = result.value.documents[1];
    expect(win?.kindSpan).toEqual({ file: 'kpis/a.yml', start: 1, end: 4 });
    expect(win?.idSpan).toEqual({ file: 'kpis/a.yml', start: 6, end: 14 });
    expect([...result.value.files.keys()]).toEqual(['catalog.yaml', 'kpis/a.yml', 'sources/z.yaml']);
  });

  test('a duplicate id is an error at every place, each relating the others; neither KPI is kept', () => {
    const result = loadFiles({
      'kpis/a.yaml': 'kpi: x\nformula: a\n',
      'kpis/b.yaml': 'kpi: x\nformula: b\n',
      'kpis/c.yaml': 'kpi: x\nformula: c\n',
    });
    expect(result.diagnostics.map((d) => [d.span.file, d.related?.map((r) => `${r.span.file} ${r.message}`)])).toEqual([
      ['kpis/a.yaml', ['kpis/b.yaml also `x` (KPI)', 'kpis/c.yaml also `x` (KPI)']],
      ['kpis/b.yaml', ['kpis/a.yaml also `x` (KPI)', 'kpis/c.yaml also `x` (KPI)']],
      ['kpis/c.yaml', ['kpis/a.yaml also `x` (KPI)', 'kpis/b.yaml also `x` (KPI)']],
    ]);
    expect([result.value.kpis.has('x'), [...result.value.clashes]]).toEqual([false, ['x']]);
  });

  test('a `<<` merge key is just a key', () => {
    const result = loadFiles({ 'k.yaml': 'kpi: k\nformula: x\n<<: { title: merged }\n' });
    expect(positions(result)).toEqual([{ code: 'schema/unknown-key', file: 'k.yaml', line: 3, column: 1 }]);
    expect(result.value.kpis.get('k')?.title).toBeUndefined();
  });

  test('aliases resolve to the anchored value; keys of any scalar type become strings', () => {
    const result = loadFiles({
      'l.yaml':
        'lookup: l\nkey: &k stage\nvalue: *k\nwindow: 4 quarters\n---\nlookup: m\nkey: k\nrows:\n  1: 0.5\n  true: 0.25\n  1.50: 1\n  ~: 2\n',
    });
    expect(result.diagnostics).toEqual([]);
    expect(result.value.lookups.get('l')?.value?.value).toBe('stage');
    expect([...(result.value.lookups.get('m')?.rows?.keys() ?? [])]).toEqual(['1', 'true', '1.50', '~']);
  });
});
