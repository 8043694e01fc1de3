import { describe, expect, test } from 'vitest';
import { loadFiles, positions, type Where } from '../load/helpers.js';

interface Case {
  readonly name: string;
  readonly yaml: string;
  readonly errors: readonly Omit<Where, 'file'>[];
  /** The first diagnostic's message, exactly. */
  readonly message?: string;
  readonly hint?: string;
}

const SOURCE = 'source: opportunities\nfile: opportunities.csv\n';

const cases: Case[] = [
  {
    name: 'unknown key at the top of a kpi suggests the nearest key (and is one problem, not two)',
    yaml: 'kpi: win_rate\nformual: count(x)\n',
    errors: [{ code: 'schema/unknown-key', line: 2, column: 1 }],
    message: 'unknown key `formual` in kpi `win_rate`; did you mean `formula`?',
  },
  {
    name: 'unknown key inside a nested column definition',
    yaml: `${SOURCE}columns:\n  amount: { type: money, requird: true }\n`,
    errors: [{ code: 'schema/unknown-key', line: 4, column: 26 }],
    message: 'unknown key `requird` in column `amount` of source `opportunities`; did you mean `required`?',
  },
  {
    name: 'unknown key far from any valid key lists the allowed keys',
    yaml: `${SOURCE}columns:\n  amount:\n    type: money\n    zzzzzz: 1\n`,
    errors: [{ code: 'schema/unknown-key', line: 6, column: 5 }],
    hint: 'allowed keys: `type`, `required`, `unique`, `values`, `from`, `format`, `scale`, `description`',
  },
  {
    name: 'scale on a column that is not money',
    yaml: `${SOURCE}columns:\n  qty: { type: integer, scale: 2 }\n`,
    errors: [{ code: 'schema/conflicting-keys', line: 4, column: 25 }],
    message: '`scale` is only for money columns, but column `qty` of source `opportunities` is `integer`',
    hint: 'remove `scale:`, or declare `type: money`',
  },
  {
    name: 'scale of a money column out of range',
    yaml: `${SOURCE}columns:\n  amount: { type: money, scale: 13 }\n`,
    errors: [{ code: 'schema/bad-format', line: 4, column: 33 }],
    message: '`scale` of column `amount` of source `opportunities` must be between 0 and 12; found the number 13',
  },
  {
    name: 'bad enum value with a suggestion',
    yaml: 'kpi: win_rate\nformula: x\nunit: percnt\n',
    errors: [{ code: 'schema/bad-value', line: 3, column: 7 }],
    message: '`percnt` is not a valid `unit` in kpi `win_rate`; did you mean `percent`?',
    hint: 'expected one of `count`, `money`, `percent`, `ratio`, `days`, `number`',
  },
  {
    name: 'bad enum value far from any allowed value lists them',
    yaml: 'kpi: k\nformula: x\ndirection: sideways\n',
    errors: [{ code: 'schema/bad-value', line: 3, column: 12 }],
    message: '`sideways` is not a valid `direction` in kpi `k`; expected one of `up`, `down`',
  },
  {
    name: 'bad column type',
    yaml: `${SOURCE}columns:\n  amount: { type: mony }\n`,
    errors: [{ code: 'schema/bad-value', line: 4, column: 19 }],
  },
  {
    name: 'columns written as a list',
    yaml: `${SOURCE}columns: [amount, stage]\n`,
    errors: [{ code: 'schema/wrong-type', line: 3, column: 10 }],
    message: '`columns` of source `opportunities` must be a mapping of column names to column definitions; found a list',
  },
  {
    name: 'a column given only a type name',
    yaml: `${SOURCE}columns:\n  amount: money\n`,
    errors: [{ code: 'schema/wrong-type', line: 4, column: 11 }],
    message:
      'column `amount` of source `opportunities` must be a column definition: a mapping with at least `type:`; found the text `money`',
  },
  {
    name: 'missing required keys at the document kind key',
    yaml: 'source: opportunities\ncolumns: {}\n',
    errors: [{ code: 'schema/missing-key', line: 1, column: 1 }],
    message: 'source `opportunities` has neither `file` (data files) nor `table` (a table or view of a database)',
  },
  {
    name: 'a source with both a file and a table',
    yaml: 'source: opportunities\nfile: o.csv\ntable: crm.opportunities\ncolumns: {}\n',
    errors: [{ code: 'schema/conflicting-keys', line: 3, column: 1 }],
    message: 'source `opportunities` has both `file` and `table`; a source reads files or a database table, not both',
  },
  {
    name: 'a table name that is not one',
    yaml: 'source: opportunities\ntable: crm.opportunities; drop\ncolumns: {}\n',
    errors: [{ code: 'schema/bad-format', line: 2, column: 8 }],
  },
  {
    name: 'missing key of a nested mapping at its owning key',
    yaml: `${SOURCE}columns:\n  account_id: { type: string }\njoins:\n  account:\n    to: accounts\n`,
    errors: [{ code: 'schema/missing-key', line: 6, column: 3 }],
    message: 'missing key `on` in join `account` of source `opportunities`',
  },
  {
    name: 'missing column type',
    yaml: `${SOURCE}columns:\n  amount: { required: true }\n`,
    errors: [{ code: 'schema/missing-key', line: 4, column: 3 }],
  },
  {
    name: 'override without where points at the list item',
    yaml: 'kpi: k\nformula: x\noverrides:\n  - target: 3\n',
    errors: [{ code: 'schema/missing-key', line: 4, column: 5 }],
    message: 'missing key `where` in override 1 of kpi `k`',
  },
  {
    name: 'empty formula points at its key',
    yaml: 'kpi: k\nformula:\n',
    errors: [{ code: 'schema/wrong-type', line: 2, column: 1 }],
    message: '`formula` of kpi `k` is empty; expected a formula (text)',
  },
  {
    name: 'target that is neither a number nor a formula',
    yaml: 'kpi: k\nformula: x\ntarget: [1, 2]\n',
    errors: [{ code: 'schema/wrong-type', line: 3, column: 9 }],
    message: '`target` of kpi `k` must be a number or a formula; found a list',
  },
  {
    name: 'a number target and a formula target are both fine',
    yaml: "kpi: k\nformula: x\ntarget: 0.25\noverrides:\n  - where: region = 'EMEA'\n    target: prior(k, 1 year)\n",
    errors: [],
  },
  {
    name: 'thresholds that are not numbers',
    yaml: 'kpi: k\nformula: x\nthresholds: { green: high, amber: 0.8, red: 0.5 }\n',
    errors: [
      { code: 'schema/wrong-type', line: 3, column: 22 },
      { code: 'schema/unknown-key', line: 3, column: 40 },
    ],
  },
  {
    name: 'fiscal year start out of range',
    yaml: 'catalog: acme\ncalendar:\n  fiscal_year_start: 13\n',
    errors: [{ code: 'schema/bad-format', line: 3, column: 22 }],
    message: '`calendar.fiscal_year_start` of catalog `acme` must be between 1 and 12; found the number 13',
  },
  {
    name: 'fiscal year start not a whole number',
    yaml: 'catalog: acme\ncalendar:\n  fiscal_year_start: 2.5\n',
    errors: [{ code: 'schema/wrong-type', line: 3, column: 22 }],
  },
  {
    name: 'version written as a number',
    yaml: 'catalog: acme\nversion: 1.4\n',
    errors: [{ code: 'schema/wrong-type', line: 2, column: 10 }],
  },
  {
    name: 'version not semver',
    yaml: "catalog: acme\nversion: '1.4'\n",
    errors: [{ code: 'schema/bad-format', line: 2, column: 10 }],
  },
  {
    name: 'currency code',
    yaml: 'catalog: acme\ncurrency: dollars\n',
    errors: [{ code: 'schema/bad-format', line: 2, column: 11 }],
  },
  {
    name: 'approvals for an unknown kind',
    yaml: 'catalog: acme\ngovernance:\n  approvals:\n    kpis: [sales_ops]\n',
    errors: [{ code: 'schema/unknown-key', line: 4, column: 5 }],
    message: 'unknown key `kpis` in `governance.approvals` of catalog `acme`; did you mean `kpi`?',
  },
  {
    name: 'delimiter longer than one character',
    yaml: `${SOURCE}columns: {}\ndelimiter: ";;"\n`,
    errors: [{ code: 'schema/bad-format', line: 4, column: 12 }],
    message: '`delimiter` of source `opportunities` must be exactly one character; found `;;`',
  },
  {
    name: 'unknown file format',
    yaml: `${SOURCE}columns: {}\nformat: xlsx\n`,
    errors: [{ code: 'schema/bad-value', line: 4, column: 9 }],
  },
  {
    name: 'column name that is not a name in formulas',
    yaml: `${SOURCE}columns:\n  Close Date: { type: date }\n`,
    errors: [{ code: 'schema/bad-format', line: 4, column: 3 }],
    hint: 'name the column like `close_date` and give its header with `from: "Close Date"`',
  },
  {
    name: 'repeated enumeration value points at the repeat',
    yaml: `${SOURCE}columns:\n  stage: { type: string, values: [Won, Lost, Won] }\n`,
    errors: [{ code: 'schema/bad-format', line: 4, column: 46 }],
  },
  {
    name: 'replaced_by that is not an id',
    yaml: 'kpi: k\nformula: x\nstatus: deprecated\nreplaced_by: New Rate\n',
    errors: [{ code: 'schema/bad-format', line: 4, column: 14 }],
    hint: 'did you mean `new_rate`?',
  },
  {
    name: 'tags must be text',
    yaml: 'kpi: k\nformula: x\ntags: [a, [b]]\n',
    errors: [{ code: 'schema/wrong-type', line: 3, column: 11 }],
  },
  {
    name: 'lookup with neither rows nor value',
    yaml: 'lookup: l\nkey: stage\n',
    errors: [{ code: 'schema/missing-key', line: 1, column: 1 }],
  },
  {
    name: 'lookup with both rows and value',
    yaml: 'lookup: l\nkey: stage\nrows: { a: 1 }\nvalue: k\n',
    errors: [{ code: 'schema/conflicting-keys', line: 4, column: 1 }],
  },
  {
    name: 'window without a KPI value',
    yaml: 'lookup: l\nkey: stage\nrows: { a: 1 }\nwindow: 4 quarters\n',
    errors: [{ code: 'schema/missing-key', line: 4, column: 1 }],
  },
  {
    name: 'lookup rows must be numbers',
    yaml: 'lookup: l\nkey: stage\nrows:\n  Discovery: ten percent\n',
    errors: [{ code: 'schema/wrong-type', line: 4, column: 14 }],
    message: 'row `Discovery` of lookup `l` must be a number; found the text `ten percent`',
  },
  {
    name: 'a bad id is reported once (by the loader, not again by the schema)',
    yaml: 'kpi: Win_Rate\nformula: x\n',
    errors: [{ code: 'load/bad-id', line: 1, column: 6 }],
  },
  {
    name: 'several problems in one document, each once, in file order',
    yaml: 'kpi: k\nformula: x\nunit: percnt\nowner: [a]\ntitel: T\n',
    errors: [
      { code: 'schema/bad-value', line: 3, column: 7 },
      { code: 'schema/wrong-type', line: 4, column: 8 },
      { code: 'schema/unknown-key', line: 5, column: 1 },
    ],
  },
];

describe('validateDocuments', () => {
  test.each(cases)('$name', ({ yaml, errors, message, hint }) => {
    const result = loadFiles({ 'doc.yaml': yaml, ...(yaml.startsWith('catalog:') ? { 'catalog.yaml': yaml } : {}) });
    const file = yaml.startsWith('catalog:') ? 'catalog.yaml' : 'doc.yaml';
    const got = positions(result)
      .filter((p) => p.file === file)
      .map(({ code, line, column }) => ({ code, line, column }));
    expect(got).toEqual(errors);
    const first = result.diagnostics.find((d) => d.span.file === file);
    if (message !== undefined) expect(first?.message).toBe(message);
    if (hint !== undefined) expect(first?.hint).toBe(hint);
  });

  test('messages never show ajv wording or JSON pointers', () => {
    const result = loadFiles({
      'doc.yaml': `${SOURCE}columns:\n  a: { type: x, b: 1, values: [] }\n  c: 3\njoins: { j: { } }\ndelimiter: ''\n---\nlookup: l\nkey: ''\n`,
    });
    expect(result.diagnostics.length).toBeGreaterThan(4);
    for (const d of result.diagnostics) {
      expect(d.message).not.toMatch(/must NOT|must have|must match|\/columns|instancePath|#\/|additional properties/);
    }
  });
});
