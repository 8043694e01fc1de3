/**
 * The search index (assets/search-index.js): one entry per page — KPIs, sources (with their
 * columns, definitions and dimensions as names), lookups, scorecards, roles, hierarchies and
 * tests. A script that sets a global rather than a JSON file, because browsers refuse to fetch
 * files from a page opened from the file system.
 */
import type { CatalogView } from './catalog-view.js';
import { pagePath, type PageKind } from './paths.js';

/** One searchable document. */
interface SearchDoc {
  readonly kind: PageKind;
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly url: string;
  readonly tags?: readonly string[];
  readonly owner?: string;
  /** Other names found on the page (columns, definitions, perspectives…). */
  readonly names?: readonly string[];
}

function tagsOf(view: CatalogView, id: string): string[] {
  const node = view.resolved.kpis.get(id)?.def.tree.byKey.get('tags')?.value;
  return node?.kind === 'seq' ? node.items.flatMap((i) => (i.kind === 'scalar' && typeof i.value === 'string' ? [i.value] : [])) : [];
}

/** Every entry, in a stable order. */
function searchDocs(view: CatalogView): SearchDoc[] {
  const { resolved } = view;
  const docs: SearchDoc[] = [];
  for (const k of resolved.kpis.values()) {
    const d = k.def;
    docs.push({
      kind: 'kpi',
      id: k.id,
      title: d.title ?? k.id,
      text: d.description ?? '',
      url: pagePath('kpi', k.id),
      tags: tagsOf(view, k.id),
      ...(d.owner === undefined ? {} : { owner: d.owner }),
      names: [d.unit?.value ?? '', d.perspective ?? '', d.status.value, d.refresh ?? ''].filter((n) => n !== ''),
    });
  }
  for (const s of resolved.catalog.sources.values()) {
    docs.push({
      kind: 'source',
      id: s.id,
      title: s.title ?? s.id,
      text: s.description ?? '',
      url: pagePath('source', s.id),
      names: [...s.columns.keys(), ...s.definitions.keys(), ...s.dimensions.keys(), s.path.value],
    });
  }
  for (const l of resolved.catalog.lookups.values()) {
    docs.push({ kind: 'lookup', id: l.id, title: l.title ?? l.id, text: l.description ?? '', url: pagePath('lookup', l.id) });
  }
  for (const b of view.bodies) {
    docs.push({
      kind: b.kind,
      id: b.id,
      title: b.title ?? b.id,
      text: b.description ?? '',
      url: pagePath(b.kind, b.id),
      names: b.perspectives.map((p) => p.name),
    });
  }
  for (const h of view.hierarchies) {
    docs.push({
      kind: 'hierarchy',
      id: h.id,
      title: h.title ?? h.id,
      text: h.description ?? '',
      url: pagePath('hierarchy', h.id),
      names: h.levels.map((l) => l.level),
    });
  }
  for (const t of view.tests) {
    docs.push({
      kind: 'test',
      id: t.id,
      title: t.title ?? t.id,
      text: [t.description ?? '', ...t.cases.map((c) => c.name.value)].join(' '),
      url: pagePath('test', t.id),
    });
  }
  return docs;
}

/** The index as a script. `<` is escaped so no text can close the script element. */
export function searchIndexScript(view: CatalogView): string {
  const json = JSON.stringify({ docs: searchDocs(view) }).replaceAll('<', '\\u003c');
  return `window.KPIC_SEARCH = ${json};\n`;
}
