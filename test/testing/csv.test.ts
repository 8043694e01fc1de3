/** Fixture CSV files: RFC 4180 fields, and the line and column of every problem. */
import { describe, expect, test } from 'vitest';
import { parseCsv, writeCsv } from '../../src/testing/csv.js';

describe('parseCsv', () => {
  test('quoted fields hold commas, doubled quotes and line breaks; records keep their first line', () => {
    const parsed = parseCsv('\uFEFFid,note\r\n1,"a, ""b"""\n2,"two\nlines"\n3,\n');
    expect(parsed).toEqual({
      ok: true,
      header: ['id', 'note'],
      records: [
        { line: 2, fields: ['1', 'a, "b"'] },
        { line: 3, fields: ['2', 'two\nlines'] },
        { line: 5, fields: ['3', null] },
      ],
    });
  });

  test('a row with the wrong number of fields is reported at its line', () => {
    expect(parseCsv('a,b\n1,2\n3\n')).toEqual({
      ok: false,
      line: 3,
      column: 2,
      message: 'this row has 1 field but the header names 2 columns',
    });
  });

  test('an unclosed quote and an empty file', () => {
    expect(parseCsv('a\n"x\n')).toMatchObject({ ok: false, line: 2, message: 'a quoted field is not closed' });
    expect(parseCsv('')).toMatchObject({ ok: false, line: 1 });
  });

  test('written files parse back to the same values', () => {
    const rows = [
      ['1', 'plain', null],
      ['2', 'with, comma', 'with "quotes"'],
      ['3', 'two\nlines', ''],
    ];
    const parsed = parseCsv(writeCsv(['id', 'a', 'b'], rows));
    expect(parsed.ok && parsed.records.map((r) => r.fields)).toEqual(rows);
  });
});
