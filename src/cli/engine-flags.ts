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

import { CONNECTION_ENV, ENGINE_ENV, ENGINE_NAMES } from './engine-spec.js';

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
