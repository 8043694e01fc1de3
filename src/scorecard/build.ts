/**
 * Reads `scorecard` and `role` documents into the written model (hierarchies: src/org/). Like the catalog
 * model builder it reports nothing: the schema phase checked the shapes, and the checks in this
 * folder report what the schema cannot see. Where ids repeat (a load error), the first wins.
 */
import type { SourceText } from '../diagnostics/span.js';
import type { YMap, YNode } from '../load/tree.js';
import {
  buildBaseline,
  buildExceptions,
  buildMissing,
  buildScoring,
  buildSeasonal,
  buildThresholdsAt,
  readPercent,
} from '../model/build-performance.js';
import { booleanAt, choiceAt, formulaAt, itemsAt, mapAt, numberAt, stringAt, textAt } from '../model/read-node.js';
import type { Catalog, CatalogDocument, Located } from '../model/types.js';
import { PERIOD_GRAINS } from '../periods/period.js';
import {
  PERSPECTIVES,
  type BodyDef,
  type EntryDef,
  type Perspective,
  type PerspectiveDef,
  type RoleDef,
  type ScorecardDef,
  type ScorecardDocuments,
  type WrittenNumber,
} from './model.js';

type Files = ReadonlyMap<string, SourceText>;

/** A number or percentage at `key`, kept even when malformed so the checks can point at it. */
function writtenNumberAt(map: YMap, key: string): WrittenNumber | undefined {
  const node = map.byKey.get(key)?.value;
  const value = readPercent(node);
  return node === undefined || value === undefined ? undefined : { value, span: node.span };
}

function buildEntry(item: YNode, files: Files): EntryDef | undefined {
  if (item.kind !== 'map') return undefined;
  const kpi = stringAt(item, 'kpi');
  if (kpi === undefined) return undefined;
  return {
    kpi,
    span: item.span,
    weight: writtenNumberAt(item, 'weight'),
    target: formulaAt(item, 'target', files),
    baseline: buildBaseline(item, 'target', files),
    thresholds: buildThresholdsAt(item, 'thresholds'),
    scoring: buildScoring(item, 'scoring'),
    missing: buildMissing(item, 'missing'),
    exceptions: buildExceptions(item, 'exceptions', files),
    seasonal: buildSeasonal(item, 'seasonal'),
    remove: booleanAt(item, 'remove') ?? false,
  };
}

function buildBody(m: YMap, files: Files): BodyDef {
  const perspectives = new Map<Perspective, PerspectiveDef>();
  const p = mapAt(m, 'perspectives');
  for (const e of p?.entries ?? []) {
    const name = PERSPECTIVES.find((x) => x === e.key);
    if (name === undefined || e.value.kind !== 'map') continue;
    const entries: EntryDef[] = [];
    for (const item of itemsAt(e.value, 'kpis')) {
      const entry = buildEntry(item, files);
      if (entry !== undefined) entries.push(entry);
    }
    perspectives.set(name, {
      perspective: name,
      span: e.keySpan,
      weight: writtenNumberAt(e.value, 'weight'),
      kpisSpan: e.value.byKey.get('kpis')?.keySpan,
      entries,
    });
  }
  const t = mapAt(m, 'thresholds');
  return {
    perspectivesSpan: m.byKey.get('perspectives')?.keySpan,
    perspectives,
    grain: choiceAt(m, 'grain', PERIOD_GRAINS),
    missing: buildMissing(m, 'missing'),
    scoring: buildScoring(m, 'scoring'),
    thresholds: t === undefined ? undefined : { span: t.span, green: numberAt(t, 'green'), amber: numberAt(t, 'amber') },
  };
}

function stringList(m: YMap, key: string): Located<string>[] | undefined {
  if (!m.byKey.has(key)) return undefined;
  const out: Located<string>[] = [];
  for (const item of itemsAt(m, key)) {
    if (item.kind === 'scalar' && typeof item.value === 'string') out.push({ value: item.value, span: item.span });
  }
  return out;
}

function buildScorecard(doc: CatalogDocument, files: Files): ScorecardDef {
  const m = doc.tree;
  const rollup = mapAt(m, 'rollup');
  return {
    kind: 'scorecard',
    doc,
    id: doc.id,
    title: textAt(m, 'title'),
    hierarchy: stringAt(m, 'hierarchy'),
    extends: stringAt(m, 'extends'),
    appliesTo: formulaAt(m, 'applies_to', files),
    levels: stringList(m, 'levels'),
    rollupWeight: rollup === undefined ? undefined : stringAt(rollup, 'weight'),
    body: buildBody(m, files),
  };
}

function buildRole(doc: CatalogDocument, files: Files): RoleDef {
  const m = doc.tree;
  return {
    kind: 'role',
    doc,
    id: doc.id,
    title: textAt(m, 'title'),
    hierarchy: stringAt(m, 'hierarchy'),
    members: formulaAt(m, 'members', files),
    body: buildBody(m, files),
  };
}

/** The scorecard and role documents of `catalog`, modelled. */
export function buildScorecardDocuments(catalog: Catalog): ScorecardDocuments {
  const scorecards = new Map<string, ScorecardDef>();
  const roles = new Map<string, RoleDef>();
  for (const doc of catalog.documents) {
    if (doc.kind === 'scorecard' && !scorecards.has(doc.id)) scorecards.set(doc.id, buildScorecard(doc, catalog.files));
    else if (doc.kind === 'role' && !roles.has(doc.id)) roles.set(doc.id, buildRole(doc, catalog.files));
  }
  return { scorecards, roles };
}
