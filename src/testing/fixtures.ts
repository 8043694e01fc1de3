/**
 * Composing a case's fixture data: for every source, its rows (the case's own, else the test's
 * shared ones; inline or from a CSV file beside the test), each declared column taken from the
 * row, else from the defaults (the case's over the test's), else — for the source's `key` — a
 * generated unique value, else empty. Every value is checked against its column (type,
 * `values`), and the rows against the contract a fixture can break (`required`, `unique`, keys),
 * each problem at the cell, default or CSV line it comes from.
 *
 * Without fixture files (`kpic validate` reads no data), CSV fixtures are only checked for their
 * path; `kpic test` passes the files it read and gets every check.
 */
import path from 'node:path/posix';
import { diagnostic, type DataLocation, type Diagnostic, type PhaseResult } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/span.js';
import { didYouMean } from '../diagnostics/suggest.js';
import type { ColumnDef, SourceDef } from '../model/types.js';
import { parseCsv } from './csv.js';
import { fixtureCellText } from './fixture-values.js';
import type { DefaultsSpec, FixtureSpec, TestCase, TestDef, WrittenCell } from './model.js';

/** Where a composed value comes from: a span of a test document, and for CSV files the line and field. */
interface Origin {
  readonly span: Span;
  readonly location?: DataLocation | undefined;
}

/** One value of a composed row. */
interface ComposedCell {
  readonly text: string | null;
  readonly origin: Origin;
  /** The written value was refused (already reported); it stands in as empty. */
  readonly invalid?: true | undefined;
}

/** One composed row: a cell per declared column (undefined: empty). */
export interface ComposedRow {
  readonly origin: Origin;
  readonly cells: readonly (ComposedCell | undefined)[];
}

/** A source's fixture data, columns in declaration order. */
export interface ComposedTable {
  readonly source: SourceDef;
  readonly columns: readonly ColumnDef[];
  readonly rows: readonly ComposedRow[];
}

/** Fixture files read by the caller: catalog-relative path → text, or why it could not be read. */
export type FixtureFiles = ReadonlyMap<string, { readonly text: string } | { readonly error: string }>;

/** The catalog-relative path of a fixture file named in `testFile`, or why it is refused. */
function fixtureFilePath(testFile: string, written: string): { readonly path: string } | { readonly problem: string } {
  if (path.isAbsolute(written) || /^[A-Za-z]:[\\/]/.test(written)) {
    return { problem: `\`${written}\` is an absolute path; name the file relative to \`${testFile}\`` };
  }
  const joined = path.normalize(path.join(path.dirname(testFile), written.replaceAll('\\', '/')));
  if (joined.startsWith('../') || joined === '..') {
    return { problem: `\`${written}\` lies outside the catalog folder; keep fixture files beside the tests` };
  }
  return { path: joined };
}

interface Builder {
  readonly diagnostics: Diagnostic[];
  readonly sources: ReadonlyMap<string, SourceDef>;
}

function unknownColumn(b: Builder, source: SourceDef, name: string, span: Span, location?: DataLocation): void {
  const hint = didYouMean(name, [...source.columns.keys()]);
  b.diagnostics.push(
    diagnostic('test/unknown-column', span, `unknown column \`${name}\` in source \`${source.id}\``, {
      hint: hint ?? `its columns: ${[...source.columns.keys()].map((c) => `\`${c}\``).join(', ')}`,
      location,
    }),
  );
}

function sourceOf(b: Builder, name: string, span: Span): SourceDef | undefined {
  const source = b.sources.get(name);
  if (source === undefined) {
    const hint = didYouMean(name, [...b.sources.keys()]);
    b.diagnostics.push(diagnostic('test/unknown-source', span, `unknown source \`${name}\``, hint === undefined ? {} : { hint }));
  }
  return source;
}

/** A written value converted for its column; problems reported at `origin`. */
function convert(b: Builder, column: ColumnDef, value: string | number | boolean | null, text: string, origin: Origin): ComposedCell {
  const cell = fixtureCellText(column, value, text);
  if ('problem' in cell) {
    b.diagnostics.push(diagnostic('test/bad-value', origin.span, cell.problem, { location: origin.location }));
    return { text: null, origin, invalid: true };
  }
  return { text: cell.text, origin };
}

function writtenCell(b: Builder, source: SourceDef, cell: WrittenCell): ComposedCell | undefined {
  const column = source.columns.get(cell.column);
  if (column === undefined) {
    unknownColumn(b, source, cell.column, cell.keySpan);
    return undefined;
  }
  return convert(b, column, cell.value.value, cell.value.text, { span: cell.value.span });
}

/** Per source, per column: the default cell (the case's over the test's). */
function mergeDefaults(b: Builder, layers: readonly DefaultsSpec[]): Map<string, Map<string, ComposedCell>> {
  const out = new Map<string, Map<string, ComposedCell>>();
  for (const layer of layers) {
    for (const [name, spec] of layer) {
      const source = sourceOf(b, name, spec.keySpan);
      if (source === undefined) continue;
      const cells = out.get(name) ?? new Map<string, ComposedCell>();
      for (const cell of spec.cells.values()) {
        const composed = writtenCell(b, source, cell);
        if (composed !== undefined) cells.set(cell.column, composed);
      }
      out.set(name, cells);
    }
  }
  return out;
}

interface RawRow {
  readonly origin: Origin;
  readonly cells: ReadonlyMap<string, ComposedCell>;
}

function inlineRows(b: Builder, source: SourceDef, spec: Extract<FixtureSpec, { kind: 'rows' }>): RawRow[] {
  return spec.rows.map((row) => {
    const cells = new Map<string, ComposedCell>();
    for (const cell of row.cells.values()) {
      const composed = writtenCell(b, source, cell);
      if (composed !== undefined) cells.set(cell.column, composed);
    }
    return { origin: { span: row.span }, cells };
  });
}

function csvRows(
  b: Builder,
  source: SourceDef,
  spec: Extract<FixtureSpec, { kind: 'csv' }>,
  testFile: string,
  files: FixtureFiles,
): RawRow[] | undefined {
  const where = fixtureFilePath(testFile, spec.path.value);
  const problem = (message: string, location?: DataLocation): undefined => {
    b.diagnostics.push(diagnostic('test/fixture-file', spec.path.span, message, { location }));
    return undefined;
  };
  if ('problem' in where) return problem(where.problem);
  const read = files.get(where.path);
  if (read === undefined) return undefined; // not read (validate): only the path is checked
  if ('error' in read) return problem(`cannot read fixture file \`${spec.path.value}\`: ${read.error}`);
  const parsed = parseCsv(read.text);
  if (!parsed.ok) return problem(parsed.message, { file: where.path, line: parsed.line, column: parsed.column });
  const columns = parsed.header.map((name, i) => {
    const column = source.columns.get(name);
    if (column === undefined) unknownColumn(b, source, name, spec.path.span, { file: where.path, line: 1, column: i + 1 });
    return column;
  });
  return parsed.records.map((record) => {
    const cells = new Map<string, ComposedCell>();
    record.fields.forEach((field, i) => {
      const column = columns[i];
      if (column === undefined || field === null) return;
      const origin = { span: spec.path.span, location: { file: where.path, line: record.line, column: i + 1 } };
      cells.set(column.name, convert(b, column, field, field, origin));
    });
    return { origin: { span: spec.path.span, location: { file: where.path, line: record.line, column: 1 } }, cells };
  });
}

/** Generated values for an unspecified key: after the largest integer given, or `<source>#<n>`. */
function keyGenerator(source: SourceDef, rows: readonly RawRow[]): ((index: number) => string) | undefined {
  const key = source.key === undefined ? undefined : source.columns.get(source.key.value);
  if (key === undefined) return undefined;
  if (key.type.value === 'integer') {
    let max = 0n;
    for (const r of rows) {
      const t = r.cells.get(key.name)?.text;
      if (t !== null && t !== undefined && BigInt(t) > max) max = BigInt(t);
    }
    return (index) => String(max + BigInt(index + 1));
  }
  return key.type.value === 'string' ? (index) => `${source.id}#${index + 1}` : undefined;
}

function completeRows(b: Builder, source: SourceDef, raw: readonly RawRow[], defaults: ReadonlyMap<string, ComposedCell>): ComposedRow[] {
  const columns = [...source.columns.values()];
  const generate = keyGenerator(source, raw);
  return raw.map((row, index) => {
    const cells = columns.map((column) => {
      const own = row.cells.get(column.name);
      if (own !== undefined) return own;
      const fallback = defaults.get(column.name);
      if (fallback !== undefined) return fallback;
      if (generate !== undefined && column.name === source.key?.value) return { text: generate(index), origin: row.origin };
      return undefined;
    });
    columns.forEach((column, i) => {
      if (!column.required || (cells[i]?.text ?? null) !== null || cells[i]?.invalid === true) return;
      const own = row.cells.get(column.name);
      const origin = own?.origin ?? row.origin;
      b.diagnostics.push(
        diagnostic(
          'test/missing-value',
          origin.span,
          `this fixture row of \`${source.id}\` leaves column \`${column.name}\` empty, but it is required`,
          {
            hint: `give \`${column.name}\` in the row, or once for every row under \`defaults: { ${source.id}: … }\``,
            location: origin.location,
          },
        ),
      );
    });
    return { origin: row.origin, cells };
  });
}

function checkUnique(b: Builder, table: ComposedTable): void {
  table.columns.forEach((column, i) => {
    if (!column.unique && table.source.key?.value !== column.name) return;
    const seen = new Map<string, Origin>();
    for (const row of table.rows) {
      const cell = row.cells[i];
      if (cell === undefined || cell.text === null) continue;
      const first = seen.get(cell.text);
      if (first === undefined) {
        seen.set(cell.text, cell.origin);
        continue;
      }
      b.diagnostics.push(
        diagnostic(
          'test/duplicate-value',
          row.origin.span,
          `\`${cell.text}\` repeats in column \`${column.name}\` of \`${table.source.id}\`, which must be unique`,
          { location: row.origin.location, related: [{ span: first.span, message: 'first given here' }] },
        ),
      );
    }
  });
}

/**
 * The fixture tables of one case, by source id (only sources given rows). `files` holds the CSV
 * fixtures read from disk; without it CSV fixtures are left out (their paths still checked).
 */
export function composeCase(
  test: TestDef,
  testCase: TestCase,
  sources: ReadonlyMap<string, SourceDef>,
  files?: FixtureFiles,
): PhaseResult<Map<string, ComposedTable>> {
  const b: Builder = { diagnostics: [], sources };
  const defaults = mergeDefaults(b, [test.defaults, testCase.defaults]);
  const specs = new Map<string, FixtureSpec>([...test.fixtures, ...testCase.fixtures]);
  const tables = new Map<string, ComposedTable>();
  for (const [name, spec] of specs) {
    const source = sourceOf(b, name, spec.keySpan);
    if (source === undefined) continue;
    const raw = spec.kind === 'rows' ? inlineRows(b, source, spec) : csvRows(b, source, spec, test.doc.file, files ?? new Map());
    if (raw === undefined) continue;
    const table = { source, columns: [...source.columns.values()], rows: completeRows(b, source, raw, defaults.get(name) ?? new Map()) };
    checkUnique(b, table);
    tables.set(name, table);
  }
  return { value: tables, diagnostics: b.diagnostics };
}

/** The CSV fixture files a test names, as catalog-relative paths (for the caller to read). */
export function fixtureFilesOf(test: TestDef): string[] {
  const out = new Set<string>();
  for (const spec of [...test.fixtures.values(), ...test.cases.flatMap((c) => [...c.fixtures.values()])]) {
    if (spec.kind !== 'csv') continue;
    const where = fixtureFilePath(test.doc.file, spec.path.value);
    if ('path' in where) out.add(where.path);
  }
  return [...out].sort();
}
