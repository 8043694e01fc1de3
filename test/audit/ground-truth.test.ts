/**
 * The shipped detectors against the generator's ground truth on the example data: every detector
 * reaches precision and recall of at least 0.9 against the records planted with its quirk, the
 * reconciliation checks list exactly the planted mismatches, and docs/checks.md states the
 * figures measured here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli as kpic } from '../cli/helpers.js';
import { readPlanted, scoreDetectors, type NdjsonFinding, type Score } from './score.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DATA = path.join(ROOT, 'examples/data');

describe('scoring', () => {
  it('counts a flagged record that was not planted against precision, a planted one missed against recall', () => {
    const planted = new Map<string, [string, string][]>([
      [
        'backdated_closes',
        [
          ['O1', ''],
          ['O2', ''],
        ],
      ],
      ['near_duplicate_accounts', [['A2', 'A1']]],
    ]);
    const findings: NdjsonFinding[] = [
      { check: 'backdated_close', values: { opportunity_id: 'O1' } },
      { check: 'backdated_close', values: { opportunity_id: 'O3' } },
      { check: 'duplicate_accounts', values: { account_id: 'A1' }, duplicate_of: 'acme' },
      { check: 'duplicate_accounts', values: { account_id: 'A2' }, duplicate_of: 'acme' },
      { check: 'duplicate_accounts', values: { account_id: 'A3' }, duplicate_of: 'acme' },
    ];
    const scores = scoreDetectors(findings, planted, new Set());
    expect(scores.find((s) => s.check === 'backdated_close')).toMatchObject({ found: 2, planted: 2, precision: 0.5, recall: 0.5 });
    // A1–A2 planted; A1–A3 and A2–A3 not: 1 of 3 pairs.
    expect(scores.find((s) => s.check === 'duplicate_accounts')).toMatchObject({ found: 3, planted: 1, recall: 1 });
    expect(scores.find((s) => s.check === 'duplicate_accounts')?.precision).toBeCloseTo(1 / 3, 10);
  });
});

describe('the shipped detectors on the example data', () => {
  let scores: Score[] = [];
  beforeAll(async () => {
    const run = await kpic(ROOT, ['audit', '--catalog', 'catalog', '--data', DATA, '--as-of', '2026-09-30', '--format', 'ndjson']);
    expect(run.stderr).toBe('');
    const findings = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as NdjsonFinding);
    const invoiced = new Set(
      readFileSync(path.join(DATA, 'invoices.csv'), 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(',')[2] ?? ''),
    );
    scores = scoreDetectors(findings, readPlanted(path.join(DATA, 'planted.csv')), invoiced);
  }, 300_000); // every shipped check over the whole example data set

  it('scores every shipped manipulation and reconciliation check, the duplicates and lead assignment', () => {
    const shipped = ['manipulation', 'reconciliation'].flatMap((file) =>
      [...readFileSync(path.join(ROOT, `catalog/checks/${file}.yaml`), 'utf8').matchAll(/^check: ([a-z_]+)$/gm)].map((m) => m[1]),
    );
    const expected = [...shipped, 'duplicate_accounts', 'duplicate_open_deals', 'lead_without_owner'];
    expect(scores.map((s) => s.check).sort()).toEqual(expected.sort());
    expect(scores.filter((s) => s.planted < 5).map((s) => s.check)).toEqual(['backdated_close']);
  });

  it('every detector reaches precision and recall of at least 0.9', () => {
    const weak = scores.filter((s) => s.precision < 0.9 || s.recall < 0.9).map((s) => `${s.check} ${s.precision} ${s.recall}`);
    expect(weak).toEqual([]);
  });

  it('reconciliation lists exactly the planted mismatches', () => {
    const reconciliation = ['won_not_invoiced', 'invoice_amount_mismatch', 'duplicate_invoices', 'orphan_invoice'];
    for (const check of [...reconciliation, 'won_without_revenue_schedule', 'late_revenue_schedule', 'deferred_revenue_negative']) {
      const s = scores.find((x) => x.check === check);
      expect([check, s?.precision, s?.recall]).toEqual([check, 1, 1]);
    }
  });

  it('docs/checks.md states the measured figures', () => {
    const doc = readFileSync(path.join(ROOT, 'docs/checks.md'), 'utf8');
    const rows = [...doc.matchAll(/^\| `([a-z_]+)` \| `([a-z_]+)` \| (\d+) \| (\d+) \| ([\d.]+) \| ([\d.]+) \|$/gm)].map((m) =>
      m.slice(1).join(' '),
    );
    const measured = scores.map((s) => `${s.check} ${s.quirk} ${s.found} ${s.planted} ${s.precision.toFixed(2)} ${s.recall.toFixed(2)}`);
    expect(rows).toEqual(measured);
  });
});
