/**
 * Runs a SQL file on PostgreSQL with the search path set to a schema, and writes its rows as CSV
 * — the hand-written side of the PostgreSQL benchmark, in its own process so that both sides are
 * timed the same way (whole process). JIT is off, as kpic sets it (see docs/engines.md).
 *
 * Usage: node bench/run-pg-sql.js FILE.sql --connection URL --schema S [--out FILE.csv]
 * Values are written as the server prints them (doubles with full precision); NULL is empty.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import pg from 'pg';

const argv = process.argv.slice(2);
const flag = (name) => {
  const i = argv.indexOf(`--${name}`);
  return i < 0 ? undefined : argv[i + 1];
};
const [sqlFile] = argv;
const connection = flag('connection');
const schema = flag('schema');
if (sqlFile === undefined || connection === undefined || schema === undefined) {
  console.error('usage: node bench/run-pg-sql.js FILE.sql --connection URL --schema S [--out FILE.csv]');
  process.exit(2);
}
const out = flag('out');
const client = new pg.Client({ connectionString: connection, types: { getTypeParser: () => (text) => text } });
await client.connect();
await client.query(`SET jit = off; SET search_path = "${schema.replaceAll('"', '""')}"`);
const result = await client.query({ text: readFileSync(sqlFile, 'utf8'), rowMode: 'array' });
await client.end();
const text = (v) => (v === null ? '' : /[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const lines = [result.fields.map((f) => f.name).join(','), ...result.rows.map((row) => row.map(text).join(','))];
const csv = `${lines.join('\n')}\n`;
if (out === undefined) process.stdout.write(csv);
else {
  writeFileSync(`${out}.tmp`, csv);
  renameSync(`${out}.tmp`, out);
}
