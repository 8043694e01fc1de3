/**
 * The flags and help of `kpic test`, apart from its implementation so the CLI can list and parse
 * the command without loading the test runner.
 */
import type { FlagSpec } from './args.js';

/** Output formats of `kpic test`. */
export const TEST_FORMATS = ['pretty', 'json', 'junit'] as const;

/** `--catalog DIR`, as every command has it. */
export const CATALOG_FLAG: FlagSpec = {
  name: 'catalog',
  kind: 'value',
  placeholder: 'DIR',
  description: 'the catalog folder, holding catalog.yaml',
  default: './catalog',
};

/** The flags of `kpic test`. */
export const TEST_FLAGS: readonly FlagSpec[] = [
  CATALOG_FLAG,
  {
    name: 'filter',
    kind: 'value',
    placeholder: 'TEXT',
    description: 'run only the cases whose test id, case name or one of whose KPIs contains TEXT (any letter case)',
    default: 'every case',
  },
  {
    name: 'format',
    kind: 'value',
    placeholder: TEST_FORMATS.join('|'),
    choices: TEST_FORMATS,
    description: 'report format (junit: JUnit XML for CI)',
    default: 'pretty',
  },
  { name: 'out', kind: 'value', placeholder: 'FILE', description: 'write the report to FILE (atomically) and the pretty report to stdout' },
];

/** The command's spec, in the shape the CLI's help and usage lines use. */
export const TEST_COMMAND = {
  name: 'test',
  summary: "run the catalog's test cases on fixture data and report KPI coverage",
  description:
    "Runs every case of the catalog's `test` documents on DuckDB: fixture rows (inline or CSV) for " +
    'the sources a case needs, then the expected KPI values or scorecard outcomes, compared cell by ' +
    'cell. Exit code 1 when a case fails or cannot run. Ends with the share of KPIs that have a test.',
  flags: TEST_FLAGS,
} as const;
