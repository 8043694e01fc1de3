/**
 * Downstream impact: for each changed document, every KPI, lookup, scorecard, role, plan and alert
 * that depends on it, directly or through others, from the dependency graph of the head (of the
 * base, for what the head no longer has). Patch-level changes (descriptions, owners, layout)
 * affect nothing downstream and are left out.
 */
import type { Span } from '../diagnostics/span.js';
import { dependentsOf, docKey, splitKey, type DependencyGraph } from '../lineage/graph.js';
import type { DocumentKind } from '../model/types.js';
import type { ResolvedCatalog } from '../resolve/resolved.js';
import { sourceChangeReach } from './source-impact.js';
import type { CatalogDiff, DocumentChange } from './types.js';

/** A document affected by a change. */
interface AffectedDocument {
  readonly kind: DocumentKind;
  readonly id: string;
  /** 1 = depends on the changed document directly. */
  readonly distance: number;
  /** The document it depends on, on the shortest path. */
  readonly through: { readonly kind: DocumentKind; readonly id: string };
  /** In the head (false: only in the base). */
  readonly inHead: boolean;
  readonly span?: Span | undefined;
}

/** The documents a change affects. */
export interface ChangeImpact {
  readonly kind: 'change-impact';
  readonly changed: { readonly kind: DocumentKind; readonly id: string };
  readonly affected: readonly AffectedDocument[];
}

/** Whether a change can affect what depends on the document (anything above patch, or a removal). */
function affectsDependents(c: DocumentChange): boolean {
  return c.class !== 'patch';
}

/** A version's dependency graph and resolved catalog. */
export interface ImpactSide {
  readonly graph: DependencyGraph;
  readonly resolved: ResolvedCatalog;
}

/** The impact of every change of `diff` that can affect dependents, in diff order. */
export function downstreamImpact(diff: CatalogDiff, headSide: ImpactSide, baseSide: ImpactSide): ChangeImpact[] {
  const head = headSide.graph;
  const base = baseSide.graph;
  const out: ChangeImpact[] = [];
  for (const c of diff.changes) {
    if (!affectsDependents(c)) continue;
    const removed = c.kind === 'removed';
    const graph = removed ? base : head;
    const start = c.kind === 'renamed' ? docKey(c.from.kind, c.from.id) : docKey(c.doc.kind, c.doc.id);
    const keys = c.kind === 'renamed' ? [start, docKey(c.doc.kind, c.doc.id)] : [start];
    const seen = new Map<string, AffectedDocument>();
    if (c.kind === 'changed' && c.doc.kind === 'source') {
      // Within a source, only what names the changed parts is reached; then its dependents.
      const reach = sourceChangeReach(headSide.resolved, c.doc.id, c.fields);
      for (const key of reach) {
        const { kind, id } = splitKey(key);
        seen.set(key, {
          kind,
          id,
          distance: 1,
          through: { kind: 'source', id: c.doc.id },
          inHead: true,
          span: head.documents.get(key)?.idSpan,
        });
      }
      keys.splice(0, keys.length, ...reach);
    }
    for (const g of c.kind === 'renamed' ? [base, head] : [graph]) {
      for (const d of dependentsOf(g, keys)) {
        if (seen.has(d.key)) continue;
        const { kind, id } = splitKey(d.key);
        seen.set(d.key, {
          kind,
          id,
          distance: d.distance + (c.kind === 'changed' && c.doc.kind === 'source' ? 1 : 0),
          through: splitKey(d.through),
          inHead: g === head,
          span: g.documents.get(d.key)?.idSpan,
        });
      }
    }
    out.push({
      kind: 'change-impact',
      changed: { kind: c.doc.kind, id: c.doc.id },
      affected: [...seen.values()].sort(
        (a, b) => a.distance - b.distance || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.id < b.id ? -1 : 1),
      ),
    });
  }
  return out;
}
