/**
 * Vitest global setup: every test run gets its own temporary folder, made before any worker
 * starts and removed when the run ends, and `TMPDIR` points into it, so the folders tests and
 * the processes they start create with `os.tmpdir()` (catalogs, data, caches, browser profiles)
 * never pile up in the machine's /tmp, even when a test fails before its own clean-up.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Creates the run's folder and points `TMPDIR` at it; returns the teardown that removes it. */
export default function setup(): () => void {
  const root = mkdtempSync(path.join(os.tmpdir(), 'kpic-tests-'));
  process.env.TMPDIR = root;
  return () => {
    rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  };
}
