/**
 * Golden files: committed expected outputs, reviewed like code. Tests only read them; they are
 * written by `npm run golden:update` (scripts/update-golden.ts), never by the test that reads
 * them, so a missing or changed golden fails the test instead of being quietly recreated.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** One golden file: where it lives and the text the code produces for it now. */
export interface Golden {
  readonly file: string;
  readonly text: string;
}

/** The repository root, for messages. */
const ROOT = path.resolve(import.meta.dirname, '../..');

/** The committed text of a golden file, or undefined when there is none. */
export function readGolden(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/** Why a golden file is missing, and the command that writes it. */
export function missingGoldenMessage(file: string): string {
  return `${path.relative(ROOT, file)} is missing: run \`npm run golden:update\`, review the new file and commit it`;
}

/** The message of a failed check for stray golden files. */
export const STRAY = 'golden files that no case produces: `npm run golden:update` removes them';

/** Files in `dir` (with extension `ext`) that no golden case produces. */
export function strayGoldenFiles(dir: string, ext: string, goldens: readonly Golden[]): string[] {
  if (!existsSync(dir)) return [];
  const expected = new Set(goldens.map((g) => path.resolve(g.file)));
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith(ext))
    .map((name) => path.resolve(dir, name))
    .filter((file) => !expected.has(file))
    .map((file) => path.relative(ROOT, file));
}
