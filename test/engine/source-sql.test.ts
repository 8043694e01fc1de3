import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSourceData } from '../../src/engine/check-data.js';
import { openDatabase, type Database, type Row } from '../../src/engine/duckdb.js';
import { declaredSourceFiles, locateSourceFiles } from '../../src/engine/source-files.js';
import { sourceRelationSql } from '../../src/engine/source-sql.js';
import { Decimal } from '../../src/model/decimal.js';
import type { SourceDef } from '../../src/model/types.js';
import { stringLiteral } from '../../src/sql/quote.js';
import { makeSource, tempFolder, type ColumnSpec, type TempFolder } from './helpers.js';

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

/** Rows of a source read after its data check (layouts known), and without (compile mode). */
async function readBoth(source: SourceDef): Promise<{ checked: Row[]; declared: Row[] }> {
  const located = locateSourceFiles(source, data.dir);
  expect(located.diagnostics).toEqual([]);
  const checked = await checkSourceData(db, source, located.value);
  expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const declared = sourceRelationSql(source, { ...declaredSourceFiles(source, data.dir), paths: located.value.paths });
  return { checked: await db.query(checked.value.sql), declared: await db.query(declared) };
}

const exportCsv = [
  'Deal ID,Close Date,Amount ($),Won?,Qty,Share,Created At,"Note, free text"',
  'D-1,09/06/2023,1234.50,yes,3,15%,2023-09-01 10:00:00,"multi',
  'line"',
  'D-2,2023-09-06 00:00:00,-7,false,4.0,0.25,2023-09-02,"say ""hi"""',
  'D-3,12/31/2024,1e3,T,0,100%,2024-12-31 23:59:59,plain',
].join('\n');

const exportColumns: [string, ColumnSpec][] = [
  ['deal_id', { type: 'string', from: 'Deal ID' }],
  ['close_date', { type: 'date', from: 'Close Date', format: '%m/%d/%Y' }],
  ['amount', { type: 'money', from: 'Amount ($)' }],
  ['won', { type: 'boolean', from: 'Won?' }],
  ['qty', { type: 'integer', from: 'Qty' }],
  ['share', { type: 'percent', from: 'Share' }],
  ['created_at', { type: 'timestamp', from: 'Created At' }],
  ['note', { type: 'string', from: 'Note, free text' }],
];

describe('CSV', () => {
  it('reads declared types through from: headers and formats', async () => {
    data.write('export.csv', exportCsv);
    const { checked, declared } = await readBoth(makeSource('deals', 'export.csv', exportColumns));
    const expected = [
      {
        deal_id: 'D-1',
        close_date: '2023-09-06',
        amount: new Decimal(123450n, 2),
        won: true,
        qty: 3,
        share: 0.15,
        created_at: '2023-09-01 10:00:00',
        note: 'multi\nline',
      },
      {
        deal_id: 'D-2',
        close_date: '2023-09-06',
        amount: new Decimal(-700n, 2),
        won: false,
        qty: 4,
        share: 0.25,
        created_at: '2023-09-02 00:00:00',
        note: 'say "hi"',
      },
      {
        deal_id: 'D-3',
        close_date: '2024-12-31',
        amount: new Decimal(100000n, 2),
        won: true,
        qty: 0,
        share: 1,
        created_at: '2024-12-31 23:59:59',
        note: 'plain',
      },
    ];
    expect(checked).toEqual(expected);
    expect(declared).toEqual(expected);
  });

  it('reads an empty field as null whatever the type, quoted or not', async () => {
    data.write('empty.csv', 'k,s,i,n,m,p,b,d,t\nunquoted,,,,,,,,\nquoted,"","","","","","","",""\n');
    const types = ['string', 'integer', 'number', 'money', 'percent', 'boolean', 'date', 'timestamp'] as const;
    const source = makeSource('e', 'empty.csv', [
      ['k', { type: 'string' }],
      ...types.map((t, k): [string, ColumnSpec] => ['sinmpbdt'[k] ?? 'x', { type: t }]),
    ]);
    const { checked } = await readBoth(source);
    const nulls = { s: null, i: null, n: null, m: null, p: null, b: null, d: null, t: null };
    expect(checked).toEqual([
      { k: 'unquoted', ...nulls },
      { k: 'quoted', ...nulls },
    ]);
  });

  it.each([
    ['semicolons', 'semi.csv', ';', 'a;b\n1;x\n'],
    ['tabs (declared)', 'tabs.csv', '\t', 'a\tb\n1\tx\n'],
    ['pipes', 'pipes.csv', '|', 'a|b\n1|x\n'],
  ])('reads %s with the source delimiter', async (_, file, delimiter, content) => {
    data.write(file, content);
    const source = makeSource(
      'd',
      file,
      [
        ['a', { type: 'integer' }],
        ['b', { type: 'string' }],
      ],
      { delimiter },
    );
    expect((await readBoth(source)).checked).toEqual([{ a: 1, b: 'x' }]);
  });

  it('reads .tsv files with tabs by default', async () => {
    data.write('default.tsv', 'a\tb\n1\tx,y\n');
    const source = makeSource('d', 'default.tsv', [
      ['a', { type: 'integer' }],
      ['b', { type: 'string' }],
    ]);
    expect((await readBoth(source)).checked).toEqual([{ a: 1, b: 'x,y' }]);
  });

  it('keeps hostile headers and values as plain text', async () => {
    const header = `"'); DROP TABLE t; --","say ""x""",Ünï 🚀`;
    const row = `"'); DROP TABLE t; --","x"" OR 1=1 --",日本`;
    data.write('hostile.csv', `${header}\n${row}\n`);
    await db.run('CREATE TABLE t (x INTEGER)');
    const source = makeSource('h', 'hostile.csv', [
      ['a', { type: 'string', from: "'); DROP TABLE t; --" }],
      ['b', { type: 'string', from: 'say "x"', values: ['x" OR 1=1 --'] }],
      ['c', { type: 'string', from: 'Ünï 🚀' }],
    ]);
    const { checked, declared } = await readBoth(source);
    const expected = [{ a: "'); DROP TABLE t; --", b: 'x" OR 1=1 --', c: '日本' }];
    expect(checked).toEqual(expected);
    expect(declared).toEqual(expected);
    expect(await db.query('SELECT count(*) AS n FROM t')).toEqual([{ n: 0 }]);
  });

  it('reads every file of a glob, whatever their column order', async () => {
    data.write('monthly/2024-01.csv', 'id,amount\na,1\nb,2\n');
    data.write('monthly/2024-02.csv', 'amount,extra,id\n3,zz,c\n');
    const source = makeSource('m', 'monthly/*.csv', [
      ['id', { type: 'string' }],
      ['amount', { type: 'integer' }],
    ]);
    const located = locateSourceFiles(source, data.dir);
    const checked = await checkSourceData(db, source, located.value);
    expect(checked.diagnostics).toEqual([]);
    expect(checked.value.rows).toBe(3);
    expect(await db.query(`SELECT * FROM (${checked.value.sql}) ORDER BY id`)).toEqual([
      { id: 'a', amount: 1 },
      { id: 'b', amount: 2 },
      { id: 'c', amount: 3 },
    ]);
  });

  it('selects only the requested columns, in declaration order', async () => {
    data.write('cols.csv', 'a,b,c\n1,2,3\n');
    const source = makeSource('c', 'cols.csv', [
      ['a', { type: 'integer' }],
      ['b', { type: 'integer' }],
      ['c', { type: 'integer' }],
    ]);
    const files = locateSourceFiles(source, data.dir).value;
    expect(await db.query(sourceRelationSql(source, files, { columns: new Set(['c', 'a']) }))).toEqual([{ a: 1, c: 3 }]);
    expect(() => sourceRelationSql(source, files, { columns: new Set(['nope']) })).toThrow(/no column nope/);
    expect(await db.query(`SELECT count(*) AS n FROM (${sourceRelationSql(source, files, { columns: new Set() })})`)).toEqual([{ n: 1 }]);
  });
});

describe('Parquet', () => {
  let source: SourceDef;
  beforeAll(async () => {
    const file = data.write('deals.parquet', '');
    await db.run(
      `COPY (SELECT 'D-' || i AS id, i::INTEGER AS qty, (i * 1.5)::DECIMAL(18,2) AS amount, DATE '2024-01-01' + i::INTEGER AS close_date, ` +
        `CASE WHEN i % 2 = 0 THEN 'Won' ELSE 'Lost' END AS stage, i AS "Account Number", strftime(DATE '2024-01-01' + i::INTEGER, '%d.%m.%Y') AS booked ` +
        `FROM range(1, 4) r(i)) TO ${stringLiteral(file)} (FORMAT parquet)`,
    );
    source = makeSource('deals', 'deals.parquet', [
      ['id', { type: 'string' }],
      ['qty', { type: 'integer' }],
      ['amount', { type: 'money' }],
      ['close_date', { type: 'date' }],
      ['stage', { type: 'string' }],
      ['account', { type: 'string', from: 'Account Number' }],
      ['booked', { type: 'date', format: '%d.%m.%Y' }],
    ]);
  });

  it('reads declared types, converting only columns whose type does not fit', async () => {
    const { checked, declared } = await readBoth(source);
    const expected = [1, 2, 3].map((i) => ({
      id: `D-${i}`,
      qty: i,
      amount: new Decimal(BigInt(i * 150), 2),
      close_date: `2024-01-0${1 + i}`,
      stage: i % 2 === 0 ? 'Won' : 'Lost',
      account: String(i),
      booked: `2024-01-0${1 + i}`,
    }));
    expect(checked).toEqual(expected);
    expect(declared).toEqual(expected);
  });

  it('adds no cast to columns whose physical type fits, and pushes projections down', async () => {
    const located = locateSourceFiles(source, data.dir).value;
    const checked = (await checkSourceData(db, source, located)).value;
    const sql = sourceRelationSql(source, checked.files);
    for (const name of ['id', 'qty', 'close_date', 'stage']) expect(sql).toContain(`\n  "${name}" AS "${name}"`);
    expect(sql).toContain('CAST("Account Number" AS VARCHAR) AS "account"');
    // A DECIMAL(18,2) holds only amounts of DECIMAL(38,2): widened, never checked.
    expect(sql).toContain('CAST("amount" AS DECIMAL(38,2)) AS "amount"');
    const plan = await db.query(`EXPLAIN SELECT sum(amount) FROM (${sql}) WHERE stage = 'Won'`);
    const text = plan.map((r) => String(r['explain_value'])).join('\n');
    expect(text).toMatch(/Projections:[\s│]*amount/);
    expect(text).not.toMatch(/close_date|Account Number|booked/);
  });
});

describe('JSON', () => {
  it.each([
    [
      'events.ndjson',
      '{"id": "e1", "Amount": 12.5, "when": "2024-03-01", "ok": true, "extra": {"x": 1}}\n\n{"id": "e2", "Amount": "7", "when": null, "ok": false}\n',
    ],
    ['events.json', '[\n  {"id": "e1", "Amount": 12.5, "when": "2024-03-01", "ok": true},\n  {"id": "e2", "Amount": 7, "ok": false}\n]\n'],
  ])('reads %s', async (file, content) => {
    data.write(file, content);
    const source = makeSource('ev', file, [
      ['id', { type: 'string' }],
      ['amount', { type: 'money', from: 'Amount' }],
      ['when', { type: 'date' }],
      ['ok', { type: 'boolean' }],
    ]);
    const expected = [
      { id: 'e1', amount: new Decimal(1250n, 2), when: '2024-03-01', ok: true },
      { id: 'e2', amount: new Decimal(700n, 2), when: null, ok: false },
    ];
    const { checked, declared } = await readBoth(source);
    expect(checked).toEqual(expected);
    expect(declared).toEqual(expected);
  });
});
