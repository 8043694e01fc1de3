/**
 * The registry of SQL dialects. A new dialect is one file implementing {@link Dialect} plus its
 * entry here; `--dialect` accepts every registered name and the golden SQL tests loop over all.
 */
import type { Dialect } from './dialect.js';
import { duckdb } from './duckdb.js';
import { postgres } from './postgres.js';

const REGISTERED: readonly Dialect[] = [duckdb, postgres];

/** Every registered dialect, by name. */
export const DIALECTS: ReadonlyMap<string, Dialect> = new Map(REGISTERED.map((d) => [d.name, d]));

/** The dialect queries are written in unless another is asked for (the engine kpic runs). */
export const DEFAULT_DIALECT: Dialect = duckdb;
