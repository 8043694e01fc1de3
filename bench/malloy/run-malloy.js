/**
 * Runs the Malloy model bench/malloy/kpis.malloy (views by_close and by_created) on DuckDB and
 * writes the 13 KPIs in the same long CSV as `kpic run --format csv` — the Malloy side of the
 * benchmark, timed as a whole process like the others.
 *
 * Malloy returns only the (month, region) groups that have rows; the grid (every month from the
 * first to the last of either anchor × every region seen, 0 for counts and sums, null for the
 * rest, and bookings_share 0 where the month has bookings elsewhere — Malloy's own
 * `all(bookings, period)`) is filled here in JavaScript, over a few thousand result cells.
 *
 * Usage: node bench/malloy/run-malloy.js --data DIR [--out FILE.csv]
 * Malloy is loaded from the scratch folder that setup.sh installs (KPIC_BENCH_MALLOY, default
 * /tmp/malloy-bench), never from the project's dependencies.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const flag = (name) => {
  const i = argv.indexOf(`--${name}`);
  return i < 0 ? undefined : argv[i + 1];
};
const data = flag('data');
const out = flag('out');
if (data === undefined) {
  console.error('usage: node bench/malloy/run-malloy.js --data DIR [--out FILE.csv]');
  process.exit(2);
}

const require = createRequire(path.join(process.env.KPIC_BENCH_MALLOY ?? '/tmp/malloy-bench', 'package.json'));
// Malloy is installed apart (bench/malloy/setup.sh), so the typecheck does not look for it.
const malloyPackage = '@malloydata/malloy';
const duckdbPackage = '@malloydata/db-duckdb';
const { SingleConnectionRuntime } = require(malloyPackage);
const { DuckDBConnection } = require(duckdbPackage);

/**
 * KPI columns of by_close, in output order, and whether an empty cell is 0 (counts, sums).
 * @type {[string, boolean][]}
 */
const CLOSE_KPIS = [
  ['bookings', true],
  ['new_logo_bookings', true],
  ['bookings_share', false],
  ['avg_deal_size', false],
  ['median_deal_size', false],
  ['max_deal', false],
  ['won_deals', true],
  ['closed_deals', true],
  ['win_rate', false],
  ['avg_cycle_days', false],
  ['accounts_won', true],
  ['open_pipeline', true],
];

const connection = new DuckDBConnection({ name: 'duckdb', workingDirectory: path.resolve(data) });
const runtime = new SingleConnectionRuntime({ connection });
const model = runtime.loadModel(readFileSync(path.join(here, 'kpis.malloy'), 'utf8'));
const byClose = (await model.loadQuery('run: opportunities -> by_close').run({ rowLimit: 1_000_000 })).data.toObject();
const byCreated = (await model.loadQuery('run: opportunities -> by_created').run({ rowLimit: 1_000_000 })).data.toObject();
await connection.close();

const monthOf = (v) => {
  const d = v instanceof Date ? v : new Date(String(v));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-01`;
};
const num = (v) => (v === null || v === undefined ? null : Number(v));
const regionKey = (r) => (r === null || r === undefined ? '' : String(r));

const cells = new Map();
const regions = new Set();
/** @type {string} */
let lo;
/** @type {string} */
let hi;
const note = (row) => {
  const period = monthOf(row.period);
  regions.add(regionKey(row.region));
  if (lo === undefined || period < lo) lo = period;
  if (hi === undefined || period > hi) hi = period;
  return `${period}|${regionKey(row.region)}`;
};
for (const row of byClose) cells.set(note(row), { ...(cells.get(note(row)) ?? {}), ...row });
for (const row of byCreated) cells.set(note(row), { ...(cells.get(note(row)) ?? {}), pipeline_created: row.pipeline_created });

// A month's total bookings (Malloy's all(bookings, period)), for bookings_share in empty cells.
const monthTotals = new Map();
for (const row of byClose) monthTotals.set(monthOf(row.period), num(row.period_bookings));
const emptyCell = (kpi, month, zero) => {
  if (kpi !== 'bookings_share') return zero ? 0 : null;
  const total = monthTotals.get(month) ?? 0;
  return total === 0 ? null : 0;
};

const months = [];
for (let d = new Date(`${lo}T00:00:00Z`); monthOf(d) <= hi; d.setUTCMonth(d.getUTCMonth() + 1)) months.push(monthOf(d));
const regionList = [...regions].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a < b ? -1 : 1));
const csvField = (s) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
const lines = ['kpi,period,region,value'];
for (const [kpi, zero] of [...CLOSE_KPIS, /** @type {[string, boolean]} */ (['pipeline_created', true])]) {
  for (const month of months) {
    for (const region of regionList) {
      const cell = cells.get(`${month}|${region}`);
      const value = cell === undefined || !(kpi in cell) ? emptyCell(kpi, month, zero) : (num(cell[kpi]) ?? (zero ? 0 : null));
      lines.push(`${kpi},${month},${csvField(region)},${value === null ? '' : String(value)}`);
    }
  }
}
const csv = `${lines.join('\n')}\n`;
if (out === undefined) process.stdout.write(csv);
else {
  writeFileSync(`${out}.tmp`, csv);
  renameSync(`${out}.tmp`, out);
}
