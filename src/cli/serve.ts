/**
 * `kpic serve`: the monitoring web app on this machine — the catalog checked, its access document
 * and the users file read, the commentary store opened in --state, then the server started until
 * Ctrl-C (SIGINT) or SIGTERM. Exit codes: 0 stopped, 1 catalog, users file or port unusable,
 * 2 usage error.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readAccess } from '../access/read.js';
import { parseUsersFile } from '../access/users-file.js';
import { openCommentary } from '../commentary/store.js';
import { createDashboard } from '../dashboard/dashboard.js';
import { keepWarm } from '../dashboard/warm.js';
import { didYouMean } from '../diagnostics/suggest.js';
import { checkScorecards } from '../scorecard/check.js';
import { selectScorecard } from '../scorecard/select.js';
import { createApp } from '../server/app.js';
import { createAuth } from '../server/auth.js';
import { startServer, type RunningServer } from '../server/start.js';
import type { ParsedFlags } from './args.js';
import { sessionDataDir } from './catalog-session.js';
import { configureCheckCache } from './check-cache.js';
import { commandSpec, usageLine } from './commands.js';
import type { CliIo } from './io.js';
import { printError, progressFor, usageError } from './report.js';
import { openValidCatalog } from './request.js';

/** A started app and how to stop it. */
export interface Serving {
  readonly server: RunningServer;
  stop(): Promise<void>;
}

/** Checks everything and starts the server; an exit code when it cannot. */
export async function openServe(io: CliIo, flags: ParsedFlags): Promise<Serving | number> {
  configureCheckCache(io, flags);
  const spec = commandSpec('serve');
  const usage = spec === undefined ? 'kpic serve' : usageLine(spec);
  const help = 'kpic serve --help';
  const portText = flags.values.get('port') ?? '8080';
  const port = /^[0-9]{1,5}$/.test(portText) ? Number(portText) : NaN;
  if (!(port >= 0 && port <= 65535)) return usageError(io, `\`--port ${portText}\`: a port is a whole number from 0 to 65535`, usage, help);
  const host = flags.values.get('host') ?? '127.0.0.1';
  const stateDir = path.resolve(io.cwd, flags.values.get('state') ?? '.kpic');
  const usersArg = flags.values.get('users');
  const usersFile = usersArg === undefined ? path.join(stateDir, 'users.yaml') : path.resolve(io.cwd, usersArg);
  if (!existsSync(usersFile))
    return usageError(
      io,
      `no users file \`${path.relative(io.cwd, usersFile) || usersFile}\`: add users with \`kpic passwd --users FILE --user NAME --member KEY\``,
      usage,
      help,
    );
  const users = parseUsersFile(readFileSync(usersFile, 'utf8'));
  if ('problems' in users) {
    printError(io, `${usersFile}: ${users.problems.join('; ')}`);
    return 1;
  }
  const session = openValidCatalog(io, flags.values.get('catalog'), progressFor(io));
  if (typeof session === 'number') return session;
  const resolved = session.checked.resolved;
  const scorecards = checkScorecards(resolved).value;
  const policies = readAccess(resolved, scorecards.hierarchies).value;
  const wanted = flags.values.get('access');
  if (policies.size === 0) {
    printError(io, 'the catalog has no `access` document: add one to say who sees what (docs/serve.md)');
    return 1;
  }
  const policy = wanted === undefined ? (policies.size === 1 ? [...policies.values()][0] : undefined) : policies.get(wanted);
  if (policy === undefined) {
    const hint =
      wanted === undefined
        ? `the catalog has ${policies.size}: ${[...policies.keys()].join(', ')}`
        : (didYouMean(wanted, policies.keys()) ?? `known: ${[...policies.keys()].join(', ')}`);
    return usageError(
      io,
      `${wanted === undefined ? 'name the access document with `--access ID`' : `unknown access document \`${wanted}\``}; ${hint}`,
      usage,
      help,
    );
  }
  if (typeof selectScorecard(scorecards, resolved, undefined) === 'string' || !scorecards.hierarchies.has(policy.hierarchy)) {
    printError(io, `the catalog needs a scorecard on hierarchy \`${policy.hierarchy}\` to serve`);
    return 1;
  }
  mkdirSync(stateDir, { recursive: true });
  const commentary = openCommentary(path.join(stateDir, 'commentary.db'));
  const dashboard = createDashboard({
    resolved,
    scorecards,
    policy,
    dataDir: sessionDataDir(io, session, flags.values.get('data')),
    commentary,
  });
  const trustHeader = flags.values.get('trust-header');
  const auth = createAuth({ users: users.users, trustHeader });
  let server: RunningServer;
  try {
    server = await startServer(createApp({ dashboard, auth, secureCookie: flags.switches.has('secure-cookie') }), { port, host });
  } catch (e) {
    commentary.close();
    printError(io, `cannot listen on ${host}:${port}: ${(e as Error).message}`);
    return 1;
  }
  // The whole organisation's scorecard and its regions' are computed now and at each refresh.
  const stopWarming = flags.switches.has('no-warm') ? () => undefined : keepWarm(dashboard);
  return {
    server,
    stop: async () => {
      stopWarming();
      await server.close();
      commentary.close();
    },
  };
}

/** Runs `serve` until SIGINT or SIGTERM; returns the exit code. */
export async function serveCommand(io: CliIo, flags: ParsedFlags): Promise<number> {
  const serving = await openServe(io, flags);
  if (typeof serving === 'number') return serving;
  io.stdout.write(`kpic serve: listening on ${serving.server.url} — press Ctrl-C to stop\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await serving.stop();
  io.stdout.write('kpic serve: stopped\n');
  return 0;
}
