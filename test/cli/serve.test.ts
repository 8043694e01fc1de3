/**
 * `kpic passwd` and `kpic serve` from the command line: users written with salted hashes (never
 * the password), the server started on a free port from a catalog folder and stopped, and the
 * usage and setup errors that keep it from starting.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseUsersFile, verifyPassword } from '../../src/access/users-file.js';
import { parseFlags } from '../../src/cli/args.js';
import { commandSpec } from '../../src/cli/commands.js';
import { openServe } from '../../src/cli/serve.js';
import { makeWorkspace, type Workspace } from '../helpers/workspace.js';
import { ORG_DATA } from '../org/fixture.js';
import { SERVE_CATALOG } from '../server/fixture.js';
import { cli } from './helpers.js';

let ws: Workspace;

beforeAll(() => {
  ws = makeWorkspace(SERVE_CATALOG, ORG_DATA);
});

const io = (cwd: string): { out: string[]; io: Parameters<typeof openServe>[0] } => {
  const out: string[] = [];
  return { out, io: { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => out.push(t) }, cwd, env: {} } };
};

describe('kpic passwd', () => {
  it('adds a user with a salted hash and their member key; a second run changes the password', async () => {
    const first = await cli(ws.root, ['passwd', '--users', 'users.yaml', '--user', 'cy', '--member', 'r3'], {
      env: { KPIC_PASSWORD: 'first-password' },
    });
    expect([first.code, first.stdout]).toEqual([0, 'added user `cy` (member r3) in users.yaml\n']);
    const text = readFileSync(path.join(ws.root, 'users.yaml'), 'utf8');
    expect(text).not.toContain('first-password');
    const again = await cli(ws.root, ['passwd', '--users', 'users.yaml', '--user', 'cy'], { env: { KPIC_PASSWORD: 'second-password' } });
    expect(again.stdout).toBe('updated user `cy` (member r3) in users.yaml\n');
    const users = parseUsersFile(readFileSync(path.join(ws.root, 'users.yaml'), 'utf8'));
    if ('problems' in users) throw new Error(users.problems.join());
    const cy = users.users.get('cy');
    expect(cy?.member).toBe('r3');
    expect(await verifyPassword('second-password', cy?.password ?? '')).toBe(true);
    expect(await verifyPassword('first-password', cy?.password ?? '')).toBe(false);
  });

  it('refuses a short password and a missing user name', async () => {
    const short = await cli(ws.root, ['passwd', '--users', 'u2.yaml', '--user', 'x'], { env: { KPIC_PASSWORD: 'short' } });
    expect([short.code, short.stderr.split('\n')[0]]).toEqual([
      2,
      'kpic: a password has at least 8 characters (give it in KPIC_PASSWORD or on standard input)',
    ]);
    const none = await cli(ws.root, ['passwd'], { env: { KPIC_PASSWORD: 'long-enough' } });
    expect(none.code).toBe(2);
  });
});

describe('kpic serve', () => {
  let stop: (() => Promise<void>) | undefined;
  afterAll(async () => {
    await stop?.();
  });

  it('without a users file, says how to make one', async () => {
    const run = await cli(ws.root, ['serve', '--catalog', 'catalog', '--users', 'missing.yaml']);
    expect([run.code, run.stderr.split('\n')[0]]).toEqual([
      2,
      'kpic: no users file `missing.yaml`: add users with `kpic passwd --users FILE --user NAME --member KEY`',
    ]);
  });

  it('a users file with a plain-text password is refused, naming the file', async () => {
    writeFileSync(path.join(ws.root, 'bad-users.yaml'), 'users:\n  - user: cy\n    password: hunter2\n');
    const run = await cli(ws.root, ['serve', '--catalog', 'catalog', '--users', 'bad-users.yaml']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('bad-users.yaml: user `cy`: `password` must be a hash written by `kpic passwd`');
  });

  it('a bad port is a usage error', async () => {
    const run = await cli(ws.root, ['serve', '--catalog', 'catalog', '--port', '99999']);
    expect(run.code).toBe(2);
  });

  it('starts on a free port with the catalog’s access document, answers sign-in, and stops', async () => {
    const spec = commandSpec('serve');
    const flags = parseFlags(
      ['--catalog', 'catalog', '--users', 'users.yaml', '--port', '0', '--state', 'state', '--no-warm'],
      spec?.flags ?? [],
    );
    if (!flags.ok) throw new Error(flags.message);
    const { io: cliIo } = io(ws.root);
    const serving = await openServe(cliIo, flags.flags);
    if (typeof serving === 'number') throw new Error(`exit ${serving}`);
    stop = serving.stop;
    const login = await fetch(`${serving.server.url}login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'user=cy&password=second-password',
    });
    expect(login.status).toBe(303);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const me = await fetch(`${serving.server.url}api/scorecard?period=2025-Q2`, { headers: { cookie } });
    expect(((await me.json()) as { node: { label: string } }).node.label).toBe('Cy');
    await serving.stop();
    stop = undefined;
    await expect(fetch(`${serving.server.url}login`)).rejects.toThrow();
  });

  it('a catalog without an access document does not serve', async () => {
    const bare = makeWorkspace(Object.fromEntries(Object.entries(SERVE_CATALOG).filter(([k]) => k !== 'access.yaml')), ORG_DATA);
    writeFileSync(path.join(bare.root, 'users.yaml'), 'users:\n  - user: cy\n');
    const run = await cli(bare.root, ['serve', '--catalog', 'catalog', '--users', 'users.yaml']);
    expect([run.code, run.stderr]).toEqual([
      1,
      'kpic: the catalog has no `access` document: add one to say who sees what (docs/serve.md)\n',
    ]);
  });
});
