/**
 * `kpic run --engine postgres` end to end through the CLI, against tables made here with known
 * rows: results computed by hand (exact money through NUMERIC), the data contract checked in SQL
 * on the server (missing table and column, a column type that cannot hold the declared one, bad
 * money and integer values, required, values, unique, a repeated join key), sources the engine
 * cannot read, and the connection settings (flag, environment, missing, unreachable).
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, folder, type Folder } from '../cli/helpers.js';
import { freshSchema, postgresUrl } from './engines.js';

const url = postgresUrl();
const schema = freshSchema();

const TABLES = `
CREATE TABLE ${schema}.payments (id text, region text, paid_on date, amount numeric(18, 2), rep text);
INSERT INTO ${schema}.payments VALUES
  ('p1', 'EU', '2025-01-05', 0.10, 'r1'), ('p2', 'EU', '2025-01-06', 0.20, 'r1'),
  ('p3', 'US', '2025-01-07', -0.10, 'r2'), ('p4', 'US', '2025-02-08', 5.55, 'r2'),
  ('p5', 'US', '2025-02-09', 90071992547409.93, 'r2');
CREATE TABLE ${schema}.reps (rep_id text, team text);
INSERT INTO ${schema}.reps VALUES ('r1', 'North'), ('r2', 'South');
CREATE VIEW ${schema}.eu_payments AS SELECT * FROM ${schema}.payments WHERE region = 'EU';
CREATE TABLE ${schema}.bad (id text, amount numeric, qty double precision, stage text, note text, label boolean);
INSERT INTO ${schema}.bad VALUES ('b1', 1.005, 1.5, 'Won', NULL, true), ('b1', 2, 2, 'Maybe', 'x', false), ('b3', 3, 3, 'Lost', 'y', NULL);
CREATE TABLE ${schema}.dup_reps (rep_id text, team text);
INSERT INTO ${schema}.dup_reps VALUES ('r1', 'North'), ('r1', 'East'), ('r2', 'South');
`;

function source(id: string, table: string, columns: string, extra = ''): string {
  return `source: ${id}\ntable: ${table}\n${extra}columns:\n${columns}`;
}

const PAYMENT_COLUMNS = `  id: { type: string, required: true, unique: true }
  region: { type: string }
  paid_on: { type: date }
  amount: { type: money }
  rep: { type: string }
`;

function catalog(sources: Record<string, string>, kpis = 'kpi: total\nformula: sum(amount)\nunit: money\n'): Folder {
  return folder({
    'catalog/catalog.yaml': 'catalog: pg\nversion: 1.0.0\ncurrency: USD\n',
    'catalog/kpis.yaml': kpis,
    ...Object.fromEntries(Object.entries(sources).map(([id, text]) => [`catalog/sources/${id}.yaml`, text])),
  });
}

describe.skipIf(url === undefined)('kpic run --engine postgres', () => {
  const made: Folder[] = [];
  const run = async (f: Folder, extra: string[] = [], env: Record<string, string> = {}) =>
    cli(f.root, ['run', '--engine', 'postgres', '--connection', url ?? '', ...extra], { env });
  beforeAll(async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`CREATE SCHEMA ${schema}; ${TABLES}`);
    await client.end();
  });
  afterAll(async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
    for (const f of made) f.remove();
  });
  const make = (...args: Parameters<typeof catalog>): Folder => {
    const f = catalog(...args);
    made.push(f);
    return f;
  };

  it('computes exact money from tables, through a join and a view', async () => {
    const f = make(
      {
        payments: source(
          'payments',
          `${schema}.payments`,
          PAYMENT_COLUMNS,
          'key: id\ntime: paid_on\njoins:\n  owner: { to: reps, on: rep }\ndimensions:\n  team: owner.team\n',
        ),
        reps: source('reps', `${schema}.reps`, '  rep_id: { type: string }\n  team: { type: string }\n', 'key: rep_id\n'),
        eu: source('eu', `${schema}.eu_payments`, PAYMENT_COLUMNS, 'time: paid_on\n'),
      },
      'kpi: total\nformula: sum(payments.amount)\nunit: money\n---\nkpi: eu_total\nformula: sum(eu.amount)\nunit: money\n',
    );
    const result = await run(f, ['--format', 'csv', '--by', 'team', '--kpi', 'total']);
    expect(result.stderr).toBe('');
    // Jan: North 0.10 + 0.20 = 0.3, South −0.10; Feb: South 5.55 + 90071992547409.93 = 90071992547415.48.
    expect(result.stdout.trim().split('\n').slice(1)).toEqual([
      'total,2025-01-01,North,0.3',
      'total,2025-01-01,South,-0.1',
      'total,2025-02-01,North,0',
      'total,2025-02-01,South,90071992547415.48',
    ]);
    const eu = await run(f, ['--format', 'csv', '--kpi', 'eu_total']);
    expect(eu.stdout.trim().split('\n').slice(1)).toEqual(['eu_total,2025-01-01,0.3']);
  });

  it('reads the connection from KPIC_CONNECTION', async () => {
    const f = make({ payments: source('payments', `${schema}.payments`, PAYMENT_COLUMNS, 'time: paid_on\n') });
    const result = await cli(f.root, ['run', '--engine', 'postgres', '--format', 'csv'], { env: { KPIC_CONNECTION: url ?? '' } });
    expect([result.code, result.stdout.trim().split('\n').length]).toEqual([0, 3]);
  });

  it('checks the data contract on the server', async () => {
    const f = make({
      bad: source(
        'bad',
        `${schema}.bad`,
        `  id: { type: string, unique: true }
  amount: { type: money }
  qty: { type: integer }
  stage: { type: string, values: [Won, Lost] }
  note: { type: string, required: true }
  label: { type: date }
`,
      ),
    });
    const result = await run(f);
    expect(result.code).toBe(1);
    const codes = [...result.stderr.matchAll(/error\[([a-z/-]+)\]/g)].map((m) => m[1]);
    expect(codes).toEqual(['data/column-type']);
    expect(result.stderr).toContain('column `label` of the table');
    expect(result.stderr).toContain('is `boolean`, which cannot hold a `date`');
    f.write(
      'catalog/sources/bad.yaml',
      source(
        'bad',
        `${schema}.bad`,
        `  id: { type: string, unique: true }
  amount: { type: money }
  qty: { type: integer }
  stage: { type: string, values: [Won, Lost] }
  note: { type: string, required: true }
`,
      ),
    );
    const values = await run(f);
    expect(values.code).toBe(1);
    expect([...values.stderr.matchAll(/error\[([a-z/-]+)\]/g)].map((m) => m[1]).sort()).toEqual([
      'data/bad-value',
      'data/bad-value',
      'data/not-in-values',
      'data/required',
      'data/unique',
    ]);
    expect(values.stderr).toContain('column `amount` has 1 value in the table');
    expect(values.stderr).toContain('not money with at most 2 decimal places: `1.005`');
    expect(values.stderr).toContain('column `qty` has 1 value');
    expect(values.stderr).toContain('`Maybe`');
    expect(values.stderr).toContain('column `note` is required but empty in 1 row');
    expect(values.stderr).toContain('column `id` is unique but 1 value repeat');
    expect(values.stdout).toBe('');
  });

  it('refuses a join key that repeats', async () => {
    const f = make({
      payments: source(
        'payments',
        `${schema}.payments`,
        PAYMENT_COLUMNS,
        'time: paid_on\njoins:\n  owner: { to: reps, on: rep }\ndimensions:\n  team: owner.team\n',
      ),
      reps: source('reps', `${schema}.dup_reps`, '  rep_id: { type: string }\n  team: { type: string }\n', 'key: rep_id\n'),
    });
    const result = await run(f, ['--by', 'team']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error[data/unique]');
    expect(result.stderr).toContain('column `rep_id` is the key other sources join to but 1 value repeat');
  });

  it('names a missing table or column', async () => {
    const missing = make({ payments: source('payments', `${schema}.payment`, PAYMENT_COLUMNS) });
    const a = await run(missing);
    expect(a.code).toBe(1);
    expect(a.stderr).toContain(`error[data/missing-table] no table or view \`${schema}.payment\` in PostgreSQL at`);
    const column = make({ payments: source('payments', `${schema}.payments`, PAYMENT_COLUMNS.replace('region:', 'regoin:')) });
    const b = await run(column);
    expect(b.stderr).toContain(`error[data/missing-column] the table \`${schema}.payments\` has no column \`regoin\``);
    expect(b.stderr).toContain('did you mean `region`?');
  });

  it('refuses a source each engine cannot read', async () => {
    const files = make({ payments: 'source: payments\nfile: payments.csv\ncolumns:\n  amount: { type: money }\n' });
    const onPg = await run(files);
    expect(onPg.code).toBe(1);
    expect(onPg.stderr).toContain('error[data/not-on-engine] source `payments` reads files, but this runs on PostgreSQL at');
    const tables = make({ payments: source('payments', `${schema}.payments`, PAYMENT_COLUMNS) });
    const onDuck = await cli(tables.root, ['run']);
    expect(onDuck.code).toBe(1);
    expect(onDuck.stderr).toContain(
      `error[data/not-on-engine] source \`payments\` reads the table \`${schema}.payments\`, but this runs on DuckDB over files`,
    );
  });

  it('needs a connection, and says why it cannot connect', async () => {
    const f = make({ payments: source('payments', `${schema}.payments`, PAYMENT_COLUMNS) });
    const none = await cli(f.root, ['run', '--engine', 'postgres']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('`--engine postgres` needs the database');
    const closed = await cli(f.root, ['run', '--engine', 'postgres', '--connection', 'postgres://kpic:secret@127.0.0.1:1/nowhere']);
    expect(closed.code).toBe(1);
    expect(closed.stderr).toContain('cannot connect to PostgreSQL at 127.0.0.1:1/nowhere');
    expect(closed.stderr).not.toContain('secret');
    expect(closed.stderr).not.toMatch(/\n\s+at /);
  });
});
