/**
 * The catalog a case runs on: the checked catalog with every source reading its fixture file
 * (`<source id>.csv` in the case's data folder) instead of its export. The fixture files are
 * written in the catalog's own terms, so a source's `from:` headers, `format:` dates, delimiter
 * and file format do not apply to them; everything else — types, contracts, joins, definitions,
 * dimensions, KPIs, lookups, scorecards — is the catalog's, unchanged.
 */
import type { ColumnDef, SourceDef } from '../model/types.js';
import type { ResolvedCatalog } from '../resolve/resolved.js';
import { writeCsv } from './csv.js';
import type { ComposedTable } from './fixtures.js';

/** The file name of a source's fixture data. */
export function fixtureFileName(source: string): string {
  return `${source}.csv`;
}

function fixtureSource(source: SourceDef): SourceDef {
  const columns = new Map<string, ColumnDef>();
  for (const [name, c] of source.columns) columns.set(name, { ...c, from: undefined, format: undefined });
  return {
    ...source,
    path: { value: fixtureFileName(source.id), span: source.path.span },
    format: { value: 'csv', span: source.path.span },
    delimiter: undefined,
    columns,
  };
}

/** The resolved catalog with every source re-pointed at its fixture file. */
export function fixtureCatalog(resolved: ResolvedCatalog): ResolvedCatalog {
  const sources = new Map<string, SourceDef>();
  for (const [id, s] of resolved.catalog.sources) sources.set(id, fixtureSource(s));
  return { ...resolved, catalog: { ...resolved.catalog, sources } };
}

/** The fixture files of a case: one CSV per source of the catalog (header only when not given rows). */
export function fixtureFiles(resolved: ResolvedCatalog, tables: ReadonlyMap<string, ComposedTable>): Map<string, string> {
  const files = new Map<string, string>();
  for (const [id, source] of resolved.catalog.sources) {
    const header = [...source.columns.keys()];
    const rows = tables.get(id)?.rows.map((r) => r.cells.map((c) => c?.text ?? null)) ?? [];
    files.set(fixtureFileName(id), writeCsv(header, rows));
  }
  return files;
}
