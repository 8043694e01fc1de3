/**
 * Test helper: generates a data set into a fresh temporary folder (once per seed and scale per
 * test file) and removes it afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDataset, type GenerateSummary } from '../../generator/generate.js';

/** A generated data set on disk. */
export interface GeneratedDataset {
  readonly dir: string;
  readonly summary: GenerateSummary;
}

const made: string[] = [];

/** Generates `scale` opportunities with `seed` as CSV into a new temporary folder. */
export async function generateToTemp(seed: number, scale: number, format: 'csv' | 'parquet' | 'both' = 'csv'): Promise<GeneratedDataset> {
  const dir = mkdtempSync(join(tmpdir(), 'kpic-generate-test-'));
  made.push(dir);
  const summary = await generateDataset({ seed, scale, outDir: dir, format });
  return { dir, summary };
}

/** Removes every folder made by {@link generateToTemp}. */
export function removeTempDatasets(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
