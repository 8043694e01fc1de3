/**
 * Payouts benchmark: `kpic payouts` for every rep over three fiscal years (2023–2025) of the run
 * benchmark's generated opportunities, beside `kpic run` of the same credits (bookings by rep and
 * quarter). The catalog is bench/catalog with a hierarchy over its reps and one quarterly AE plan
 * (marginal tiers on attainment of an annual quota, an accelerator, a cap), written into a
 * temporary folder. Each contender is its own Node process (bench/timed-run.js): wall and CPU
 * time, peak RSS. Also checks that the plan's total credit equals `kpic run`'s bookings, to the
 * cent (a difference fails the benchmark). `npm run bench` runs it too, on the same N.
 *
 * Usage: npm run -s build && node bench/payouts/run.js [--rows N] [--memory-limit SIZE]
 *   --memory-limit SIZE  DuckDB's memory limit in both processes (KPIC_MEMORY_LIMIT; default 80% of the memory)
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate, intArg } from '../generate.js';
import { timedRun } from '../timed-run.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

const HIERARCHY = `hierarchy: org
source: reps
member: rep_id
dimension: rep
levels:
  - level: company
  - level: region
    value: region
  - level: rep
`;

const PLAN = `plan: ae
hierarchy: org
members: region is not null
effective: { from: 2023-01-01, to: 2025-12-31 }
pay_period: quarter
credit: { source: opportunities, where: won, rep: owner_id, amount: amount }
quota: { annual: 2000000, seasonal: { q1: 20%, q2: 25%, q3: 25%, q4: 30% } }
components:
  - component: commission
    type: commission
    method: marginal
    on: attainment
    tiers:
      - { up_to: 100%, rate: 8% }
      - { rate: 12% }
    accelerators:
      - { above: 150%, multiplier: 1.5 }
    cap: { amount: 400000, per: year }
`;

const BOOKINGS = `kpi: rep_bookings
formula: sum(amount where won)
unit: money
`;

/** An amount (a number, or its text) in whole cents: exact for amounts below 10^13. */
const cents = (v) => BigInt(Math.round((Number(v) || 0) * 100));
/** Cents as an amount: 440153031.86. */
const money = (c) => `${c < 0n ? '-' : ''}${(c < 0n ? -c : c) / 100n}.${String((c < 0n ? -c : c) % 100n).padStart(2, '0')}`;

/**
 * Runs the payouts benchmark on N generated opportunities; resolves to `{ ok, lines }`: the
 * figures as text lines, and whether the plan's 2025 credit equals `kpic run`'s bookings.
 * @param {number} rows
 * @param {{ log?: (message: string) => void, memoryLimit?: string }} [options]
 */
export async function payoutsBench(rows, { log = () => {}, memoryLimit } = {}) {
  const data = await generate(rows, log);
  const load = os.loadavg()[0];
  const work = mkdtempSync(path.join(tmpdir(), 'kpic-bench-payouts-'));
  try {
    const catalog = path.join(work, 'catalog');
    cpSync(path.join(root, 'bench', 'catalog'), catalog, { recursive: true });
    mkdirSync(path.join(catalog, 'hierarchies'));
    mkdirSync(path.join(catalog, 'plans'));
    writeFileSync(path.join(catalog, 'hierarchies', 'org.yaml'), HIERARCHY);
    writeFileSync(path.join(catalog, 'plans', 'ae.yaml'), PLAN);
    writeFileSync(path.join(catalog, 'kpis', 'rep-bookings.yaml'), BOOKINGS);
    const kpic = path.join(root, 'bin', 'kpic.js');
    const common = ['--catalog', catalog, '--data', data, '--no-cache'];
    const cpuFile = path.join(work, 'cpu.json');
    const env = memoryLimit === undefined ? {} : { KPIC_MEMORY_LIMIT: memoryLimit };
    const time = async (name, args) => {
      const out = path.join(work, 'out');
      log(`${name} …`);
      const r = await timedRun({ name, args: [kpic, ...args, ...common, '--out', out], cwd: work, env, out, cpuFile });
      return { name, wall: r.wall, cpu: r.cpu ?? 0, rss: r.rss ?? 0, text: readFileSync(out, 'utf8') };
    };
    const run = await time('kpic run (bookings by rep and quarter, 2023-2025)', [
      'run',
      '--kpi',
      'rep_bookings',
      '--grain',
      'quarter',
      '--by',
      'rep',
      '--from',
      '2023-01-01',
      '--to',
      '2025-12-31',
      '--format',
      'csv',
    ]);
    // One run: --period 2025 computes every quarter from the plan's start (pay is earned to date).
    const pay = await time('kpic payouts (every rep, 12 quarters)', ['payouts', '--period', '2025', '--format', 'json']);
    // kpic run's bookings of the reps in the reps table (R0000…R0399) in 2025: the orphan owners are on no plan.
    const bookings = run.text
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','))
      .filter((f) => (f[1] ?? '').startsWith('2025') && (f[2] ?? '') < 'R0400')
      .reduce((total, f) => total + cents(f[3]), 0n);
    const plan = JSON.parse(pay.text).plans[0];
    const credit = plan.totals.reduce((total, t) => total + cents(t.credit), 0n);
    const agree = credit === bookings;
    const lines = [
      `payouts: ${rows.toLocaleString('en')} opportunities; reps paid: ${plan.reps.length}; load average before ${load.toFixed(1)}, after ${os.loadavg()[0].toFixed(1)} (${os.cpus().length} cores)${memoryLimit === undefined ? '' : `; memory limit ${memoryLimit}`}`,
      ...[run, pay].map((r) => `${r.name}: wall ${r.wall.toFixed(1)} s, CPU ${r.cpu.toFixed(1)} s, peak RSS ${Math.round(r.rss)} MB`),
      `2025 credit on the plan ${money(credit)}; kpic run bookings of the reps in 2025 ${money(bookings)}: ${agree ? 'equal' : 'DIFFERENT'}`,
    ];
    return { ok: agree, lines };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const i = argv.indexOf('--memory-limit');
  const result = await payoutsBench(intArg(argv, 'rows', 1_000_000), {
    log: (m) => process.stderr.write(`${m}\n`),
    memoryLimit: i < 0 ? undefined : argv[i + 1],
  });
  console.log(result.lines.join('\n'));
  if (!result.ok) process.exit(1);
}
