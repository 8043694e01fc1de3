/**
 * Validation with errors (issue 10, item 7): how `kpic validate` grows with the number of KPIs
 * when nearly every KPI has a mistake (bench/validate-errors-catalog.js: typos in KPI, column,
 * function, source, lookup and key names, and in enum values; the sources and lookups grow with
 * the KPIs). For each size it writes the catalog to a temporary folder and times `kpic validate
 * --catalog DIR` as a whole process, its report written to a file (R runs, the median; wall and
 * CPU time, which is steadier on a shared machine). It prints the times, the CPU time per KPI,
 * the errors reported and how many carry a did-you-mean.
 *
 * Usage: npm run bench:validate -- [--sizes 1000,10000,50000,150000] [--runs R] [--bin PATH] [--keep DIR]
 *   --sizes  KPI counts (default 1000,10000,50000,150000)
 *   --runs   timed runs per size (default 1)
 *   --bin    the kpic entry point to time (default bin/kpic.js of this checkout): compare two builds
 *   --keep   also copy each report to DIR/validate-N.txt, to compare two builds' reports
 */
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { intArg } from './generate.js';
import { writeErrorCatalog } from './validate-errors-catalog.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(here);
const argv = process.argv.slice(2);
const option = (name) => {
  const i = argv.indexOf(`--${name}`);
  return i < 0 ? undefined : argv[i + 1];
};
const sizes = (option('sizes') ?? '1000,10000,50000,150000').split(',').map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error('--sizes needs positive integers, e.g. 1000,10000');
const runs = intArg(argv, 'runs', 1);
const bin = path.resolve(option('bin') ?? path.join(root, 'bin', 'kpic.js'));
const keep = option('keep');
if (keep !== undefined) mkdirSync(keep, { recursive: true });

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const probe = pathToFileURL(path.join(here, 'cpu-probe.mjs')).href;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'kpic-bench-validate-errors-'));
const results = [];
try {
  for (const n of sizes) {
    const dir = path.join(tmp, `kpis-${n}`);
    writeErrorCatalog(dir, n);
    const report = path.join(tmp, `report-${n}.txt`);
    const times = [];
    const cpus = [];
    for (let r = 0; r < runs; r++) {
      const fd = openSync(report, 'w');
      const cpuFile = path.join(tmp, 'cpu.json');
      const env = {
        ...process.env,
        KPIC_BENCH_CPU_FILE: cpuFile,
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${probe}`.trim(),
      };
      const started = performance.now();
      const run = spawnSync(process.execPath, ['--max-old-space-size=8192', bin, 'validate', '--catalog', dir], {
        stdio: ['ignore', fd, 'pipe'],
        encoding: 'utf8',
        env,
      });
      times.push((performance.now() - started) / 1000);
      closeSync(fd);
      const usage = JSON.parse(readFileSync(cpuFile, 'utf8'));
      cpus.push(usage.user + usage.system);
      if (run.status !== 1) throw new Error(`kpic validate exited ${run.status} on ${n} KPIs (expected 1):\n${run.stderr.slice(0, 3000)}`);
    }
    const text = readFileSync(report, 'utf8');
    const summary = text.trimEnd().split('\n').pop() ?? '';
    const errors = Number(/^(\d+) errors?/.exec(summary)?.[1] ?? NaN);
    const hints = text.match(/did you mean/g)?.length ?? 0;
    if (keep !== undefined) copyFileSync(report, path.join(keep, `validate-${n}.txt`));
    rmSync(dir, { recursive: true, force: true });
    results.push({ n, seconds: median(times), cpu: median(cpus), errors, hints, bytes: text.length });
    console.error(`${n} KPIs: ${median(times).toFixed(2)} s wall, ${median(cpus).toFixed(2)} s CPU — ${summary}`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

console.log(
  `\nkpic validate, a mistake in nearly every KPI — ${runs} run(s) per size (median); ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, Node ${process.version}; ${path.relative(root, bin) || bin}\n`,
);
console.log('| KPIs | errors | with a did-you-mean | report (MB) | validate wall (s) | CPU (s) | CPU ms per KPI |');
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of results) {
  console.log(
    `| ${r.n.toLocaleString('en-US')} | ${r.errors.toLocaleString('en-US')} | ${r.hints.toLocaleString('en-US')} | ${(r.bytes / 1e6).toFixed(1)} | ${r.seconds.toFixed(2)} | ${r.cpu.toFixed(2)} | ${((r.cpu * 1000) / r.n).toFixed(3)} |`,
  );
}
