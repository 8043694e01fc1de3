/**
 * The HTML report in a real browser: headless Chromium loads the page from disk (no network) and
 * its DOM keeps every table row and status chip the page was written with. Skipped where no
 * Chromium is installed (`apt-get install chromium`).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderScorecardHtml } from '../../src/scorecard/render-html.js';
import { MAIN_SCORECARD, repRole } from './fixture.js';
import { evaluate, handOrg } from './helpers.js';

function findChromium(): string | undefined {
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      execFileSync('which', [name], { stdio: 'pipe' });
      return name;
    } catch {
      // not installed under this name
    }
  }
  return undefined;
}

const chromium = findChromium();

describe.skipIf(chromium === undefined)('the HTML report in headless Chromium', () => {
  it('parses to the same rows and status chips the page was written with', async () => {
    const report = await evaluate(handOrg({ 'sc.yaml': MAIN_SCORECARD, 'role.yaml': repRole('ignore') }), {
      period: '2025-Q2',
      at: 'region=US',
    });
    const html = renderScorecardHtml(report);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'kpic-html-')), 'report.html');
    writeFileSync(file, html);
    const dom = execFileSync(chromium ?? 'chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--dump-dom', `file://${file}`], {
      encoding: 'utf8',
      timeout: 60_000,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const count = (text: string, pattern: RegExp): number => text.match(pattern)?.length ?? 0;
    expect(count(dom, /<tr[ >]/g)).toBe(count(html, /<tr[ >]/g));
    expect(count(dom, /class="chip bg-/g)).toBe(count(html, /class="chip bg-/g));
    expect(dom).toContain('<title>Main — US · 2025-Q2</title>');
    expect(dom).toContain('<td>US-A</td>');
    expect(dom).toMatch(/satisfaction|Satisfaction/);
  }, 90_000);
});
