/**
 * The diff report as JSON for machines: every change with its class, topic and position (file
 * relative to the catalog folder, 1-based line and column, in the head — in the base for what was
 * removed), the downstream impact, the value impact (exact values as JSON numbers with every
 * digit), the approvals and the version check.
 */
import type { SourceText, Span } from '../diagnostics/span.js';
import { spanRegion } from '../diagnostics/render/positions.js';
import { toJsonDiagnostic } from '../diagnostics/render/json.js';
import { exactJson } from '../results/exact-json.js';
import type { DiffReport } from './report.js';
import type { DocRef, DocumentChange, FieldChange } from './types.js';

/** The files of both versions, for positions. */
export interface VersionFiles {
  readonly base: ReadonlyMap<string, SourceText>;
  readonly head: ReadonlyMap<string, SourceText>;
}

function position(span: Span, files: ReadonlyMap<string, SourceText>): { file: string; line: number; column: number } {
  const r = spanRegion(span, files);
  return { file: span.file, line: r.line, column: r.column };
}

function doc(d: DocRef, files: ReadonlyMap<string, SourceText>): Record<string, unknown> {
  return { kind: d.kind, id: d.id, ...(d.title === undefined ? {} : { title: d.title }), ...position(d.span, files) };
}

function field(f: FieldChange, files: VersionFiles): Record<string, unknown> {
  return {
    path: f.path,
    change: f.change,
    ...(f.before === undefined ? {} : { before: f.before }),
    ...(f.after === undefined ? {} : { after: f.after }),
    class: f.class,
    topic: f.topic,
    ...(f.note === undefined ? {} : { note: f.note }),
    position: { version: f.inHead ? 'head' : 'base', ...position(f.span, f.inHead ? files.head : files.base) },
  };
}

function change(c: DocumentChange, files: VersionFiles): Record<string, unknown> {
  switch (c.kind) {
    case 'added':
      return { change: 'added', class: c.class, topics: c.topics, document: doc(c.doc, files.head) };
    case 'removed':
      return {
        change: 'removed',
        class: c.class,
        topics: c.topics,
        document: doc(c.doc, files.base),
        ...(c.note === undefined ? {} : { note: c.note }),
      };
    case 'renamed':
      return { change: 'renamed', class: c.class, alias: c.alias, from: doc(c.from, files.base), document: doc(c.doc, files.head) };
    case 'changed':
      return { change: 'changed', class: c.class, document: doc(c.doc, files.head), fields: c.fields.map((f) => field(f, files)) };
    default: {
      const never: never = c;
      return never;
    }
  }
}

/** The report as one JSON object (two-space indented, ending with a newline). */
export function renderDiffJson(r: DiffReport, files: VersionFiles): string {
  const { diagnostics: _ignored, ...version } = r.version;
  const out = {
    catalog: r.catalog,
    base: r.diff.base,
    head: r.diff.head,
    largest: r.diff.largest ?? null,
    changes: r.diff.changes.map((c) => change(c, files)),
    impact: r.impacts.map((i) => ({
      changed: i.changed,
      affected: i.affected.map((a) => ({
        kind: a.kind,
        id: a.id,
        distance: a.distance,
        through: a.through,
        version: a.inHead ? 'head' : 'base',
      })),
    })),
    values:
      r.values.kind === 'value-impact'
        ? { computed: true, currency: r.values.currency, sections: r.values.sections }
        : { computed: false, reason: r.values.reason },
    approvals: { rulesFrom: r.rulesFrom, seats: r.approvals },
    version: { ...version, problems: r.version.diagnostics.map((d) => toJsonDiagnostic(d, files.head)) },
    changelog: { entry: r.changelog, problems: r.changelogProblems.map((d) => toJsonDiagnostic(d, files.head)) },
  };
  return `${exactJson(out)}\n`;
}
