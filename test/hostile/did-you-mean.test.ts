/**
 * Hostile input, did-you-mean hints: a suggestion pasted into a catalog file must be valid YAML
 * that reads back as the name suggested (quoted when it holds `: ` or `#`, starts with an
 * indicator, or is a word like `true` or `null`), and in full, not shortened. And the work behind
 * a hint is bounded: in a catalog of many sources, a message names a few and counts the rest.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { cli, salesFolder, SOURCE_YAML, OPPORTUNITIES_CSV } from '../cli/helpers.js';

interface Reported {
  readonly code: string;
  readonly message: string;
  readonly hint?: string;
}

async function validate(files: Record<string, string>): Promise<Reported[]> {
  const f = salesFolder(files);
  try {
    const r = await cli(f.root, ['validate', '--format', 'json']);
    expect(r.code).toBe(1);
    return (JSON.parse(r.stdout) as { diagnostics: Reported[] }).diagnostics;
  } finally {
    f.remove();
  }
}

/**
 * The suggestion of `did you mean \`…\`?`, read the way YAML reads a value after `key: `: the
 * same under YAML 1.2 (what kpic reads) and 1.1 (where `yes` and `on` are booleans).
 */
function pasted(hint: string | undefined, pattern = /did you mean `(.*?)`\?/): unknown {
  const written = pattern.exec(hint ?? '')?.[1];
  expect(written, hint).toBeDefined();
  const read = (version: '1.1' | '1.2'): unknown => (parse(`key: ${written}\n`, { version }) as { key: unknown }).key;
  return read('1.2') === read('1.1') ? read('1.2') : { differs: [read('1.2'), read('1.1')] };
}

describe('a did-you-mean pasted into YAML reads back as the name it suggests', () => {
  test('a join to a source named `true`', async () => {
    const [d] = await validate({
      'catalog/sources/flags.yaml': 'source: "true"\nfile: flags.csv\nkey: id\ncolumns:\n  id: { type: string }\n',
      'catalog/sources/opportunities.yaml': SOURCE_YAML.replace('dimensions:', 'joins:\n  flag: { to: tru, on: id }\ndimensions:'),
    });
    expect(d?.code).toBe('resolve/unknown-source');
    expect(pasted(d?.hint)).toBe('true');
  });

  test('a KPI id `True`, fixed to `true`', async () => {
    const [d] = await validate({ 'catalog/kpis/x.yaml': 'kpi: "True"\ntitle: X\nformula: count(opportunities)\nunit: count\n' });
    expect(d?.code).toBe('load/bad-id');
    expect(pasted(d?.hint)).toBe('true');
  });

  test('a column key that is a header: `from:` with the whole header, quotes and all', async () => {
    const header = 'Close "Date" (as booked in the CRM, local time)';
    const diagnostics = await validate({
      'catalog/sources/opportunities.yaml': SOURCE_YAML.replace('  close_date: { type: date }', `  '${header}': { type: date }`),
    });
    const d = diagnostics.find((x) => x.code === 'schema/bad-format');
    expect(pasted(d?.hint, /give its header with `from: (.*)`$/)).toBe(header);
    expect(pasted(d?.hint, /name the column like `(.*?)`/)).toBe('close_date_as_booked_in_the_crm_local_time');
  });

  test.each([
    ['Amount: USD', 'Amount USD'],
    ['#amount', 'amount'],
    ['yes', 'yse'],
  ])('a header `%s` for `from: %s`', async (header, from) => {
    const f = salesFolder({
      'catalog/sources/opportunities.yaml': SOURCE_YAML.replace('  amount: { type: money }', `  amount: { type: money, from: "${from}" }`),
      'data/opportunities.csv': OPPORTUNITIES_CSV.replace('id,region,stage,amount,', `id,region,stage,"${header}",`),
    });
    try {
      const r = await cli(f.root, ['run', '--kpi', 'deals']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('error[data/missing-column]');
      expect(pasted(/hint: (.*)/.exec(r.stderr)?.[1])).toBe(header);
    } finally {
      f.remove();
    }
  });

  test('a data file `#opportunities.csv` for `file: opportunities.csv`', async () => {
    const f = salesFolder({ 'data/#opportunities.csv': OPPORTUNITIES_CSV });
    try {
      rmSync(path.join(f.root, 'data/opportunities.csv'));
      const r = await cli(f.root, ['run', '--kpi', 'deals']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('error[data/missing-file]');
      expect(pasted(/hint: (.*)/.exec(r.stderr)?.[1])).toBe('#opportunities.csv');
    } finally {
      f.remove();
    }
  });
});

describe('a hint over many sources names a few and counts the rest', () => {
  const SOURCES = 40;
  const many: Record<string, string> = {};
  for (let i = 0; i < SOURCES; i++) many[`catalog/sources/s${i}.yaml`] = SOURCE_YAML.replace('source: opportunities', `source: deals_${i}`);

  test('no single source has every name: the candidates, five and a count', async () => {
    const diagnostics = await validate({
      ...many,
      'catalog/kpis/x.yaml': 'kpi: x\ntitle: X\nformula: sum(amout where won)\nunit: money\n',
    });
    const noSource = diagnostics.find((d) => d.code === 'resolve/no-source');
    expect(noSource?.hint).toBe('candidates: opportunities, deals_0, deals_1, deals_10, deals_11, 36 more sources');
    const unknown = diagnostics.find((d) => d.code === 'resolve/unknown-column');
    expect(unknown?.hint).toBe('did you mean `amount` (in `opportunities`)?');
  });

  test('several sources could be read: five named, and how many more', async () => {
    const diagnostics = await validate({
      ...many,
      'catalog/kpis/x.yaml': 'kpi: x\ntitle: X\nformula: sum(amount where won)\nunit: money\n',
    });
    const ambiguous = diagnostics.filter((d) => d.code === 'resolve/ambiguous-source').map((d) => d.message);
    expect(ambiguous).toContain(
      '`sum` could read `opportunities`, `deals_0`, `deals_1`, `deals_10`, `deals_11` or 36 more sources: each has `amount`, `won`',
    );
  });
});
