/**
 * The HTML report in a real browser: headless Chromium (the shared launcher of
 * test/helpers/browser.ts) loads the page from disk, with every request that is not for the file
 * itself refused, and its DOM keeps every table row and status chip the page was written with.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { renderScorecardHtml } from '../../src/scorecard/render-html.js';
import { describeInBrowser } from '../helpers/browser.js';
import { MAIN_SCORECARD, repRole } from './fixture.js';
import { evaluate, handOrg } from './helpers.js';

describeInBrowser('the HTML report in headless Chromium', (browser) => {
  it('renders the same rows and status chips the page was written with, with no errors and no requests', async () => {
    const report = await evaluate(handOrg({ 'sc.yaml': MAIN_SCORECARD, 'role.yaml': repRole('ignore') }), {
      period: '2025-Q2',
      at: 'region=US',
    });
    const html = renderScorecardHtml(report);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'kpic-html-')), 'report.html');
    writeFileSync(file, html);
    const page = await browser().context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (r) => {
      if (r.url() !== pathToFileURL(file).href) requests.push(r.url());
    });
    await page.goto(pathToFileURL(file).href);
    const count = (text: string, pattern: RegExp): number => text.match(pattern)?.length ?? 0;
    expect(await page.locator('tr').count()).toBe(count(html, /<tr[ >]/g));
    expect(await page.locator('.chip[class*="bg-"]').count()).toBe(count(html, /class="chip bg-/g));
    expect(await page.title()).toBe('Main — US · 2025-Q2');
    expect(await page.locator('td', { hasText: /^US-A$/ }).count()).toBeGreaterThan(0);
    expect(await page.textContent('body')).toMatch(/satisfaction|Satisfaction/);
    expect([errors, requests]).toEqual([[], []]);
    await page.close();
  }, 90_000);
});
