/**
 * The `kpic` command line: dispatch to a command, turn user mistakes into exit code 2 with a
 * one-line message, and never show a stack trace unless something unexpected broke (exit code 3;
 * the stack only with `KPIC_DEBUG=1`).
 *
 * Exit codes: 0 success · 1 the catalog or the data is invalid · 2 usage error · 3 internal error.
 */
import { didYouMean } from '../diagnostics/suggest.js';
import { SCORECARD_COMMAND } from '../scorecard/command-spec.js';
import { parseFlags, wantsHelp, type ParsedFlags } from './args.js';
import { COMMANDS, commandSpec, usageLine, type CommandName } from './commands.js';
import { GOVERNANCE_COMMANDS } from './governance-specs.js';
import { commandHelp, overviewHelp } from './help.js';
import { processIo, type CliIo } from './io.js';
import { printError, usageError } from './report.js';
import { kpicVersion } from './version.js';

/** Commands implemented next to their feature, which parse their own flags. */
const FEATURE_COMMANDS: ReadonlyMap<
  string,
  { readonly summary: string; readonly run: (io: CliIo, args: readonly string[]) => Promise<number> }
> = new Map([
  [
    SCORECARD_COMMAND.name,
    { summary: SCORECARD_COMMAND.summary, run: async (io, args) => (await import('../scorecard/command.js')).scorecardCommand(io, args) },
  ],
  ...GOVERNANCE_COMMANDS.map(
    (c) =>
      [
        c.name,
        {
          summary: c.summary,
          run: async (io: CliIo, args: readonly string[]) => (await import('./governance-run.js')).runGovernanceCommand(c.name, io, args),
        },
      ] as const,
  ),
]);

const COMMAND_NAMES = [...COMMANDS.map((c) => c.name), ...FEATURE_COMMANDS.keys(), 'help'];
const GENERAL_USAGE = `kpic <command> [flags]   (commands: ${COMMAND_NAMES.join(', ')})`;
const OVERVIEW_EXTRA = [...FEATURE_COMMANDS].map(([name, c]) => ({ name, summary: c.summary }));

// Each command's module is loaded only when it runs: `validate` never loads DuckDB or the
// scorecard phase, and start-up time is paid by every invocation.
async function dispatch(name: CommandName, io: CliIo, flags: ParsedFlags): Promise<number> {
  switch (name) {
    case 'validate':
      return (await import('./validate.js')).validateCommand(io, flags);
    case 'compile':
      return (await import('./compile.js')).compileCommand(io, flags);
    case 'run':
      return (await import('./run.js')).runCommand(io, flags);
    case 'demo':
      return (await import('./demo.js')).demoCommand(io, flags);
    default: {
      const never: never = name;
      return never;
    }
  }
}

function unknownCommand(io: CliIo, name: string): number {
  const hint = didYouMean(name, COMMAND_NAMES);
  return usageError(io, `unknown command \`${name}\`${hint === undefined ? '' : `; ${hint}`}`, GENERAL_USAGE, 'kpic --help');
}

async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) return usageError(io, 'missing command', GENERAL_USAGE, 'kpic --help');
  const feature = FEATURE_COMMANDS.get(first);
  if (feature !== undefined) return feature.run(io, rest);
  if (first === '--help' || first === '-h') {
    io.stdout.write(overviewHelp(OVERVIEW_EXTRA));
    return 0;
  }
  if (first === '--version' || first === '-V') {
    io.stdout.write(`${kpicVersion()}\n`);
    return 0;
  }
  if (first === 'help') {
    const topic = rest[0];
    if (topic === undefined) {
      io.stdout.write(overviewHelp(OVERVIEW_EXTRA));
      return 0;
    }
    const featureHelp = FEATURE_COMMANDS.get(topic);
    if (featureHelp !== undefined) return featureHelp.run(io, ['--help']);
    const spec = commandSpec(topic);
    if (spec === undefined) return unknownCommand(io, topic);
    io.stdout.write(commandHelp(spec));
    return 0;
  }
  if (first.startsWith('-')) {
    return usageError(
      io,
      `unknown flag \`${first}\` before the command; put flags after it: \`kpic validate ${first} …\``,
      GENERAL_USAGE,
      'kpic --help',
    );
  }
  const spec = commandSpec(first);
  if (spec === undefined) return unknownCommand(io, first);
  if (wantsHelp(rest)) {
    io.stdout.write(commandHelp(spec));
    return 0;
  }
  const help = `kpic ${spec.name} --help`;
  const parsed = parseFlags(rest, spec.flags);
  if (!parsed.ok) return usageError(io, parsed.message, usageLine(spec), help);
  for (const required of spec.required ?? []) {
    if (!parsed.flags.values.has(required) && !parsed.flags.lists.has(required)) {
      const flag = spec.flags.find((f) => f.name === required);
      return usageError(
        io,
        `\`kpic ${spec.name}\` needs \`--${required}${flag?.placeholder === undefined ? '' : ` ${flag.placeholder}`}\``,
        usageLine(spec),
        help,
      );
    }
  }
  return dispatch(spec.name, io, parsed.flags);
}

/**
 * Runs the `kpic` command line with `argv` (the arguments after `kpic`) and returns the exit
 * code; output goes only through `io` (default: the process's streams, cwd and environment).
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  try {
    return await main(argv, io);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    try {
      printError(io, `internal error: ${message}`);
      if (io.env['KPIC_DEBUG'] === '1' && e instanceof Error && e.stack !== undefined) io.stderr.write(`${e.stack}\n`);
      else io.stderr.write('this is a bug in kpic; set KPIC_DEBUG=1 to see where it happened\n');
    } catch {
      // The error stream itself failed; the exit code still tells.
    }
    return 3;
  }
}
