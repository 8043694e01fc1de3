/**
 * Hostile input: a run killed while it writes. SIGINT and SIGTERM remove the temporary file
 * (a real child process is stopped half-way through a write), and the temporary files of a
 * process that could not clean up are swept by the next write to the same file.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { writeTextAtomically } from '../../src/results/write-atomic.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SCRIPT = path.join(import.meta.dirname, 'fixtures/slow-write.ts');

function stopHalfWay(dir: string, signal: NodeJS.Signals): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', './scripts/register-ts.js', SCRIPT, path.join(dir, 'out.csv')], { cwd: ROOT });
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('writing')) child.kill(signal);
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code));
  });
}

describe('killed runs leave nothing behind', () => {
  test.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s during a write removes the temporary file', async (signal, code) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kpic-signal-'));
    try {
      expect(await stopHalfWay(dir, signal)).toBe(code);
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('stale temporary files of a dead process are swept by the next write; a live one is kept', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kpic-signal-'));
    try {
      const dead = `.out.csv.999999999.0123abcd.tmp`;
      const live = `.out.csv.${process.pid}.0123abcd.tmp`;
      const other = `.other.csv.999999999.0123abcd.tmp`;
      for (const name of [dead, live, other]) writeFileSync(path.join(dir, name), 'x');
      await writeTextAtomically(path.join(dir, 'out.csv'), 'new\n');
      expect(readdirSync(dir).sort()).toEqual([live, other, 'out.csv'].sort());
      expect(readFileSync(path.join(dir, 'out.csv'), 'utf8')).toBe('new\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
