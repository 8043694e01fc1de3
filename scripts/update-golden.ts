/**
 * `npm run golden:update`: writes every golden file (the SQL per dialect in test/sql/golden/, the
 * query plan snapshots in test/query/golden/) from what the code produces now, removes golden files that
 * no case produces, and lists what changed. The tests only read these files; review the diff and
 * commit it.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readGolden, strayGoldenFiles, type Golden } from '../test/helpers/golden.js';
import { GOLDEN_PLAN_DIR, goldenPlans } from '../test/query/golden-cases.js';
import { GOLDEN_SQL_DIR, goldenSql } from '../test/sql/golden-cases.js';

const root = process.cwd();
const sets: readonly { readonly dir: string; readonly ext: string; readonly goldens: readonly Golden[] }[] = [
  { dir: GOLDEN_SQL_DIR, ext: '.sql', goldens: goldenSql() },
  { dir: GOLDEN_PLAN_DIR, ext: '.json', goldens: goldenPlans() },
];

let changed = 0;
for (const { dir, ext, goldens } of sets) {
  for (const golden of goldens) {
    const before = readGolden(golden.file);
    if (before === golden.text) continue;
    mkdirSync(path.dirname(golden.file), { recursive: true });
    writeFileSync(golden.file, golden.text);
    process.stdout.write(`${before === undefined ? 'created' : 'updated'} ${path.relative(root, golden.file)}\n`);
    changed++;
  }
  for (const stray of strayGoldenFiles(dir, ext, goldens)) {
    rmSync(path.resolve(root, stray));
    process.stdout.write(`removed ${stray}\n`);
    changed++;
  }
}
process.stdout.write(
  changed === 0 ? 'golden files are up to date\n' : `${changed} golden file(s) changed: review the diff and commit it\n`,
);
