/**
 * The layering of src/, read from the import statements themselves (static, type-only and
 * dynamic): each folder (or file at the root of src/) may import only from its own layer and the
 * layers below it, and only src/cli/ imports src/cli/. The order is declared here and, in the
 * same words, in docs/architecture.md ("Layers"); the test checks that the two agree, that every
 * folder of src/ is placed, and that every name placed exists.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Top first. One line per layer; units on one line (comma-separated) may import each other. A
 * rename is a one-line change here and in docs/architecture.md.
 */
const LAYERS: readonly string[] = [
  'index.ts',
  'cli',
  'server',
  'dashboard',
  'review',
  'diff',
  'site',
  'check-catalog.ts',
  'audit',
  'alerts',
  'commentary',
  'access',
  'testing',
  'plans',
  'scorecard',
  'targets',
  'org',
  'periods',
  'results',
  'pipeline.ts',
  'engine',
  'sql',
  'query',
  'lifecycle',
  'governance',
  'lineage',
  'git',
  'resolve',
  'formula',
  'load, schema, model',
  'diagnostics',
];

const ROOT = path.resolve(import.meta.dirname, '..');
const SRC = path.join(ROOT, 'src');

const unitsOf = (line: string): string[] => line.split(',').map((u) => u.trim());
const RANK = new Map(LAYERS.flatMap((line, i) => unitsOf(line).map((u) => [u, LAYERS.length - i] as const)));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith('.ts') ? [full] : [];
  });
}

/** The unit of a file of src/: its top folder, or its own name at the root. */
function unitOf(file: string): string {
  const [first, second] = path.relative(SRC, file).split(path.sep);
  return second === undefined ? (first ?? '') : (first ?? '');
}

interface Edge {
  readonly from: string;
  readonly to: string;
  readonly file: string;
  readonly line: number;
  readonly specifier: string;
}

/** Every import of src/ that stays inside src/, with the units at both ends. */
function edges(): Edge[] {
  const out: Edge[] = [];
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const ref of ts.preProcessFile(text, true, true).importedFiles) {
      if (!ref.fileName.startsWith('.')) continue;
      const target = path.resolve(path.dirname(file), ref.fileName.replace(/\.js$/, '.ts'));
      if (!target.startsWith(SRC + path.sep)) continue;
      const line = text.slice(0, ref.pos).split('\n').length;
      out.push({ from: unitOf(file), to: unitOf(target), file: path.relative(ROOT, file), line, specifier: ref.fileName });
    }
  }
  return out;
}

const where = (e: Edge): string => `${e.file}:${e.line} imports '${e.specifier}' (${e.from} → ${e.to})`;

describe('the layers of src/', () => {
  const all = edges();

  it('reads the imports (a sanity check that the reader sees static, type-only and dynamic imports)', () => {
    const cli = all.filter((e) => e.file === path.join('src', 'cli', 'commands.ts'));
    expect(cli.some((e) => e.specifier === './validate.js')).toBe(true);
    expect(all.some((e) => e.from === 'scorecard' && e.to === 'targets')).toBe(true);
  });

  it('places every folder and root file of src/, and names nothing that is not there', () => {
    const present = new Set(readdirSync(SRC));
    expect([...present].filter((u) => !RANK.has(u)).sort()).toEqual([]);
    expect([...RANK.keys()].filter((u) => !present.has(u)).sort()).toEqual([]);
  });

  it('no unit imports a layer above its own', () => {
    const upward = all.filter((e) => (RANK.get(e.to) ?? 0) > (RANK.get(e.from) ?? 0)).map(where);
    expect(upward).toEqual([]);
  });

  it('only src/cli/ imports src/cli/', () => {
    expect(all.filter((e) => e.to === 'cli' && e.from !== 'cli').map(where)).toEqual([]);
  });

  it('docs/architecture.md states the same order', () => {
    const doc = readFileSync(path.join(ROOT, 'docs', 'architecture.md'), 'utf8');
    const block = /<!-- layers -->\s*```\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(block, 'docs/architecture.md needs a ``` block right after <!-- layers -->').toBeDefined();
    const declared = (block ?? '')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => unitsOf(l.split(/\s{2,}/)[0] ?? '').join(', '));
    expect(declared).toEqual(LAYERS.map((l) => unitsOf(l).join(', ')));
  });
});
