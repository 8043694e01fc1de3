/**
 * The model phase: turns validated documents into the typed {@link Catalog}. It reports nothing of
 * its own (load and schema did); it models every document as far as its required parts allow, so
 * later phases can report further problems in the same run.
 */
import type { PhaseResult } from '../diagnostics/diagnostic.js';
import { ROOT_FILE } from '../load/document-set.js';
import type { SourceText } from '../diagnostics/span.js';
import type { Catalog, CatalogDocument, CatalogMeta, KpiDef, LookupDef, SourceDef } from './types.js';
import { buildKpi } from './build-kpi.js';
import { buildLookup } from './build-lookup.js';
import { buildMeta } from './build-meta.js';
import { buildSource } from './build-source.js';

/**
 * Builds the catalog. Where a formula name repeats (an error the loader reported at every place),
 * nothing that depends on which copy wins may be reported: a KPI or lookup whose id is claimed
 * twice is left out (references to it resolve to nothing, silently), and a source keeps its first
 * declaration (a source named like a KPI stays, so the formulas over its rows are still checked).
 */
export function buildCatalog(documents: readonly CatalogDocument[], files: ReadonlyMap<string, SourceText>): PhaseResult<Catalog> {
  let meta: CatalogMeta | undefined;
  const sources = new Map<string, SourceDef>();
  const kpis = new Map<string, KpiDef>();
  const lookups = new Map<string, LookupDef>();
  const claims = new Map<string, number>();
  for (const doc of documents) {
    if (doc.kind === 'source' || doc.kind === 'kpi' || doc.kind === 'lookup') claims.set(doc.id, (claims.get(doc.id) ?? 0) + 1);
  }
  const clashes = new Set([...claims].filter(([, n]) => n > 1).map(([id]) => id));
  const clashing: KpiDef[] = [];
  for (const doc of documents) {
    switch (doc.kind) {
      case 'catalog':
        if (meta === undefined && doc.file === ROOT_FILE) meta = buildMeta(doc);
        break;
      case 'source':
        if (!sources.has(doc.id)) sources.set(doc.id, buildSource(doc, files));
        break;
      case 'kpi': {
        const kpi = buildKpi(doc, files);
        if (kpi !== undefined && clashes.has(doc.id)) clashing.push(kpi);
        else if (kpi !== undefined) kpis.set(doc.id, kpi);
        break;
      }
      case 'lookup':
        if (!clashes.has(doc.id)) lookups.set(doc.id, buildLookup(doc, files));
        break;
      case 'hierarchy':
      case 'scorecard':
      case 'role':
      case 'plan':
      case 'alert':
      case 'access':
      case 'check':
      case 'test':
      case 'governance':
        break; // modelled by the phases that later issues add; kept in `documents`
      default: {
        const never: never = doc.kind;
        throw new Error(`unexpected document kind ${String(never)}`);
      }
    }
  }
  return { value: { meta, sources, kpis, lookups, clashes, clashing, documents, files }, diagnostics: [] };
}
