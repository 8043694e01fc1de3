/**
 * The semantic diff of two catalogs: documents matched by kind and id; a removed and an added
 * document of the same kind with the same body are a rename; a KPI renamed while its old id stays
 * as a deprecated KPI naming the new one (`replaced_by`) is a rename with an alias. Everything else
 * is compared field by field (see compare.ts), with references followed through the renames.
 */
import { stageOfWritten } from '../model/kpi-status.js';
import type { Catalog, CatalogDocument, DocumentKind } from '../model/types.js';
import { largerClass, type ChangeClass, type Topic } from '../governance/vocabulary.js';
import { compareDocuments, type Renames } from './compare.js';
import { ruleFor } from './fields.js';
import type { CatalogDiff, DocRef, DocumentChange, FieldChange, VersionInfo } from './types.js';

/** One side of the diff. */
export interface DiffSide {
  readonly catalog: Catalog;
  readonly info: VersionInfo;
}

const keyOf = (kind: DocumentKind, id: string): string => `${kind}:${id}`;

function byKey(catalog: Catalog): Map<string, CatalogDocument> {
  const out = new Map<string, CatalogDocument>();
  for (const d of catalog.documents) if (!out.has(keyOf(d.kind, d.id))) out.set(keyOf(d.kind, d.id), d);
  return out;
}

function refOf(doc: CatalogDocument): DocRef {
  const title = doc.tree.byKey.get('title')?.value;
  return {
    kind: doc.kind,
    id: doc.id,
    file: doc.file,
    title: title?.kind === 'scalar' && typeof title.value === 'string' ? title.value : undefined,
    span: doc.idSpan,
  };
}

/** The topics of a whole document: those of the fields it writes. */
function topicsOf(doc: CatalogDocument): Topic[] {
  const topics = new Set<Topic>();
  for (const e of doc.tree.entries.slice(1)) topics.add(ruleFor(doc.kind, [e.key]).topic);
  if (topics.size === 0) topics.add(ruleFor(doc.kind, []).topic);
  return [...topics];
}

function stringAt(doc: CatalogDocument, key: string): string | undefined {
  const v = doc.tree.byKey.get(key)?.value;
  return v?.kind === 'scalar' && typeof v.value === 'string' ? v.value : undefined;
}

interface RenamePair {
  readonly from: CatalogDocument;
  readonly to: CatalogDocument;
  readonly alias: boolean;
}

function findRenames(base: Map<string, CatalogDocument>, head: Map<string, CatalogDocument>): Map<string, RenamePair> {
  const added = [...head.entries()].filter(([k]) => !base.has(k)).map(([, d]) => d);
  const removed = [...base.entries()].filter(([k]) => !head.has(k)).map(([, d]) => d);
  const pairs = new Map<string, RenamePair>();
  const used = new Set<string>();
  for (const to of added) {
    const same = (from: CatalogDocument): boolean => from.kind === to.kind && compareDocuments(to.kind, from.tree, to.tree).length === 0;
    const plain = removed.find((from) => !used.has(keyOf(from.kind, from.id)) && same(from));
    if (plain !== undefined) {
      used.add(keyOf(plain.kind, plain.id));
      pairs.set(keyOf(to.kind, to.id), { from: plain, to, alias: false });
      continue;
    }
    if (to.kind !== 'kpi') continue;
    // The old id kept as a deprecated KPI whose replacement is the new one: an alias.
    for (const [k, old] of base) {
      const now = head.get(k);
      if (old.kind !== 'kpi' || now === undefined || used.has(k) || stringAt(now, 'replaced_by') !== to.id) continue;
      if (stageOfWritten(stringAt(now, 'status')) !== 'deprecated' || !same(old)) continue;
      used.add(k);
      pairs.set(keyOf(to.kind, to.id), { from: old, to, alias: true });
      break;
    }
  }
  return pairs;
}

function renamesOf(pairs: ReadonlyMap<string, RenamePair>): Renames {
  const map = new Map<string, string>();
  for (const p of pairs.values()) map.set(keyOf(p.from.kind, p.from.id), p.to.id);
  const formulaNames = (name: string): string =>
    map.get(keyOf('kpi', name)) ?? map.get(keyOf('source', name)) ?? map.get(keyOf('lookup', name)) ?? name;
  return {
    to: (kind, id) => (kind === 'kpi' || kind === 'source' || kind === 'lookup' ? formulaNames(id) : (map.get(keyOf(kind, id)) ?? id)),
    formulaNames,
    renamed: (kind, id) => map.has(keyOf(kind, id)),
  };
}

function largest(fields: readonly { readonly class: ChangeClass }[]): ChangeClass | undefined {
  return fields.reduce<ChangeClass | undefined>((acc, f) => largerClass(acc, f.class), undefined);
}

function moved(from: CatalogDocument, to: CatalogDocument): FieldChange[] {
  if (from.file === to.file) return [];
  return [
    {
      kind: 'field',
      path: [],
      change: 'changed',
      before: from.file,
      after: to.file,
      class: 'patch',
      topic: 'layout',
      note: 'moved to another file',
      span: to.kindSpan,
      inHead: true,
    },
  ];
}

/** The semantic diff from `base` to `head`. */
export function diffCatalogs(base: DiffSide, head: DiffSide): CatalogDiff {
  const baseDocs = byKey(base.catalog);
  const headDocs = byKey(head.catalog);
  const pairs = findRenames(baseDocs, headDocs);
  const renames = renamesOf(pairs);
  const aliases = new Set([...pairs.values()].filter((p) => p.alias).map((p) => keyOf(p.from.kind, p.from.id)));
  const renamedFrom = new Set([...pairs.values()].map((p) => keyOf(p.from.kind, p.from.id)));
  const changes: DocumentChange[] = [];
  for (const [key, doc] of headDocs) {
    const pair = pairs.get(key);
    if (pair !== undefined) {
      changes.push({
        kind: 'renamed',
        from: refOf(pair.from),
        doc: refOf(doc),
        alias: pair.alias,
        class: pair.alias ? 'minor' : 'breaking',
        topics: ['definition'],
      });
      continue;
    }
    if (aliases.has(key)) continue;
    const old = baseDocs.get(key);
    if (old === undefined) {
      changes.push({ kind: 'added', doc: refOf(doc), class: 'minor', topics: topicsOf(doc) });
      continue;
    }
    const fields = [...moved(old, doc), ...compareDocuments(doc.kind, old.tree, doc.tree, renames)];
    const cls = largest(fields);
    if (cls !== undefined) changes.push({ kind: 'changed', doc: refOf(doc), class: cls, fields });
  }
  for (const [key, doc] of baseDocs) {
    if (headDocs.has(key) || renamedFrom.has(key)) continue;
    const retired = doc.kind === 'kpi' && stageOfWritten(stringAt(doc, 'status')) === 'retired';
    changes.push({
      kind: 'removed',
      doc: refOf(doc),
      class: retired ? 'minor' : 'breaking',
      topics: topicsOf(doc),
      note: retired ? 'it was retired: nothing could refer to it' : undefined,
    });
  }
  return {
    kind: 'catalog-diff',
    base: base.info,
    head: head.info,
    changes,
    largest: largest(changes),
  };
}
