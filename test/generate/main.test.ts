import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../generator/main.js';
import { TABLE_NAMES } from '../../generator/schema.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kpic-generate-main-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function runMain(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('generate command', () => {
  it.each([
    [['--scale', 'ten', '--out', 'x'], '`--scale` must be a whole number, not `ten`'],
    [['--scale', '100'], 'missing `--out DIR`'],
    [['--out', 'x', '--colour', 'red'], 'unknown option `--colour`'],
  ])('exits 2 with a clear message for %j', async (argv, message) => {
    const r = await runMain(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`generate: ${message}`);
    expect(r.stderr).toContain('usage: npm run generate');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });

  it('prints usage for --help', async () => {
    const r = await runMain(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--scale N');
  });

  it('writes every table, reports rows and quirks, and leaves no staging folder', async () => {
    const out = join(dir, 'nested', 'data');
    const r = await runMain(['--scale', '200', '--seed', '3', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^wrote 17 files to .* \(scale 200, seed 3\)/);
    expect(r.stdout).toMatch(/opportunities +200 rows/);
    expect(r.stdout).toContain('deliberate quirks:');
    expect(readdirSync(out).sort()).toEqual(TABLE_NAMES.map((t) => `${t}.csv`).sort());
  });

  it('exits 1 without a stack trace when the output folder cannot be made', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    const r = await runMain(['--scale', '50', '--out', join(file, 'data')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^generate: failed: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('leaves nothing behind when moving the finished files into place fails', async () => {
    mkdirSync(join(dir, 'reps.csv')); // a folder where the first table must go
    const r = await runMain(['--scale', '50', '--out', dir]);
    expect(r.code).toBe(1);
    expect(readdirSync(dir)).toEqual(['reps.csv']);
  });
});
