/**
 * Sources that name a table or view (`table:`), checked and read on the engine that holds them.
 * The data contract is checked in SQL there, in the engine's dialect: the table and every declared
 * column exist, each column's type can hold its declared type (a value that would not — a
 * fraction in an `integer` column, a money amount with more places than its scale — is a bad
 * value), then `required`, `values` and `unique`. The typed rows the KPIs read are a SELECT that
 * casts each column to its declared type.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/suggest.js';
import type { ColumnDef, ColumnType, SourceDef } from '../model/types.js';
import type { Dialect } from '../sql/dialect.js';
import type { SourceReader } from '../sql/source-reader.js';
import { moneyScale } from '../model/money-scale.js';
import type { SqlEngine, TableColumn } from './sql-engine.js';
import { tableParts, tableSql } from './table-name.js';
import { tableProblems } from './table-values.js';

/** A table source that passed its checks: the SELECT of its typed rows. */
export interface CheckedTable {
  readonly source: SourceDef;
  readonly sql: string;
}

/** The categories of engine types each declared type accepts (`string` accepts any: it is read as text). */
const ACCEPTS: Readonly<Record<ColumnType, readonly string[]>> = {
  string: ['text', 'integer', 'decimal', 'real', 'boolean', 'date', 'timestamp', 'other'],
  integer: ['integer', 'decimal', 'real'],
  number: ['integer', 'decimal', 'real'],
  percent: ['integer', 'decimal', 'real'],
  money: ['integer', 'decimal', 'real'],
  boolean: ['boolean'],
  date: ['date', 'timestamp'],
  timestamp: ['timestamp', 'date'],
};

/** The name of a column in the table: its `from:`, else its declared name. */
const columnName = (c: ColumnDef): string => c.from?.value ?? c.name;

/** `column` of the table typed as declared. */
function typedColumn(dialect: Dialect, column: ColumnDef): string {
  const v = dialect.quoteIdentifier(columnName(column));
  switch (column.type.value) {
    case 'string':
      return dialect.cast(v, 'string');
    case 'integer':
      return dialect.cast(v, 'bigint');
    case 'number':
    case 'percent':
      return dialect.cast(v, 'real');
    case 'money':
      return dialect.decimal(v, moneyScale(column));
    case 'boolean':
      return dialect.cast(v, 'boolean');
    case 'date':
      return dialect.cast(v, 'date');
    case 'timestamp':
      return dialect.cast(v, 'timestamp');
    default: {
      const never: never = column.type.value;
      return never;
    }
  }
}

/** The SELECT of a table source's typed rows: every declared column by its declared name. */
function tableRelationSql(source: SourceDef, dialect: Dialect): string {
  const list = [...source.columns.values()].map((c) => `${typedColumn(dialect, c)} AS ${dialect.quoteIdentifier(c.name)}`);
  return `SELECT ${list.length === 0 ? 'NULL AS "$none"' : list.join(', ')} FROM ${tableSql(source, dialect)}`;
}

/** Reads every source from its table, in `dialect` (nothing is checked: for `kpic compile`). */
export function tablesReader(sources: ReadonlyMap<string, SourceDef>, dialect: Dialect): SourceReader {
  return {
    dialect: dialect.name,
    relation(id) {
      const source = sources.get(id);
      if (source === undefined) throw new Error(`unknown source ${id}`);
      return tableRelationSql(source, dialect);
    },
  };
}

function columnTypeProblem(source: SourceDef, column: ColumnDef, found: TableColumn): Diagnostic | undefined {
  const type = column.type.value;
  if (ACCEPTS[type].includes(found.category)) return undefined;
  return diagnostic(
    'data/column-type',
    column.type.span,
    `column \`${columnName(column)}\` of the table \`${source.table?.value ?? ''}\` is \`${found.type}\`, which cannot hold a \`${type}\``,
    {
      hint: `a \`${type}\` column reads ${ACCEPTS[type].join(', ')} types; declare the column's type to match, or read a view that converts it`,
    },
  );
}

/**
 * Checks the contract of a table source on `engine`: an error for a missing table or column and
 * a column type that cannot hold its declared type, then the value checks (`table-values.ts`).
 * `keyed`: whether some join reaches this source through its `key`, which must then be unique.
 */
export async function checkTableSource(
  engine: SqlEngine,
  source: SourceDef,
  keyed: boolean,
): Promise<{ readonly value: CheckedTable; readonly diagnostics: readonly Diagnostic[] }> {
  const checked = { source, sql: tableRelationSql(source, engine.dialect) };
  const table = source.table;
  if (table === undefined) throw new Error(`source ${source.id} names no table`);
  const columns = await engine.describe(tableParts(source));
  if (columns === undefined) {
    const message = `no table or view \`${table.value}\` in ${engine.where}`;
    return {
      value: checked,
      diagnostics: [
        diagnostic('data/missing-table', table.span, message, {
          hint: 'write its schema too (`crm.opportunities`) when it is not on the search path',
        }),
      ],
    };
  }
  const byName = new Map(columns.map((c) => [c.name, c]));
  const diagnostics: Diagnostic[] = [];
  for (const column of source.columns.values()) {
    const found = byName.get(columnName(column));
    if (found === undefined) {
      const hint = didYouMean(columnName(column), [...byName.keys()]);
      diagnostics.push(
        diagnostic(
          'data/missing-column',
          column.from?.span ?? column.span,
          `the table \`${table.value}\` has no column \`${columnName(column)}\``,
          { hint },
        ),
      );
      continue;
    }
    const problem = columnTypeProblem(source, column, found);
    if (problem !== undefined) diagnostics.push(problem);
  }
  if (diagnostics.length > 0) return { value: checked, diagnostics };
  return { value: checked, diagnostics: await tableProblems(engine, source, byName, keyed) };
}

/** The sources of a query that are read where they live: one diagnostic per source `engine` cannot read. */
export function sourcesOffEngine(sources: readonly SourceDef[], engine: SqlEngine | undefined): Diagnostic[] {
  return sources.flatMap((source) => {
    if (engine !== undefined && source.table === undefined) {
      return [
        diagnostic(
          'data/not-on-engine',
          source.path.span,
          `source \`${source.id}\` reads files, but this runs on ${engine.where}, which reads tables`,
          {
            hint: 'name its `table:` in the database instead of `file:`, or run on DuckDB over files',
          },
        ),
      ];
    }
    if (engine === undefined && source.table !== undefined) {
      return [
        diagnostic(
          'data/not-on-engine',
          source.table.span,
          `source \`${source.id}\` reads the table \`${source.table.value}\`, but this runs on DuckDB over files`,
          {
            hint: 'run it on the engine of the database that holds the table (PostgreSQL or Spark), with its connection',
          },
        ),
      ];
    }
    return [];
  });
}
