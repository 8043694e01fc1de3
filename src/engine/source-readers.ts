/**
 * The DuckDB engine's side of the source seam (`SourceReader`, src/sql/source-reader.ts): how a
 * query it runs reads each source. For a query only compiled, the files the catalog declares,
 * read as `source-sql.ts` reads them; for a query run, the relations its data checks produced
 * (clean rows only, with the file layouts the checks learnt).
 */
import type { SourceDef } from '../model/types.js';
import { duckdb } from '../sql/duckdb.js';
import type { SourceReader } from '../sql/source-reader.js';
import type { CheckedSource } from './check-data.js';
import { declaredSourceFiles } from './source-files.js';
import { sourceRelationSql } from './source-sql.js';

/** Reads each source from the files it declares in `dataDir` (no file is looked at). */
export function declaredFilesReader(sources: ReadonlyMap<string, SourceDef>, dataDir: string): SourceReader {
  return {
    dialect: duckdb.name,
    relation(id) {
      const source = sources.get(id);
      if (source === undefined) throw new Error(`unknown source ${id}`);
      return sourceRelationSql(source, declaredSourceFiles(source, dataDir));
    },
  };
}

/** Reads each source as its data check left it. */
export function checkedSourcesReader(checked: ReadonlyMap<string, CheckedSource>): SourceReader {
  return {
    dialect: duckdb.name,
    relation(id) {
      const c = checked.get(id);
      if (c === undefined) throw new Error(`unchecked source ${id}`);
      return c.sql;
    },
  };
}
