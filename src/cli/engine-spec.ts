/**
 * The flags that choose where a command runs, as plain data for the command registry (what they
 * do is engine-flags.ts, loaded with the command).
 */
import type { FlagSpec } from './args.js';

/** The values of `--engine` (every `EngineName`: engine-flags.ts checks it; no engine code is loaded at start-up). */
export const ENGINE_NAMES = ['duckdb', 'postgres'] as const;

/** The engine when `--engine` is absent. */
export const ENGINE_ENV = 'KPIC_ENGINE';
/** The connection URL when `--connection` is absent. */
export const CONNECTION_ENV = 'KPIC_CONNECTION';

/** The DuckDB memory limit when `--memory-limit` is absent. */
export const MEMORY_LIMIT_ENV = 'KPIC_MEMORY_LIMIT';

/** `--memory-limit`: DuckDB's memory limit. */
export const MEMORY_LIMIT_FLAG: FlagSpec = {
  name: 'memory-limit',
  kind: 'value',
  placeholder: 'SIZE',
  description: `the most memory DuckDB may use, e.g. 4GB or 512MiB; beyond it, it spills to temporary files (also $${MEMORY_LIMIT_ENV})`,
  default: '80% of the memory',
};

/** `--engine`, `--connection` and `--memory-limit`. */
export const ENGINE_FLAGS: readonly FlagSpec[] = [
  {
    name: 'engine',
    kind: 'value',
    placeholder: ENGINE_NAMES.join('|'),
    choices: ENGINE_NAMES,
    description: `where the KPIs run: DuckDB over the data folder's files, or the database the sources' \`table:\` name (also $${ENGINE_ENV})`,
    default: 'duckdb',
  },
  {
    name: 'connection',
    kind: 'value',
    placeholder: 'URL',
    description: `the database to connect to, e.g. postgres://user@host:5432/db (also $${CONNECTION_ENV}; a password belongs in ~/.pgpass or $PGPASSWORD)`,
  },
  MEMORY_LIMIT_FLAG,
];
