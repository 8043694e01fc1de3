/**
 * The value checks of a table source, in SQL on the engine that holds it: bad values (a value its
 * declared type cannot hold exactly), empty `required` columns, values outside `values`, repeats
 * in `unique` columns and in a key that joins reach. One counting query reads the table once;
 * examples are fetched only for the checks that fail.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ColumnDef, SourceDef } from '../model/types.js';
import type { Dialect } from '../sql/dialect.js';
import { moneyScale } from '../model/money-scale.js';
import { MONEY_PRECISION } from './money-read.js';
import type { SqlEngine, TableColumn } from './sql-engine.js';
import { tableSql } from './table-name.js';

/** Examples shown in one diagnostic. */
const MAX_EXAMPLES = 5;

type Check = 'bad' | 'required' | 'values';

interface ColumnTest {
  readonly check: Check;
  readonly column: ColumnDef;
  /** SQL true for an offending row. */
  readonly when: string;
}

const fmt = (n: number): string => n.toLocaleString('en-US');
const plural = (n: number, word: string): string => `${fmt(n)} ${word}${n === 1 ? '' : 's'}`;

/** SQL true when the table's value `v` cannot be read exactly as the column's declared type. */
function badValue(d: Dialect, column: ColumnDef, found: TableColumn, v: string): string | undefined {
  const type = column.type.value;
  if (type === 'integer' && found.category !== 'integer') return `(${v} <> floor(${v}) OR abs(${v}) > ${d.numberLiteral(2 ** 53)})`;
  if (type !== 'money' || found.category === 'integer') return undefined;
  const scale = moneyScale(column);
  if (found.category === 'decimal' && found.scale !== undefined && found.scale <= scale) return undefined;
  const limit = d.numberLiteral(10 ** (MONEY_PRECISION - scale));
  return `(CASE WHEN abs(${v}) >= ${limit} THEN TRUE ELSE ${d.decimal(v, scale)} <> ${v} END)`;
}

function columnTests(d: Dialect, source: SourceDef, found: ReadonlyMap<string, TableColumn>): ColumnTest[] {
  const tests: ColumnTest[] = [];
  for (const column of source.columns.values()) {
    const name = column.from?.value ?? column.name;
    const table = found.get(name);
    const v = d.quoteIdentifier(name);
    const bad = table === undefined ? undefined : badValue(d, column, table, v);
    if (bad !== undefined) tests.push({ check: 'bad', column, when: `${v} IS NOT NULL AND ${bad}` });
    if (column.required) tests.push({ check: 'required', column, when: `${v} IS NULL` });
    if (column.values !== undefined) {
      const list = column.values.map((x) => d.stringLiteral(x.value)).join(', ');
      tests.push({ check: 'values', column, when: `${v} IS NOT NULL AND ${d.cast(v, 'string')} NOT IN (${list === '' ? 'NULL' : list})` });
    }
  }
  return tests;
}

/** Up to MAX_EXAMPLES distinct texts of `expr` over the rows where `when` holds, with their counts. */
async function examples(engine: SqlEngine, from: string, expr: string, when: string): Promise<string> {
  const d = engine.dialect;
  const rows = await engine.query(
    `SELECT ${d.cast(expr, 'string')} AS v, count(*) AS n FROM ${from} WHERE ${when} GROUP BY ${d.cast(expr, 'string')} ORDER BY 1 LIMIT ${MAX_EXAMPLES}`,
  );
  return rows.map((r) => `\`${String(r['v'])}\`${Number(r['n']) > 1 ? ` (${plural(Number(r['n']), 'row')})` : ''}`).join(', ');
}

async function testDiagnostic(engine: SqlEngine, source: SourceDef, test: ColumnTest, count: number): Promise<Diagnostic> {
  const d = engine.dialect;
  const from = tableSql(source, d);
  const { column } = test;
  const table = `the table \`${source.table?.value ?? ''}\``;
  switch (test.check) {
    case 'bad': {
      const shown = await examples(engine, from, d.quoteIdentifier(column.from?.value ?? column.name), test.when);
      const what = column.type.value === 'money' ? `money with at most ${moneyScale(column)} decimal places` : `a whole number`;
      return diagnostic(
        'data/bad-value',
        column.span,
        `column \`${column.name}\` has ${plural(count, 'value')} in ${table} that ${count === 1 ? 'is' : 'are'} not ${what}: ${shown}`,
        {
          hint: `fix the values in the database, or read a view that converts them`,
        },
      );
    }
    case 'required': {
      const key = source.key === undefined ? undefined : source.columns.get(source.key.value);
      const rows =
        key === undefined
          ? ''
          : `; ${key.name} of some: ${await examples(engine, from, d.quoteIdentifier(key.from?.value ?? key.name), test.when)}`;
      return diagnostic(
        'data/required',
        column.span,
        `column \`${column.name}\` is required but empty in ${plural(count, 'row')} of ${table}${rows}`,
      );
    }
    case 'values': {
      const shown = await examples(engine, from, d.quoteIdentifier(column.from?.value ?? column.name), test.when);
      return diagnostic(
        'data/not-in-values',
        column.span,
        `column \`${column.name}\` has ${plural(count, 'row')} in ${table} with a value not in its \`values\`: ${shown}`,
        {
          hint: `allowed: ${(column.values ?? []).map((x) => `\`${x.value}\``).join(', ')}`,
        },
      );
    }
    default: {
      const never: never = test.check;
      return never;
    }
  }
}

/** Repeats of `column` in the table, as a diagnostic (undefined when every value is unique). */
async function repeats(engine: SqlEngine, source: SourceDef, column: ColumnDef, asKey: boolean): Promise<Diagnostic | undefined> {
  const d = engine.dialect;
  const v = d.quoteIdentifier(column.from?.value ?? column.name);
  const groups = `SELECT ${v} AS v, count(*) AS n FROM ${tableSql(source, d)} WHERE ${v} IS NOT NULL GROUP BY ${v} HAVING count(*) > 1`;
  const [total] = await engine.query(`SELECT count(*) AS n FROM (${groups}) AS g`);
  const n = Number(total?.['n'] ?? 0);
  if (n === 0) return undefined;
  const shown = await engine.query(
    `SELECT ${d.cast('g.v', 'string')} AS v, g.n AS n FROM (${groups}) AS g ORDER BY 1 LIMIT ${MAX_EXAMPLES}`,
  );
  const list = shown.map((r) => `\`${String(r['v'])}\` (${plural(Number(r['n']), 'row')})`).join(', ');
  const why = asKey && !column.unique ? 'is the key other sources join to' : 'is unique';
  return diagnostic(
    'data/unique',
    column.span,
    `column \`${column.name}\` ${why} but ${plural(n, 'value')} repeat in the table \`${source.table?.value ?? ''}\`: ${list}`,
    {
      hint:
        asKey && !column.unique
          ? `each joining row would be counted once per matching row; make \`${column.name}\` unique (and declare \`unique: true\`)`
          : undefined,
    },
  );
}

/** The value checks of a table source whose columns all exist with acceptable types. */
export async function tableProblems(
  engine: SqlEngine,
  source: SourceDef,
  found: ReadonlyMap<string, TableColumn>,
  keyed: boolean,
): Promise<Diagnostic[]> {
  const d = engine.dialect;
  const tests = columnTests(d, source, found);
  const out: Diagnostic[] = [];
  if (tests.length > 0) {
    const list = tests.map((t, i) => `${d.aggregate('count', undefined, t.when)} AS ${d.quoteIdentifier(`c${i}`)}`);
    const [counts] = await engine.query(`SELECT ${list.join(', ')} FROM ${tableSql(source, d)}`);
    for (const [i, t] of tests.entries()) {
      const count = Number(counts?.[`c${i}`] ?? 0);
      if (count > 0) out.push(await testDiagnostic(engine, source, t, count));
    }
  }
  const key = source.key === undefined ? undefined : source.columns.get(source.key.value);
  for (const column of source.columns.values()) {
    if (!column.unique && !(keyed && column === key)) continue;
    const problem = await repeats(engine, source, column, column === key && keyed);
    if (problem !== undefined) out.push(problem);
  }
  return out;
}
