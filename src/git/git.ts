/**
 * Running git: the only place kpic starts a process. Every call returns its output or a
 * one-sentence reason, never throws for a user's situation (no git, not a repository, an unknown
 * revision), and never writes: only plumbing commands that read objects and refs are used, so the
 * user's working tree and index are left as they are.
 */
import { spawnSync } from 'node:child_process';

/** What a git call gave. */
export type GitOutput = { readonly ok: true; readonly stdout: Buffer } | { readonly ok: false; readonly message: string };

/** Runs `git args…` in `cwd` (optionally feeding `input`). */
export function runGit(cwd: string, args: readonly string[], input?: string): GitOutput {
  const result = spawnSync('git', args, {
    cwd,
    input,
    maxBuffer: 1 << 30,
    // No prompts, no pagers, messages in English whatever the locale: the messages are shown.
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', LC_ALL: 'C', LANGUAGE: 'C' },
    windowsHide: true,
  });
  if (result.error !== undefined) {
    const code = (result.error as NodeJS.ErrnoException).code;
    return { ok: false, message: code === 'ENOENT' ? 'git is not installed (or not on the PATH)' : result.error.message };
  }
  if (result.status !== 0) {
    const stderr = result.stderr.toString('utf8').trim().split('\n')[0] ?? '';
    return { ok: false, message: stderr.replace(/^(fatal|error): /, '') || `git ${args[0] ?? ''} failed` };
  }
  return { ok: true, stdout: result.stdout };
}

/** The output of a successful call as text, trimmed; undefined when it failed. */
export function gitText(cwd: string, args: readonly string[]): string | undefined {
  const out = runGit(cwd, args);
  return out.ok ? out.stdout.toString('utf8').trim() : undefined;
}
