/** Formulas on the site: the text exactly as written, names linked to the right page and anchor. */
import { describe, expect, test } from 'vitest';
import { checkCatalogFiles } from '../../src/check-catalog.js';
import { highlightFormula } from '../../src/site/highlight.js';
import { CATALOG } from '../testing/fixture.js';

const resolved = checkCatalogFiles(
  new Map(
    Object.entries({
      ...CATALOG,
      'more.yaml': `lookup: weights\nkey: stage\nrows: { Won: 1, Lost: 0 }\n---\nkpi: weighted\nformula: sum(amount * weights[stage] where won) # comment\nunit: money\n`,
    }),
  ),
).resolved;

const strip = (html: string): string =>
  html
    .replace(/<[^>]+>/g, '')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&#39;', "'")
    .replaceAll('&quot;', '"')
    .replaceAll('&amp;', '&');

describe('highlightFormula', () => {
  const from = 'kpi/x.html';
  const scope = { resolved, home: ['opportunities'] };

  test('keeps the text, spacing and comments as written', () => {
    const text = "count(opportunities where won)   /  count(opportunities where stage in ('Won', 'Lost')) # a <b>ratio</b>";
    expect(strip(highlightFormula(text, scope, from))).toBe(text);
  });

  test('links KPIs, sources, lookups, definitions and columns; marks functions and keywords', () => {
    const html = highlightFormula('sum(amount * weights[stage] where won) / bookings', scope, from);
    expect(html).toContain('<span class="fn">sum</span>');
    expect(html).toContain('<a class="nm" href="../source/opportunities.html#column-amount" title="opportunities.amount">amount</a>');
    expect(html).toContain('<a class="lk" href="../lookup/weights.html" title="lookup weights">weights</a>');
    expect(html).toContain('<a class="nm" href="../source/opportunities.html#definition-won" title="opportunities.won">won</a>');
    expect(html).toContain('<span class="kw">where</span>');
    expect(html).toContain('<a class="kpi" href="../kpi/bookings.html" title="Bookings">bookings</a>');
  });

  test('follows a join to the column of its target, and a qualified column to its source', () => {
    const html = highlightFormula("count(opportunities where owner.region = 'EMEA')", scope, from);
    expect(html).toContain('<a class="src" href="../source/opportunities.html" title="source opportunities">opportunities</a>');
    expect(html).toContain('<a class="nm" href="../source/opportunities.html#join-owner" title="opportunities.owner">owner</a>');
    expect(html).toContain('<a class="nm" href="../source/reps.html#column-region" title="reps.region">region</a>');
    expect(html).toContain('<span class="lit">&#39;EMEA&#39;</span>');
    const qualified = highlightFormula('sum(opportunities.amount)', { resolved, home: [] }, from);
    expect(qualified).toContain('href="../source/opportunities.html#column-amount"');
  });

  test('an unknown name is shown, not linked', () => {
    expect(highlightFormula('nothing_here + 1', scope, from)).toContain('<span class="id">nothing_here</span>');
  });
});
