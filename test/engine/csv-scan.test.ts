import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvRecordLines, readCsvHeader, scanCsv, type CsvRecord } from '../../src/engine/csv-scan.js';
import { tempFolder, type TempFolder } from './helpers.js';

let data: TempFolder;
beforeAll(() => {
  data = tempFolder();
});
afterAll(() => data.remove());

function records(content: string | Buffer, delimiter = ','): CsvRecord[] {
  const file = data.write(`f${Math.random().toString(36).slice(2)}.csv`, content);
  const out: CsvRecord[] = [];
  scanCsv(file, { delimiter, wantFields: () => true }, (r) => {
    out.push(r);
  });
  return out;
}

describe('scanCsv', () => {
  it.each([
    [
      'plain',
      'a,b\n1,2\n3,4\n',
      [
        [1, ['a', 'b']],
        [2, ['1', '2']],
        [3, ['3', '4']],
      ],
    ],
    [
      'no final newline',
      'a,b\n1,2',
      [
        [1, ['a', 'b']],
        [2, ['1', '2']],
      ],
    ],
    [
      'CRLF',
      'a,b\r\n1,2\r\n3,4\r\n',
      [
        [1, ['a', 'b']],
        [2, ['1', '2']],
        [3, ['3', '4']],
      ],
    ],
    [
      'lone CR',
      'a,b\r1,2\r',
      [
        [1, ['a', 'b']],
        [2, ['1', '2']],
      ],
    ],
    [
      'quoted line break',
      'a,b\n"x\ny",2\n3,4\n',
      [
        [1, ['a', 'b']],
        [2, ['x\ny', '2']],
        [4, ['3', '4']],
      ],
    ],
    [
      'quoted CRLF',
      'a,b\r\n"x\r\ny",2\r\n3,4\r\n',
      [
        [1, ['a', 'b']],
        [2, ['x\r\ny', '2']],
        [4, ['3', '4']],
      ],
    ],
    [
      'doubled quotes and delimiters',
      'a,b\n"say ""hi"", ok",2\n',
      [
        [1, ['a', 'b']],
        [2, ['say "hi", ok', '2']],
      ],
    ],
    [
      'blank lines skipped',
      'a,b\n\n1,2\n\r\n\n3,4\n',
      [
        [1, ['a', 'b']],
        [3, ['1', '2']],
        [6, ['3', '4']],
      ],
    ],
    [
      'byte-order mark',
      '\ufeffa,b\n1,2\n',
      [
        [1, ['a', 'b']],
        [2, ['1', '2']],
      ],
    ],
    [
      'space before a quote',
      'a,b\n1, "x,y"\n',
      [
        [1, ['a', 'b']],
        [2, ['1', 'x,y']],
      ],
    ],
    [
      'quote inside a field',
      'a,b\n1,ab"c\n',
      [
        [1, ['a', 'b']],
        [2, ['1', 'ab"c']],
      ],
    ],
    [
      'empty fields',
      'a,b,c\n,,\n',
      [
        [1, ['a', 'b', 'c']],
        [2, ['', '', '']],
      ],
    ],
    [
      'unicode',
      'naïve,日本\n€,🚀\n',
      [
        [1, ['naïve', '日本']],
        [2, ['€', '🚀']],
      ],
    ],
  ])('%s', (_, content, expected) => {
    const got = records(content);
    expect(got.map((r) => [r.line, r.fields])).toEqual(expected);
    expect(got.map((r) => r.index)).toEqual(expected.map((_, k) => k));
    expect(got.every((r) => r.problem === undefined)).toBe(true);
  });

  it.each([
    [';', 'a;b\n1;2\n', ['1', '2']],
    ['\t', 'a\tb\n1\t2\n', ['1', '2']],
    ['||', 'a||b\n1||2\n', ['1', '2']],
  ])('delimiter %j', (delimiter, content, second) => {
    expect(records(content, delimiter)[1]?.fields).toEqual(second);
  });

  it.each([
    ['unclosed quote', 'a,b\n1,2\n3,"open\n4,5\n', 3, 'a quoted field is not closed'],
    ['text after a closing quote', 'a,b\n1,"x"y\n', 2, 'text follows a closing quote'],
    [
      'invalid UTF-8',
      Buffer.concat([Buffer.from('a,b\n1,'), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]),
      2,
      'the text is not valid UTF-8',
    ],
  ])('flags %s', (_, content, line, problem) => {
    const bad = records(content).find((r) => r.problem !== undefined);
    expect([bad?.line, bad?.problem]).toEqual([line, problem]);
  });

  it('counts fields of short and long rows', () => {
    expect(records('a,b,c\n1,2\n1,2,3,4\n').map((r) => r.fieldCount)).toEqual([3, 2, 4]);
  });

  it('reads files larger than one chunk, with a delimiter split across chunks', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => `${i}||"v\n${i}"`);
    const file = data.write('big.csv', `id||v\n${rows.join('\n')}\n`);
    const lines = csvRecordLines(file, '||', [1, 100_000, 200_000]);
    expect([...lines]).toEqual([
      [1, 2],
      [100_000, 200_000],
      [200_000, 400_000],
    ]);
  });
});

describe('readCsvHeader', () => {
  it.each([
    ['id,Close Date,"we""ird, h", amt \n1,2,3,4\n', ['id', 'Close Date', 'we"ird, h', 'amt']],
    ['\ufeffid;name\n', ['id;name']],
    ['', []],
  ])('%j → %j', (content, header) => {
    expect(readCsvHeader(data.write('h.csv', content), ',')).toEqual(header);
  });
});
