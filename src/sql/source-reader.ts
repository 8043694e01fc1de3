/**
 * The seam between the SQL a dialect writes and the engine that runs it: how the query reads each
 * source. The emitter never reads files; it asks a reader for each source's typed rows and inlines
 * that SELECT as the source's CTE. The engine that runs the query supplies the reader, because
 * only it knows where the data lives and what its data checks learnt about the files (the DuckDB
 * engine's readers are in src/engine/source-readers.ts).
 */

/** How a query reads its sources, in one dialect. */
export interface SourceReader {
  /** The dialect the SELECTs are written in: the query's. */
  readonly dialect: string;
  /**
   * A SELECT of the typed rows of a source (a catalog id): one column per declared column, named
   * by its declared name and typed as declared, and nothing else.
   */
  relation(source: string): string;
}
