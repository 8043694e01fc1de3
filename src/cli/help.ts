/** Help texts: the overview (`kpic --help`) and one per command (`kpic run --help`). */
import { COMMANDS, usageLine, type Command } from './commands.js';
import { kpicVersion } from './version.js';

const EXIT_CODES = 'exit codes: 0 ok · 1 catalog or data invalid · 2 usage error · 3 internal error';

/** `kpic --help`: every registered command. */
export function overviewHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length), 'help'.length);
  const lines = [
    `kpic ${kpicVersion()} — KPI-as-code: validate a KPI catalog, compile it to SQL, run it on DuckDB`,
    '',
    'usage: kpic <command> [flags]',
    '',
    'commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    `  ${'help'.padEnd(width)}  show the help of a command: kpic help run`,
    '',
    'flags:',
    "  -h, --help  show help (after a command: that command's help)",
    '  --version   print the version',
    '',
    EXIT_CODES,
    'reference: docs/cli.md',
  ];
  return `${lines.join('\n')}\n`;
}

/** `kpic <command> --help`. */
export function commandHelp(spec: Command): string {
  const names = spec.flags.map((f) => (f.kind === 'switch' ? `--${f.name}` : `--${f.name} ${f.placeholder ?? 'VALUE'}`));
  const width = Math.max(...names.map((n) => n.length));
  const lines = [`usage: ${usageLine(spec)}`, '', spec.description, ''];
  if (spec.operand !== undefined) lines.push(`  ${spec.operand.name.padEnd(Math.min(width, 28))}  ${spec.operand.description}`, '');
  lines.push('flags:');
  spec.flags.forEach((f, i) => {
    const name = names[i] ?? '';
    const tail = f.default === undefined ? '' : ` (default: ${f.default})`;
    const required = (spec.required ?? []).includes(f.name) ? ' (required)' : '';
    // Long placeholders push the description to its own line.
    if (name.length > 28) lines.push(`  ${name}`, `  ${''.padEnd(Math.min(width, 28))}  ${f.description}${required}${tail}`);
    else lines.push(`  ${name.padEnd(Math.min(width, 28))}  ${f.description}${required}${tail}`);
  });
  lines.push('  -h, --help'.padEnd(Math.min(width, 28) + 4) + 'show this help', '', EXIT_CODES);
  return `${lines.join('\n')}\n`;
}
