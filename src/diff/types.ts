/**
 * A semantic diff of two versions of a catalog: per document, added, removed, renamed (the same
 * body under a new id) or changed (the fields that changed, each with its class and topic). Plain,
 * JSON-serialisable data; spans point into the head version's files (the base's for removals).
 */
import type { Span } from '../diagnostics/span.js';
import type { ChangeClass, Topic } from '../governance/vocabulary.js';
import type { DocumentKind } from '../model/types.js';

/** A document of one version. */
export interface DocRef {
  readonly kind: DocumentKind;
  readonly id: string;
  /** Catalog-relative file. */
  readonly file: string;
  readonly title?: string | undefined;
  /** Span of the id. */
  readonly span: Span;
}

/** One changed field of a document. */
export interface FieldChange {
  readonly kind: 'field';
  /** Keys down to the field; list items matched by key appear as that key (`bookings`), others by position (1-based). */
  readonly path: readonly string[];
  readonly change: 'added' | 'removed' | 'changed';
  /** The values as written, on one line. */
  readonly before?: string | undefined;
  readonly after?: string | undefined;
  readonly class: ChangeClass;
  readonly topic: Topic;
  /** Why the class is what it is, when the field alone does not say (`follows the rename of …`). */
  readonly note?: string | undefined;
  /** Where the field is in the head (in the base when it was removed). */
  readonly span: Span;
  /** Whether `span` is in the head version's files. */
  readonly inHead: boolean;
}

/** What happened to one document. */
export type DocumentChange =
  | { readonly kind: 'added'; readonly doc: DocRef; readonly class: ChangeClass; readonly topics: readonly Topic[] }
  | {
      readonly kind: 'removed';
      readonly doc: DocRef;
      readonly class: ChangeClass;
      readonly topics: readonly Topic[];
      readonly note?: string;
    }
  | {
      readonly kind: 'renamed';
      /** The document in the base. */
      readonly from: DocRef;
      /** The document in the head. */
      readonly doc: DocRef;
      /** The old id stays as a deprecated KPI that names the new one (`replaced_by`): references keep working. */
      readonly alias: boolean;
      readonly class: ChangeClass;
      readonly topics: readonly Topic[];
    }
  | { readonly kind: 'changed'; readonly doc: DocRef; readonly class: ChangeClass; readonly fields: readonly FieldChange[] };

/** One version of the catalog, as the report names it. */
export interface VersionInfo {
  /** How it was given: `main@1a2b3c4 (merge base with main)`, `working tree`, a folder. */
  readonly label: string;
  /** The catalog's `version:`, if any. */
  readonly version?: string | undefined;
  readonly title?: string | undefined;
}

/** The diff. */
export interface CatalogDiff {
  readonly kind: 'catalog-diff';
  readonly base: VersionInfo;
  readonly head: VersionInfo;
  /** In head file order (removals last, in base file order). */
  readonly changes: readonly DocumentChange[];
  /** The largest class of any change; undefined when nothing changed. */
  readonly largest?: ChangeClass | undefined;
}
