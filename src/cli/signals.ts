/**
 * A process stopped by Ctrl-C (SIGINT) or SIGTERM removes the temporary files it was writing
 * before it exits with the conventional code (128 + the signal's number), so a killed run leaves
 * nothing behind. Installed by the `kpic` executable only, never by a library caller.
 */
import { removeTemporaries } from '../results/write-atomic.js';

const SIGNALS = [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const;

/** Installs the handlers (once per process). */
export function cleanUpOnSignals(): void {
  for (const [signal, code] of SIGNALS) {
    process.once(signal, () => {
      removeTemporaries();
      process.exit(code);
    });
  }
}
