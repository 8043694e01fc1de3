/**
 * Rules over all documents at once: ids are unique per namespace (sources, KPIs and lookups share
 * one, since a formula can name any of them; every other kind has its own), and there is exactly
 * one `catalog` document, in the root `catalog.yaml`.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { lineColumnOf, type SourceText, type Span } from '../diagnostics/span.js';
import type { CatalogDocument, DocumentKind } from '../model/types.js';

/** The root file that holds the `catalog` document. */
export const ROOT_FILE = 'catalog.yaml';

const SHARED: ReadonlySet<DocumentKind> = new Set<DocumentKind>(['source', 'kpi', 'lookup']);

/** The namespace a kind's ids live in. */
function namespaceOf(kind: DocumentKind): string {
  return SHARED.has(kind) ? 'formula names' : kind;
}

function where(sources: ReadonlyMap<string, SourceText>, span: Span): string {
  const source = sources.get(span.file);
  return source === undefined ? span.file : `${span.file}:${lineColumnOf(source, span.start).line}`;
}

/** What the checks need to know besides the documents. */
export interface DocumentSetContext {
  readonly sources: ReadonlyMap<string, SourceText>;
  /** Whether `catalog.yaml` was among the files at all (its absence is reported elsewhere). */
  readonly hasRootFile: boolean;
  /** Whether `catalog.yaml` had a YAML error (then a missing catalog document is no news). */
  readonly rootHadErrors: boolean;
}

/**
 * One error at each document claiming an id that another claims too, naming the others: the new
 * copy and the old one are both at fault (which to rename is the author's call), and an error
 * only at the file that happens to be read second would point at a file nobody touched.
 */
const kindName = (kind: DocumentKind): string => (kind === 'kpi' ? 'KPI' : kind);

function clashAtEveryPlace(id: string, docs: readonly CatalogDocument[], ctx: DocumentSetContext): Diagnostic[] {
  return docs.map((doc) => {
    const others = docs.filter((d) => d !== doc);
    const places = others
      .map((d) => `${d.kind === doc.kind ? '' : `the ${kindName(d.kind)} at `}${where(ctx.sources, d.idSpan)}`)
      .join(', ');
    const shared = others.some((d) => d.kind !== doc.kind) ? '; sources, KPIs and lookups share one namespace' : '';
    const message = others.every((d) => d.kind === doc.kind)
      ? `duplicate ${kindName(doc.kind)} id \`${id}\`: it is also defined at ${places}`
      : `duplicate id \`${id}\`: it is also the id of ${places}${shared}`;
    return diagnostic('load/duplicate-id', doc.idSpan, message, {
      hint: 'rename one of them',
      related: others.map((d) => ({ span: d.idSpan, message: `also \`${id}\` (${kindName(d.kind)})` })),
    });
  });
}

/** Diagnostics for duplicate ids and misplaced, repeated or missing `catalog` documents. */
export function checkDocumentSet(documents: readonly CatalogDocument[], ctx: DocumentSetContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const seen = new Map<string, Map<string, CatalogDocument[]>>();
  let rootCatalog: CatalogDocument | undefined;
  for (const doc of documents) {
    if (doc.kind === 'catalog') {
      if (doc.file !== ROOT_FILE) {
        diagnostics.push(
          diagnostic(
            'load/catalog-document',
            doc.kindSpan,
            `the \`catalog\` document must be in the root \`${ROOT_FILE}\`, not in \`${doc.file}\``,
            {
              hint: `move it to \`${ROOT_FILE}\` at the top of the catalog folder`,
            },
          ),
        );
      } else if (rootCatalog !== undefined) {
        diagnostics.push(
          diagnostic(
            'load/catalog-document',
            doc.kindSpan,
            `a second \`catalog\` document; a catalog has exactly one (the first is at ${where(ctx.sources, rootCatalog.kindSpan)})`,
            {
              hint: 'merge the two into one document',
              related: [{ span: rootCatalog.kindSpan, message: 'first defined here' }],
            },
          ),
        );
      } else {
        rootCatalog = doc;
      }
      continue;
    }
    const ns = namespaceOf(doc.kind);
    let ids = seen.get(ns);
    if (ids === undefined) {
      ids = new Map();
      seen.set(ns, ids);
    }
    ids.set(doc.id, [...(ids.get(doc.id) ?? []), doc]);
  }
  for (const ids of seen.values()) {
    for (const [id, docs] of ids) if (docs.length > 1) diagnostics.push(...clashAtEveryPlace(id, docs, ctx));
  }
  if (rootCatalog === undefined && ctx.hasRootFile && !ctx.rootHadErrors) {
    diagnostics.push(
      diagnostic('load/catalog-document', { file: ROOT_FILE, start: 0, end: 0 }, `\`${ROOT_FILE}\` has no \`catalog\` document`, {
        hint: 'start it with `catalog: <id>`, e.g. `catalog: acme_sales`',
      }),
    );
  }
  return diagnostics;
}
