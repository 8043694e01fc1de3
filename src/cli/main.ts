/**
 * The `kpic` command line: find the command in the registry (commands.ts), show help or parse its
 * flags, load its code and run it; turn user mistakes into exit code 2 with a one-line message,
 * and never show a stack trace unless something unexpected broke (exit code 3; the stack only with
 * `KPIC_DEBUG=1`).
 *
 * Exit codes: 0 success · 1 the catalog or the data is invalid · 2 usage error · 3 internal error.
 */
import { didYouMean } from '../diagnostics/suggest.js';
import { parseFlags, wantsHelp } from './args.js';
import { COMMANDS, commandSpec, usageLine, type Command } from './commands.js';
import { commandHelp, overviewHelp } from './help.js';
import { processIo, type CliIo } from './io.js';
import { printError, usageError } from './report.js';
import { kpicVersion } from './version.js';

export type { CliIo, OutputStream } from './io.js';
export { cleanUpOnSignals } from './signals.js';

const COMMAND_NAMES = [...COMMANDS.map((c) => c.name), 'help'];
const GENERAL_USAGE = `kpic <command> [flags]   (commands: ${COMMAND_NAMES.join(', ')})`;

function unknownCommand(io: CliIo, name: string): number {
  const hint = didYouMean(name, COMMAND_NAMES);
  return usageError(io, `unknown command \`${name}\`${hint === undefined ? '' : `; ${hint}`}`, GENERAL_USAGE, 'kpic --help');
}

/** Help, or the flags checked and the command's code loaded and run. */
async function runCommand(io: CliIo, spec: Command, args: readonly string[]): Promise<number> {
  if (wantsHelp(args)) {
    io.stdout.write(commandHelp(spec));
    return 0;
  }
  const help = `kpic ${spec.name} --help`;
  const parsed = parseFlags(args, spec.flags, spec.operand?.name);
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
  const handler = await spec.load();
  return handler(io, parsed.flags);
}

async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) return usageError(io, 'missing command', GENERAL_USAGE, 'kpic --help');
  if (first === '--help' || first === '-h') {
    io.stdout.write(overviewHelp());
    return 0;
  }
  if (first === '--version' || first === '-V') {
    io.stdout.write(`${kpicVersion()}\n`);
    return 0;
  }
  if (first === 'help') {
    const topic = rest[0];
    if (topic === undefined) {
      io.stdout.write(overviewHelp());
      return 0;
    }
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
  return runCommand(io, spec, rest);
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
