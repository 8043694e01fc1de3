/**
 * The finance KPIs on the committed example data: deferred revenue at each month's end equals,
 * to the cent, everything invoiced up to that day less everything recognised up to it — summed
 * here independently from invoices.csv and revenue_schedule.csv as BigInt cents — and it rolls
 * forward exactly: each month's end = the month before's + billings − revenue recognised.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanCsv } from '../../src/engine/csv-scan.js';
import { checkCatalog } from '../../src/check-catalog.js';
import { runKpis } from '../../src/pipeline.js';
import { assertValid } from '../helpers/workspace.js';
import { CATALOG_DIR, DATA_DIR } from './helpers.js';

/** Cents of `1234.5`-style money text. */
function cents(text: string): bigint {
  const [whole = '', fraction = ''] = text.split('.');
  return BigInt(`${whole}${fraction.padEnd(2, '0')}`);
}

/** (ISO day, cents) of every row of `file`, from its `date` and `amount` columns. */
function dated(file: string, date: string, amount: string): [string, bigint][] {
  let header: readonly string[] = [];
  const out: [string, bigint][] = [];
  scanCsv(path.join(DATA_DIR, file), { delimiter: ',', wantFields: () => true }, (record) => {
    const fields = record.fields ?? [];
    if (record.index === 0) header = fields;
    else out.push([fields[header.indexOf(date)] ?? '', cents(fields[header.indexOf(amount)] ?? '0')]);
  });
  return out;
}

describe('billings, revenue recognised and deferred revenue on the example data', () => {
  it('deferred revenue at each month end is billed to date less recognised to date, and rolls forward', async () => {
    const checked = checkCatalog(CATALOG_DIR);
    assertValid(checked);
    const kpis = ['billings', 'revenue_recognised', 'deferred_revenue'];
    const result = await runKpis(checked.resolved, { kpis, grain: 'month', from: '2024-01-01', to: '2026-09-30' }, { dataDir: DATA_DIR });
    if (!result.ok) throw new Error(result.message);
    const exact = new Map(result.rows.map((r) => [`${r.kpi}|${r.period}`, r.exact === undefined ? null : cents(r.exact.toString())]));
    const invoices = dated('invoices.csv', 'invoice_date', 'amount');
    const schedule = dated('revenue_schedule.csv', 'month', 'recognized_amount');
    const upTo = (rows: [string, bigint][], day: string): bigint => rows.reduce((s, [d, c]) => (d <= day ? s + c : s), 0n);
    const months = [...new Set(result.rows.map((r) => r.period))].sort();
    expect(months).toHaveLength(33);
    let before: bigint | undefined;
    for (const start of months) {
      const end = new Date(Date.UTC(Number(start.slice(0, 4)), Number(start.slice(5, 7)), 0)).toISOString().slice(0, 10);
      const deferred = exact.get(`deferred_revenue|${start}`);
      expect(deferred, start).toBe(upTo(invoices, end) - upTo(schedule, end));
      const billed = exact.get(`billings|${start}`) ?? 0n;
      const recognised = exact.get(`revenue_recognised|${start}`) ?? 0n;
      if (before !== undefined) expect(deferred, `${start} rolls forward`).toBe(before + billed - recognised);
      before = deferred ?? undefined;
    }
  }, 120_000);
});
