import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSourceData, type CheckOptions } from '../../src/engine/check-data.js';
import { openDatabase, type Database } from '../../src/engine/duckdb.js';
import { locateSourceFiles } from '../../src/engine/source-files.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { Decimal } from '../../src/model/decimal.js';
import type { SourceDef } from '../../src/model/types.js';
import { stringLiteral } from '../../src/sql/quote.js';
import { columnSpan, FILE_SPAN, makeSource, tempFolder, type ColumnSpec, type TempFolder } from './helpers.js';

let db: Database;
let data: TempFolder;
beforeAll(async () => {
  db = await openDatabase();
  data = tempFolder();
});
afterAll(() => {
  db.close();
  data.remove();
});

async function check(source: SourceDef, options: CheckOptions = {}) {
  const located = locateSourceFiles(source, data.dir);
  expect(located.diagnostics).toEqual([]);
  return checkSourceData(db, source, located.value, options);
}

/** code, message, line, column of each diagnostic (the things users read). */
function brief(diagnostics: readonly Diagnostic[]) {
  return diagnostics.map((d) => [d.code, d.message, d.location?.line, d.location?.column]);
}

const opportunities: [string, ColumnSpec][] = [
  ['id', { type: 'string', required: true, unique: true }],
  ['close_date', { type: 'date', from: 'Close Date', format: '%m/%d/%Y', required: true }],
  ['note', { type: 'string', from: 'Note' }],
  ['amount', { type: 'money' }],
  ['stage', { type: 'string', values: ['Open', 'Won', 'Lost'] }],
];

describe('bad values', () => {
  it('reports a bad date at its physical line and field, after quoted line breaks, CRLF and blank lines', async () => {
    const file = data.write(
      'lines.csv',
      [
        'id,Close Date,Note,amount,stage', // line 1
        'a,09/06/2023,"two', // 2
        'lines",1,Open', // 3
        '', // 4 (blank, skipped by readers)
        'b,13/45/2024,plain,2,Won', // 5
        'c,2023-09-06 00:00:00,"x\r\ny\r\nz",3,Lost', // 6-8 (CRLF inside quotes)
        'd,12/31/2024,"",4.5,Open', // 9
        'e,02/30/2024,"""quoted""",5,Won', // 10
      ].join('\n'),
    );
    const result = await check(makeSource('opps', 'lines.csv', opportunities));
    expect(brief(result.diagnostics)).toEqual([
      ['data/bad-value', '`13/45/2024` in column `close_date` is not a date (expected format %m/%d/%Y)', 5, 2],
      ['data/bad-value', '`02/30/2024` in column `close_date` is not a date (expected format %m/%d/%Y)', 10, 2],
    ]);
    expect(result.diagnostics.map((d) => d.span)).toEqual([columnSpan(1), columnSpan(1)]);
    expect(result.diagnostics[0]?.location?.file).toBe(file);
    expect(result.diagnostics.every((d) => d.severity === 'error')).toBe(true);
  });

  it.each([
    ['integer', '12.5', 'an integer'],
    ['integer', 'twelve', 'an integer'],
    ['number', '1,5', 'a number'],
    ['number', 'NaN', 'a number'],
    ['money', '$12', 'an amount (a plain number with at most 2 decimal places, such as 1234.50)'],
    ['money', '1,200', 'an amount (a plain number with at most 2 decimal places, such as 1234.50)'],
    ['percent', 'half', 'a percentage (0.15 or 15%)'],
    ['boolean', 'maybe', 'a boolean (true or false)'],
    ['date', '2024-13-01', 'a date (expected YYYY-MM-DD)'],
    ['timestamp', 'noon', 'a timestamp (expected YYYY-MM-DD HH:MM:SS)'],
  ] as const)('%s: `%s` is not %s', async (type, value, expected) => {
    data.write(`typed-${type}.csv`, `k,v\nok,\nbad,"${value}"\n`);
    const result = await check(
      makeSource('t', `typed-${type}.csv`, [
        ['k', { type: 'string' }],
        ['v', { type }],
      ]),
    );
    expect(brief(result.diagnostics)).toEqual([['data/bad-value', `\`${value}\` in column \`v\` is not ${expected}`, 3, 2]]);
  });

  it('reports 20 bad values one by one, then how many more', async () => {
    const rows = Array.from({ length: 25 }, (_, i) => `${i},x${i}`);
    data.write('many.csv', `id,n\n${rows.join('\n')}\n`);
    const result = await check(
      makeSource('m', 'many.csv', [
        ['id', { type: 'string' }],
        ['n', { type: 'number' }],
      ]),
    );
    expect(result.diagnostics).toHaveLength(21);
    expect(result.diagnostics.slice(0, 20).map((d) => d.location?.line)).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
    expect(brief(result.diagnostics.slice(20))).toEqual([
      ['data/bad-value', 'and 5 more values in column `n` that are not a number', undefined, undefined],
    ]);
  });

  it('locates bad values in the right file of a glob', async () => {
    data.write('parts/a.csv', 'id,n\n1,1\n2,2\n');
    const second = data.write('parts/b.csv', 'n,id\n3,3\n"four",4\n');
    const result = await check(
      makeSource('p', 'parts/*.csv', [
        ['id', { type: 'string' }],
        ['n', { type: 'integer' }],
      ]),
    );
    expect(brief(result.diagnostics)).toEqual([['data/bad-value', '`four` in column `n` is not an integer', 3, 1]]);
    expect(result.diagnostics[0]?.location?.file).toBe(second);
  });

  it('numbers records per file when files share a layout', async () => {
    data.write('same/a.csv', 'id,n\n1,1\n2,"x"\n3,3\n');
    const second = data.write('same/b.csv', 'id,n\n4,4\n5,"y\nz"\n6,"w"\n');
    const result = await check(
      makeSource('s', 'same/*.csv', [
        ['id', { type: 'string' }],
        ['n', { type: 'integer' }],
      ]),
    );
    expect(result.diagnostics.map((d) => [d.location?.file, d.location?.line])).toEqual([
      [path.join(data.dir, 'same/a.csv'), 3],
      [second, 3],
      [second, 5],
    ]);
  });

  it('shows hostile values literally, with line breaks escaped', async () => {
    data.write('hostile.csv', `id,n\n1,"'); DROP TABLE x; --"\n2,"a\nb"\n`);
    const result = await check(
      makeSource('h', 'hostile.csv', [
        ['id', { type: 'string' }],
        ['n', { type: 'number' }],
      ]),
    );
    expect(brief(result.diagnostics)).toEqual([
      ['data/bad-value', "`'); DROP TABLE x; --` in column `n` is not a number", 2, 2],
      ['data/bad-value', '`a\\nb` in column `n` is not a number', 3, 2],
    ]);
  });
});

describe('contract: required, unique, values', () => {
  const content = [
    'id,Close Date,Note,amount,stage',
    'a,01/01/2024,,1,Open', // 2
    'b,,,2,Won', // 3  close_date empty
    'a,01/03/2024,,3,Closed Won', // 4  repeat of a; stage outside values
    ',01/04/2024,,4,Lost', // 5  id empty
    'c,01/05/2024,,5,Closed Won', // 6
    'b,01/06/2024,,6,won', // 7  repeat of b
    'a,01/07/2024,,7,', // 8  third a
  ].join('\n');

  it('reports counts and examples with their lines', async () => {
    data.write('contract.csv', content);
    const result = await check(makeSource('opps', 'contract.csv', opportunities));
    expect(brief(result.diagnostics)).toEqual([
      ['data/required', 'column `id` is required but empty in 1 row: line 5', 5, 1],
      ['data/required', 'column `close_date` is required but empty in 1 row: line 3', 3, 2],
      [
        'data/not-in-values',
        '3 rows of column `stage` hold a value not in its `values` list: `Closed Won` (lines 4 and 6), `won` (line 7)',
        4,
        5,
      ],
      [
        'data/unique',
        'column `id` must be unique, but 2 values occur more than once (5 rows): `a` (lines 2, 4 and 8), `b` (lines 3 and 7)',
        4,
        1,
      ],
    ]);
    expect(result.diagnostics.map((d) => d.span)).toEqual([columnSpan(0), columnSpan(1), columnSpan(4), columnSpan(0)]);
    expect(result.diagnostics[2]?.hint).toBe('allowed: `Open`, `Won`, `Lost`');
  });

  it('quarantines the bad rows to a file, leaves them out and warns', async () => {
    data.write('contract.csv', content);
    const target = path.join(data.dir, 'quarantine.csv');
    const source = makeSource('opps', 'contract.csv', opportunities);
    const result = await check(source, { quarantine: target });
    expect(result.diagnostics.every((d) => d.severity === 'warning')).toBe(true);
    const summary = result.diagnostics.find((d) => d.code === 'data/quarantined');
    expect(summary?.message).toMatch(/^6 of 7 rows of source `opps` break its data contract; they were written to `.*quarantine\.csv`/);
    expect(summary?.span).toEqual(source.idSpan);
    expect(result.value.quarantined).toBe(6);
    expect(result.value.rows).toBe(7);
    expect(await db.query(result.value.sql)).toEqual([
      { id: 'a', close_date: '2024-01-01', note: null, amount: new Decimal(100n, 2), stage: 'Open' },
    ]);
    expect(existsSync(target)).toBe(false);
    const written = (result.value.quarantineFile?.text ?? '').trim().split('\n');
    const file = path.join(data.dir, 'contract.csv');
    expect(written).toEqual([
      'file,line,reason,id,Close Date,Note,amount,stage',
      `${file},3,close_date is empty but required,b,,,2,Won`,
      `${file},4,stage is not one of its values; id repeats an earlier row,a,01/03/2024,,3,Closed Won`,
      `${file},5,id is empty but required,,01/04/2024,,4,Lost`,
      `${file},6,stage is not one of its values,c,01/05/2024,,5,Closed Won`,
      `${file},7,stage is not one of its values; id repeats an earlier row,b,01/06/2024,,6,won`,
      `${file},8,id repeats an earlier row,a,01/07/2024,,7,`,
    ]);
  });

  it('quarantines bad values too, and passes clean data untouched', async () => {
    data.write('typed.csv', 'id,n\n1,1\n2,x\n3,3\n');
    const source = makeSource('t', 'typed.csv', [
      ['id', { type: 'string' }],
      ['n', { type: 'integer' }],
    ]);
    const target = path.join(data.dir, 'q2.csv');
    const result = await check(source, { quarantine: target });
    expect(result.value.quarantined).toBe(1);
    expect(await db.query(`SELECT * FROM (${result.value.sql}) ORDER BY id`)).toEqual([
      { id: '1', n: 1 },
      { id: '3', n: 3 },
    ]);
    expect(result.value.quarantineFile?.text).toContain(',3,n is not an integer,2,x\n');

    data.write('clean.csv', 'id,n\n1,1\n');
    const clean = await check(
      makeSource('c', 'clean.csv', [
        ['id', { type: 'string' }],
        ['n', { type: 'integer' }],
      ]),
      { quarantine: path.join(data.dir, 'q3.csv') },
    );
    expect(clean.diagnostics).toEqual([]);
    expect(clean.value.quarantined).toBe(0);
    expect(clean.value.sql).toContain('read_csv');
  });

  it.each([
    ['integer', '1,2.0,3', ['1', '2'], ['`3`']],
    ['number', '0.5,1.0,2', ['0.5', '1'], ['`2.0`']],
    ['date', '2024-01-01,2024-01-01 00:00:00,2024-02-01', ['2024-01-01', 'not a date'], ['`2024-02-01`']],
    ['boolean', 'yes,true,no', ['true'], ['`false`']],
  ] as const)('compares %s values by value', async (type, cells, values, shown) => {
    data.write(`values-${type}.csv`, `v\n${cells.split(',').join('\n')}\n`);
    const result = await check(makeSource('v', `values-${type}.csv`, [['v', { type, values }]]));
    expect(result.diagnostics.map((d) => d.code)).toEqual(['data/not-in-values']);
    expect(result.diagnostics[0]?.message).toContain(`list: ${shown[0]} (line 4)`);
  });

  it('warns about rows without the default time anchor', async () => {
    data.write('time.csv', 'id,day\n1,2024-01-01\n2,\n3,\n');
    const source = makeSource(
      't',
      'time.csv',
      [
        ['id', { type: 'string' }],
        ['day', { type: 'date' }],
      ],
      { time: 'day' },
    );
    const result = await check(source);
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.message])).toEqual([
      ['data/null-time-anchor', 'warning', '2 of 3 rows of source `t` have no `day`, so they belong to no period'],
    ]);
    // The hint offers both readings; it never asks for `required: true` alone.
    expect(result.diagnostics[0]?.hint).toBe(
      'if rows without `day` are expected, say so with `required: false` on the column (this warning then stays quiet); if not, fill it in the export or refuse such rows with `required: true`',
    );
  });

  it('says nothing about empty time anchors the catalog declares expected (`required: false`)', async () => {
    data.write('time-optional.csv', 'id,day\n1,2024-01-01\n2,\n');
    const source = makeSource(
      't',
      'time-optional.csv',
      [
        ['id', { type: 'string' }],
        ['day', { type: 'date', required: false }],
      ],
      { time: 'day' },
    );
    const result = await check(source);
    expect(result.diagnostics).toEqual([]);
  });
});

describe('malformed files', () => {
  it.each([
    ['too many fields', 'id,n\n1,2\n"a\nb",3,4\n5,6\n', 3, 3, 'this row has 3 fields but the header has 2'],
    ['too few fields', 'id,n\n1,2\n3\n', 3, 1, 'this row has 1 field but the header has 2'],
    ['unclosed quote', 'id,n\n1,2\n3,"open\n4,5\n', 3, 1, 'a quoted field is not closed'],
    ['text after a quote', 'id,n\n1,"x"y\n', 2, 1, 'text follows a closing quote'],
  ])('%s', async (_, content, line, column, reason) => {
    data.write('malformed.csv', content);
    const result = await check(
      makeSource('m', 'malformed.csv', [
        ['id', { type: 'string' }],
        ['n', { type: 'string' }],
      ]),
    );
    expect(result.diagnostics).toHaveLength(1);
    const d = result.diagnostics[0];
    expect([d?.code, d?.location?.line, d?.location?.column, d?.span]).toEqual(['data/malformed-file', line, column, FILE_SPAN]);
    expect(d?.message).toContain(reason);
  });

  it('reports invalid UTF-8 at its line', async () => {
    data.write('latin1.csv', Buffer.concat([Buffer.from('id,n\n1,caf'), Buffer.from([0xe9]), Buffer.from('\n2,ok\n')]));
    const result = await check(
      makeSource('m', 'latin1.csv', [
        ['id', { type: 'string' }],
        ['n', { type: 'string' }],
      ]),
    );
    expect(result.diagnostics.map((d) => [d.code, d.location?.line])).toEqual([['data/malformed-file', 2]]);
    expect(result.diagnostics[0]?.message).toContain('not valid UTF-8');
  });

  it('reports an empty CSV file', async () => {
    data.write('empty.csv', '');
    const result = await check(makeSource('m', 'empty.csv', [['id', { type: 'string' }]]));
    expect(result.diagnostics.map((d) => d.code)).toEqual(['data/malformed-file']);
    expect(result.diagnostics[0]?.message).toMatch(/is empty; a CSV file needs a header line/);
  });

  it.each([
    ['bad.ndjson', '{"id": 1}\n{"id": 2}\n\n{"id": 3,, }\n', 4, 10],
    ['bad.json', '[\n  {"id": 1},\n  {"id": 2 "x": 3}\n]\n', 3, 12],
    ['unclosed.ndjson', '{"id": 1}\n{"id": 2\n{"id": 3}\n', 2, 1],
  ])('locates the error in %s', async (file, content, line, column) => {
    data.write(file, content);
    const result = await check(makeSource('j', file, [['id', { type: 'string' }]]));
    expect(result.diagnostics.map((d) => [d.code, d.location?.line, d.location?.column])).toEqual([['data/malformed-file', line, column]]);
    expect(result.diagnostics[0]?.message).toMatch(/is not valid JSON/);
  });

  it('reports a file that is not Parquet', async () => {
    data.write('fake.parquet', 'id,n\n1,2\n');
    const result = await check(makeSource('p', 'fake.parquet', [['id', { type: 'string' }]]));
    expect(result.diagnostics.map((d) => d.code)).toEqual(['data/malformed-file']);
    expect(result.diagnostics[0]?.message).toMatch(/fake\.parquet` cannot be read/);
  });
});

describe('missing columns', () => {
  it.each([
    ['close_dte', undefined, 'column `close_dte` of source `s` is not in `cols.csv`', 'did you mean `close_date`?'],
    ['closed', 'Closed Date', 'column `closed` (header `Closed Date`) of source `s` is not in `cols.csv`', 'did you mean `Close Date`?'],
    [
      'amount',
      undefined,
      'column `amount` of source `s` is not in `cols.csv`',
      'did you mean `Amount`? (add `from: "Amount"` to map the header to `amount`)',
    ],
    [
      'zzz',
      undefined,
      'column `zzz` of source `s` is not in `cols.csv`',
      "the file's headers are `id`, `close_date`, `Close Date`, `Amount`",
    ],
  ])('%s (from %s)', async (name, from, message, hint) => {
    data.write('cols.csv', 'id,close_date,Close Date,Amount\n1,2024-01-01,2024-01-01,3\n');
    const spec: ColumnSpec = from === undefined ? { type: 'string' } : { type: 'string', from };
    const result = await check(
      makeSource('s', 'cols.csv', [
        ['id', { type: 'string' }],
        [name, spec],
      ]),
    );
    expect(result.diagnostics).toHaveLength(1);
    const d = result.diagnostics[0];
    expect(d?.code).toBe('data/missing-column');
    expect(d?.message.replace(`${data.dir}${path.sep}`, '')).toBe(message);
    expect(d?.hint).toBe(hint);
  });

  it('suggests the delimiter when the header is one field', async () => {
    data.write('semi.csv', 'id;amount\n1;2\n');
    const result = await check(
      makeSource('s', 'semi.csv', [
        ['id', { type: 'string' }],
        ['amount', { type: 'number' }],
      ]),
    );
    expect(result.diagnostics.map((d) => d.code)).toEqual(['data/missing-column', 'data/missing-column']);
    expect(result.diagnostics[0]?.hint).toBe(
      'the header line has a single field `id;amount`; is the delimiter ";"? declare `delimiter: ";"` on the source',
    );
  });

  it('reports a JSON key missing from the records', async () => {
    data.write('keys.ndjson', '{"id": 1, "amt": 2}\n');
    const result = await check(
      makeSource('j', 'keys.ndjson', [
        ['id', { type: 'string' }],
        ['amount', { type: 'number' }],
      ]),
    );
    expect(result.diagnostics.map((d) => [d.code, d.hint])).toEqual([['data/missing-column', "the file's keys are `id`, `amt`"]]);
  });

  it('refuses a bad strptime format at the format', async () => {
    data.write('fmt.csv', 'd\n2024-01-01\n');
    const source = makeSource('f', 'fmt.csv', [['d', { type: 'date', format: '%Q-%m' }]]);
    const result = await check(source);
    expect(result.diagnostics.map((d) => [d.code, d.span])).toEqual([['data/bad-format', source.columns.get('d')?.format?.span]]);
  });
});

describe('Parquet and JSON contracts', () => {
  it('checks a Parquet file, reporting rows', async () => {
    const file = data.write('contract.parquet', '');
    await db.run(
      `COPY (SELECT * FROM (VALUES ('a', 'Open', 1, '2024-01-01'), ('b', 'Nope', NULL, '2024-02-30'), ('a', 'Won', 3, '2024-03-01'), (NULL, 'Won', 4, NULL)) t(id, stage, n, day)) ` +
        `TO ${stringLiteral(file)} (FORMAT parquet)`,
    );
    const source = makeSource('pq', 'contract.parquet', [
      ['id', { type: 'string', required: true, unique: true }],
      ['stage', { type: 'string', values: ['Open', 'Won'] }],
      ['n', { type: 'integer', required: true }],
      ['day', { type: 'date' }],
    ]);
    const result = await check(source);
    expect(brief(result.diagnostics)).toEqual([
      ['data/required', 'column `id` is required but empty in 1 row: row 4', 4, 1],
      ['data/not-in-values', '1 row of column `stage` holds a value not in its `values` list: `Nope` (row 2)', 2, 2],
      ['data/required', 'column `n` is required but empty in 1 row: row 2', 2, 3],
      ['data/bad-value', '`2024-02-30` in column `day` is not a date (expected YYYY-MM-DD)', 2, 4],
      ['data/unique', 'column `id` must be unique, but 1 value occurs more than once (2 rows): `a` (rows 1 and 3)', 3, 1],
    ]);
  });

  it.each([
    ['sorted', "('a'), ('b'), ('c')", []],
    ['unsorted', "('c'), ('a'), ('b')", []],
    ['sorted with a repeat', "('a'), ('b'), ('b')", ['data/unique']],
    ['unsorted with a repeat', "('b'), ('a'), ('b')", ['data/unique']],
  ])('checks a unique Parquet key, %s', async (_, values, codes) => {
    const file = data.write('keys.parquet', '');
    await db.run(`COPY (SELECT * FROM (VALUES ${values}) t(id)) TO ${stringLiteral(file)} (FORMAT parquet)`);
    const result = await check(makeSource('k', 'keys.parquet', [['id', { type: 'string', unique: true }]]));
    expect(result.diagnostics.map((d) => d.code)).toEqual(codes);
  });

  it('quarantines Parquet rows by row number', async () => {
    const file = data.write('q.parquet', '');
    await db.run(
      `COPY (SELECT * FROM (VALUES ('a', 1), ('b', NULL), ('a', 3), ('c', 4)) t(id, n)) TO ${stringLiteral(file)} (FORMAT parquet)`,
    );
    const target = path.join(data.dir, 'q-parquet.csv');
    const source = makeSource('pq', 'q.parquet', [
      ['id', { type: 'string', unique: true }],
      ['n', { type: 'integer', required: true }],
    ]);
    const result = await check(source, { quarantine: target });
    expect(result.value.quarantined).toBe(2);
    expect(await db.query(`SELECT * FROM (${result.value.sql}) ORDER BY id`)).toEqual([
      { id: 'a', n: 1 },
      { id: 'c', n: 4 },
    ]);
    expect(result.value.quarantineFile?.text).toBe(
      `file,line,reason,id,n\n${file},2,n is empty but required,b,\n${file},3,id repeats an earlier row,a,3\n`,
    );
  });

  it('checks JSON records, reporting the line each starts on', async () => {
    data.write('contract.ndjson', '{"id": "a", "n": 1}\n\n{"id": "b", "n": "two"}\n{"id": "a", "n": 3}\n');
    const source = makeSource('js', 'contract.ndjson', [
      ['id', { type: 'string', unique: true }],
      ['n', { type: 'integer' }],
    ]);
    const result = await check(source);
    expect(brief(result.diagnostics)).toEqual([
      ['data/bad-value', '`two` in column `n` is not an integer', 3, 1],
      ['data/unique', 'column `id` must be unique, but 1 value occurs more than once (2 rows): `a` (lines 1 and 4)', 4, 1],
    ]);
  });
});
