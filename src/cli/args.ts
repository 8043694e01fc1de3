/**
 * A strict argument parser for one command's flags: `--flag value` and `--flag=value`, switches
 * without values, comma-separated lists. Anything it does not know is a usage error naming the
 * offending argument, with a did-you-mean hint where one is close — never a guess.
 */
import { didYouMean } from '../diagnostics/suggest.js';

/** How a flag takes its value. */
type FlagKind = 'value' | 'list' | 'switch';

/** One flag of a command. */
export interface FlagSpec {
  /** Without the leading `--`. */
  readonly name: string;
  readonly kind: FlagKind;
  /** How the value is shown in usage lines (`DIR`, `ID[,ID…]`). */
  readonly placeholder?: string;
  /** The allowed values, when the flag takes one of a few. */
  readonly choices?: readonly string[];
  /** Shown in help: what the flag does. */
  readonly description: string;
  /** Shown in help: the value used when the flag is absent. */
  readonly default?: string;
}

/** The flags given on the command line. */
export interface ParsedFlags {
  readonly values: ReadonlyMap<string, string>;
  readonly lists: ReadonlyMap<string, readonly string[]>;
  readonly switches: ReadonlySet<string>;
  /** The one argument that is not a flag, for commands that take one (`kpic show KPI`). */
  readonly operand?: string | undefined;
}

/** The result of parsing: the flags, or a one-line usage error. */
export type ParseResult = { readonly ok: true; readonly flags: ParsedFlags } | { readonly ok: false; readonly message: string };

const fail = (message: string): ParseResult => ({ ok: false, message });

function suggestion(name: string, specs: readonly FlagSpec[]): string {
  const hint = didYouMean(
    `--${name}`,
    specs.map((s) => `--${s.name}`),
  );
  return hint === undefined ? '' : `; ${hint}`;
}

function checkChoice(spec: FlagSpec, value: string): string | undefined {
  if (spec.choices === undefined || spec.choices.includes(value)) return undefined;
  const hint = didYouMean(value, spec.choices);
  return `unknown value \`${value}\` for \`--${spec.name}\`; use one of ${spec.choices.join(', ')}${hint === undefined ? '' : ` (${hint})`}`;
}

/**
 * Parses the arguments after the command name against the command's flags. `operand` names the
 * one argument that is not a flag when the command takes one (`KPI`); otherwise every such
 * argument is a mistake.
 */
export function parseFlags(args: readonly string[], specs: readonly FlagSpec[], operand?: string): ParseResult {
  const values = new Map<string, string>();
  const lists = new Map<string, string[]>();
  const switches = new Set<string>();
  let given: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (!arg.startsWith('-') || arg === '-') {
      if (operand !== undefined && given === undefined) {
        given = arg;
        continue;
      }
      if (operand !== undefined) return fail(`unexpected argument \`${arg}\`: give one ${operand} (\`${given ?? ''}\` is already given)`);
      return fail(`unexpected argument \`${arg}\`; flags take the form \`--flag value\``);
    }
    if (!arg.startsWith('--')) {
      const name = arg.slice(1);
      const known = specs.some((s) => s.name === name);
      return fail(`unknown flag \`${arg}\`${known ? `; did you mean \`--${name}\`?` : suggestion(name, specs)}`);
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    const spec = specs.find((s) => s.name === name);
    if (spec === undefined) return fail(`unknown flag \`--${name}\`${suggestion(name, specs)}`);
    if (spec.kind === 'switch') {
      if (eq >= 0) return fail(`\`--${name}\` takes no value`);
      switches.add(name);
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else {
      const next = args[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        value = next;
        i++;
      }
    }
    if (value === undefined || value.trim() === '') {
      return fail(`\`--${name}\` needs a value${spec.placeholder === undefined ? '' : ` (${spec.placeholder})`}`);
    }
    if (spec.kind === 'list') {
      const items = value.split(',').map((s) => s.trim());
      if (items.some((s) => s === '')) return fail(`\`--${name}\` has an empty item in \`${value}\`; separate names with single commas`);
      for (const item of items) {
        const bad = checkChoice(spec, item);
        if (bad !== undefined) return fail(bad);
      }
      lists.set(name, [...(lists.get(name) ?? []), ...items]);
      continue;
    }
    if (values.has(name)) return fail(`\`--${name}\` is given twice`);
    const bad = checkChoice(spec, value);
    if (bad !== undefined) return fail(bad);
    values.set(name, value);
  }
  return { ok: true, flags: { values, lists, switches, operand: given } };
}

/** True when `--help` or `-h` is among the arguments (help wins over every other error). */
export function wantsHelp(args: readonly string[]): boolean {
  return args.some((a) => a === '--help' || a === '-h');
}
