/**
 * The flags and help of `kpic test`, apart from its implementation so the CLI can list and parse
 * the command without loading the test runner.
 */
import type { FlagSpec } from './args.js';
import { CATALOG_FLAG } from './common-flags.js';

/** Output formats of `kpic test`. */
const TEST_FORMATS = ['pretty', 'json', 'junit'] as const;

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
