/**
 * Exact money end to end on the committed example data: the shipped catalog's bookings, quarter by
 * quarter, equal to the cent the sum of the won deals' amounts in opportunities.csv — summed here
 * independently, as decimal strings in BigInt cents — and `kpic run --format json` prints them
 * with exactly those digits.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanCsv } from '../../src/engine/csv-scan.js';
import { checkCatalog } from '../../src/check-catalog.js';
import { runKpis } from '../../src/pipeline.js';
import { renderJsonRows } from '../../src/results/json.js';
import { assertValid } from '../helpers/workspace.js';
import { CATALOG_DIR, DATA_DIR } from './helpers.js';

/** `1234.5` → 123450n cents; the example export writes amounts with at most two decimals. */
function cents(text: string): bigint {
  const [whole = '', fraction = ''] = text.split('.');
  expect(fraction.length).toBeLessThanOrEqual(2);
  return BigInt(`${whole}${fraction.padEnd(2, '0')}`);
}

/** 123450n → `1234.5`: the canonical decimal text of a number of cents. */
function decimalText(value: bigint): string {
  const sign = value < 0n ? '-' : '';
  const digits = (value < 0n ? -value : value).toString().padStart(3, '0');
  const fraction = digits.slice(-2).replace(/0+$/, '');
  return `${sign}${digits.slice(0, -2)}${fraction === '' ? '' : `.${fraction}`}`;
}

/** The won amounts of opportunities.csv by calendar quarter (the catalog's fiscal quarters). */
function wonCentsByQuarter(): Map<string, bigint> {
  const file = path.join(DATA_DIR, 'opportunities.csv');
  let header: readonly string[] = [];
  const sums = new Map<string, bigint>();
  scanCsv(file, { delimiter: ',', wantFields: () => true }, (record) => {
    const fields = record.fields ?? [];
    if (record.index === 0) {
      header = fields;
      return;
    }
    const field = (name: string): string => fields[header.indexOf(name)] ?? '';
    const close = field('close_date');
    if (field('stage') !== 'Closed Won' || close === '' || field('amount') === '') return;
    const month = Number(close.slice(5, 7));
    const quarter = `${close.slice(0, 4)}-${String(month - ((month - 1) % 3)).padStart(2, '0')}-01`;
    sums.set(quarter, (sums.get(quarter) ?? 0n) + cents(field('amount')));
  });
  return sums;
}

describe('bookings on the example data', () => {
  it('equal the sum of the export to the cent, in every quarter, and print with those digits', async () => {
    const expected = wonCentsByQuarter();
    expect(expected.size).toBeGreaterThan(8);
    expect(readFileSync(path.join(DATA_DIR, 'opportunities.csv'), 'utf8')).toContain('Closed Won');

    const checked = checkCatalog(CATALOG_DIR);
    assertValid(checked);
    const result = await runKpis(checked.resolved, { kpis: ['bookings'], grain: 'quarter' }, { dataDir: DATA_DIR });
    if (!result.ok) throw new Error(result.message);
    const got = new Map(result.rows.map((r) => [r.period, r.exact?.toString()]));
    const want = new Map([...got.keys()].map((q) => [q, decimalText(expected.get(q) ?? 0n)]));
    expect(got).toEqual(want);
    expect([...expected.keys()].every((q) => got.has(q))).toBe(true);

    const json = JSON.parse(
      renderJsonRows({ by: [], rows: result.rows, units: new Map([['bookings', 'money']]), currency: 'USD' })
        // Numbers as text, so no JavaScript double stands between the output and the comparison.
        .replace(/"value":([-0-9.]+)/g, '"value":"$1"'),
    ) as { period: string; value: string }[];
    expect(new Map(json.map((r) => [r.period, r.value]))).toEqual(want);
  });
});
