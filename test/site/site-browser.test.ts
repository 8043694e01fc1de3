/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The catalog site in headless Chromium (test/helpers/browser.ts): `kpic docs --data` on the
 * shipped catalog, then every page opened from the file system — no console errors, no request
 * leaving the site folder, every link and anchor resolving — search finding a KPI (on the search
 * page and from the header box), the lineage graph and the trend chart drawn with real geometry,
 * and the same site served over HTTP.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { cli } from '../cli/helpers.js';
import { describeInBrowser } from '../helpers/browser.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let site = '';
let server: Server | undefined;
let base = '';

beforeAll(async () => {
  site = path.join(mkdtempSync(path.join(tmpdir(), 'kpic-site-')), 'site');
  const run = await cli(ROOT, ['docs', '--out', site, '--data', 'examples/data']);
  if (run.code !== 0) throw new Error(`kpic docs failed: ${run.stderr}`);
  server = createServer((req, res) => {
    // The site is served under /catalog/, as behind a web server that hosts it at a sub-path.
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.join(site, pathname.replace(/^\/catalog\//, '/'));
    if (!pathname.startsWith('/catalog/') || !file.startsWith(site) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const type = file.endsWith('.html') ? 'text/html' : file.endsWith('.css') ? 'text/css' : 'text/javascript';
    res.writeHead(200, { 'content-type': `${type}; charset=utf-8` }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}/catalog/`;
}, 300_000);

afterAll(async () => {
  await new Promise<void>((resolve) => (server === undefined ? resolve() : server.close(() => resolve())));
  if (site !== '') rmSync(path.dirname(site), { recursive: true, force: true });
});

function htmlFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? htmlFiles(path.join(dir, e.name), `${prefix}${e.name}/`) : e.name.endsWith('.html') ? [`${prefix}${e.name}`] : [],
  );
}

/** Opens a page and records console errors, uncaught exceptions and requests that leave `allowed`. */
async function open(page: Page, url: string, allowed: string): Promise<{ errors: string[]; outside: string[] }> {
  const errors: string[] = [];
  const outside: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${url}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`${url}: ${String(e)}`));
  page.on('request', (r) => {
    if (!r.url().startsWith(allowed)) outside.push(r.url());
  });
  await page.goto(url);
  return { errors, outside };
}

describeInBrowser('the catalog site in headless Chromium', (browser) => {
  test('every page renders without console errors and requests nothing from outside the site', async () => {
    const pages = htmlFiles(site);
    expect(pages.length).toBeGreaterThan(100);
    const errors: string[] = [];
    const outside: string[] = [];
    const page = await browser().context.newPage();
    for (const p of pages) {
      const found = await open(page, pathToFileURL(path.join(site, p)).href, pathToFileURL(site).href);
      errors.push(...found.errors);
      outside.push(...found.outside);
      page.removeAllListeners();
    }
    await page.close();
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
  }, 300_000);

  test('every link, stylesheet and script resolves to a file of the site, and every #anchor to an element', async () => {
    const page = await browser().context.newPage();
    const ids = new Map<string, Set<string>>();
    const links: { from: string; href: string }[] = [];
    for (const p of htmlFiles(site)) {
      const url = pathToFileURL(path.join(site, p)).href;
      await page.goto(url);
      const found = await page.evaluate(() => ({
        ids: [...document.querySelectorAll('[id]')].map((e) => e.id),
        hrefs: [
          ...[...document.querySelectorAll('a[href]')].map((a) => new URL(a.getAttribute('href') ?? '', document.baseURI).href),
          ...[...document.querySelectorAll('link[rel="stylesheet"]')].map((l) => (l as HTMLLinkElement).href),
          ...[...document.querySelectorAll('script[src]')].map((s) => (s as HTMLScriptElement).src),
          ...[...document.querySelectorAll('form[action]')].map((f) => (f as HTMLFormElement).action),
        ],
      }));
      ids.set(url, new Set(found.ids));
      for (const href of found.hrefs) links.push({ from: p, href });
    }
    await page.close();
    expect(links.length).toBeGreaterThan(1000);
    const broken = links.filter(({ href }) => {
      const [target = '', anchor] = href.split('#');
      if (!target.startsWith('file://')) return true;
      const file = fileURLToPath(target);
      if (!file.startsWith(site) || !existsSync(file)) return true;
      return anchor !== undefined && anchor !== '' && !(ids.get(target)?.has(decodeURIComponent(anchor)) ?? false);
    });
    expect(broken).toEqual([]);
  }, 300_000);

  test('search finds a KPI, on the search page and from the box in the header', async () => {
    const page = await browser().context.newPage();
    await page.goto(`${pathToFileURL(path.join(site, 'search.html')).href}?q=win%20rate`);
    const first = page.locator('#results li a').first();
    await expect.poll(async () => first.getAttribute('href')).toBe('kpi/win_rate.html');
    expect(await first.textContent()).toContain('Win rate (by count)');
    expect(await page.textContent('#results-status')).toMatch(/^\d+ results for “win rate”$/);
    await page.goto(pathToFileURL(path.join(site, 'source/opportunities.html')).href);
    await page.fill('form.search input', 'nrr');
    const suggestion = page.locator('.dropdown li a').first();
    await expect.poll(async () => suggestion.textContent()).toContain('Net revenue retention (NRR)');
    await suggestion.click();
    await page.waitForURL(/kpi\/nrr\.html$/);
    expect(await page.textContent('h1')).toContain('Net revenue retention (NRR)');
    await page.close();
  }, 60_000);

  test('the lineage graph is drawn: files, columns, sources, KPIs and users, with edges between them', async () => {
    const page = await browser().context.newPage();
    await page.goto(pathToFileURL(path.join(site, 'kpi/weighted_pipeline.html')).href);
    const graph = await page.evaluate(() => {
      const svg = document.querySelector<SVGSVGElement>('svg.lineage');
      const box = (e: Element): { width: number; height: number } => {
        const r = (e as SVGGraphicsElement).getBBox();
        return { width: r.width, height: r.height };
      };
      return {
        size: svg === null ? null : box(svg),
        nodes: [...document.querySelectorAll('svg.lineage g.node')].map((g) => ({ key: g.getAttribute('data-key'), ...box(g) })),
        edges: [...document.querySelectorAll('svg.lineage path.edge')].map((p) => (p as SVGPathElement).getTotalLength()),
        focal: document.querySelector('svg.lineage g.node.focal text')?.textContent,
      };
    });
    expect(graph.size?.width).toBeGreaterThan(400);
    const keys = graph.nodes.map((n) => n.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'file:opportunities.csv',
        'column:opportunities.amount',
        'column:opportunities.stage',
        'source:opportunities',
        'source:opportunity_stage_history',
        'kpi:stage_win_rate',
        'lookup:stage_probability',
        'kpi:weighted_pipeline',
      ]),
    );
    expect(graph.nodes.every((n) => n.width > 100 && n.height > 10)).toBe(true);
    expect(graph.edges.length).toBeGreaterThanOrEqual(graph.nodes.length - 2);
    expect(graph.edges.every((length) => length > 10)).toBe(true);
    expect(graph.focal).toBe('weighted_pipeline');
    await page.click('svg.lineage g.node.lookup');
    await page.waitForURL(/lookup\/stage_probability\.html$/);
    await page.close();
  }, 60_000);

  test('the trend chart is drawn with a line through the recent values and the latest one labelled', async () => {
    const page = await browser().context.newPage();
    await page.goto(pathToFileURL(path.join(site, 'kpi/bookings.html')).href);
    const chart = await page.evaluate(() => ({
      lines: [...document.querySelectorAll('svg.trend path.line')].map((p) => (p as SVGPathElement).getTotalLength()),
      points: document.querySelectorAll('svg.trend circle.point').length,
      latest: document.querySelector('svg.trend text.latest')?.textContent,
    }));
    expect(chart.lines.length).toBeGreaterThan(0);
    expect(Math.max(...chart.lines)).toBeGreaterThan(100);
    expect(chart.points).toBe(12);
    expect(chart.latest).toMatch(/^\$[\d,]+$/);
    await page.close();
  }, 60_000);

  test('served over HTTP under a sub-path, pages and search work the same', async () => {
    const page = await browser().context.newPage();
    const found = await open(page, `${base}kpi/win_rate.html`, base);
    expect(await page.textContent('h1')).toContain('Win rate (by count)');
    await page.fill('form.search input', 'weighted');
    await page.press('form.search input', 'Enter');
    await page.waitForURL(/search\.html\?q=weighted$/);
    // Several KPIs are weighted (the pipeline due, at period end, the coverage): the search lists them all.
    await expect
      .poll(async () => page.locator('#results li a').evaluateAll((links) => links.map((a) => a.getAttribute('href'))))
      .toEqual(expect.arrayContaining(['kpi/weighted_pipeline.html', 'kpi/weighted_pipeline_eop.html']));
    expect([found.errors, found.outside]).toEqual([[], []]);
    await page.close();
  }, 60_000);
});
