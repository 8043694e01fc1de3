/** When browser tests must run: a missing Chromium fails CI instead of skipping its tests. */
import { describe, expect, test } from 'vitest';
import { browserRequired, chromiumPath, CHROMIUM_ARGS } from './browser.js';

describe('the shared browser launcher', () => {
  test('CI (any non-empty value but 0 or false) or KPIC_REQUIRE_BROWSER=1 requires a browser', () => {
    expect(browserRequired({})).toBe(false);
    expect(browserRequired({ CI: 'true' })).toBe(true);
    expect(browserRequired({ CI: '1' })).toBe(true);
    expect(browserRequired({ CI: 'false' })).toBe(false);
    expect(browserRequired({ CI: '' })).toBe(false);
    expect(browserRequired({ KPIC_REQUIRE_BROWSER: '1' })).toBe(true);
  });

  test('KPIC_CHROMIUM names the binary when it exists; a missing one is not found', () => {
    expect(chromiumPath({ KPIC_CHROMIUM: process.execPath })).toBe(process.execPath);
    const found = chromiumPath({ KPIC_CHROMIUM: '/nonexistent/chromium' });
    expect(found === undefined || found.startsWith('/usr/bin/')).toBe(true);
  });

  test('Chromium runs headless without sandbox, GPU or background traffic; the launcher gives the profile', () => {
    expect(CHROMIUM_ARGS).toEqual(
      expect.arrayContaining(['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking']),
    );
    expect(CHROMIUM_ARGS.some((a) => a.startsWith('--user-data-dir'))).toBe(false);
  });
});
