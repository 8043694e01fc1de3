/**
 * Signing in to `kpic serve`: by name and password against the users file (salted scrypt hashes,
 * src/access/users-file.ts), or — when the server sits behind the company's single-sign-on proxy
 * — by a trusted header the proxy sets on every request. Sessions are random 256-bit tokens in an
 * HttpOnly, SameSite=Strict cookie, kept in memory (a restarted server asks everyone to sign in
 * again); each carries its own token for forms, checked on every POST. After 5 failed sign-ins
 * for one name in 15 minutes, that name is refused until the 15 minutes are over.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Identity } from '../access/model.js';
import { verifyPassword, type UserEntry } from '../access/users-file.js';

/** A signed-in session. */
export interface Session {
  readonly token: string;
  readonly identity: Identity;
  /** The token every form of the session carries (`csrf`). */
  readonly csrf: string;
  readonly expires: number;
}

/** How the server knows who is asking. */
export interface AuthOptions {
  readonly users: ReadonlyMap<string, UserEntry>;
  /** The header the single-sign-on proxy sets to the signed-in user's name (lower case). */
  readonly trustHeader?: string | undefined;
  /** How long a session lasts (default 12 hours). */
  readonly sessionMs?: number | undefined;
  readonly now?: (() => number) | undefined;
}

/** The cookie that carries the session token. */
export const SESSION_COOKIE = 'kpic_session';

/** Sessions and sign-in. */
export interface Auth {
  /** The identity behind a request (session cookie or trusted header), if any. */
  who(req: IncomingMessage): Session | undefined;
  /**
   * Signs in by password: the session, `undefined` when the name or password is wrong (never
   * says which), or `throttled` with the seconds to wait after too many failures for that name.
   */
  signIn(user: string, password: string): Promise<Session | undefined | { readonly throttled: number }>;
  signOut(token: string): void;
  readonly trusted: boolean;
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

/** Equal texts, compared in constant time. */
export function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Failed sign-ins allowed per user name in a window before it is refused for the rest of it. */
const MAX_FAILURES = 5;
const FAILURE_WINDOW_MS = 15 * 60 * 1000;

// A hash to verify against when the user does not exist, so both answers take as long.
const DUMMY = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/** The sign-in of a server. */
export function createAuth(options: AuthOptions): Auth {
  const now = options.now ?? Date.now;
  const life = options.sessionMs ?? 12 * 3600 * 1000;
  const sessions = new Map<string, Session>();
  const open = (identity: Identity): Session => {
    const s: Session = {
      token: randomBytes(32).toString('base64url'),
      identity,
      csrf: randomBytes(24).toString('base64url'),
      expires: now() + life,
    };
    for (const [k, old] of sessions) if (old.expires <= now()) sessions.delete(k);
    sessions.set(s.token, s);
    return s;
  };
  const failures = new Map<string, { count: number; since: number }>();
  const header = options.trustHeader?.toLowerCase();
  const trustedSessions = new Map<string, Session>();
  return {
    trusted: header !== undefined,
    who(req) {
      if (header !== undefined) {
        const raw = req.headers[header];
        const name = typeof raw === 'string' ? raw.trim() : undefined;
        const entry = name === undefined ? undefined : options.users.get(name);
        if (entry === undefined) return undefined;
        const known = trustedSessions.get(entry.user);
        if (known !== undefined && known.expires > now()) return known;
        const s: Session = {
          token: '',
          identity: { user: entry.user, member: entry.member },
          csrf: randomBytes(24).toString('base64url'),
          expires: now() + life,
        };
        trustedSessions.set(entry.user, s);
        return s;
      }
      const token = cookie(req, SESSION_COOKIE);
      const s = token === undefined ? undefined : sessions.get(token);
      if (s === undefined) return undefined;
      if (s.expires <= now()) {
        sessions.delete(s.token);
        return undefined;
      }
      return s;
    },
    async signIn(user, password) {
      const key = user.slice(0, 200);
      const failed = failures.get(key);
      if (failed !== undefined && now() - failed.since >= FAILURE_WINDOW_MS) failures.delete(key);
      const current = failures.get(key);
      if (current !== undefined && current.count >= MAX_FAILURES)
        return { throttled: Math.ceil((current.since + FAILURE_WINDOW_MS - now()) / 1000) };
      const entry = options.users.get(user);
      const ok = await verifyPassword(password, entry?.password ?? DUMMY);
      if (!ok || entry?.password === undefined) {
        failures.set(key, { count: (current?.count ?? 0) + 1, since: current?.since ?? now() });
        return undefined;
      }
      failures.delete(key);
      return open({ user: entry.user, member: entry.member });
    },
    signOut(token) {
      sessions.delete(token);
    },
  };
}
