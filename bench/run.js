/**
 * The run benchmark (issue 3, item 5): 13 KPIs by month and region over N generated opportunities
 * in Parquet, computed by `kpic run` (bench/catalog), by hand-written DuckDB SQL (bench/hand.sql
 * via bench/run-sql.js) and, when installed, by Malloy 0.0.431 (bench/malloy). Each contender is
 * a separate process timed whole (start to exit, wall and CPU), R times, in rotating order; the
 * numbers of every run are checked against the hand SQL, cell by cell, and any disagreement
 * fails the benchmark.
 *
 * Then, on the same N opportunities, the payouts benchmark (issue 11, bench/payouts/run.js):
 * `kpic payouts` for every rep over three years beside `kpic run` of the same credits.
 *
 * Usage: npm run bench -- [--rows N] [--runs R] [--no-malloy] [--warm] [--shuffled-ids] [--no-payouts]
 *   --rows N     opportunities to generate (default 2,000,000; the issue's figure is 10M)
 *   --runs R     timed runs of each contender (default 5), after one untimed warm-up run each
 *   --no-malloy  skip Malloy even if bench/malloy/setup.sh installed it
 *   --warm       keep kpic's data-check cache between runs if the CLI writes one (default:
 *                remove any `.kpic/` folder the run left in bench/ before each run: cold checks)
 *   --shuffled-ids  opportunity ids not in file order (kpic's `unique` check cannot use its
 *                sorted-file shortcut): the data contract's worst case
 *   --no-payouts the run benchmark only (the payouts benchmark takes about 8 minutes at 10M)
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareResults } from './compare.js';
import { generate, intArg } from './generate.js';
import { payoutsBench } from './payouts/run.js';
import { timedRun } from './timed-run.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(here);
const argv = process.argv.slice(2);
const known = new Set(['--rows', '--runs', '--no-malloy', '--warm', '--shuffled-ids', '--no-payouts']);
for (let i = 0; i < argv.length; i++) {
  if (!known.has(argv[i])) usage(`unknown argument \`${argv[i]}\``);
  if (argv[i] === '--rows' || argv[i] === '--runs') i++;
}
let rows;
let runs;
try {
  rows = intArg(argv, 'rows', 2_000_000);
  runs = intArg(argv, 'runs', 5);
} catch (e) {
  usage(e.message);
}
const warm = argv.includes('--warm');
const shuffled = argv.includes('--shuffled-ids');
const malloyDir = process.env.KPIC_BENCH_MALLOY ?? '/tmp/malloy-bench';
const withMalloy = !argv.includes('--no-malloy') && existsSync(path.join(malloyDir, 'node_modules', '@malloydata', 'db-duckdb'));
const TOLERANCE = 1e-9;

function usage(message) {
  console.error(`${message}\nusage: npm run bench -- [--rows N] [--runs R] [--no-malloy] [--warm] [--shuffled-ids] [--no-payouts]`);
  process.exit(2);
}

const log = (m) => console.error(m);
const data = await generate(rows, log, shuffled);
const outDir = path.join(here, 'out', `results-${path.basename(data).slice('data-'.length)}`);
const kpicCwd = path.join(here, 'out', 'kpic-cwd');
mkdirSync(outDir, { recursive: true });
mkdirSync(kpicCwd, { recursive: true });

const catalog = path.join(here, 'catalog');
const contenders = [
  {
    name: 'kpic',
    cwd: kpicCwd,
    args: (out) => [
      path.join(root, 'bin', 'kpic.js'),
      'run',
      '--catalog',
      catalog,
      '--data',
      data,
      '--grain',
      'month',
      '--by',
      'region',
      '--format',
      'csv',
      '--out',
      out,
    ],
  },
  {
    name: 'hand SQL',
    cwd: root,
    args: (out) => [path.join(here, 'run-sql.js'), path.join(here, 'hand.sql'), '--data', data, '--out', out],
  },
];
if (withMalloy) {
  contenders.push({
    name: 'Malloy 0.0.431',
    cwd: root,
    args: (out) => [path.join(here, 'malloy', 'run-malloy.js'), '--data', data, '--out', out],
    quiet: /httpfs|existing extension|For more info|^\s*$/,
  });
}

/** kpic keeps passed data checks in KPIC_CACHE_DIR: the benchmark's own folder, emptied before each cold run. */
const kpicCacheDir = path.join(here, 'out', 'kpic-cache');
const cacheDirs = [kpicCacheDir];
let sawCache = false;
function clearCaches() {
  for (const dir of cacheDirs) {
    if (!existsSync(dir)) continue;
    sawCache = true;
    if (!warm) rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs one contender once; resolves to its wall and CPU seconds and output file. */
async function runOnce(c, label) {
  const out = path.join(outDir, `${c.name.split(' ')[0].toLowerCase()}-${label}.csv`);
  clearCaches();
  const r = await timedRun({
    name: c.name,
    args: c.args(out),
    cwd: c.cwd,
    env: { KPIC_CACHE_DIR: kpicCacheDir },
    out,
    cpuFile: path.join(outDir, `cpu-${process.pid}.json`),
  });
  const noise = r.stderr.split('\n').filter((l) => !(c.quiet?.test(l) ?? l.trim() === ''));
  if (noise.length > 0) log(`${c.name} said on stderr:\n  ${noise.join('\n  ')}`);
  return r;
}

const reference = contenders[1];
const problems = [];
/** Checks one output against the hand SQL's output of the same round; records disagreements. */
function check(c, out, handOut, round) {
  if (c === reference) return;
  const r = compareResults(readFileSync(out, 'utf8'), readFileSync(handOut, 'utf8'), {
    tolerance: TOLERANCE,
    labels: [c.name, 'hand SQL'],
  });
  const expected = 13;
  if (r.mismatches.length > 0 || r.kpis !== expected) {
    problems.push({ contender: c.name, round, cells: r.cells, kpis: r.kpis, mismatches: r.mismatches });
  }
  return r;
}

const stats = new Map(contenders.map((c) => [c.name, { wall: [], cpu: [], rss: [] }]));
const loadBefore = os.loadavg()[0];
let agreement;
const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
log(`machine: ${machine}`);
log(
  `${rows.toLocaleString('en-US')} opportunities; ${runs} timed runs each after a warm-up; contenders: ${contenders.map((c) => c.name).join(', ')}`,
);
if (!withMalloy && !argv.includes('--no-malloy')) log(`(Malloy not installed in ${malloyDir}: run bench/malloy/setup.sh to include it)`);

for (let round = 0; round <= runs; round++) {
  // Rotate the order so that no contender always runs first (page cache, thermal state).
  const order = contenders.map((_, i) => contenders[(i + round) % contenders.length]);
  const outs = new Map();
  for (const c of order) {
    const r = await runOnce(c, round === 0 ? 'warmup' : `run${round}`);
    outs.set(c.name, r.out);
    if (round > 0) {
      const s = stats.get(c.name);
      s.wall.push(r.wall);
      if (r.cpu !== undefined) s.cpu.push(r.cpu);
      if (r.rss !== undefined) s.rss.push(r.rss);
    }
    log(
      `${round === 0 ? 'warm-up' : `run ${round}/${runs}`}  ${c.name.padEnd(15)} ${r.wall.toFixed(2)} s wall${r.cpu === undefined ? '' : `, ${r.cpu.toFixed(2)} s CPU`}`,
    );
  }
  for (const c of contenders) {
    const r = check(c, outs.get(c.name), outs.get(reference.name), round);
    if (round === 0 && c.name === 'kpic') agreement = r;
  }
  if (problems.length > 0) break;
}

if (problems.length > 0) {
  console.error('\n!!! THE NUMBERS DISAGREE WITH THE HAND-WRITTEN SQL !!!');
  for (const p of problems) {
    console.error(
      `\n${p.contender} (round ${p.round}): ${p.mismatches.length} of ${p.cells} cells disagree (${p.kpis} KPIs seen); first ones:`,
    );
    for (const m of p.mismatches.slice(0, 30)) console.error(`  ${JSON.stringify(m)}`);
  }
  process.exit(1);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const min = (xs) => Math.min(...xs);
const hand = stats.get(reference.name);
const ratio = (a, b) => (a / b).toFixed(2);
const lines = [
  `${rows.toLocaleString('en-US')} opportunities${shuffled ? ' (ids not in file order)' : ''} · 13 KPIs by month and region · ${runs} runs each (after a warm-up), rotating order · ${warm ? 'warm' : 'cold'} data checks`,
  '',
  '| contender | wall median (s) | wall min (s) | CPU median (s) | peak RSS (MB) | wall median ÷ hand | wall min ÷ hand | CPU ÷ hand |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
];
for (const c of contenders) {
  const s = stats.get(c.name);
  lines.push(
    `| ${c.name} | ${median(s.wall).toFixed(2)} | ${min(s.wall).toFixed(2)} | ${s.cpu.length > 0 ? median(s.cpu).toFixed(2) : '–'} | ${s.rss.length > 0 ? Math.round(median(s.rss)) : '–'} | ${ratio(median(s.wall), median(hand.wall))} | ${ratio(min(s.wall), min(hand.wall))} | ${s.cpu.length > 0 ? ratio(median(s.cpu), median(hand.cpu)) : '–'} |`,
  );
}
lines.push(
  '',
  `Agreement: every run's ${agreement.cells.toLocaleString('en-US')} cells (${agreement.kpis} KPIs × months × regions) of kpic${withMalloy ? ' and of Malloy' : ''} equal the hand SQL's within ${TOLERANCE} relative (worst difference seen in the warm-up: ${agreement.worst.toExponential(1)}).`,
);
lines.push(
  `CPU is user + system time of the whole process (every thread); on a shared machine it is steadier than wall time. Load average (1 min) before: ${loadBefore.toFixed(1)}, after: ${os.loadavg()[0].toFixed(1)} (${os.cpus().length} cores).`,
);
if (sawCache)
  lines.push(
    `kpic's data-check cache (KPIC_CACHE_DIR) was ${warm ? 'kept between runs (warm: an unchanged export skips its checks)' : 'emptied before each run (cold: every run checks the data)'}.`,
  );
console.log(`\nmachine: ${machine}\n\n${lines.join('\n')}`);
writeFileSync(
  path.join(outDir, 'summary.json'),
  JSON.stringify(
    {
      rows,
      shuffled,
      runs,
      warm,
      loadavg: os.loadavg(),
      machine,
      date: new Date().toISOString(),
      stats: Object.fromEntries(stats),
      agreement: { cells: agreement.cells, worst: agreement.worst },
    },
    null,
    2,
  ),
);

// The payouts benchmark on the same opportunities (ids in file order: the shuffled ones are a
// worst case of the run benchmark's data checks only).
if (!argv.includes('--no-payouts')) {
  log('\npayouts benchmark …');
  const payouts = await payoutsBench(rows, { log });
  console.log(`\n${payouts.lines.join('\n')}`);
  if (!payouts.ok) {
    console.error("\n!!! THE PLAN'S CREDIT DIFFERS FROM KPIC RUN'S BOOKINGS !!!");
    process.exit(1);
  }
}
