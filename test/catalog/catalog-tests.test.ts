/**
 * The shipped catalog's own test cases (catalog/tests/): `kpic test` passes on them, and a
 * deliberately broken formula fails exactly the case that covers it, with a cell diff.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { cli } from '../cli/helpers.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('kpic test on the shipped catalog', () => {
  test('every case passes; NRR, GRR, win rate, weighted pipeline, coverage, forecast accuracy and the point-in-time pipeline are tested', async () => {
    const run = await cli(ROOT, ['test', '--format', 'json']);
    const report = JSON.parse(run.stdout) as { ok: boolean; summary: { cases: number; passed: number }; coverage: { tested: string[] } };
    expect(run.code).toBe(0);
    expect(report.ok).toBe(true);
    expect(report.summary.passed).toBe(report.summary.cases);
    expect(report.coverage.tested).toEqual(
      expect.arrayContaining([
        ...['nrr', 'grr', 'win_rate', 'weighted_pipeline', 'pipeline_coverage', 'forecast_mape', 'forecast_wape'],
        ...['open_pipeline_eop', 'pipeline_age_eop', 'stalled_deals_eop', 'waterfall_gap', 'commit_call_w3', 'call_wape', 'call_bias'],
      ]),
    );
  }, 120_000);

  test('a broken GRR (contraction summed instead of capped per account) fails the retention cases only', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kpic-catalog-'));
    try {
      cpSync(path.join(ROOT, 'catalog'), path.join(dir, 'catalog'), { recursive: true });
      const arr = path.join(dir, 'catalog/kpis/arr.yaml');
      const text = readFileSync(arr, 'utf8');
      const broken = text.replace(
        'formula: sum(least(beginning_arr, arr) per account_id) / beginning_arr',
        'formula: (beginning_arr - contraction_arr - churned_arr) / beginning_arr',
      );
      expect(broken).not.toBe(text);
      writeFileSync(arr, broken);
      const run = await cli(dir, ['test', '--filter', 'retention']);
      expect(run.code).toBe(1);
      // Q1 2025: (510 − 100 − 50) / 510 = 360/510 instead of 390/510: summing the movements loses
      // all 50 of A5's contraction, where the per-account cap loses only the 20 below its start.
      expect(run.stdout).toMatch(/✗ \d+ +2025-01-01 +0\.86\d+ +390\/510 ≠ 0\.7058823529411765 /);
      expect(run.stdout).toContain('3 cases: 1 passed, 2 failed');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
