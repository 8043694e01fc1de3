/**
 * The users file of `kpic serve --users FILE`: who may sign in, with a salted password hash
 * (scrypt, from node:crypto) and their member key in the hierarchy. Parsing and hashing only;
 * the CLI reads and writes the file.
 *
 * ```yaml
 * users:
 *   - user: olivia
 *     member: REP-00001
 *     password: scrypt$16384$8$1$<salt, base64>$<hash, base64>
 * ```
 */
import { randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';
import { parse, stringify } from 'yaml';

/** One user of the file. */
export interface UserEntry {
  readonly user: string;
  readonly member?: string | undefined;
  /** `scrypt$N$r$p$salt$hash`; absent for a user who signs in only through the single-sign-on header. */
  readonly password?: string | undefined;
}

/** scrypt's cost parameters for new hashes (N = 2^14: ~50 ms on one core). */
const COST = { N: 16384, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

/** The users of a file's text, by name, or the problems that make it unusable (one line each). */
export function parseUsersFile(
  text: string,
): { readonly users: ReadonlyMap<string, UserEntry> } | { readonly problems: readonly string[] } {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    return { problems: [`not valid YAML: ${(e as Error).message.split('\n')[0] ?? ''}`] };
  }
  const list = (doc as { users?: unknown } | null)?.users;
  if (!Array.isArray(list)) return { problems: ['it must be a mapping with a `users:` list'] };
  const users = new Map<string, UserEntry>();
  const problems: string[] = [];
  list.forEach((item: unknown, i) => {
    const u = item as Record<string, unknown> | null;
    const user = u?.['user'];
    const member = u?.['member'];
    const password = u?.['password'];
    if (typeof user !== 'string' || user === '') return problems.push(`users[${i}] needs a \`user:\` name`);
    if (users.has(user)) return problems.push(`user \`${user}\` is listed twice`);
    if (member !== undefined && typeof member !== 'string') return problems.push(`user \`${user}\`: \`member\` must be text`);
    if (password !== undefined && (typeof password !== 'string' || parseHash(password) === undefined))
      return problems.push(`user \`${user}\`: \`password\` must be a hash written by \`kpic passwd\` (scrypt$N$r$p$salt$hash)`);
    users.set(user, { user, member, password });
    return undefined;
  });
  return problems.length > 0 ? { problems } : { users };
}

/** The text of a users file. */
export function writeUsersFile(users: Iterable<UserEntry>): string {
  const list = [...users].map((u) => ({
    user: u.user,
    ...(u.member === undefined ? {} : { member: u.member }),
    ...(u.password === undefined ? {} : { password: u.password }),
  }));
  return `# kpic serve users: names, member keys in the hierarchy, scrypt password hashes (kpic passwd).\n${stringify({ users: list })}`;
}

interface Hash {
  readonly N: number;
  readonly r: number;
  readonly p: number;
  readonly salt: Buffer;
  readonly hash: Buffer;
}

function parseHash(text: string): Hash | undefined {
  const parts = text.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const hash = Buffer.from(parts[5] ?? '', 'base64');
  if (N === undefined || r === undefined || p === undefined || ![N, r, p].every((x) => Number.isInteger(x) && x > 0)) return undefined;
  if ((N & (N - 1)) !== 0 || N > 1 << 20 || r > 32 || p > 16 || salt.length < 16 || hash.length < 16) return undefined;
  return { N, r, p, salt, hash };
}

/** A new salted hash of `password` (a fresh 16-byte salt unless one is given). */
export function hashPassword(password: string, salt: Buffer = randomBytes(16)): string {
  const hash = scryptSync(password.normalize('NFC'), salt, KEY_LENGTH, { ...COST, maxmem: 64 * 1024 * 1024 });
  return `scrypt$${COST.N}$${COST.r}$${COST.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/** Whether `password` matches a stored hash; compares in constant time, off the main thread. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const h = parseHash(stored);
  if (h === undefined) return false;
  const derived = await new Promise<Buffer>((resolve, reject) =>
    scrypt(password.normalize('NFC'), h.salt, h.hash.length, { N: h.N, r: h.r, p: h.p, maxmem: 256 * 1024 * 1024 }, (err, key) =>
      err === null ? resolve(key) : reject(err),
    ),
  );
  return derived.length === h.hash.length && timingSafeEqual(derived, h.hash);
}
