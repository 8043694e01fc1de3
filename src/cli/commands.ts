/**
 * The commands of `kpic` and their flags: the single source for parsing, usage lines and help.
 * Names and defaults follow the CLI contract in docs/cli.md.
 */
import { RESULT_FORMATS } from '../results/result-set.js';
import { DIALECTS } from '../sql/duckdb.js';
import type { FlagSpec } from './args.js';
import { NO_CACHE_FLAG } from './check-cache.js';

/** The commands. */
export type CommandName = 'validate' | 'compile' | 'run' | 'demo';

/** A command: its flags and its help text. */
export interface CommandSpec {
  readonly name: CommandName;
  /** One line for the command list. */
  readonly summary: string;
  /** A few sentences for `kpic <command> --help`. */
  readonly description: string;
  readonly flags: readonly FlagSpec[];
  /** Names of flags that must be given. */
  readonly required?: readonly string[];
}

const catalog: FlagSpec = {
  name: 'catalog',
  kind: 'value',
  placeholder: 'DIR',
  description: 'the catalog folder, holding catalog.yaml',
  default: './catalog',
};
const data: FlagSpec = {
  name: 'data',
  kind: 'value',
  placeholder: 'DIR',
  description: 'the data folder, relative to the working directory',
  default: "the catalog's `data:`, relative to the catalog folder",
};
const kpi = (required: boolean): FlagSpec => ({
  name: 'kpi',
  kind: 'list',
  placeholder: 'ID[,ID…]',
  description: 'KPIs to evaluate, comma-separated (the flag may be repeated)',
  ...(required ? {} : { default: 'every KPI that is not deprecated' }),
});
const grain: FlagSpec = {
  name: 'grain',
  kind: 'value',
  placeholder: 'day|week|month|quarter|year',
  description: 'the period length',
  default: 'month',
};
const by: FlagSpec = {
  name: 'by',
  kind: 'list',
  placeholder: 'DIM[,DIM…]',
  description: 'breakdown dimensions, comma-separated',
  default: 'no breakdown',
};
const from: FlagSpec = {
  name: 'from',
  kind: 'value',
  placeholder: 'DATE',
  description: 'first day to evaluate (YYYY-MM-DD)',
  default: 'the start of the data',
};
const to: FlagSpec = {
  name: 'to',
  kind: 'value',
  placeholder: 'DATE',
  description: 'last day to evaluate (YYYY-MM-DD)',
  default: 'the end of the data',
};

/** Output formats of `validate`. */
const VALIDATE_FORMATS = ['pretty', 'json', 'github', 'sarif'] as const;

/** Every command, in help order. */
export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'validate',
    summary: 'check the catalog: YAML, schema, formulas, names, types and units',
    description:
      'Checks every file of the catalog and prints every problem with its file, line and column. ' +
      'Reads no data. Exit code 1 when there are errors (or, with --strict, warnings).',
    flags: [
      catalog,
      {
        name: 'format',
        kind: 'value',
        placeholder: VALIDATE_FORMATS.join('|'),
        choices: VALIDATE_FORMATS,
        description: 'output format',
        default: 'pretty',
      },
      { name: 'strict', kind: 'switch', description: 'fail on warnings too' },
    ],
  },
  {
    name: 'compile',
    summary: 'print the SQL (or the plan) that computes KPIs; reads no data',
    description:
      'Compiles KPIs to the SQL that reads the files the catalog names in the data folder, ' +
      'without reading them. With --emit plan, prints the plan (JSON) instead.',
    flags: [
      catalog,
      kpi(true),
      grain,
      by,
      from,
      to,
      {
        name: 'dialect',
        kind: 'value',
        placeholder: [...DIALECTS.keys()].join('|'),
        choices: [...DIALECTS.keys()],
        description: 'SQL dialect',
        default: 'duckdb',
      },
      { name: 'emit', kind: 'value', placeholder: 'sql|plan', choices: ['sql', 'plan'], description: 'what to print', default: 'sql' },
      data,
    ],
    required: ['kpi'],
  },
  {
    name: 'run',
    summary: 'compute KPIs on the data folder and print or write the results',
    description:
      'Checks the catalog and the data against its contract, evaluates the KPIs on DuckDB and ' +
      'writes one row per KPI, period and breakdown value. Data problems are reported by file, ' +
      'line and column; with --quarantine the bad rows are set aside instead.',
    flags: [
      catalog,
      data,
      kpi(false),
      grain,
      by,
      from,
      to,
      {
        name: 'format',
        kind: 'value',
        placeholder: RESULT_FORMATS.join('|'),
        choices: RESULT_FORMATS,
        description: 'output format (parquet needs --out)',
        default: 'table',
      },
      { name: 'out', kind: 'value', placeholder: 'FILE', description: 'write the results to FILE (atomically) instead of stdout' },
      {
        name: 'quarantine',
        kind: 'value',
        placeholder: 'FILE',
        description: 'write rows that break the data contract to FILE (CSV) and leave them out, instead of failing',
      },
      NO_CACHE_FLAG,
    ],
  },
  {
    name: 'demo',
    summary: 'validate ./catalog and summarise its KPIs by quarter on its data (npm start)',
    description:
      'Validates the catalog, runs its KPIs that are not deprecated at grain quarter (by region ' +
      'where the KPI allows it) on its data, and prints the latest quarter against the one before.',
    flags: [catalog, data, NO_CACHE_FLAG],
  },
];

/** The spec of a command, by name. */
export function commandSpec(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}

/** `kpic run [--catalog DIR] …`: the usage line of a command. */
export function usageLine(spec: CommandSpec): string {
  const required = new Set(spec.required ?? []);
  const parts = spec.flags.map((f) => {
    const text = f.kind === 'switch' ? `--${f.name}` : `--${f.name} ${f.placeholder ?? 'VALUE'}`;
    return required.has(f.name) ? text : `[${text}]`;
  });
  return `kpic ${spec.name} ${parts.join(' ')}`;
}
