/**
 * Entry point of `kpic diff`, `kpic approvals` and `kpic review`: help, flag parsing and usage
 * errors as every command has them, then the command's own module, loaded only when it runs.
 */
import path from 'node:path';
import { parseFlags, wantsHelp } from './args.js';
import { usageLine, type CommandSpec } from './commands.js';
import { GOVERNANCE_COMMANDS, type GovernanceCommandSpec } from './governance-specs.js';
import { commandHelp } from './help.js';
import type { CliIo } from './io.js';
import { printError, usageError } from './report.js';

/** The spec in the shape help and usage lines take. */
export function asCommandSpec(spec: GovernanceCommandSpec): CommandSpec {
  return spec as unknown as CommandSpec;
}

/** Runs `kpic <name> args…`; returns the exit code. */
export async function runGovernanceCommand(name: GovernanceCommandSpec['name'], io: CliIo, args: readonly string[]): Promise<number> {
  const spec = GOVERNANCE_COMMANDS.find((c) => c.name === name);
  if (spec === undefined) throw new Error(`unknown governance command ${name}`);
  if (wantsHelp(args)) {
    io.stdout.write(commandHelp(asCommandSpec(spec)));
    return 0;
  }
  const parsed = parseFlags(args, spec.flags);
  const usage = usageLine(asCommandSpec(spec));
  if (!parsed.ok) return usageError(io, parsed.message, usage, `kpic ${name} --help`);
  switch (name) {
    case 'diff':
      return (await import('./diff.js')).diffCommand(io, parsed.flags, usage);
    case 'approvals':
      return (await import('./approvals.js')).approvalsCommand(io, parsed.flags, usage);
    case 'review':
      return (await import('./review.js')).reviewCommand(io, parsed.flags, usage);
    default: {
      const never: never = name;
      return never;
    }
  }
}

/** Writes `text` to stdout, or atomically to `--out` (a path relative to the working directory); returns the exit code. */
export async function emit(io: CliIo, text: string, outArg: string | undefined, what: string): Promise<number> {
  if (outArg === undefined) {
    io.stdout.write(text);
    return 0;
  }
  const { writeTextAtomically } = await import('../results/write-atomic.js');
  try {
    await writeTextAtomically(path.resolve(io.cwd, outArg), text);
  } catch (e) {
    printError(io, `cannot write \`${outArg}\`: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  if (io.stderr.isTTY === true) io.stderr.write(`wrote ${what} to ${outArg}\n`);
  return 0;
}

/** A refusal before anything runs when `--out` cannot be written (exit code 2), else undefined. */
export async function refuseUnwritable(io: CliIo, outArg: string | undefined, usage: string, command: string): Promise<number | undefined> {
  if (outArg === undefined) return undefined;
  const { unwritable } = await import('../results/write-atomic.js');
  const why = unwritable(path.resolve(io.cwd, outArg));
  return why === undefined ? undefined : usageError(io, `cannot write \`--out ${outArg}\`: ${why}`, usage, `kpic ${command} --help`);
}
