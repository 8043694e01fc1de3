/**
 * The committed example data set never drifts: regenerating it with the command its README states
 * reproduces every file byte for byte, and the README's data dictionary, row counts and quirk
 * counts match the generator.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUIRKS, type QuirkName } from '../../generator/quirks.js';
import { TABLE_NAMES, TABLES } from '../../generator/schema.js';
import { generateToTemp, removeTempDatasets, type GeneratedDataset } from './fixture.js';

const EXAMPLES = join(import.meta.dirname, '../../examples/data');
const README = readFileSync(join(EXAMPLES, 'README.md'), 'utf8');

let fresh: GeneratedDataset;
beforeAll(async () => {
  const command = /npm run generate -- --scale (\d+) --seed (\d+) --out examples\/data\n/.exec(README);
  if (command === null) throw new Error('README does not state the command that made the data');
  fresh = await generateToTemp(Number(command[2]), Number(command[1]));
});
afterAll(removeTempDatasets);

/** The lines of the README section `### \`<file>\`` up to the next heading. */
function section(file: string): string {
  const start = README.indexOf(`### \`${file}\``);
  if (start < 0) return '';
  const end = README.indexOf('\n#', start + 4);
  return README.slice(start, end < 0 ? undefined : end);
}

describe('examples/data', () => {
  it('holds exactly the generated tables and the README', () => {
    expect(readdirSync(EXAMPLES).sort()).toEqual(['README.md', ...TABLE_NAMES.map((t) => `${t}.csv`)].sort());
  });

  it.each(TABLE_NAMES)('%s.csv is reproduced byte for byte', (table) => {
    const committed = readFileSync(join(EXAMPLES, `${table}.csv`));
    const regenerated = readFileSync(join(fresh.dir, `${table}.csv`));
    expect(committed.equals(regenerated)).toBe(true);
  });

  it('is a few MB at most', () => {
    const bytes = TABLE_NAMES.reduce((sum, t) => sum + readFileSync(join(EXAMPLES, `${t}.csv`)).length, 0);
    expect(bytes).toBeLessThan(6_000_000);
  });

  it.each(TABLE_NAMES)('the README documents every column of %s, with its type, in order', (table) => {
    const rows = [...section(`${table}.csv`).matchAll(/^\| `([a-z_]+)` \| ([a-z]+) \|/gm)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual(TABLES[table].map((c) => [c.name, c.type]));
  });

  it('the README states the row count of every table', () => {
    for (const table of TABLE_NAMES) {
      const m = new RegExp(`^\\| \`${table}\\.csv\` \\| (\\d+) \\|`, 'm').exec(README);
      expect(Number(m?.[1]), table).toBe(fresh.summary.rows.get(table));
    }
  });

  it('the README counts every deliberate quirk correctly', () => {
    const documented = new Map<string, number>();
    for (const m of README.matchAll(/^\| `([a-z_]+)` \| (\d+) \|/gm)) documented.set(m[1] ?? '', Number(m[2]));
    for (const name of Object.keys(QUIRKS) as QuirkName[]) {
      expect(documented.get(name), name).toBe(fresh.summary.quirks.get(name));
    }
  });
});
