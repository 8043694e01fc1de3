/**
 * DuckDB at scale (issue 17): the 13 KPIs of bench/catalog by month and region over N generated
 * opportunities stored as hive-partitioned Parquet (`opportunities/year=…/month=…/`), with a
 * memory limit, timed as whole processes with their peak memory (`/usr/bin/time`):
 *
 * - **kpic**: `kpic run --memory-limit M` over every partition, cold (every data check runs);
 * - **hand SQL**: bench/hand.sql reading the same folders, under the same memory limit;
 * - **kpic, 6 months**: `--from 2025-01-01 --to 2025-06-30` with the 12 KPIs anchored on the
 *   close date (`pipeline_created`, on the created date, would need every partition): partition
 *   pruning reads only the folders of those months.
 *
 * Every run's cells are checked: kpic against the hand SQL (1e-9 relative), the 6-month run
 * against the same cells of the full kpic run. A disagreement fails the benchmark.
 *
 * Usage: npm run -s build && node bench/scale.js [--rows N] [--runs R] [--memory-limit SIZE]
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareResults } from './compare.js';
import { generate, intArg } from './generate.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(here);
const argv = process.argv.slice(2);
const rows = intArg(argv, 'rows', 10_000_000);
const runs = intArg(argv, 'runs', 1);
const limitAt = argv.indexOf('--memory-limit');
const memoryLimit = limitAt >= 0 ? (argv[limitAt + 1] ?? '4GB') : '4GB';
const log = (m) => console.error(m);

const started = performance.now();
const data = await generate(rows, log, false, true);
const generatedIn = (performance.now() - started) / 1000;
const work = path.join(here, 'out', `scale-${rows}`);
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

// The benchmark catalog and hand SQL, reading the partition folders.
const catalog = path.join(work, 'catalog');
cpSync(path.join(here, 'catalog'), catalog, { recursive: true });
const sourceFile = path.join(catalog, 'sources', 'opportunities.yaml');
writeFileSync(sourceFile, readFileSync(sourceFile, 'utf8').replace(/^file: opportunities\.parquet$/m, 'file: opportunities/**/*.parquet'));
const handSql = path.join(work, 'hand.sql');
writeFileSync(
  handSql,
  readFileSync(path.join(here, 'hand.sql'), 'utf8').replaceAll("'opportunities.parquet'", "'opportunities/**/*.parquet'"),
);
const closeKpis = readdirSync(path.join(catalog, 'kpis'))
  .flatMap((f) => [...readFileSync(path.join(catalog, 'kpis', f), 'utf8').matchAll(/^kpi: (\w+)$/gm)].map((m) => m[1]))
  .filter((k) => k !== 'pipeline_created');

const kpic = (out, extra) => [
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
  '--memory-limit',
  memoryLimit,
  '--no-cache',
  '--format',
  'csv',
  '--out',
  out,
  ...extra,
];
const contenders = [
  { name: 'kpic', args: (out) => kpic(out, []) },
  {
    name: 'hand SQL',
    args: (out) => [path.join(here, 'run-sql.js'), handSql, '--data', data, '--out', out, '--memory-limit', memoryLimit],
  },
  { name: 'kpic, 6 months', args: (out) => kpic(out, ['--from', '2025-01-01', '--to', '2025-06-30', '--kpi', closeKpis.join(',')]) },
];

/** Runs one contender under /usr/bin/time: wall seconds, CPU seconds, peak RSS (MB). */
function runOnce(c, label) {
  const out = path.join(work, `${c.name.replace(/\W+/g, '-')}-${label}.csv`);
  const timing = path.join(work, `time-${label}.txt`);
  return new Promise((resolve, reject) => {
    const args = ['-f', '%e %U %S %M', '-o', timing, process.execPath, ...c.args(out)];
    const child = spawn('/usr/bin/time', args, { cwd: work, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`${c.name} failed (exit ${code}):\n${stderr}`));
      const [wall, user, system, rssKb] = readFileSync(timing, 'utf8').trim().split(/\s+/).slice(-4).map(Number);
      resolve({ wall, cpu: user + system, rss: rssKb / 1024, out });
    });
  });
}

/** The cells of a full run that a 6-month run of `kpis` has. */
function sixMonths(text) {
  const lines = text.split('\n');
  const keep = lines.slice(1).filter((l) => {
    const [kpi, period] = l.split(',');
    return closeKpis.includes(kpi) && period >= '2025-01-01' && period <= '2025-06-30';
  });
  return [lines[0], ...keep, ''].join('\n');
}

const stats = new Map(contenders.map((c) => [c.name, []]));
let cells = 0;
for (let round = 1; round <= runs; round++) {
  const outs = new Map();
  for (const c of contenders) {
    const r = await runOnce(c, `run${round}`);
    outs.set(c.name, r.out);
    stats.get(c.name).push(r);
    log(`run ${round}/${runs}  ${c.name.padEnd(15)} ${r.wall.toFixed(1)} s  ${Math.round(r.rss)} MB`);
  }
  const full = compareResults(readFileSync(outs.get('kpic'), 'utf8'), readFileSync(outs.get('hand SQL'), 'utf8'), {
    labels: ['kpic', 'hand SQL'],
  });
  const pruned = compareResults(readFileSync(outs.get('kpic, 6 months'), 'utf8'), sixMonths(readFileSync(outs.get('kpic'), 'utf8')), {
    labels: ['kpic, 6 months', 'kpic'],
  });
  /** @type {[string, typeof full, number][]} */
  const checks = [
    ['kpic vs hand SQL', full, 13],
    ['6 months vs full', pruned, 12],
  ];
  for (const [what, r, kpis] of checks) {
    if (r.mismatches.length > 0 || r.kpis !== kpis || r.cells === 0) {
      console.error(`!!! ${what} disagree (${r.mismatches.length} of ${r.cells} cells, ${r.kpis} KPIs):`);
      for (const m of r.mismatches.slice(0, 30)) console.error(`  ${JSON.stringify(m)}`);
      process.exit(1);
    }
  }
  cells = full.cells;
}

const du = (dir) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const hand = median(stats.get('hand SQL').map((r) => r.wall));
console.log(
  `${rows.toLocaleString('en-US')} opportunities in ${du(path.join(data, 'opportunities'))} Parquet files (hive-partitioned by close year and month; generated in ${generatedIn.toFixed(0)} s) · memory limit ${memoryLimit} · ${runs} cold run(s) each`,
);
console.log(
  `${os.cpus()[0]?.model ?? 'CPU'}, ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}; kpic and the hand SQL agreed on all ${cells} cells\n`,
);
console.log('| contender | wall median (s) | CPU median (s) | peak RSS (MB) | wall ÷ hand |\n| --- | ---: | ---: | ---: | ---: |');
for (const c of contenders) {
  const s = stats.get(c.name);
  const wall = median(s.map((r) => r.wall));
  console.log(
    `| ${c.name} | ${wall.toFixed(1)} | ${median(s.map((r) => r.cpu)).toFixed(1)} | ${Math.round(Math.max(...s.map((r) => r.rss)))} | ${(wall / hand).toFixed(2)} |`,
  );
}
