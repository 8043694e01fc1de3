/**
 * The validation benchmark (issue 2): generates catalogs of 500, 1000, 2000 and 4000 KPIs
 * (bench/validate-catalog.js) in temporary folders and times
 *   - `kpic validate --catalog DIR` as a whole process (R runs, median and min), and
 *   - `checkCatalog(DIR)` in process (a fresh process per size: the first call, then the median
 *     of R more calls once warm),
 * then shows how time grows with size (cost per added KPI between sizes, and a least-squares line).
 * The bar: 2,000 KPIs validate in under 3 s, whole process; missing it exits 1.
 *
 * Usage: node bench/validate.js [--sizes 500,1000,2000,4000] [--runs R] [--profile]
 *   --profile  also writes a CPU profile of `kpic validate` on the 2,000-KPI catalog and prints
 *              its hot spots (bench/profile-summary.js)
 * Run `npm run build` first (the in-process timing imports dist/).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { intArg } from './generate.js';
import { writeCatalog } from './validate-catalog.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(here);
const argv = process.argv.slice(2);

if (argv[0] === '--child') {
  // In-process timing, in a fresh process: node bench/validate.js --child DIR RUNS
  const [, dir, runsText] = argv;
  const { checkCatalog } = await import(pathToFileURL(path.join(root, 'dist', 'check-catalog.js')).href);
  let t = performance.now();
  const first = checkCatalog(dir);
  const firstMs = performance.now() - t;
  const warm = [];
  for (let i = 0; i < Number(runsText); i++) {
    t = performance.now();
    checkCatalog(dir);
    warm.push(performance.now() - t);
  }
  const errors = first.diagnostics.filter((d) => d.severity === 'error').length;
  process.stdout.write(
    JSON.stringify({ firstMs, warm, kpis: first.catalog.kpis.size, errors, warnings: first.diagnostics.length - errors }),
  );
  process.exit(0);
}

const sizes = (() => {
  const i = argv.indexOf('--sizes');
  const list = (i < 0 ? '500,1000,2000,4000' : (argv[i + 1] ?? '')).split(',').map(Number);
  if (list.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error('--sizes needs positive integers, e.g. 500,1000,2000');
  return list;
})();
const runs = intArg(argv, 'runs', 5);
const profile = argv.includes('--profile');
const BAR_KPIS = 2000;
const BAR_SECONDS = 3;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const kpic = path.join(root, 'bin', 'kpic.js');
const probe = pathToFileURL(path.join(here, 'cpu-probe.mjs')).href;
/** One `kpic validate` process: wall seconds, CPU seconds (user + system, all threads), its output. */
function timeValidate(dir) {
  const cpuFile = path.join(os.tmpdir(), `kpic-bench-cpu-${process.pid}.json`);
  rmSync(cpuFile, { force: true });
  const env = { ...process.env, KPIC_BENCH_CPU_FILE: cpuFile, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${probe}`.trim() };
  const started = performance.now();
  const r = spawnSync(process.execPath, [kpic, 'validate', '--catalog', dir], { encoding: 'utf8', env });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`kpic validate exited ${r.status} on ${dir}:\n${r.stdout.slice(0, 3000)}${r.stderr.slice(0, 3000)}`);
  const usage = JSON.parse(readFileSync(cpuFile, 'utf8'));
  rmSync(cpuFile, { force: true });
  return { seconds, cpu: usage.user + usage.system, output: r.stdout.trim() };
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'kpic-bench-validate-'));
const results = [];
let baseline;
const loadBefore = os.loadavg()[0];
try {
  // Fixed cost: start-up and a 13-KPI catalog.
  const small = [];
  const smallCpu = [];
  timeValidate(path.join(here, 'catalog'));
  for (let i = 0; i < runs; i++) {
    const r = timeValidate(path.join(here, 'catalog'));
    small.push(r.seconds);
    smallCpu.push(r.cpu);
  }
  baseline = { wall: median(small), cpu: median(smallCpu) };
  console.error(
    `bench/catalog (13 KPIs): ${baseline.wall.toFixed(2)} s wall, ${baseline.cpu.toFixed(2)} s CPU (medians) — the fixed cost of a validate process`,
  );

  for (const n of sizes) {
    const dir = path.join(tmp, `kpis-${n}`);
    const files = writeCatalog(dir, n);
    const whole = [];
    const cpu = [];
    let said = '';
    timeValidate(dir); // warm the file cache
    for (let i = 0; i < runs; i++) {
      const r = timeValidate(dir);
      whole.push(r.seconds);
      cpu.push(r.cpu);
      said = r.output;
    }
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', dir, String(Math.max(runs, 7))], {
      encoding: 'utf8',
    });
    if (child.status !== 0) throw new Error(`in-process timing failed:\n${child.stderr}`);
    const inproc = JSON.parse(child.stdout);
    if (inproc.errors > 0) throw new Error(`the generated ${n}-KPI catalog has ${inproc.errors} errors; fix bench/validate-catalog.js`);
    results.push({ n, files, whole, cpu, inproc, said });
    console.error(
      `${String(n).padStart(5)} KPIs (${files} files): whole process median ${median(whole).toFixed(2)} s wall, ${median(cpu).toFixed(2)} s CPU, min ${Math.min(...whole).toFixed(2)} s wall; in process first ${(inproc.firstMs / 1000).toFixed(2)} s, warm median ${(median(inproc.warm) / 1000).toFixed(2)} s — kpic said: ${said}`,
    );
  }

  if (profile) {
    const dir = path.join(tmp, `kpis-${BAR_KPIS}`);
    if (!results.some((r) => r.n === BAR_KPIS)) writeCatalog(dir, BAR_KPIS);
    const profDir = path.join(here, 'out', 'profiles');
    rmSync(profDir, { recursive: true, force: true });
    spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${profDir}`, kpic, 'validate', '--catalog', dir], { stdio: 'ignore' });
    const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
    console.log(`\nCPU profile of \`kpic validate\` on ${BAR_KPIS} KPIs (${path.relative(root, path.join(profDir, file))}):\n`);
    spawnSync(
      process.execPath,
      [
        path.join(here, 'profile-summary.js'),
        path.join(profDir, file),
        '--top',
        '30',
        '--match',
        '^dist/|^(yaml|ajv|chevrotain|tinyglobby):',
      ],
      { stdio: 'inherit' },
    );
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

// Growth: cost per added KPI between consecutive sizes, and a least-squares line t = a + b·n.
function fit(points) {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p[0], 0) / n;
  const my = points.reduce((s, p) => s + p[1], 0) / n;
  const sxy = points.reduce((s, p) => s + (p[0] - mx) * (p[1] - my), 0);
  const sxx = points.reduce((s, p) => s + (p[0] - mx) ** 2, 0);
  const b = sxy / sxx;
  const a = my - b * mx;
  const ssr = points.reduce((s, p) => s + (p[1] - (a + b * p[0])) ** 2, 0);
  const sst = points.reduce((s, p) => s + (p[1] - my) ** 2, 0);
  return { a, b, r2: sst === 0 ? 1 : 1 - ssr / sst };
}
const wholeFit = fit(results.map((r) => [r.n, median(r.whole)]));
const warmFit = fit(results.map((r) => [r.n, median(r.inproc.warm) / 1000]));
const cpuFit = fit(results.map((r) => [r.n, median(r.cpu)]));
const lines = [
  `| KPIs | files | \`kpic validate\` wall median (s) | wall min (s) | CPU median (s) | CPU above the 13-KPI baseline, ms per KPI | in process, first call (s) | in process, warm median (s) | warm ms per KPI |`,
  '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
];
for (const r of results) {
  lines.push(
    `| ${r.n.toLocaleString('en-US')} | ${r.files} | ${median(r.whole).toFixed(2)} | ${Math.min(...r.whole).toFixed(2)} | ${median(r.cpu).toFixed(2)} | ${(((median(r.cpu) - baseline.cpu) * 1000) / r.n).toFixed(3)} | ${(r.inproc.firstMs / 1000).toFixed(2)} | ${(median(r.inproc.warm) / 1000).toFixed(2)} | ${(median(r.inproc.warm) / r.n).toFixed(3)} |`,
  );
}
lines.push(
  '',
  `Fixed cost (13-KPI bench catalog): ${baseline.wall.toFixed(2)} s wall, ${baseline.cpu.toFixed(2)} s CPU. Least-squares lines over the sizes: wall ≈ ${wholeFit.a.toFixed(2)} s + ${(wholeFit.b * 1000).toFixed(3)} ms × KPIs (R² ${wholeFit.r2.toFixed(3)}); CPU ≈ ${cpuFit.a.toFixed(2)} s + ${(cpuFit.b * 1000).toFixed(3)} ms × KPIs (R² ${cpuFit.r2.toFixed(3)}); in process, warm ≈ ${warmFit.a.toFixed(3)} s + ${(warmFit.b * 1000).toFixed(3)} ms × KPIs (R² ${warmFit.r2.toFixed(3)}). Load average (1 min) before: ${loadBefore.toFixed(1)}, after: ${os.loadavg()[0].toFixed(1)}.`,
);
const bar = results.find((r) => r.n === BAR_KPIS);
if (bar !== undefined) {
  const ok = median(bar.whole) < BAR_SECONDS;
  lines.push(
    `${BAR_KPIS.toLocaleString('en-US')} KPIs: ${median(bar.whole).toFixed(2)} s whole process (median of ${runs}) — ${ok ? 'under' : 'OVER'} the ${BAR_SECONDS} s bar.`,
  );
  process.exitCode = ok ? 0 : 1;
}
console.log(
  `\nmachine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, Node ${process.version}\n\n${lines.join('\n')}`,
);
