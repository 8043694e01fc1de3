/**
 * The one way tests (and `npm run docs:screenshots`) start a browser: Debian's Chromium, driven by
 * playwright-core, headless, sandbox and network services off, with a fresh profile each time.
 *
 * Where Chromium is missing, browser tests are skipped on a developer's machine but FAIL under CI
 * (`CI` set, or `KPIC_REQUIRE_BROWSER=1`, which .ci/run exports): pages must be checked in a real
 * browser there. `KPIC_CHROMIUM` points at another Chromium binary.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, test } from 'vitest';

/** Chromium's flags: headless, no sandbox (containers), no GPU, no background network traffic. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The Chromium binary, or undefined when none is installed. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = [env['KPIC_CHROMIUM'], '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    (p): p is string => p !== undefined && p !== '',
  );
  return candidates.find((p) => existsSync(p));
}

/** Whether a missing browser fails the run (CI) rather than skipping the browser tests. */
export function browserRequired(env: NodeJS.ProcessEnv = process.env): boolean {
  const ci = env['CI'];
  return (ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false') || env['KPIC_REQUIRE_BROWSER'] === '1';
}

/** A running browser with its own fresh profile; `close` removes the profile. */
export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** Starts Chromium with a fresh `--user-data-dir`. */
export async function launchBrowser(executablePath: string): Promise<Browser> {
  const profile = mkdtempSync(path.join(tmpdir(), 'kpic-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: [...CHROMIUM_ARGS],
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * A `describe` block whose tests get a browser (`get()`): one Chromium for the block. Without
 * Chromium the block is skipped — or, when a browser is required, replaced by one failing test
 * that says how to install it.
 */
export function describeInBrowser(name: string, body: (get: () => Browser) => void): void {
  const executable = chromiumPath();
  if (executable === undefined) {
    if (browserRequired()) {
      describe(name, () => {
        test('needs Chromium', () => {
          throw new Error('Chromium is not installed (looked for $KPIC_CHROMIUM, /usr/bin/chromium): run `apt-get install -y chromium`');
        });
      });
    } else describe.skip(`${name} (no Chromium installed)`, () => body(() => undefined as never));
    return;
  }
  describe(name, () => {
    let browser: Browser | undefined;
    beforeAll(async () => {
      browser = await launchBrowser(executable);
    }, 120_000);
    afterAll(async () => {
      await browser?.close();
    });
    body(() => {
      if (browser === undefined) throw new Error('the browser did not start');
      return browser;
    });
  });
}
