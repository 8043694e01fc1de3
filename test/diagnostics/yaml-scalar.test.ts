/**
 * Hints pasted into YAML: yamlScalar writes any text so that it reads back as that same string,
 * as a block value or a flow list item, under YAML 1.2 (what kpic reads) and YAML 1.1.
 */
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { yamlQuoted, yamlScalar } from '../../src/diagnostics/yaml-scalar.js';

const HOSTILE = [
  'Close Date',
  'data/bu1/opportunities.csv',
  'close_date',
  'Amount: USD',
  'Amount:USD',
  '#id',
  'id #1',
  'yes',
  'No',
  'ON',
  'off',
  'y',
  'n',
  'null',
  'Null',
  '~',
  'true',
  'False',
  '2024',
  '2024-01-01',
  '0x1F',
  '1e3',
  '.inf',
  '-',
  '- item',
  '? key',
  '[a]',
  '{a}',
  'a, b',
  '&anchor',
  '*alias',
  '!tag',
  '%directive',
  '@at',
  '`tick',
  "'quoted'",
  '"quoted"',
  'say "hi"',
  'back\\slash',
  '|',
  '>',
  ' padded',
  'padded ',
  '',
  'tab\there',
  'line\nbreak',
  'bell\u0007',
  'del\u007f',
  'next\u0085line',
  'sep\u2028arator',
  'bom\ufeff',
  'Café',
  '表',
  '..weird.csv',
  '<<',
  '=',
];

describe('yamlScalar', () => {
  test.each(HOSTILE)('%j reads back as itself, in block and flow context, YAML 1.2 and 1.1', (text) => {
    const written = yamlScalar(text);
    for (const version of ['1.2', '1.1'] as const) {
      expect(parse(`key: ${written}\n`, { version })).toEqual({ key: text });
      expect(parse(`key: [${written}, other]\n`, { version })).toEqual({ key: [text, 'other'] });
      expect(parse(`- ${yamlQuoted(text)}\n`, { version })).toEqual([text]);
    }
  });

  test('plain where plain is safe, quoted otherwise', () => {
    expect(['Close Date', 'data/deals.csv', 'close_date', 'Closed Won'].map(yamlScalar)).toEqual([
      'Close Date',
      'data/deals.csv',
      'close_date',
      'Closed Won',
    ]);
    expect(['#id', 'Amount: USD', 'yes', 'null', '2024', ' padded'].map(yamlScalar)).toEqual([
      '"#id"',
      '"Amount: USD"',
      '"yes"',
      '"null"',
      '"2024"',
      '" padded"',
    ]);
  });
});
