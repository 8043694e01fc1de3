/**
 * The audit benchmark (issue 15): `kpic audit` with every shipped check (catalog/checks/) over a
 * data folder made by the generator, as one timed process (wall, CPU, peak RSS), and the number
 * of findings per check. The data is not generated here: make it first, e.g.
 *   npm run generate -- --scale 1000000 --seed 42 --out /tmp/audit-1m
 *
 * Usage: node bench/audit.js --data DIR [--as-of YYYY-MM-DD] [--memory-limit SIZE]   (run `npm run build` first)
 */
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { timedRun } from './timed-run.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(here);
const argv = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1] : fallback;
};
const data = arg('data', undefined);
if (data === undefined) {
  process.stderr.write('usage: node bench/audit.js --data DIR [--as-of YYYY-MM-DD]\n');
  process.exit(2);
}
const asOf = arg('as-of', '2026-09-30');
const memory = arg('memory-limit', undefined);
/** Data rows of a CSV file (its lines less the header), counted as a stream. */
async function lines(file) {
  let n = 0;
  for await (const chunk of createReadStream(path.join(data, file))) for (const byte of chunk) if (byte === 10) n++;
  return n - 1;
}

const scratch = mkdtempSync(path.join(os.tmpdir(), 'kpic-bench-audit-'));
try {
  const out = path.join(scratch, 'findings.ndjson');
  const args = [path.join(root, 'bin', 'kpic.js'), 'audit', '--catalog', path.join(root, 'catalog'), '--data', path.resolve(data)];
  const run = await timedRun({
    name: 'kpic audit',
    args: [
      ...args,
      '--as-of',
      asOf,
      '--format',
      'ndjson',
      '--out',
      out,
      '--no-cache',
      ...(memory === undefined ? [] : ['--memory-limit', memory]),
    ],
    cwd: root,
    out,
    cpuFile: path.join(scratch, 'cpu.json'),
    okCodes: [0, 1],
  });
  // The findings file can be larger than a string may be: count its lines as a stream.
  const counts = new Map();
  const lineReader = createInterface({ input: createReadStream(out), crlfDelay: Infinity });
  for await (const line of lineReader) {
    if (line === '') continue;
    const check = /^\{"check":"([^"]*)"/.exec(line)?.[1] ?? '?';
    counts.set(check, (counts.get(check) ?? 0) + 1);
  }
  const opportunities = await lines('opportunities.csv');
  const history = await lines('opportunity_history.csv');
  process.stdout.write(`kpic audit, ${opportunities.toLocaleString('en')} opportunities, ${history.toLocaleString('en')} history rows\n`);
  process.stdout.write(`| wall (s) | CPU (s) | peak RSS (MB) | findings | exit |\n| ---: | ---: | ---: | ---: | ---: |\n`);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  process.stdout.write(
    `| ${run.wall.toFixed(1)} | ${run.cpu?.toFixed(1) ?? '?'} | ${run.rss?.toFixed(0) ?? '?'} | ${total} | ${run.code} |\n\n`,
  );
  for (const [check, n] of [...counts].sort((a, b) => b[1] - a[1])) process.stdout.write(`${check.padEnd(36)} ${n}\n`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
