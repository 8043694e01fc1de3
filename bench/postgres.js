/**
 * The PostgreSQL benchmark (issue 17): the 13 KPIs of bench/catalog by month and region over N
 * generated opportunities loaded into a PostgreSQL schema, computed by `kpic run --engine
 * postgres` (the catalog's sources re-pointed at the tables) and by hand-written PostgreSQL SQL
 * (bench/hand-postgres.sql via bench/run-pg-sql.js). Each contender is a separate process timed
 * whole, R times after a warm-up, in rotating order; every run's cells are checked against the
 * hand SQL's (1e-9 relative), and any disagreement fails the benchmark. kpic's time includes its
 * data-contract checks on the server (required, unique, values, join keys), which the hand SQL
 * does not do.
 *
 * Usage: npm run -s build && node bench/postgres.js [--rows N] [--runs R] [--connection URL]
 *   --rows N          opportunities (default 1,000,000)
 *   --runs R          timed runs of each contender (default 3)
 *   --connection URL  the server (default $KPIC_CONNECTION, else $KPIC_TEST_POSTGRES); it must be
 *                     on this machine: it reads the generated data with COPY FROM a file
 */
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import pg from 'pg';
import { compareResults } from './compare.js';
import { generate, intArg } from './generate.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(here);
const argv = process.argv.slice(2);
const rows = intArg(argv, 'rows', 1_000_000);
const runs = intArg(argv, 'runs', 3);
const at = argv.indexOf('--connection');
const url = at >= 0 ? argv[at + 1] : (process.env.KPIC_CONNECTION ?? process.env.KPIC_TEST_POSTGRES);
if (url === undefined) {
  console.error('usage: node bench/postgres.js [--rows N] [--runs R] --connection URL (or $KPIC_CONNECTION)');
  process.exit(2);
}
const log = (m) => console.error(m);
const schema = `kpic_bench_${rows}`;
const TABLES = {
  opportunities: [
    'opportunity_id text',
    'account_id text',
    'owner_id text',
    'stage text',
    'amount numeric(38, 2)',
    'created_date date',
    'close_date date',
    'type text',
  ],
  reps: ['rep_id text', 'name text', 'region text', 'team text'],
  accounts: ['account_id text', 'name text', 'segment text', 'employees bigint'],
};

const data = await generate(rows, log);
const work = path.join(here, 'out', `postgres-${rows}`);
mkdirSync(work, { recursive: true });
chmodSync(work, 0o755);

// Load: DuckDB writes each Parquet file as CSV in the table's column order, the server COPYs it.
const client = new pg.Client({ connectionString: url });
await client.connect();
const loaded = await client.query('SELECT count(*) AS n FROM pg_namespace WHERE nspname = $1', [schema]);
if (loaded.rows[0].n === '0') {
  log(`loading ${rows.toLocaleString('en-US')} opportunities into ${schema}…`);
  const duck = await (await DuckDBInstance.create(':memory:')).connect();
  await client.query(`CREATE SCHEMA ${schema}`);
  for (const [table, columns] of Object.entries(TABLES)) {
    const names = columns.map((c) => c.split(' ')[0]);
    const file = path.join(work, `${table}.csv`);
    await duck.run(
      `COPY (SELECT ${names.join(', ')} FROM read_parquet('${path.join(data, `${table}.parquet`)}')) TO '${file}' (FORMAT csv, HEADER false)`,
    );
    chmodSync(file, 0o644);
    await client.query(`CREATE TABLE ${schema}.${table} (${columns.join(', ')})`);
    await client.query(`COPY ${schema}.${table} FROM '${file}' WITH (FORMAT csv)`);
    rmSync(file);
  }
  await client.query(`ANALYZE`);
}
const version = (await client.query('SHOW server_version')).rows[0].server_version;
await client.end();

// The benchmark catalog with every source reading its table.
const catalog = path.join(work, 'catalog');
rmSync(catalog, { recursive: true, force: true });
cpSync(path.join(here, 'catalog'), catalog, { recursive: true });
for (const file of readdirSync(path.join(catalog, 'sources'))) {
  const f = path.join(catalog, 'sources', file);
  writeFileSync(f, readFileSync(f, 'utf8').replace(/^file: (\w+)\.parquet$/m, `table: ${schema}.$1`));
}

const contenders = [
  {
    name: 'kpic',
    args: (out) => [
      path.join(root, 'bin', 'kpic.js'),
      'run',
      '--engine',
      'postgres',
      '--connection',
      url,
      '--catalog',
      catalog,
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
    args: (out) => [
      path.join(here, 'run-pg-sql.js'),
      path.join(here, 'hand-postgres.sql'),
      '--connection',
      url,
      '--schema',
      schema,
      '--out',
      out,
    ],
  },
];

function runOnce(c, label) {
  const out = path.join(work, `${c.name.split(' ')[0]}-${label}.csv`);
  rmSync(out, { force: true });
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, c.args(out), { cwd: work, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`${c.name} failed (exit ${code}):\n${stderr}`));
      else resolve({ wall: (performance.now() - started) / 1000, out });
    });
  });
}

const walls = new Map(contenders.map((c) => [c.name, []]));
let cells = 0;
for (let round = 0; round <= runs; round++) {
  const outs = new Map();
  for (const c of contenders.map((_, i) => contenders[(i + round) % contenders.length])) {
    const r = await runOnce(c, round === 0 ? 'warmup' : `run${round}`);
    outs.set(c.name, r.out);
    if (round > 0) walls.get(c.name).push(r.wall);
    log(`${round === 0 ? 'warm-up' : `run ${round}/${runs}`}  ${c.name.padEnd(9)} ${r.wall.toFixed(2)} s`);
  }
  const r = compareResults(readFileSync(outs.get('kpic'), 'utf8'), readFileSync(outs.get('hand SQL'), 'utf8'), {
    labels: ['kpic', 'hand SQL'],
  });
  if (r.mismatches.length > 0 || r.kpis !== 13) {
    console.error(`!!! kpic disagrees with the hand-written SQL (${r.mismatches.length} of ${r.cells} cells, ${r.kpis} KPIs):`);
    for (const m of r.mismatches.slice(0, 30)) console.error(`  ${JSON.stringify(m)}`);
    process.exit(1);
  }
  cells = r.cells;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const hand = median(walls.get('hand SQL'));
console.log(
  `PostgreSQL ${version} · ${rows.toLocaleString('en-US')} opportunities · 13 KPIs by month and region · ${runs} runs each after a warm-up`,
);
console.log(
  `${os.cpus()[0]?.model ?? 'CPU'}, ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}; every run agreed on all ${cells} cells\n`,
);
console.log('| contender | wall median (s) | wall min (s) | wall median ÷ hand |\n| --- | ---: | ---: | ---: |');
for (const c of contenders) {
  const w = walls.get(c.name);
  console.log(`| ${c.name} | ${median(w).toFixed(2)} | ${Math.min(...w).toFixed(2)} | ${(median(w) / hand).toFixed(2)} |`);
}
