/**
 * Where `kpic run` spends its time on the benchmark (a diagnosis aid, not part of the figure):
 * 1. in process, with every DuckDB statement timed: module loading, catalog check, data checks
 *    per source, the KPI query;
 * 2. the KPI query kpic emitted, run alone by bench/run-sql.js against bench/hand.sql, R times
 *    alternating — the quality of the SQL, apart from start-up and data checks.
 *
 * Usage: node bench/kpic-phases.js [--rows N] [--runs R] [--shuffled-ids]   (run `npm run build` first)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generate, intArg } from './generate.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(here);
const argv = process.argv.slice(2);
const rows = intArg(argv, 'rows', 2_000_000);
const runs = intArg(argv, 'runs', 3);
const data = await generate(rows, (m) => console.error(m), argv.includes('--shuffled-ids'));
const outDir = path.join(here, 'out', `results-${path.basename(data).slice('data-'.length)}`);
mkdirSync(outDir, { recursive: true });

const dist = (p) => pathToFileURL(path.join(root, 'dist', p)).href;
let t = performance.now();
const { checkCatalog } = await import(dist('check-catalog.js'));
const { runKpis } = await import(dist('pipeline.js'));
const { openDatabase } = await import(dist('engine/duckdb.js'));
/** @type {[string, number][]} */
const phases = [['load kpic modules', performance.now() - t]];

t = performance.now();
const checked = checkCatalog(path.join(here, 'catalog'));
phases.push(['check the catalog (load, schema, resolve)', performance.now() - t]);
if (!checked.ok) throw new Error(`bench catalog invalid: ${checked.diagnostics.map((d) => d.message).join('; ')}`);

const db = await openDatabase();
const label = (sql) => {
  if (/^\s*WITH\s+"src_/.test(sql)) return 'KPI query';
  const file = /read_parquet\(\['[^']*\/([^/']+)'/.exec(sql)?.[1] ?? /read_parquet\('[^']*\/([^/']+)'/.exec(sql)?.[1] ?? '?';
  const what = /^\s*DESCRIBE/.test(sql)
    ? 'layout'
    : /lag\(/.test(sql)
      ? 'unique (sorted-file shortcut)'
      : /count\(DISTINCT hash/.test(sql)
        ? 'unique (hash count)'
        : /GROUP BY .* HAVING/.test(sql)
          ? 'values'
          : /count\(\*\) - count/.test(sql)
            ? 'required/nulls'
            : /LEFT JOIN|NOT EXISTS|ANTI/i.test(sql)
              ? 'join keys'
              : 'other';
  return `data check: ${file} ${what}`;
};
const timed = {
  async query(sql) {
    const s = performance.now();
    try {
      return await db.query(sql);
    } finally {
      phases.push([label(sql), performance.now() - s]);
    }
  },
  async queryResult(sql) {
    const s = performance.now();
    try {
      return await db.queryResult(sql);
    } finally {
      phases.push([label(sql), performance.now() - s]);
    }
  },
  async run(sql) {
    const s = performance.now();
    try {
      return await db.run(sql);
    } finally {
      phases.push([label(sql), performance.now() - s]);
    }
  },
  close: () => db.close(),
};
t = performance.now();
const result = await runKpis(checked.resolved, { grain: 'month', by: ['region'] }, { dataDir: data, db: timed });
const runTotal = performance.now() - t;
db.close();
if (!result.ok) throw new Error(`kpic run failed: ${result.message}`);
const accounted = phases.slice(2).reduce((a, [, ms]) => a + ms, 0);
phases.push(['rest of runKpis (planning, emitting, JS)', runTotal - accounted]);

console.log(`\n${rows.toLocaleString('en-US')} opportunities — kpic run, in process:\n`);
console.log('| phase | ms |\n| --- | ---: |');
for (const [name, ms] of phases) console.log(`| ${name} | ${ms.toFixed(0)} |`);

const emitted = path.join(outDir, 'kpic-emitted.sql');
writeFileSync(emitted, `${result.sql}\n`);
const time = (file) => {
  const s = performance.now();
  const r = spawnSync(process.execPath, [path.join(here, 'run-sql.js'), file, '--data', data, '--out', path.join(outDir, 'sql-only.csv')], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`run-sql.js ${file} failed`);
  return (performance.now() - s) / 1000;
};
const kp = [];
const hd = [];
time(emitted);
time(path.join(here, 'hand.sql'));
for (let i = 0; i < runs; i++) {
  if (i % 2 === 0) {
    kp.push(time(emitted));
    hd.push(time(path.join(here, 'hand.sql')));
  } else {
    hd.push(time(path.join(here, 'hand.sql')));
    kp.push(time(emitted));
  }
}
const med = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
console.log(`\nThe KPI query alone (${path.relative(root, emitted)}), whole process via run-sql.js, ${runs} runs after a warm-up:`);
console.log(
  `kpic's SQL: median ${med(kp).toFixed(2)} s, min ${Math.min(...kp).toFixed(2)} s; hand SQL: median ${med(hd).toFixed(2)} s, min ${Math.min(...hd).toFixed(2)} s; ratio ${(med(kp) / med(hd)).toFixed(2)} (min ${(Math.min(...kp) / Math.min(...hd)).toFixed(2)})`,
);
