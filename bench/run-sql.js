/**
 * Runs a SQL file on DuckDB (in-memory, @duckdb/node-api) with relative file names resolved in a
 * data folder, and writes the last statement's rows as CSV — the hand-written side of the
 * benchmark, in its own process so that both sides are timed the same way (whole process).
 *
 * Usage: node bench/run-sql.js FILE.sql [FILE.sql…] --data DIR [--out FILE.csv] [--memory-limit SIZE] (several files are one query in parts)
 * Values are written with full precision (JavaScript's shortest round-trip form); NULL is empty.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

const argv = process.argv.slice(2);
const flag = (name) => {
  const i = argv.indexOf(`--${name}`);
  return i < 0 ? undefined : argv[i + 1];
};
// One or more SQL files before the flags, read as one text (a query may be written in parts).
const firstFlag = argv.findIndex((a) => a.startsWith('--'));
const sqlFiles = argv.slice(0, firstFlag < 0 ? argv.length : firstFlag);
const data = flag('data');
if (sqlFiles.length === 0 || data === undefined) {
  console.error('usage: node bench/run-sql.js FILE.sql [FILE.sql…] --data DIR [--out FILE.csv] [--memory-limit SIZE]');
  process.exit(2);
}
const out = flag('out');
const memoryLimit = flag('memory-limit');

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
await connection.run(`SET file_search_path = '${data.replaceAll("'", "''")}'`);
if (memoryLimit !== undefined) await connection.run(`SET memory_limit = '${memoryLimit.replaceAll("'", "''")}'`);
const reader = await connection.runAndReadAll(sqlFiles.map((f) => readFileSync(f, 'utf8')).join('\n'));
const names = reader.columnNames();
const text = (v) => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return String(v);
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};
const lines = [names.join(',')];
for (const row of reader.getRows()) lines.push(row.map(text).join(','));
const csv = `${lines.join('\n')}\n`;
if (out === undefined) process.stdout.write(csv);
else {
  writeFileSync(`${out}.tmp`, csv);
  renameSync(`${out}.tmp`, out);
}
connection.closeSync();
instance.closeSync();
