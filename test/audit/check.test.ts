import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCatalog } from '../../src/check-catalog.js';
import { lineColumnOf, makeSourceText } from '../../src/diagnostics/span.js';
import { writeAuditFixture } from './fixture.js';

const HEAD = 'over: opportunities\nowner: sales-ops\nseverity: error\nschedule: weekly\nremedy: fix it\n';

/** The problems `kpic validate` reports for one check document, as `code line:column`. */
function problems(body: string): string[] {
  const dir = writeAuditFixture({ 'catalog/checks/c.yaml': `check: c\n${body}` });
  const checked = checkCatalog(path.join(dir, 'catalog'));
  return checked.diagnostics.map((d) => {
    const text = makeSourceText(d.span.file, readFileSync(path.join(dir, 'catalog', d.span.file), 'utf8'));
    const { line, column } = lineColumnOf(text, d.span.start);
    return `${d.code} ${d.span.file}:${line}:${column}`;
  });
}

describe('check documents', () => {
  it('accept a well-formed check', () => {
    expect(problems(`${HEAD}where: open\nfails: next_step is null\nshow: [owner.region, amount]\n`)).toEqual([]);
  });

  it('require an owner, a severity from the list and one rule', () => {
    expect(problems('over: opportunities\nseverity: high\nschedule: weekly\nremedy: x\nfails: open\n')).toEqual([
      'schema/missing-key checks/c.yaml:1:1',
      'schema/bad-value checks/c.yaml:3:11',
    ]);
    expect(problems(HEAD)).toEqual(['schema/missing-key checks/c.yaml:1:1']);
    expect(problems(`${HEAD}fails: open\nduplicates: next_step\n`)).toEqual(['schema/conflicting-keys checks/c.yaml:8:1']);
  });

  it('report an unknown source, unknown names and non-conditions at their place', () => {
    expect(problems(HEAD.replace('opportunities', 'opportunity') + 'fails: open\n')).toEqual(['resolve/unknown-source checks/c.yaml:2:7']);
    expect(problems(`${HEAD}fails: next_stepp is null\n`)).toEqual(['resolve/unknown-column checks/c.yaml:7:8']);
    expect(problems(`${HEAD}fails: amount\n`)).toEqual(['resolve/type-mismatch checks/c.yaml:7:8']);
    expect(problems(`${HEAD}duplicates: amount\n`)).toEqual(['resolve/type-mismatch checks/c.yaml:7:13']);
  });

  it('take `same` only with `duplicates`, as a list of row expressions that resolve', () => {
    expect(problems(`${HEAD}duplicates: next_step\nsame: [owner_id, owner.region]\n`)).toEqual([]);
    expect(problems(`${HEAD}fails: open\nsame: [owner_id]\n`).map((p) => p.split(' ')[0])).toEqual(['schema/missing-key']);
    expect(problems(`${HEAD}duplicates: next_step\nsame: []\n`).map((p) => p.split(' ')[0])).toEqual(['schema/bad-format']);
    expect(problems(`${HEAD}duplicates: next_step\nsame: [owner_idd]\n`)).toEqual(['resolve/unknown-column checks/c.yaml:8:8']);
  });

  it('refuse values as at a point', () => {
    expect(problems(`${HEAD}fails: at_start(open)\n`).map((p) => p.split(' ')[0])).toContain('audit/unsupported');
  });
});
