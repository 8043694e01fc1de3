/// <reference lib="dom" />
/**
 * `npm run docs:screenshots`: builds the site of the shipped catalog on the example data and
 * takes the screenshots kept in docs/screenshots/ — a KPI page with its lineage graph and trend
 * chart, and a search result — in headless Chromium (the tests' shared launcher).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect, test } from 'vitest';
import { runCli } from '../src/cli/main.js';
import { chromiumPath, launchBrowser } from '../test/helpers/browser.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'docs/screenshots');

test('screenshots of the catalog site', async () => {
  const executable = chromiumPath();
  if (executable === undefined) throw new Error('Chromium is not installed: apt-get install -y chromium');
  const dir = mkdtempSync(path.join(tmpdir(), 'kpic-screens-'));
  const site = path.join(dir, 'site');
  let errors = '';
  const sink = { write: (t: string) => (errors += t), isTTY: false };
  const code = await runCli(['docs', '--out', site, '--data', 'examples/data', '--no-cache'], {
    stdout: sink,
    stderr: sink,
    cwd: ROOT,
    env: {},
  });
  expect(code, errors).toBe(0);
  const browser = await launchBrowser(executable);
  try {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(pathToFileURL(path.join(site, 'kpi/weighted_pipeline.html')).href);
    await page.locator('#lineage').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(OUT, 'kpi-page.png'), fullPage: true });
    await page.goto(pathToFileURL(path.join(site, 'index.html')).href);
    await page.fill('form.search input', 'win rate');
    await page.locator('.dropdown li').first().waitFor();
    await page.screenshot({ path: path.join(OUT, 'search-dropdown.png'), clip: { x: 0, y: 0, width: 1280, height: 520 } });
    await page.goto(`${pathToFileURL(path.join(site, 'search.html')).href}?q=retention`);
    await page.locator('#results li').first().waitFor();
    await page.screenshot({ path: path.join(OUT, 'search.png'), fullPage: true });
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
