/**
 * Formulas as highlighted HTML with their names linked: a KPI to its page, a source, a lookup,
 * and a column, definition, dimension or join to its line on its source's page — following dotted
 * paths through joins (`account.segment` → the `segment` column of the join's target). Uses the
 * formula language's own lexer, so the text shown is exactly the text written (comments and
 * spacing kept).
 */
import type { IToken } from 'chevrotain';
import { formulaLexer, Identifier, KEYWORD_TOKENS } from '../formula/tokens.js';
import { ALL_FUNCTION_NAMES } from '../resolve/functions.js';
import type { SourceDef } from '../model/types.js';
import type { ResolvedCatalog } from '../resolve/resolved.js';
import { escapeHtml } from './html.js';
import { pagePath, relativeLink, sourceAnchor } from './paths.js';

const FUNCTIONS = new Set([...ALL_FUNCTION_NAMES, 'last', 'prior', 'change', 'growth', 'rolling', 'to_date', 'total']);

/** What the names of one formula can refer to. */
export interface FormulaScope {
  readonly resolved: ResolvedCatalog;
  /** Sources whose columns, definitions, dimensions and joins bare names may be (in order of preference). */
  readonly home: readonly string[];
}

type Member = { readonly anchor: string; readonly next: SourceDef | undefined };

/** A name of a source: column, definition, dimension or join (a join leads on to its target). */
function memberOf(resolved: ResolvedCatalog, source: SourceDef, name: string): Member | undefined {
  if (source.columns.has(name)) return { anchor: sourceAnchor('column', name), next: undefined };
  if (source.definitions.has(name)) return { anchor: sourceAnchor('definition', name), next: undefined };
  if (source.dimensions.has(name)) return { anchor: sourceAnchor('dimension', name), next: undefined };
  const join = source.joins.get(name);
  if (join !== undefined) return { anchor: sourceAnchor('join', name), next: resolved.catalog.sources.get(join.to.value) };
  return undefined;
}

function link(from: string, href: string, cls: string, text: string, title: string): string {
  return `<a class="${cls}" href="${escapeHtml(relativeLink(from, href))}" title="${escapeHtml(title)}">${escapeHtml(text)}</a>`;
}

function gap(text: string): string {
  return text.replace(/(#[^\r\n]*)|([^#]+)/g, (_m, comment: string | undefined, plain: string | undefined) =>
    comment !== undefined ? `<span class="cm">${escapeHtml(comment)}</span>` : escapeHtml(plain ?? ''),
  );
}

function tokenClass(t: IToken): string {
  if (KEYWORD_TOKENS.has(t.tokenType)) return 'kw';
  const name = t.tokenType.name;
  if (name === 'NumberLiteral' || name === 'PercentLiteral' || name === 'StringLiteral' || name === 'DateWord' || name === 'UnitWord')
    return 'lit';
  return 'op';
}

/** The formula as HTML for the page at `from`. */
export function highlightFormula(text: string, scope: FormulaScope, from: string): string {
  const { resolved } = scope;
  const tokens = formulaLexer.tokenize(text).tokens;
  const out: string[] = [];
  let end = 0;
  // The source a `.name` after the previous name resolves in (a source named, or a join's target).
  let current: SourceDef | undefined;
  tokens.forEach((t, i) => {
    out.push(gap(text.slice(end, t.startOffset)));
    end = t.startOffset + t.image.length;
    const image = t.image;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    const afterDot = prev?.tokenType.name === 'Dot' && prev.startOffset + prev.image.length === t.startOffset;
    const isName = t.tokenType === Identifier || t.tokenType.CATEGORIES?.includes(Identifier) === true;
    if (!isName) {
      if (t.tokenType.name !== 'Dot') current = undefined;
      out.push(`<span class="${tokenClass(t)}">${escapeHtml(image)}</span>`);
      return;
    }
    const name = image;
    if (afterDot && current !== undefined) {
      const member = memberOf(resolved, current, name);
      if (member !== undefined) {
        out.push(link(from, `${pagePath('source', current.id)}#${member.anchor}`, 'nm', name, `${current.id}.${name}`));
        current = member.next;
        return;
      }
    }
    current = undefined;
    if (next?.tokenType.name === 'LParen' && FUNCTIONS.has(name.toLowerCase()) && !resolved.kpis.has(name)) {
      out.push(`<span class="fn">${escapeHtml(name)}</span>`);
      return;
    }
    if (resolved.kpis.has(name)) {
      out.push(link(from, pagePath('kpi', name), 'kpi', name, resolved.kpis.get(name)?.def.title ?? `KPI ${name}`));
      return;
    }
    if (resolved.catalog.lookups.has(name)) {
      out.push(link(from, pagePath('lookup', name), 'lk', name, `lookup ${name}`));
      return;
    }
    const source = resolved.catalog.sources.get(name);
    if (source !== undefined) {
      out.push(link(from, pagePath('source', name), 'src', name, source.title ?? `source ${name}`));
      current = source;
      return;
    }
    for (const home of scope.home) {
      const s = resolved.catalog.sources.get(home);
      const member = s === undefined ? undefined : memberOf(resolved, s, name);
      if (s !== undefined && member !== undefined) {
        out.push(link(from, `${pagePath('source', home)}#${member.anchor}`, 'nm', name, `${home}.${name}`));
        current = member.next;
        return;
      }
    }
    out.push(`<span class="id">${escapeHtml(name)}</span>`);
  });
  out.push(gap(text.slice(end)));
  return `<code class="formula">${out.join('')}</code>`;
}
