/**
 * What the gap between kpic's KPI query and the hand SQL is made of: takes the SQL kpic emits for
 * the benchmark (written by bench/kpic-phases.js) and applies, one at a time and together, three
 * text rewrites that keep the numbers and remove a cost; each variant runs alone through
 * bench/run-sql.js (whole process, CPU time measured), alternating with bench/hand.sql, and its
 * result is checked against the hand SQL's.
 *
 *   month        date_trunc('month', d) (a TIMESTAMP, cast back to DATE) → d - (day(d) - 1)
 *   no-sets      GROUPING SETS ((period, region), (period)) → GROUP BY period, region; the
 *                period level re-aggregated from it (its only measure here is a sum)
 *   inline-src   source CTEs marked NOT MATERIALIZED, so that two scans of one source (two time
 *                anchors) each read the Parquet file instead of sharing a materialised copy
 *
 * The rewrites are regular expressions over this benchmark's SQL, not a general optimiser.
 * Usage: node bench/sql-variants.js [--rows N] [--runs R] [--shuffled-ids]   (after kpic-phases.js)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compareResults } from './compare.js';
import { dataDir, intArg } from './generate.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const rows = intArg(argv, 'rows', 2_000_000);
const runs = intArg(argv, 'runs', 3);
const data = dataDir(rows, argv.includes('--shuffled-ids'));
const outDir = path.join(here, 'out', `results-${path.basename(data).slice('data-'.length)}`);
const emitted = path.join(outDir, 'kpic-emitted.sql');
if (!existsSync(emitted)) {
  console.error(`no ${path.relative(process.cwd(), emitted)}: run node bench/kpic-phases.js with the same --rows first`);
  process.exit(2);
}

const rewrites = {
  month: (sql) => sql.replace(/CAST\(date_trunc\('month', (CAST\(t0\."\w+" AS DATE\))\) AS DATE\)/g, '($1 - (day($1) - 1)::INTEGER)'),
  'no-sets': (sql) =>
    sql
      .replace(/GROUP BY GROUPING SETS \(\((period, "d_region")\), \(period\)\)/, 'GROUP BY $1')
      .replace(/, GROUPING\("d_region"\) AS _g/, '')
      .replace(/"s0_l0" AS \(\n  SELECT \* EXCLUDE \(_g\) FROM "s0" WHERE _g = 0\n\)/, '"s0_l0" AS (\n  SELECT * FROM "s0"\n)')
      .replace(/"s0_l1" AS \(\n  SELECT \* EXCLUDE \(_g\) FROM "s0" WHERE _g = 1\n\)/, '"s0_l1" AS (\n  SELECT period, sum(m3) AS m3 FROM "s0" GROUP BY period\n)'),
  'inline-src': (sql) => sql.replace(/^"(src_\w+)" AS \(/gm, '"$1" AS NOT MATERIALIZED ('),
};
const base = readFileSync(emitted, 'utf8');
const variants = [['kpic as emitted', base]];
for (const [name, f] of Object.entries(rewrites)) {
  const sql = f(base);
  if (sql === base) throw new Error(`rewrite ${name} changed nothing: kpic's SQL has changed shape; update bench/sql-variants.js`);
  variants.push([`+ ${name}`, sql]);
}
variants.push(['+ all three', Object.values(rewrites).reduce((sql, f) => f(sql), base)]);

const probe = pathToFileURL(path.join(here, 'cpu-probe.mjs')).href;
function run(file, out) {
  const cpuFile = path.join(os.tmpdir(), `kpic-bench-cpu-${process.pid}.json`);
  rmSync(cpuFile, { force: true });
  const env = { ...process.env, KPIC_BENCH_CPU_FILE: cpuFile, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${probe}`.trim() };
  const s = performance.now();
  const r = spawnSync(process.execPath, [path.join(here, 'run-sql.js'), file, '--data', data, '--out', out], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const wall = (performance.now() - s) / 1000;
  if (r.status !== 0) throw new Error(`run-sql.js ${file} failed`);
  const u = JSON.parse(readFileSync(cpuFile, 'utf8'));
  return { wall, cpu: u.user + u.system, rss: u.maxRssMb };
}
const med = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const handOut = path.join(outDir, 'variant-hand.csv');
const hand = { wall: [], cpu: [], rss: [] };
const lines = ['| SQL | wall median (s) | CPU median (s) | peak RSS (MB) | CPU ÷ hand | agrees with hand SQL |', '| --- | ---: | ---: | ---: | ---: | --- |'];
const rowsOut = [];
for (const [name, sql] of variants) {
  const file = path.join(outDir, `variant-${name.replace(/\W+/g, '-')}.sql`);
  const out = `${file}.csv`;
  writeFileSync(file, sql);
  const m = { wall: [], cpu: [], rss: [] };
  run(file, out);
  for (let i = 0; i < runs; i++) {
    for (const [target, f, o] of i % 2 === 0 ? [[m, file, out], [hand, path.join(here, 'hand.sql'), handOut]] : [[hand, path.join(here, 'hand.sql'), handOut], [m, file, out]]) {
      const r = run(f, o);
      target.wall.push(r.wall);
      target.cpu.push(r.cpu);
      target.rss.push(r.rss);
    }
  }
  const c = compareResults(readFileSync(out, 'utf8'), readFileSync(handOut, 'utf8'), { tolerance: 1e-9 });
  rowsOut.push([name, m, c.mismatches.length === 0 ? `yes (${c.cells} cells)` : `NO: ${c.mismatches.length} cells differ`]);
  console.error(`${name}: CPU ${med(m.cpu).toFixed(2)} s`);
}
for (const [name, m, agrees] of [...rowsOut, ['hand SQL (bench/hand.sql)', hand, '–']]) {
  lines.push(`| ${name} | ${med(m.wall).toFixed(2)} | ${med(m.cpu).toFixed(2)} | ${Math.round(med(m.rss))} | ${(med(m.cpu) / med(hand.cpu)).toFixed(2)} | ${agrees} |`);
}
console.log(`\n${rows.toLocaleString('en-US')} opportunities, ${runs} runs each (alternating with the hand SQL), load average ${os.loadavg()[0].toFixed(1)}:\n\n${lines.join('\n')}`);
