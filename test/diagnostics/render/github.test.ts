import { describe, expect, test } from 'vitest';
import { escapeData, escapeProperty, renderGithub, renderGithubDiagnostic } from '../../../src/diagnostics/render/github.js';
import { at, contextOf } from './fixtures.js';

describe('escaping per the workflow-command rules', () => {
  test.each([
    ['100% sure', '100%25 sure'],
    ['two\nlines\r\n', 'two%0Alines%0D%0A'],
    ['a: b, c', 'a: b, c'],
  ])('message %j', (text, expected) => {
    expect(escapeData(text)).toBe(expected);
  });

  test.each([
    ['kpis/a,b.yaml', 'kpis/a%2Cb.yaml'],
    ['C:/x', 'C%3A/x'],
    ['50%\n', '50%25%0A'],
  ])('property %j', (text, expected) => {
    expect(escapeProperty(text)).toBe(expected);
  });
});

describe('github annotations', () => {
  const files = { 'kpis/a.yaml': 'kpi: a\nformula: sum(x)\n', 'kpis/odd, name.yaml': 'kpi: b\n' };
  const context = contextOf(files);

  test('error with its span, title and hint', () => {
    const d = at(files, 'kpis/a.yaml', 'x', 'resolve/unknown-column', 'unknown column `x`: 100% wrong', { hint: 'did you mean `y`?' });
    expect(renderGithubDiagnostic(d, context)).toBe(
      '::error file=catalog/kpis/a.yaml,line=2,col=14,endLine=2,endColumn=15,title=kpic resolve/unknown-column::unknown column `x`: 100%25 wrong%0Ahint: did you mean `y`?',
    );
  });

  test('warnings, and file names with commas escaped', () => {
    const d = at(files, 'kpis/odd, name.yaml', 'b', 'resolve/deprecated-reference', 'deprecated');
    expect(renderGithub([d], context)).toBe(
      '::warning file=catalog/kpis/odd%2C name.yaml,line=1,col=6,endLine=1,endColumn=7,title=kpic resolve/deprecated-reference::deprecated\n',
    );
  });

  test('a data-file problem points at the data file', () => {
    const d = at(files, 'kpis/a.yaml', 'x', 'data/bad-value', 'bad', { location: { file: 'data/o.csv', line: 9, column: 2 } });
    expect(renderGithubDiagnostic(d, context)).toBe(
      '::error file=data/o.csv,line=9,col=2,endLine=9,endColumn=3,title=kpic data/bad-value::bad',
    );
  });

  test('a catalog outside the working directory gets a ../ path', () => {
    const d = at(files, 'kpis/a.yaml', 'x', 'resolve/unknown-column', 'u');
    const outside = { ...context, cwd: '/repo/tools' };
    expect(renderGithubDiagnostic(d, outside)).toMatch(/^::error file=\.\.\/catalog\/kpis\/a\.yaml,/);
  });
});
