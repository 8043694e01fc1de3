/**
 * Small HTTP helpers of the app: answers with the security headers every response carries (a
 * content security policy that allows nothing from outside the server, no framing, no sniffing,
 * no caching of figures), redirects, and reading a form body with a size limit.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

const HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

/** Sends a body with its type and status. */
export function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string,
  extra: Readonly<Record<string, string | string[]>> = {},
): void {
  res.writeHead(status, { ...HEADERS, 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store', ...extra });
  res.end(body);
}

/** Sends JSON. */
export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(
    res,
    status,
    'application/json',
    `${JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v))}\n`,
  );
}

/** Redirects with 303 (after a POST, or to the sign-in page). */
export function redirect(res: ServerResponse, location: string, extra: Readonly<Record<string, string | string[]>> = {}): void {
  res.writeHead(303, { ...HEADERS, location, 'cache-control': 'no-store', ...extra });
  res.end();
}

/** A form body's fields, or undefined when it is too large or not a form. */
export async function readForm(req: IncomingMessage, limit = 64 * 1024): Promise<URLSearchParams | undefined> {
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded')) return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return undefined;
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** Whether a path is a safe place to return to after signing in (a path of this server). */
export function localPath(next: string | null | undefined): string {
  return next !== null && next !== undefined && next.startsWith('/') && !next.startsWith('//') && !next.includes('\\') && next.length < 2000
    ? next
    : '/';
}
