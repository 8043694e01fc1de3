/**
 * The KPI-count benchmark (issue 10, item 6): how `kpic run` grows with the number of KPIs in one
 * run. For each size it writes a catalog of N distinct KPIs (sums, counts and ratios with a
 * different filter each) over one generated source, and times `kpic run --by region --format csv
 * --out FILE --no-cache` as a whole process (R runs, the median), and `kpic validate` beside it.
 * It prints a table, the time per KPI between sizes, and writes an SVG plot of seconds against
 * KPIs (bench/kpi-count.svg). Every run's output is checked: one row per KPI, period and region.
 *
 * Usage: npm run bench:kpis -- [--sizes 250,500,1000,2000] [--rows N] [--runs R]
 *   --sizes  KPI counts (default 250,500,1000,2000)
 *   --rows   rows of the generated source (default 20,000)
 *   --runs   timed runs per size (default 1)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { intArg } from './generate.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(here);
const argv = process.argv.slice(2);
const sizesArg = argv.indexOf('--sizes');
const sizes = sizesArg < 0 ? [250, 500, 1000, 2000] : argv[sizesArg + 1].split(',').map(Number);
const rows = intArg(argv, 'rows', 20_000);
const runs = intArg(argv, 'runs', 1);
const REGIONS = ['AMER', 'EMEA', 'APAC', 'LATAM'];
const MONTHS = 24;

/** A catalog of `n` KPIs and its data under `dir`. */
function writeWorkspace(dir, n) {
  const write = (rel, text) => {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  };
  write('catalog/catalog.yaml', 'catalog: kpi_count\nversion: 1.0.0\ntitle: KPI count benchmark\ncurrency: USD\ndata: ../data\n');
  write(
    'catalog/sources/deals.yaml',
    'source: deals\nfile: deals.csv\nkey: id\ntime: closed\ncolumns:\n  id: { type: string, unique: true }\n  region: { type: string }\n' +
      '  amount: { type: money }\n  score: { type: integer }\n  closed: { type: date }\ndimensions:\n  region: region\n',
  );
  const kpis = [];
  for (let i = 0; i < n; i++) {
    const kind = i % 3;
    const formula =
      kind === 0
        ? `sum(amount where score >= ${i})`
        : kind === 1
          ? `count(deals where score < ${i})`
          : `sum(amount where score >= ${i}) / sum(amount)`;
    const unit = kind === 0 ? 'money' : kind === 1 ? 'count' : 'ratio';
    kpis.push(`kpi: k${i}\ntitle: KPI ${i}\nformula: ${formula}\nunit: ${unit}\n`);
  }
  write('catalog/kpis/kpis.yaml', kpis.join('---\n'));
  const lines = ['id,region,amount,score,closed'];
  for (let r = 0; r < rows; r++) {
    const month = r % MONTHS;
    const date = `${2024 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-${String((r % 28) + 1).padStart(2, '0')}`;
    lines.push(`${r},${REGIONS[r % REGIONS.length]},${(r * 37) % 10000}.25,${(r * 7919) % (2 * n)},${date}`);
  }
  write('data/deals.csv', `${lines.join('\n')}\n`);
}

function timed(args, cwd) {
  const t = performance.now();
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'kpic.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, KPIC_NO_CACHE: '1' },
  });
  const seconds = (performance.now() - t) / 1000;
  if (r.status !== 0) throw new Error(`kpic ${args.join(' ')} exited ${r.status}:\n${r.stderr}`);
  return seconds;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = [];
for (const n of sizes) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kpic-kpi-count-'));
  try {
    writeWorkspace(dir, n);
    const validate = [];
    const run = [];
    for (let i = 0; i < runs; i++) {
      validate.push(timed(['validate'], dir));
      run.push(timed(['run', '--by', 'region', '--format', 'csv', '--out', 'out.csv'], dir));
    }
    const out = readFileSync(path.join(dir, 'out.csv'), 'utf8').trimEnd().split('\n');
    const expected = n * MONTHS * REGIONS.length + 1;
    if (out.length !== expected) throw new Error(`${n} KPIs: ${out.length} lines of output, expected ${expected}`);
    results.push({ n, validate: median(validate), run: median(run) });
    console.error(`${n} KPIs: validate ${median(validate).toFixed(2)} s, run ${median(run).toFixed(2)} s`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, Node ${process.version}`;
console.log(
  `\nkpic run by KPI count — ${rows.toLocaleString('en-US')} rows, by month and region, ${runs} run(s) per size (median); ${machine}\n`,
);
console.log('| KPIs | validate (s) | run (s) | run ms per KPI | ms per added KPI |');
console.log('| ---: | ---: | ---: | ---: | ---: |');
results.forEach((r, i) => {
  const prev = results[i - 1];
  const marginal = prev === undefined ? '' : (((r.run - prev.run) * 1000) / (r.n - prev.n)).toFixed(1);
  console.log(`| ${r.n} | ${r.validate.toFixed(2)} | ${r.run.toFixed(2)} | ${((r.run * 1000) / r.n).toFixed(1)} | ${marginal} |`);
});
writeFileSync(path.join(here, 'kpi-count.svg'), plot(results));
console.error('\nwrote bench/kpi-count.svg');

/** A line plot of run and validate seconds against KPIs. */
function plot(points) {
  const W = 560;
  const H = 320;
  const L = 60;
  const B = 40;
  const maxN = Math.max(...points.map((p) => p.n));
  const maxT = Math.max(...points.map((p) => p.run), 1);
  const x = (n) => L + ((W - L - 20) * n) / maxN;
  const y = (t) => H - B - ((H - B - 20) * t) / maxT;
  const line = (key, colour) =>
    `<polyline fill="none" stroke="${colour}" stroke-width="2" points="${points.map((p) => `${x(p.n).toFixed(1)},${y(p[key]).toFixed(1)}`).join(' ')}"/>` +
    points.map((p) => `<circle cx="${x(p.n).toFixed(1)}" cy="${y(p[key]).toFixed(1)}" r="3" fill="${colour}"/>`).join('');
  const ticks = points
    .map((p) => `<text x="${x(p.n).toFixed(1)}" y="${H - B + 16}" text-anchor="middle" font-size="11">${p.n}</text>`)
    .join('');
  const tTicks = [0, 0.25, 0.5, 0.75, 1]
    .map((f) => `<text x="${L - 6}" y="${(y(maxT * f) + 4).toFixed(1)}" text-anchor="end" font-size="11">${(maxT * f).toFixed(1)}</text>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif">
<rect width="100%" height="100%" fill="white"/>
<line x1="${L}" y1="${H - B}" x2="${W - 20}" y2="${H - B}" stroke="#333"/><line x1="${L}" y1="20" x2="${L}" y2="${H - B}" stroke="#333"/>
${ticks}${tTicks}
<text x="${(W + L) / 2}" y="${H - 6}" text-anchor="middle" font-size="12">KPIs in one run</text>
<text x="14" y="${H / 2}" transform="rotate(-90 14 ${H / 2})" text-anchor="middle" font-size="12">seconds (whole process)</text>
${line('run', '#1f6feb')}${line('validate', '#d97706')}
<text x="${L + 10}" y="34" font-size="12" fill="#1f6feb">kpic run</text><text x="${L + 10}" y="50" font-size="12" fill="#d97706">kpic validate</text>
</svg>
`;
}
