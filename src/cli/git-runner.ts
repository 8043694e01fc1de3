/**
 * Running git for `kpic docs`, read only: `GIT_OPTIONAL_LOCKS=0` keeps even `git status`-like
 * commands from refreshing the index, and only query commands are ever passed. No git, or not a
 * repository: undefined, and the site says there is no history.
 */
import { spawnSync } from 'node:child_process';
import type { GitRunner } from '../site/history.js';

/** A runner for the `git` on the PATH. */
export function processGit(env: Readonly<Record<string, string | undefined>>): GitRunner {
  return (args, input) => {
    const result = spawnSync('git', [...args], {
      input,
      maxBuffer: 1 << 30,
      stdio: ['pipe', 'pipe', 'ignore'],
      env: { ...process.env, ...env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
    });
    return result.status === 0 && result.error === undefined ? result.stdout : undefined;
  };
}
