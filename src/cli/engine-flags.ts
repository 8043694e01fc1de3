/**
 * `--engine` and `--connection`: where a command runs. DuckDB over the data folder's files is the
 * default; `--engine postgres` runs on a PostgreSQL database whose tables the sources name. The
 * connection comes from the flag or the environment (`KPIC_CONNECTION`), never from the catalog,
 * so no password is ever committed with it.
 */
import type { EngineName, SqlEngine } from '../engine/sql-engine.js';
import type { ParsedFlags } from './args.js';
import type { CliIo } from './io.js';
import { printError, usageError } from './report.js';

import { CONNECTION_ENV, ENGINE_ENV, ENGINE_NAMES, MEMORY_LIMIT_ENV } from './engine-spec.js';

/** The engines `--engine` offers, each one the engine layer knows. */
const ENGINES: readonly EngineName[] = ENGINE_NAMES;

/**
 * The engine a command runs on: undefined for DuckDB over files, a connected engine (the caller
 * closes it), or the exit code after reporting why there is none.
 */
export async function openEngine(io: CliIo, flags: ParsedFlags, usage: string, help: string): Promise<SqlEngine | undefined | number> {
  const name = flags.values.get('engine') ?? io.env[ENGINE_ENV] ?? 'duckdb';
  const engine = ENGINES.find((e) => e === name);
  if (engine === undefined) return usageError(io, `$${ENGINE_ENV} is \`${name}\`; expected one of ${ENGINES.join(', ')}`, usage, help);
  const connection = flags.values.get('connection') ?? io.env[CONNECTION_ENV];
  switch (engine) {
    case 'duckdb':
      if (connection !== undefined && flags.values.has('connection')) {
        return usageError(io, '`--connection` is for a database engine: add `--engine postgres`', usage, help);
      }
      return undefined;
    case 'postgres': {
      if (connection === undefined || connection === '') {
        return usageError(
          io,
          `\`--engine postgres\` needs the database: \`--connection postgres://user@host/db\` or $${CONNECTION_ENV}`,
          usage,
          help,
        );
      }
      const { connectPostgres } = await import('../engine/postgres.js');
      const connected = await connectPostgres(connection);
      if ('error' in connected) {
        printError(io, connected.error);
        return 1;
      }
      return connected;
    }
    default: {
      const never: never = engine;
      return never;
    }
  }
}

/** A size DuckDB takes as a memory limit: a number and a unit (`4GB`, `1.5 GiB`, `512MB`). */
const SIZE = /^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i;

/**
 * The DuckDB memory limit of a run on DuckDB (`--memory-limit` or `$KPIC_MEMORY_LIMIT`):
 * undefined for DuckDB's default, the size, or the exit code after reporting a bad one.
 */
export function memoryLimit(
  io: CliIo,
  flags: ParsedFlags,
  usage: string,
  help: string,
  engine: SqlEngine | undefined,
): string | undefined | number {
  const flag = flags.values.get('memory-limit');
  const value = flag ?? io.env[MEMORY_LIMIT_ENV];
  if (value === undefined || value === '') return undefined;
  const from = flag === undefined ? `$${MEMORY_LIMIT_ENV}` : '`--memory-limit`';
  if (!SIZE.test(value.trim())) return usageError(io, `${from} is \`${value}\`; expected a size such as 4GB, 512MiB or 1.5GB`, usage, help);
  if (engine !== undefined && flag !== undefined) {
    return usageError(io, `\`--memory-limit\` is for DuckDB; ${engine.where} manages its own memory`, usage, help);
  }
  return value.trim();
}
