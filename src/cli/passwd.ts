/**
 * `kpic passwd`: adds a user to the users file of `kpic serve` (creating the file), or changes
 * their password or member key. The password is read from `KPIC_PASSWORD` or, when that is unset,
 * from the first line of standard input — never from the command line, where other users of the
 * machine could see it. Only a salted scrypt hash is written, atomically. Exit codes: 0 written,
 * 1 the file is unusable, 2 usage error.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { hashPassword, parseUsersFile, writeUsersFile, type UserEntry } from '../access/users-file.js';
import { writeTextAtomically } from '../results/write-atomic.js';
import type { ParsedFlags } from './args.js';
import { commandSpec, usageLine } from './commands.js';
import type { CliIo } from './io.js';
import { printError, usageError } from './report.js';

async function firstLineOfStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

/** Runs `passwd`; returns the exit code. */
export async function passwdCommand(io: CliIo, flags: ParsedFlags): Promise<number> {
  const spec = commandSpec('passwd');
  const usage = spec === undefined ? 'kpic passwd' : usageLine(spec);
  const user = flags.values.get('user');
  if (user === undefined || user.trim() === '') return usageError(io, 'name the user with `--user NAME`', usage, 'kpic passwd --help');
  const file = path.resolve(io.cwd, flags.values.get('users') ?? path.join(flags.values.get('state') ?? '.kpic', 'users.yaml'));
  let users = new Map<string, UserEntry>();
  if (existsSync(file)) {
    const parsed = parseUsersFile(readFileSync(file, 'utf8'));
    if ('problems' in parsed) {
      printError(io, `${file}: ${parsed.problems.join('; ')}`);
      return 1;
    }
    users = new Map(parsed.users);
  }
  const password = io.env['KPIC_PASSWORD'] ?? (await firstLineOfStdin());
  if (password.length < 8)
    return usageError(
      io,
      'a password has at least 8 characters (give it in KPIC_PASSWORD or on standard input)',
      usage,
      'kpic passwd --help',
    );
  const before = users.get(user);
  const member = flags.values.get('member') ?? before?.member;
  users.set(user, { user, member, password: hashPassword(password) });
  mkdirSync(path.dirname(file), { recursive: true });
  await writeTextAtomically(file, writeUsersFile(users.values()));
  io.stdout.write(
    `${before === undefined ? 'added' : 'updated'} user \`${user}\`${member === undefined ? '' : ` (member ${member})`} in ${path.relative(io.cwd, file) || file}\n`,
  );
  return 0;
}
