/**
 * The registry of `kpic` commands: for each, its name, flags and help text — the single source
 * for parsing, usage lines and help — and how to load its code. A new command is one entry here
 * plus its handler module. Handlers are loaded only when their command runs (`import()` inside
 * `load`): every invocation pays start-up time, and `validate` must not load DuckDB or the
 * scorecard phase. Names and defaults follow the CLI contract in docs/cli.md.
 */
import { RESULT_FORMATS } from '../results/result-set.js';
import { DIALECTS } from '../sql/dialects.js';
import type { FlagSpec, ParsedFlags } from './args.js';
import { CATALOG_FLAG, DATA_FLAG, kpiFlag, NO_CACHE_FLAG, outFlag, REQUEST_FLAGS, STATE_FLAG } from './common-flags.js';
import { DOCS_FLAGS } from './docs-spec.js';
import { ENGINE_FLAGS, MEMORY_LIMIT_FLAG } from './engine-spec.js';
import { APPROVALS_COMMAND, DIFF_COMMAND, REVIEW_COMMAND } from './governance-specs.js';
import type { CliIo } from './io.js';
import { TEST_FLAGS } from './test-spec.js';

/** A command's code: runs with the parsed flags and returns the exit code. */
type CommandHandler = (io: CliIo, flags: ParsedFlags) => number | Promise<number>;

/** A registered command. */
export interface Command {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** A few sentences for `kpic <command> --help`. */
  readonly description: string;
  readonly flags: readonly FlagSpec[];
  /** Names of flags that must be given. */
  readonly required?: readonly string[];
  /** The one optional argument that is not a flag (`KPI` for `kpic show KPI`), with what it is. */
  readonly operand?: { readonly name: string; readonly description: string } | undefined;
  /** Loads the command's module and returns its handler (called once the flags are valid). */
  readonly load: () => Promise<CommandHandler>;
}

/** Output formats of `validate`. */
const VALIDATE_FORMATS = ['pretty', 'json', 'github', 'sarif'] as const;

/** Output formats of `alerts`. */
const ALERTS_FORMATS = ['table', 'json', 'ndjson'] as const;

/** Output formats of `show`. */
const SHOW_FORMATS = ['text', 'json'] as const;
/** Output formats of `payouts`. */
const PAYOUT_FORMATS = ['table', 'csv', 'json', 'html'] as const;

/** Output formats of `audit`. */
const AUDIT_FORMATS = ['table', 'json', 'ndjson', 'csv', 'sarif', 'html'] as const;

/** Output formats of `scorecard`. */
const SCORECARD_FORMATS = ['table', 'json', 'html'] as const;

const formatFlag = (formats: readonly string[], description: string, fallback: string): FlagSpec => ({
  name: 'format',
  kind: 'value',
  placeholder: formats.join('|'),
  choices: formats,
  description,
  default: fallback,
});

/** Every command, in help order. */
export const COMMANDS: readonly Command[] = [
  {
    name: 'validate',
    summary: 'check the catalog: YAML, schema, formulas, names, types and units',
    description:
      'Checks every file of the catalog and prints every problem with its file, line and column. ' +
      'Reads no data. Exit code 1 when there are errors (or, with --strict, warnings).',
    flags: [
      CATALOG_FLAG,
      formatFlag(VALIDATE_FORMATS, 'output format', 'pretty'),
      { name: 'strict', kind: 'switch', description: 'fail on warnings too' },
    ],
    load: async () => (await import('./validate.js')).validateCommand,
  },
  {
    name: 'compile',
    summary: 'print the SQL (or the query plan) that computes KPIs; reads no data',
    description:
      'Compiles KPIs to the SQL that reads the files the catalog names in the data folder, ' +
      'without reading them. With --emit query-plan, prints the query plan (JSON) instead.',
    flags: [
      CATALOG_FLAG,
      kpiFlag(true),
      ...REQUEST_FLAGS,
      {
        name: 'dialect',
        kind: 'value',
        placeholder: [...DIALECTS.keys()].join('|'),
        choices: [...DIALECTS.keys()],
        description: 'SQL dialect',
        default: 'duckdb',
      },
      {
        name: 'emit',
        kind: 'value',
        placeholder: 'sql|query-plan',
        choices: ['sql', 'query-plan', 'plan'],
        description: 'what to print: the SQL, or the query plan as JSON (`plan` is the old name of `query-plan`)',
        default: 'sql',
      },
      DATA_FLAG,
    ],
    required: ['kpi'],
    load: async () => (await import('./compile.js')).compileCommand,
  },
  {
    name: 'run',
    summary: 'compute KPIs on the data folder and print or write the results',
    description:
      'Checks the catalog and the data against its contract, evaluates the KPIs on DuckDB (or, with ' +
      '--engine postgres, on the PostgreSQL database whose tables the sources name) and ' +
      'writes one row per KPI, period and breakdown value. Data problems are reported by file, ' +
      'line and column; with --quarantine the bad rows are set aside instead.',
    flags: [
      CATALOG_FLAG,
      DATA_FLAG,
      kpiFlag(false),
      ...REQUEST_FLAGS,
      formatFlag(RESULT_FORMATS, 'output format (parquet needs --out)', 'table'),
      outFlag('write the results to FILE (atomically) instead of stdout'),
      {
        name: 'quarantine',
        kind: 'value',
        placeholder: 'FILE',
        description: 'write rows that break the data contract to FILE (CSV) and leave them out, instead of failing',
      },
      NO_CACHE_FLAG,
      ...ENGINE_FLAGS,
    ],
    load: async () => (await import('./run.js')).runCommand,
  },
  {
    name: 'demo',
    summary: 'validate ./catalog and summarise its KPIs by quarter on its data (npm start)',
    description:
      'Validates the catalog, runs its KPIs that are not deprecated at grain quarter (by region ' +
      'where the KPI allows it) on its data, and prints the latest quarter against the one before.',
    flags: [CATALOG_FLAG, DATA_FLAG, NO_CACHE_FLAG],
    load: async () => (await import('./demo.js')).demoCommand,
  },
  {
    name: 'show',
    summary: "list the catalog's KPIs, or show one: formula, unit, grain, dimensions, dependencies and users",
    description:
      'Without a KPI, lists every KPI with its unit, finest grain, horizon, status and title. With ' +
      'one, shows what an analyst needs to use it: its formula and settings, the sources it reads, ' +
      'the dimensions it can be broken down by, what it depends on (KPIs, lookups) and what uses it ' +
      '(KPIs, lookups, scorecards, roles). Reads no data.',
    operand: { name: 'KPI', description: 'the KPI to show (default: list every KPI)' },
    flags: [CATALOG_FLAG, formatFlag(SHOW_FORMATS, 'output format', 'text')],
    load: async () => (await import('./show.js')).showCommand,
  },
  {
    name: 'scorecard',
    summary: 'score a balanced scorecard for a node of the organisation and a period',
    description:
      'Evaluates a scorecard on the data folder for one node of the hierarchy (the whole ' +
      'organisation by default) and one period: values, targets, attainment, status and score per ' +
      'KPI, perspective and overall, with the children one level down. Every level is recomputed ' +
      'from its parts, with the organisation as it was in that period. Managers’ notes on the ' +
      'figures (commentary, written in `kpic serve`) are shown with them.',
    flags: [
      CATALOG_FLAG,
      DATA_FLAG,
      {
        name: 'scorecard',
        kind: 'value',
        placeholder: 'ID',
        description: 'the scorecard (or role) to show',
        default: "the catalog's only scorecard that is not a variant",
      },
      {
        name: 'period',
        kind: 'value',
        placeholder: 'P',
        description: 'a fiscal year (2026), quarter (2026-Q2), month (2026-05) or a date inside the period',
        default: 'the latest complete period in the data',
      },
      {
        name: 'at',
        kind: 'value',
        placeholder: 'LEVEL=VALUE',
        description: 'the node to show, e.g. region=EMEA or team=EMEA SMB (pairs joined by / name a path)',
        default: 'the whole organisation',
      },
      formatFlag(SCORECARD_FORMATS, 'output format', 'table'),
      outFlag('write to FILE (atomically) instead of stdout'),
      { ...STATE_FLAG, description: 'the folder whose commentary.db holds managers’ notes, shown beside the figures (read only)' },
      NO_CACHE_FLAG,
    ],
    load: async () => (await import('./scorecard.js')).scorecardCommand,
  },
  {
    name: 'audit',
    summary: "run the catalog's data-quality checks and list every finding",
    description:
      "Runs the catalog's `check` documents (docs/checks.md) on the data folder, after checking the " +
      'data against its contracts, and lists every row a check flags with its key and shown values. ' +
      'Exit code 1 when a check of severity `error` has findings, so a scheduled job or CI can gate on it.',
    flags: [
      CATALOG_FLAG,
      DATA_FLAG,
      { name: 'check', kind: 'list', placeholder: 'ID[,ID…]', description: 'the checks to run, comma-separated', default: 'every check' },
      {
        name: 'as-of',
        kind: 'value',
        placeholder: 'DATE',
        description: 'the audit day (YYYY-MM-DD) that period_start(), period_end() and point_date() mean in checks',
        default: 'today (UTC)',
      },
      {
        name: 'since',
        kind: 'value',
        placeholder: 'DATE',
        description: 'only rows whose time anchor is on or after DATE (sources without one are not filtered)',
        default: 'every row',
      },
      {
        name: 'at',
        kind: 'value',
        placeholder: 'DIM=VALUE',
        description: 'only rows whose breakdown dimension DIM has VALUE, e.g. region=EMEA or team=EMEA SMB',
        default: 'every row',
      },
      formatFlag(AUDIT_FORMATS, 'output format', 'table'),
      outFlag('write to FILE (atomically) instead of stdout'),
      MEMORY_LIMIT_FLAG,
      NO_CACHE_FLAG,
    ],
    load: async () => (await import('./audit.js')).auditCommand,
  },
  {
    name: 'payouts',
    summary: 'compute incentive pay per rep and period from the plans, with itemised statements',
    description:
      'Computes the payouts of the catalog’s `plan` documents on the data folder: per rep and pay ' +
      'period the credit, quota, attainment, each component, the draw and the pay, in exact decimals. ' +
      'With --statement, every line behind the pay: the deal, its credit, the rate and the rule that ' +
      'applied (--format html writes the statements as one self-contained page).',
    flags: [
      CATALOG_FLAG,
      DATA_FLAG,
      { name: 'plan', kind: 'value', placeholder: 'ID', description: 'the plan to compute', default: 'every plan' },
      {
        name: 'period',
        kind: 'value',
        placeholder: 'P',
        description: 'a fiscal year (2026), quarter (2026-Q2), month (2026-05) or a date: the pay periods inside it',
        default: "each plan's latest complete pay period in the data",
      },
      {
        name: 'rep',
        kind: 'value',
        placeholder: 'ID',
        description: 'one rep (the hierarchy’s member key)',
        default: 'every rep on the plan',
      },
      { name: 'statement', kind: 'switch', description: 'itemise every line with its deal, rate and rule' },
      {
        name: 'audit',
        kind: 'value',
        placeholder: 'PAID.csv',
        description:
          'compare what payroll paid (columns plan, period, rep, component, amount) with what the plans compute; list each difference with its cause (exit 1 when there is one)',
      },
      {
        name: 'model',
        kind: 'switch',
        description:
          'the payout curve instead: what a rep on each plan earns in a year at 0% to 200% attainment (commission; --format html draws it)',
      },
      {
        name: 'quota',
        kind: 'value',
        placeholder: 'AMOUNT',
        description: 'with --model: the annual quota to model',
        default: "the plan's `annual:` quota",
      },
      {
        name: 'snapshot',
        kind: 'value',
        placeholder: 'DIR',
        description:
          'keep each computed pay period as approved (DIR/<plan>/<period>.parquet, never overwritten) and say when a later computation differs; with --audit, explain differences by what changed since',
      },
      formatFlag(PAYOUT_FORMATS, 'output format (html: statements)', 'table'),
      outFlag('write to FILE (atomically) instead of stdout'),
      MEMORY_LIMIT_FLAG,
      NO_CACHE_FLAG,
    ],
    load: async () => (await import('./payouts.js')).payoutsCommand,
  },
  {
    name: 'test',
    summary: "run the catalog's test cases on fixture data and report KPI coverage",
    description:
      "Runs every case of the catalog's `test` documents on DuckDB: fixture rows (inline or CSV) for " +
      'the sources a case needs, then the expected KPI values or scorecard outcomes, compared cell by ' +
      'cell. Exit code 1 when a case fails or cannot run. Ends with the share of KPIs that have a test.',
    flags: TEST_FLAGS,
    load: async () => (await import('./test-command.js')).testCommand,
  },
  {
    name: 'docs',
    summary: 'write the performance catalog as a static, searchable site',
    description:
      'Writes a self-contained static site (no network, works from the file system): a page per KPI ' +
      'with its formula, settings, targets, lineage graph, where it is used and its git history; pages ' +
      'for sources, lookups, scorecards, roles, hierarchies and tests; search. With --data, each KPI ' +
      'page also shows a chart of its recent values.',
    flags: DOCS_FLAGS,
    load: async () => (await import('./docs-command.js')).docsCommand,
  },
  {
    name: 'alerts',
    summary: 'evaluate the alerts for a period; print them, or deliver them to managers and channels',
    description:
      "Evaluates every `alert` document (or --alert's) for the latest complete period of its grain " +
      '(or --period) at each node of its levels, and prints the alerts that fire with the values ' +
      'they read and whom they go to. With --deliver FILE, writes e-mail files to the outbox and ' +
      'posts to webhooks; an alert that keeps firing is not sent again until it clears or escalates ' +
      '(what was sent is kept in --state). Exit code 1 when a delivery failed.',
    flags: [
      CATALOG_FLAG,
      DATA_FLAG,
      { name: 'alert', kind: 'list', placeholder: 'ID[,ID…]', description: 'the alerts to evaluate', default: 'every alert' },
      {
        name: 'period',
        kind: 'value',
        placeholder: 'P',
        description: 'a month (2026-09), quarter (2026-Q2), fiscal year (2026) or a date inside the period',
        default: 'the latest complete period of each alert’s grain',
      },
      formatFlag(ALERTS_FORMATS, 'output format', 'table'),
      {
        name: 'deliver',
        kind: 'value',
        placeholder: 'FILE',
        description: 'deliver the alerts as FILE says (outbox folder, people’s addresses, channels’ webhooks and e-mail)',
      },
      STATE_FLAG,
      NO_CACHE_FLAG,
    ],
    load: async () => (await import('./alerts.js')).alertsCommand,
  },
  {
    name: 'serve',
    summary: 'the monitoring web app: scorecards with drill-down to deals, KPI pages, notes, access by role',
    description:
      'Serves the scorecard as a web application on this machine: an executive view that drills ' +
      'from the whole organisation through regions, teams and reps to the deals behind a figure, a ' +
      'page per KPI with its trend against target and status bands, exceptions, lineage and ' +
      'managers’ notes, and the same under /api/ as JSON. Users sign in with the users file (or a ' +
      'trusted single-sign-on header) and see only what the access document gives their role, ' +
      'enforced in the queries. Figures are reused until their KPI’s refresh is due; a changed ' +
      'export is picked up then. Runs until Ctrl-C.',
    flags: [
      CATALOG_FLAG,
      DATA_FLAG,
      { name: 'port', kind: 'value', placeholder: 'N', description: 'the port to listen on (0: any free port)', default: '8080' },
      { name: 'host', kind: 'value', placeholder: 'HOST', description: 'the address to listen on', default: '127.0.0.1' },
      {
        name: 'users',
        kind: 'value',
        placeholder: 'FILE',
        description: 'the users file (names, member keys, password hashes; see kpic passwd)',
        default: '<state>/users.yaml',
      },
      {
        name: 'access',
        kind: 'value',
        placeholder: 'ID',
        description: 'the access document to enforce',
        default: "the catalog's only one",
      },
      {
        name: 'trust-header',
        kind: 'value',
        placeholder: 'NAME',
        description:
          'take the signed-in user from this request header, set by a single-sign-on proxy in front of the server (no password sign-in)',
      },
      { name: 'secure-cookie', kind: 'switch', description: 'mark the session cookie Secure (the server is reached over HTTPS)' },
      {
        name: 'no-warm',
        kind: 'switch',
        description: 'do not compute the top scorecards in the background at start and after each refresh',
      },
      { ...STATE_FLAG, description: 'the folder of the commentary database and the default users file' },
      NO_CACHE_FLAG,
    ],
    load: async () => (await import('./serve.js')).serveCommand,
  },
  {
    name: 'passwd',
    summary: 'add a user of kpic serve to the users file, or change their password',
    description:
      'Writes a salted scrypt hash of the password (read from KPIC_PASSWORD, else the first line ' +
      'of standard input) for --user, with their member key in the hierarchy, to the users file ' +
      '(created when missing, replaced atomically).',
    flags: [
      { name: 'user', kind: 'value', placeholder: 'NAME', description: 'the name the user signs in with' },
      {
        name: 'member',
        kind: 'value',
        placeholder: 'KEY',
        description: 'their member key in the hierarchy (a rep id)',
        default: 'unchanged',
      },
      { name: 'users', kind: 'value', placeholder: 'FILE', description: 'the users file', default: '<state>/users.yaml' },
      STATE_FLAG,
    ],
    load: async () => (await import('./passwd.js')).passwdCommand,
  },
  {
    ...DIFF_COMMAND,
    load: async () => {
      const { diffCommand } = await import('./diff.js');
      return (io, flags) => diffCommand(io, flags, usageLine(DIFF_COMMAND));
    },
  },
  {
    ...APPROVALS_COMMAND,
    load: async () => {
      const { approvalsCommand } = await import('./approvals.js');
      return (io, flags) => approvalsCommand(io, flags, usageLine(APPROVALS_COMMAND));
    },
  },
  {
    ...REVIEW_COMMAND,
    load: async () => {
      const { reviewCommand } = await import('./review.js');
      return (io, flags) => reviewCommand(io, flags, usageLine(REVIEW_COMMAND));
    },
  },
];

/** A registered command, by name. */
export function commandSpec(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name);
}

/** `kpic run [--catalog DIR] …`: the usage line of a command. */
export function usageLine(spec: Pick<Command, 'name' | 'flags' | 'required' | 'operand'>): string {
  const required = new Set(spec.required ?? []);
  const parts = spec.flags.map((f) => {
    const text = f.kind === 'switch' ? `--${f.name}` : `--${f.name} ${f.placeholder ?? 'VALUE'}`;
    return required.has(f.name) ? text : `[${text}]`;
  });
  if (spec.operand !== undefined) parts.unshift(`[${spec.operand.name}]`);
  return `kpic ${spec.name} ${parts.join(' ')}`;
}
