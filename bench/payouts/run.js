/**
 * Payouts benchmark: `kpic payouts` for every rep over three fiscal years (2023–2025) of the run
 * benchmark's generated opportunities, beside `kpic run` of the same credits (bookings by rep and
 * quarter). The catalog is bench/catalog with a hierarchy over its reps and one quarterly AE plan
 * (marginal tiers on attainment of an annual quota, an accelerator, a cap), written into a
 * temporary folder. Each contender is its own Node process (bench/timed-run.js): wall and CPU
 * time, peak RSS. Also checks that the plan's total credit equals `kpic run`'s bookings.
 *
 * Usage: npm run -s build && node bench/payouts/run.js [--rows N]
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '../generate.js';
import { timedRun } from '../timed-run.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : process.argv[i + 1];
};
const rows = Number(arg('rows', '1000000'));

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

const data = await generate(rows, (m) => process.stderr.write(`${m}\n`));
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
  const time = async (name, args) => {
    const out = path.join(work, 'out');
    const r = await timedRun({ name, args: [kpic, ...args, ...common, '--out', out], cwd: work, out, cpuFile });
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
    .reduce((total, f) => total + (Number(f[3]) || 0), 0);
  const plan = JSON.parse(pay.text).plans[0];
  const credit = plan.totals.reduce((total, t) => total + t.credit, 0);
  console.log(`rows: ${rows.toLocaleString('en')} opportunities; reps paid: ${plan.reps.length}`);
  for (const r of [run, pay])
    console.log(`${r.name}: wall ${r.wall.toFixed(1)} s, CPU ${r.cpu.toFixed(1)} s, peak RSS ${Math.round(r.rss)} MB`);
  console.log(`2025 credit on the plan ${credit.toFixed(2)}; kpic run bookings of the reps in 2025 ${bookings.toFixed(2)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
