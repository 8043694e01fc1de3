/**
 * `npm run docs:screenshots` (with docs-screenshots.ts): `kpic serve` on the shipped catalog and
 * the example data, in headless Chromium — the executive's enterprise scorecard, a team drilled
 * into, the deals behind a rep's figure, a KPI page with its chart and a manager's note, and what
 * the EMEA director sees (her region only). Kept in docs/screenshots/serve-*.png.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { test } from 'vitest';
import { chromiumPath, launchBrowser } from '../test/helpers/browser.js';
import { serveExample } from '../test/server/fixture.js';

const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), '../docs/screenshots');

async function signIn(page: Page, base: string, user: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.fill('#user', user);
  await page.fill('#password', `pw-${user}-1`);
  await Promise.all([page.waitForURL(`${base}/`, { timeout: 180_000 }), page.click('form.login button')]);
}

test('screenshots of kpic serve', async () => {
  const executable = chromiumPath();
  if (executable === undefined) throw new Error('Chromium is not installed: apt-get install -y chromium');
  const app = await serveExample([
    ['ceo', undefined],
    ['dana', 'REP-00004'],
  ]);
  const browser = await launchBrowser(executable);
  try {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, app.base, 'ceo');
    await page.screenshot({ path: path.join(OUT, 'serve-enterprise.png'), fullPage: true });
    await page.goto(`${app.base}/?at=${encodeURIComponent('region=EMEA/team=EMEA SMB')}`);
    await page.screenshot({ path: path.join(OUT, 'serve-team.png'), fullPage: true });
    await page.goto(`${app.base}/rows/bookings?at=${encodeURIComponent('region=EMEA/team=EMEA SMB/rep=REP-00053')}`);
    await page.screenshot({ path: path.join(OUT, 'serve-deals.png'), fullPage: true });
    await page.goto(`${app.base}/kpi/pipeline_created?at=region%3DEMEA`, { timeout: 180_000 });
    await page.fill('#note-body', 'Two enterprise deals slipped to Q1 after the September reorganisation.');
    await Promise.all([page.waitForURL(/#notes-h$/), page.click('form.add-note button')]);
    await page.waitForSelector('#kpi-chart[data-drawn="true"]');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(OUT, 'serve-kpi.png'), fullPage: true });
    await page.click('form.signout button');
    await signIn(page, app.base, 'dana');
    await page.screenshot({ path: path.join(OUT, 'serve-manager.png'), fullPage: true });
  } finally {
    await browser.close();
    await app.close();
  }
});
