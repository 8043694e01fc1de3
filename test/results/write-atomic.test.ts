import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { temporaryPath, writeAtomically, writeTextAtomically } from '../../src/results/write-atomic.js';

const dir = mkdtempSync(path.join(tmpdir(), 'kpic-atomic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('atomic writes', () => {
  test("the temporary file is in the target's folder", () => {
    const t = temporaryPath(path.join(dir, 'out.csv'));
    expect(path.dirname(t)).toBe(dir);
    expect(path.basename(t)).toMatch(/^\.out\.csv\.\d+\.[0-9a-f]{8}\.tmp$/);
  });

  test('writes and replaces the target', async () => {
    const target = path.join(dir, 'a.txt');
    writeFileSync(target, 'old');
    await writeTextAtomically(target, 'new');
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('a failing writer leaves neither the target nor a temporary file', async () => {
    const target = path.join(dir, 'b.txt');
    await expect(
      writeAtomically(target, (temporary) => {
        writeFileSync(temporary, 'half');
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith('.b.txt'))).toEqual([]);
  });
});
