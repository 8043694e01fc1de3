/**
 * Reading `money` columns (src/engine/money-read.ts): exact decimals from CSV, Parquet and JSON,
 * never rounded — a value with more decimal places than the column's scale is a data-contract
 * error at its file, line and column, with the fix in the hint.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSourceData } from '../../src/engine/check-data.js';
import { openDatabase, type Database } from '../../src/engine/duckdb.js';
import { locateSourceFiles } from '../../src/engine/source-files.js';
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

const amounts = (scale?: number): [string, ColumnSpec][] => [
  ['id', { type: 'string' }],
  ['amount', scale === undefined ? { type: 'money' } : { type: 'money', scale }],
];

/** Checks the source; the diagnostics users read, and the amounts (as text) when it passed. */
async function read(source: SourceDef): Promise<{ problems: unknown[][]; amounts: (string | null)[] }> {
  const located = locateSourceFiles(source, data.dir);
  expect(located.diagnostics).toEqual([]);
  const checked = await checkSourceData(db, source, located.value);
  const problems = checked.diagnostics.map((d) => [d.message, d.hint, d.location?.line, d.location?.column]);
  if (problems.length > 0) return { problems, amounts: [] };
  const rows = await db.query(`SELECT amount FROM (${checked.value.sql}) ORDER BY id`);
  return {
    problems,
    amounts: rows.map((r) => {
      const v = r['amount'];
      if (v !== null && !(v instanceof Decimal)) throw new Error(`not a decimal: ${String(v)}`);
      return v === null ? null : v.toString();
    }),
  };
}

describe('CSV', () => {
  it('reads plain decimals exactly: signs, spaces, trailing zeros, exponent notation, huge amounts', async () => {
    const values = ['0.10', '-0.10', ' 12.5 ', '+7', '.5', '12.', '12.3400', '1.5e3', '-2.5E-1', '', '123456789012345678901234567890.12'];
    data.write('ok.csv', `id,amount\n${values.map((v, i) => `r${String(i).padStart(2, '0')},${v}`).join('\n')}\n`);
    expect(await read(makeSource('ok', 'ok.csv', amounts()))).toEqual({
      problems: [],
      amounts: ['0.1', '-0.1', '12.5', '7', '0.5', '12', '12.34', '1500', '-0.25', null, '123456789012345678901234567890.12'],
    });
  });

  it('never rounds: more decimal places than the scale is a bad value at its line and field', async () => {
    data.write('cents.csv', 'id,amount\na,12.34\nb,12.345\nc,0.001\nd,1.2345e1\n');
    const { problems } = await read(makeSource('cents', 'cents.csv', amounts()));
    const hint = (n: number): string =>
      `amounts are never rounded: declare \`scale: ${n}\` on the column if such amounts are right, or round them in the export`;
    expect(problems).toEqual([
      ['`12.345` in column `amount` has 3 decimal places, more than the default scale of 2 allows', hint(3), 3, 2],
      ['`0.001` in column `amount` has 3 decimal places, more than the default scale of 2 allows', hint(3), 4, 2],
      ['`1.2345e1` in column `amount` has 3 decimal places, more than the default scale of 2 allows', hint(3), 5, 2],
    ]);
  });

  it('a declared scale allows more decimal places, or fewer', async () => {
    data.write('mills.csv', 'id,amount\na,12.345\nb,0.001\n');
    expect(await read(makeSource('mills', 'mills.csv', amounts(3)))).toEqual({ problems: [], amounts: ['12.345', '0.001'] });
    data.write('yen.csv', 'id,amount\na,1200\nb,1200.00\nc,1200.5\n');
    const { problems } = await read(makeSource('yen', 'yen.csv', amounts(0)));
    expect(problems).toEqual([
      [
        '`1200.5` in column `amount` has 1 decimal places, more than its `scale: 0` allows',
        'amounts are never rounded: declare `scale: 1` on the column if such amounts are right, or round them in the export',
        4,
        2,
      ],
    ]);
  });

  it('refuses what is not an amount, too many digits, and exponents beyond a double', async () => {
    data.write('bad.csv', 'id,amount\na,$12\nb,"1,200"\nc,1234567890123456789012345678901234567\nd,1.2345678901234567e20\ne,NaN\n');
    const { problems } = await read(makeSource('bad', 'bad.csv', amounts()));
    const notAmount = 'is not an amount (a plain number with at most 2 decimal places, such as 1234.50)';
    expect(problems).toEqual([
      [`\`$12\` in column \`amount\` ${notAmount}`, undefined, 2, 2],
      [`\`1,200\` in column \`amount\` ${notAmount}`, undefined, 3, 2],
      [
        '`1234567890123456789012345678901234567` in column `amount` has 37 digits before the decimal point; at scale 2 an amount has at most 36',
        undefined,
        4,
        2,
      ],
      [
        '`1.2345678901234567e20` in column `amount` has more than 15 significant digits in exponent notation',
        'write the amount out in digits',
        5,
        2,
      ],
      [`\`NaN\` in column \`amount\` ${notAmount}`, undefined, 6, 2],
    ]);
  });
});

describe('Parquet', () => {
  async function parquet(name: string, select: string): Promise<string> {
    const file = data.write(name, '');
    await db.run(`COPY (${select}) TO ${stringLiteral(file)} (FORMAT parquet)`);
    return name;
  }

  it('reads DECIMAL and integer columns exactly', async () => {
    const name = await parquet(
      'dec.parquet',
      "SELECT * FROM (VALUES ('a', CAST(0.10 AS DECIMAL(18,2))), ('b', CAST(-90071992547409.93 AS DECIMAL(18,2))), ('c', NULL)) t(id, amount)",
    );
    expect(await read(makeSource('dec', name, amounts()))).toEqual({ problems: [], amounts: ['0.1', '-90071992547409.93', null] });
    const ints = await parquet('int.parquet', "SELECT * FROM (VALUES ('a', 9007199254740993::BIGINT), ('b', -5::BIGINT)) t(id, amount)");
    expect(await read(makeSource('int', ints, amounts()))).toEqual({ problems: [], amounts: ['9007199254740993', '-5'] });
  });

  it('reads a DECIMAL of a larger scale only when its extra digits are zeros', async () => {
    const name = await parquet(
      'dec4.parquet',
      "SELECT * FROM (VALUES ('a', CAST(1.2300 AS DECIMAL(18,4))), ('b', CAST(1.2345 AS DECIMAL(18,4)))) t(id, amount)",
    );
    const { problems } = await read(makeSource('dec4', name, amounts()));
    // Parquet places are row numbers.
    expect(problems.map((p) => [p[0], p[2]])).toEqual([
      ['`1.2345` in column `amount` has 4 decimal places, more than the default scale of 2 allows', 2],
    ]);
  });

  it('reads a double when it is the double nearest to an amount in cents, and refuses it otherwise', async () => {
    const good = await parquet(
      'dbl.parquet',
      "SELECT * FROM (VALUES ('a', 0.1::DOUBLE), ('b', 1234.56::DOUBLE), ('c', -0.07::DOUBLE), ('d', 9999999999999.99::DOUBLE)) t(id, amount)",
    );
    expect(await read(makeSource('dbl', good, amounts()))).toEqual({
      problems: [],
      amounts: ['0.1', '1234.56', '-0.07', '9999999999999.99'],
    });
    // 90071992547409.93 and .94 are one double: which amount it was is lost, so it is refused.
    const bad = await parquet(
      'sum.parquet',
      "SELECT * FROM (VALUES ('a', 0.1::DOUBLE + 0.2::DOUBLE), ('b', 0.125::DOUBLE), ('c', 90071992547409.93::DOUBLE)) t(id, amount)",
    );
    const { problems } = await read(makeSource('sum', bad, amounts()));
    expect(problems.map((p) => [p[0], p[2]])).toEqual([
      ['`0.30000000000000004` in column `amount` has 17 decimal places, more than the default scale of 2 allows', 1],
      ['`0.125` in column `amount` has 3 decimal places, more than the default scale of 2 allows', 2],
      ['`90071992547409.94` in column `amount` has more significant digits than a binary floating-point number holds exactly (15)', 3],
    ]);
  });
});

describe('JSON', () => {
  it('reads JSON numbers up to 15 significant digits and strings of any length exactly', async () => {
    data.write(
      'pay.ndjson',
      [
        '{"id": "a", "amount": 0.10}',
        '{"id": "b", "amount": "0.20"}',
        '{"id": "c", "amount": -1e3}',
        '{"id": "d", "amount": "123456789012345678.91"}',
        '{"id": "e", "amount": 9007199254740993}',
        '{"id": "f", "amount": null}',
        '',
      ].join('\n'),
    );
    expect(await read(makeSource('pay', 'pay.ndjson', amounts()))).toEqual({
      problems: [],
      amounts: ['0.1', '0.2', '-1000', '123456789012345678.91', '9007199254740993', null],
    });
  });

  it('refuses a JSON number a double cannot carry, and too many decimal places', async () => {
    data.write('long.json', '[{"id": "a", "amount": 12345678901234567.89}, {"id": "b", "amount": 1.005}, {"id": "c", "amount": true}]');
    const { problems } = await read(makeSource('long', 'long.json', amounts()));
    expect(problems.map((p) => [p[0], p[1]])).toEqual([
      [
        '`12345678901234568.0` in column `amount` has more significant digits than a binary floating-point number holds exactly (15)',
        'export amounts as decimals: a Parquet DECIMAL, or text (in JSON, a string such as "1234567890123456.78")',
      ],
      [
        '`1.005` in column `amount` has 3 decimal places, more than the default scale of 2 allows',
        'amounts are never rounded: declare `scale: 3` on the column if such amounts are right, or round them in the export',
      ],
      ['`true` in column `amount` is not an amount (a plain number with at most 2 decimal places, such as 1234.50)', undefined],
    ]);
  });
});
