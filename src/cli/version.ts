/** kpic's version, read from package.json (two folders up from both `src/cli` and `dist/cli`). */
import { readFileSync } from 'node:fs';

let cached: string | undefined;

/** The `version` of kpic's package.json. */
export function kpicVersion(): string {
  if (cached === undefined) {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    cached = typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  }
  return cached;
}
