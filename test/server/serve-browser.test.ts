/// <reference lib="dom" />
/**
 * `kpic serve` in headless Chromium (test/helpers/browser.ts) on the shipped catalog and the
 * example data: signing in with the keyboard, an executive drilling from the enterprise scorecard
 * to a single deal in four clicks, the KPI page's uPlot chart drawn with real geometry, a note
 * added through the form and shown beside the figure, a rep who sees only themselves, and no
 * request leaving the server and no console error on any page.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { describeInBrowser } from '../helpers/browser.js';
import { serveExample, type ServedFixture } from './fixture.js';

let app: ServedFixture;

beforeAll(async () => {
  // ceo: every row; dana (REP-00004) heads EMEA; rita (REP-00053) sells in EMEA SMB.
  app = await serveExample([
    ['ceo', undefined],
    ['dana', 'REP-00004'],
    ['rita', 'REP-00053'],
  ]);
}, 120_000);

afterAll(async () => {
  await app?.close();
});

/** Records console errors and requests that leave the server. */
function watch(page: Page): { errors: string[]; outside: string[] } {
  const errors: string[] = [];
  const outside: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => {
    if (!r.url().startsWith(app.base)) outside.push(r.url());
  });
  return { errors, outside };
}

async function signIn(page: Page, user: string): Promise<void> {
  await page.goto(`${app.base}/`);
  await page.waitForSelector('form.login');
  // By keyboard: the name field has focus, Tab to the password, Enter submits.
  await page.keyboard.type(user);
  await page.keyboard.press('Tab');
  await page.keyboard.type(`pw-${user}-1`);
  await Promise.all([page.waitForURL(`${app.base}/`, { timeout: 120_000 }), page.keyboard.press('Enter')]);
}

async function signOut(page: Page): Promise<void> {
  await Promise.all([page.waitForURL(/\/login$/), page.click('form.signout button')]);
}

describeInBrowser('kpic serve in headless Chromium', (browser) => {
  test('an executive drills from the enterprise to a single deal in four clicks', async () => {
    const page = await browser().context.newPage();
    const seen = watch(page);
    await signIn(page, 'ceo');
    expect(await page.textContent('h1')).toBe('ACME Sales — 2025-Q4');
    // The first Tab of a page reaches the skip link.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    let clicks = 0;
    const click = async (selector: string): Promise<void> => {
      clicks++;
      await Promise.all([page.waitForLoadState('load'), page.click(selector)]);
      await page.waitForSelector('main h1');
    };
    await click('table.children a:text-is("EMEA")');
    expect(await page.textContent('h1')).toBe('EMEA — 2025-Q4');
    await click('table.children a:text-is("EMEA SMB")');
    expect(await page.textContent('h1')).toBe('EMEA SMB — 2025-Q4');
    // The team's reps, each with their figures: Isabella Mensah's bookings open her deals.
    const row = page.locator('table.children tr', { has: page.locator('th a:text-is("Isabella Mensah")') });
    const bookingsLink = row.locator('a[href^="/rows/bookings?"]');
    clicks++;
    await Promise.all([page.waitForURL(/\/rows\/bookings\?/), bookingsLink.click()]);
    expect(await page.textContent('h1')).toBe('Bookings — the rows behind it');
    const dealLink = page.locator('table.rows a[href^="/row/"]').first();
    const dealId = (await dealLink.textContent()) ?? '';
    expect(dealId).toMatch(/^OPP-\d{8}$/);
    clicks++;
    await Promise.all([page.waitForURL(/\/row\/bookings\?/), dealLink.click()]);
    expect(await page.textContent('h1')).toBe(`Opportunities (CRM export): ${dealId}`);
    expect(await page.textContent('dl.row')).toContain('REP-00053');
    expect(clicks).toBe(4);
    // The breadcrumbs lead back up, every level named.
    expect(await page.locator('nav.crumbs li').allTextContents()).toEqual([
      'ACME Sales',
      'EMEA',
      'EMEA SMB',
      'Isabella Mensah',
      'Bookings',
      'Deals',
      dealId,
    ]);
    expect(seen.errors).toEqual([]);
    expect(seen.outside).toEqual([]);
    await page.close();
  }, 300_000);

  test('a KPI page draws its trend with uPlot, and a note added there shows beside the figure', async () => {
    const page = await browser().context.newPage();
    const seen = watch(page);
    await page.goto(`${app.base}/kpi/bookings?at=region%3DEMEA`, { timeout: 180_000 });
    await page.waitForSelector('#kpi-chart[data-drawn="true"]');
    const canvas = await page.locator('#kpi-chart canvas').boundingBox();
    expect(canvas?.width ?? 0).toBeGreaterThan(300);
    expect(canvas?.height ?? 0).toBeGreaterThan(100);
    expect(await page.locator('.u-legend .u-series').count()).toBe(5);
    expect(await page.locator('table.trend tbody tr').count()).toBe(8);
    await page.fill('#note-body', 'Pipeline fell after the EMEA reorganisation in September');
    await Promise.all([page.waitForURL(/#notes-h$/), page.click('form.add-note button')]);
    expect(await page.locator('ul.notes q').allTextContents()).toContain('Pipeline fell after the EMEA reorganisation in September');
    await page.goto(`${app.base}/?at=region%3DEMEA`);
    expect(await page.locator('table.scorecard ul.notes').textContent()).toContain(
      'Pipeline fell after the EMEA reorganisation in September — ceo',
    );
    expect(seen.errors).toEqual([]);
    expect(seen.outside).toEqual([]);
    await signOut(page);
    await page.close();
  }, 300_000);

  test('a manager sees only their region; a rep only themselves, and nothing else by URL', async () => {
    const page = await browser().context.newPage();
    await signIn(page, 'dana');
    expect(await page.textContent('h1')).toBe('EMEA — 2025-Q4');
    expect(await page.locator('nav.crumbs li').allTextContents()).toEqual(['ACME Sales', 'EMEA']);
    expect(await page.locator('nav.crumbs a').count()).toBe(0);
    await page.goto(`${app.base}/?at=region%3DAMER`);
    expect(await page.textContent('h1')).toBe('Not found');
    await signOut(page);
    await signIn(page, 'rita');
    expect(await page.textContent('h1')).toBe('Isabella Mensah — 2025-Q4');
    expect(await page.locator('table.children').count()).toBe(0);
    await page.goto(`${app.base}/rows/bookings?at=${encodeURIComponent('region=EMEA/team=EMEA SMB')}`);
    expect(await page.textContent('h1')).toBe('Not found');
    await signOut(page);
    await page.close();
  }, 300_000);
});
