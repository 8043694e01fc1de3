/**
 * Reads `test` documents into the written model ({@link TestDef}). Like the other builders it
 * reports nothing: the schema phase checked the shapes, so a part of the wrong shape is skipped
 * and the rest is modelled; `check.ts` reports what the schema cannot see.
 */
import type { SourceText } from '../diagnostics/span.js';
import type { YMap, YNode } from '../load/tree.js';
import { booleanAt, itemsAt, mapAt, stringAt, textAt } from '../model/read-node.js';
import type { CatalogDocument, Located } from '../model/types.js';
import type {
  DefaultsSpec,
  Expectation,
  ExpectedLine,
  ExpectedRow,
  FixtureSpec,
  InlineRow,
  PlanExpectation,
  ScorecardExpectation,
  TestCase,
  TestDef,
  ValuesExpectation,
  WrittenCell,
  WrittenValue,
} from './model.js';

type Files = ReadonlyMap<string, SourceText>;

/** A scalar node as written, or undefined for a mapping or list. */
function writtenValue(node: YNode | undefined, files: Files): WrittenValue | undefined {
  if (node?.kind !== 'scalar') return undefined;
  const v = node.value;
  const text =
    typeof v === 'number'
      ? (files.get(node.span.file)?.text.slice(node.span.start, node.span.end) ?? String(v))
      : v === null
        ? ''
        : String(v);
  return { value: v, text, span: node.span };
}

function cellsOf(map: YMap, files: Files): Map<string, WrittenCell> {
  const cells = new Map<string, WrittenCell>();
  for (const e of map.entries) {
    const value = writtenValue(e.value, files);
    if (value !== undefined && !cells.has(e.key)) cells.set(e.key, { column: e.key, keySpan: e.keySpan, value });
  }
  return cells;
}

function buildDefaults(map: YMap | undefined, files: Files): DefaultsSpec {
  const out = new Map<string, { keySpan: YMap['span']; cells: Map<string, WrittenCell> }>();
  for (const e of map?.entries ?? []) if (e.value.kind === 'map') out.set(e.key, { keySpan: e.keySpan, cells: cellsOf(e.value, files) });
  return out;
}

function buildFixtures(map: YMap | undefined, files: Files): Map<string, FixtureSpec> {
  const out = new Map<string, FixtureSpec>();
  for (const e of map?.entries ?? []) {
    if (e.value.kind === 'scalar' && typeof e.value.value === 'string') {
      out.set(e.key, { kind: 'csv', source: e.key, keySpan: e.keySpan, path: { value: e.value.value, span: e.value.span } });
    } else if (e.value.kind === 'seq') {
      const rows: InlineRow[] = [];
      for (const item of e.value.items) if (item.kind === 'map') rows.push({ span: item.span, cells: cellsOf(item, files) });
      out.set(e.key, { kind: 'rows', source: e.key, keySpan: e.keySpan, rows });
    }
  }
  return out;
}

function buildValues(m: YMap, files: Files): ValuesExpectation {
  const by = itemsAt(m, 'by').flatMap((n) =>
    n.kind === 'scalar' && typeof n.value === 'string' ? [{ value: n.value, span: n.span }] : [],
  );
  const dims = new Set(by.map((b) => b.value));
  const kpis = new Map<string, Located<string>>();
  const rows: ExpectedRow[] = [];
  for (const item of itemsAt(m, 'values')) {
    if (item.kind !== 'map') continue;
    const period = writtenValue(item.byKey.get('period')?.value, files);
    if (period === undefined) continue;
    const dimCells = new Map<string, WrittenCell>();
    const kpiCells = new Map<string, WrittenCell>();
    for (const [key, cell] of cellsOf(item, files)) {
      if (key === 'period') continue;
      if (dims.has(key)) dimCells.set(key, cell);
      else {
        kpiCells.set(key, cell);
        if (!kpis.has(key)) kpis.set(key, { value: key, span: cell.keySpan });
      }
    }
    rows.push({ span: item.span, period, dims: dimCells, kpis: kpiCells });
  }
  return {
    kind: 'values',
    span: m.span,
    grain: stringAt(m, 'grain'),
    by,
    from: stringAt(m, 'from'),
    to: stringAt(m, 'to'),
    tolerance: writtenValue(m.byKey.get('tolerance')?.value, files),
    complete: booleanAt(m, 'complete') ?? false,
    kpis: [...kpis.values()],
    rows,
  };
}

function linesOf(map: YMap | undefined, files: Files): ExpectedLine[] {
  return (map?.entries ?? []).flatMap((e) =>
    e.value.kind === 'map' ? [{ name: e.key, keySpan: e.keySpan, fields: cellsOf(e.value, files) }] : [],
  );
}

function buildScorecard(m: YMap, files: Files): ScorecardExpectation | undefined {
  const scorecard = stringAt(m, 'scorecard');
  const period = writtenValue(m.byKey.get('period')?.value, files);
  if (scorecard === undefined || period === undefined) return undefined;
  const overall = new Map([...cellsOf(m, files)].filter(([k]) => k === 'score' || k === 'status'));
  return {
    kind: 'scorecard',
    span: m.span,
    scorecard,
    period,
    at: stringAt(m, 'at'),
    tolerance: writtenValue(m.byKey.get('tolerance')?.value, files),
    overall,
    kpis: linesOf(mapAt(m, 'kpis'), files),
    perspectives: linesOf(mapAt(m, 'perspectives'), files),
    children: linesOf(mapAt(m, 'children'), files),
  };
}

function buildPlan(m: YMap, files: Files): PlanExpectation | undefined {
  const plan = stringAt(m, 'plan');
  const period = writtenValue(m.byKey.get('period')?.value, files);
  if (plan === undefined || period === undefined) return undefined;
  return {
    kind: 'plan',
    span: m.span,
    plan,
    period,
    tolerance: writtenValue(m.byKey.get('tolerance')?.value, files),
    reps: linesOf(mapAt(m, 'reps'), files),
  };
}

function buildExpectation(node: YNode, files: Files): Expectation | undefined {
  if (node.kind !== 'map') return undefined;
  if (node.byKey.has('scorecard')) return buildScorecard(node, files);
  if (node.byKey.has('plan')) return buildPlan(node, files);
  return node.byKey.has('values') ? buildValues(node, files) : undefined;
}

function buildCase(node: YNode, files: Files): TestCase | undefined {
  if (node.kind !== 'map') return undefined;
  const name = stringAt(node, 'case');
  if (name === undefined) return undefined;
  return {
    name,
    span: node.span,
    description: textAt(node, 'description'),
    defaults: buildDefaults(mapAt(node, 'defaults'), files),
    fixtures: buildFixtures(mapAt(node, 'fixtures'), files),
    expectations: itemsAt(node, 'expect').flatMap((e) => {
      const x = buildExpectation(e, files);
      return x === undefined ? [] : [x];
    }),
  };
}

/** Builds one `test` document. */
function buildTest(doc: CatalogDocument, files: Files): TestDef {
  const m = doc.tree;
  return {
    kind: 'test',
    id: doc.id,
    doc,
    title: textAt(m, 'title'),
    description: textAt(m, 'description'),
    defaults: buildDefaults(mapAt(m, 'defaults'), files),
    fixtures: buildFixtures(mapAt(m, 'fixtures'), files),
    cases: itemsAt(m, 'cases').flatMap((c) => {
      const built = buildCase(c, files);
      return built === undefined ? [] : [built];
    }),
  };
}

/** Every `test` document of the catalog, in file order (the first of a repeated id wins). */
export function buildTests(documents: readonly CatalogDocument[], files: Files): TestDef[] {
  const seen = new Set<string>();
  const out: TestDef[] = [];
  for (const doc of documents) {
    if (doc.kind !== 'test' || seen.has(doc.id)) continue;
    seen.add(doc.id);
    out.push(buildTest(doc, files));
  }
  return out;
}
