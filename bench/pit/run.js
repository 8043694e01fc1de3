/**
 * The point-in-time benchmark (issue 14): 12 pipeline KPIs as at quarter points, by quarter and
 * region — open pipeline, open deals and pipeline age at each quarter end, and the pipeline
 * waterfall from each quarter's start to its end — over N generated deals and their field
 * history (bench/pit/generate.js), computed by `kpic run` (bench/pit/catalog) and by hand-written
 * DuckDB SQL (bench/pit/points.sql + snapshot-versions.sql + kpis.sql: versions carried forward by
 * one window pass; with `--with-spells` also snapshot-spells.sql, per-field spells pivoted at each
 * point, a second technique). Each contender is a
 * separate process timed whole (wall and CPU), R times after a warm-up, in rotating order; every
 * run's cells are compared with the hand SQL's, and any disagreement fails the benchmark.
 *
 * Usage: node bench/pit/run.js [--rows N] [--runs R] [--no-warmup] [--with-spells]   (npm run -s build first)
 *   --no-warmup  skip the untimed first run (at 10M a run takes minutes; the data files are read
 *                by both contenders in turn, so the page cache favours neither for long)
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareResults } from '../compare.js';
import { intArg } from '../generate.js';
import { timedRun } from '../timed-run.js';
import { generatePit } from './generate.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const bench = path.dirname(here);
const root = path.dirname(bench);
const argv = process.argv.slice(2);
const rows = intArg(argv, 'rows', 2_000_000);
const runs = intArg(argv, 'runs', 3);
const KPIS = 12;
const firstRound = argv.includes('--no-warmup') ? 1 : 0;
const log = (m) => console.error(m);

const data = await generatePit(rows, log);
const outDir = path.join(bench, 'out', `pit-results-${rows}`);
const cacheDir = path.join(bench, 'out', 'pit-kpic-cache');
mkdirSync(outDir, { recursive: true });

/** The hand-written query with the given snapshot technique, in its three parts. */
const handSql = (technique) => ['points.sql', `snapshot-${technique}.sql`, 'kpis.sql'].map((f) => path.join(here, f));

const contenders = [
  {
    name: 'kpic',
    args: (out) => [
      path.join(root, 'bin', 'kpic.js'),
      'run',
      '--catalog',
      path.join(here, 'catalog'),
      '--data',
      data,
      '--grain',
      'quarter',
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
    args: (out) => [path.join(bench, 'run-sql.js'), ...handSql('versions'), '--data', data, '--out', out],
  },
];
if (argv.includes('--with-spells')) {
  contenders.push({
    name: 'hand SQL (spells)',
    args: (out) => [path.join(bench, 'run-sql.js'), ...handSql('spells'), '--data', data, '--out', out],
  });
}

/** One timed run of a contender (cold: kpic's data-check cache emptied first). */
function runOnce(c, label) {
  const out = path.join(outDir, `${c.name.split(' ')[0].toLowerCase()}-${label}.csv`);
  rmSync(cacheDir, { recursive: true, force: true });
  const cpuFile = path.join(outDir, `cpu-${process.pid}.json`);
  return timedRun({ name: c.name, args: c.args(out), cwd: root, env: { KPIC_CACHE_DIR: cacheDir }, out, cpuFile });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const stats = new Map(contenders.map((c) => [c.name, { wall: [], cpu: [], rss: [] }]));
const loadBefore = os.loadavg()[0];
let agreement;
log(`${rows.toLocaleString('en-US')} deals; ${runs} timed runs each${firstRound === 0 ? ' after a warm-up' : ''}`);
for (let round = firstRound; round <= runs; round++) {
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
    log(`${round === 0 ? 'warm-up' : `run ${round}/${runs}`}  ${c.name.padEnd(9)} ${r.wall.toFixed(2)} s wall, ${r.cpu?.toFixed(2)} s CPU`);
  }
  for (const c of contenders.filter((x) => x.name !== 'hand SQL')) {
    const r = compareResults(readFileSync(outs.get(c.name), 'utf8'), readFileSync(outs.get('hand SQL'), 'utf8'), {
      tolerance: 1e-9,
      labels: [c.name, 'hand SQL'],
    });
    if (r.mismatches.length > 0 || r.kpis !== KPIS) {
      console.error(
        `\n!!! ${c.name} and the hand SQL disagree (round ${round}): ${r.mismatches.length} of ${r.cells} cells, ${r.kpis} KPIs`,
      );
      for (const m of r.mismatches.slice(0, 20)) console.error(`  ${JSON.stringify(m)}`);
      process.exit(1);
    }
    if (c.name === 'kpic') agreement ??= r;
  }
}
const hand = stats.get('hand SQL');
const lines = [
  `${rows.toLocaleString('en-US')} deals and their history · ${KPIS} KPIs as at quarter points, by quarter and region · ${runs} runs each${firstRound === 0 ? ' after a warm-up' : ''}, rotating order, cold data checks`,
  '',
  '| contender | wall median (s) | CPU median (s) | peak RSS (MB) | wall ÷ hand | CPU ÷ hand |',
  '| --- | ---: | ---: | ---: | ---: | ---: |',
  ...contenders.map((c) => {
    const s = stats.get(c.name);
    return `| ${c.name} | ${median(s.wall).toFixed(2)} | ${median(s.cpu).toFixed(2)} | ${Math.round(median(s.rss))} | ${(median(s.wall) / median(hand.wall)).toFixed(2)} | ${(median(s.cpu) / median(hand.cpu)).toFixed(2)} |`;
  }),
  '',
  `Agreement: ${agreement.cells.toLocaleString('en-US')} cells equal within 1e-9 relative in every run (worst ${agreement.worst.toExponential(1)}).`,
  `Load average (1 min) before: ${loadBefore.toFixed(1)}, after: ${os.loadavg()[0].toFixed(1)} (${os.cpus().length} cores).`,
];
console.log(lines.join('\n'));
