/**
 * The kind and id of a document: its first key names the kind, that key's value is the id
 * (LANGUAGE.md §1). A document whose kind or id cannot be read is not passed on.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { closestName } from '../diagnostics/suggest.js';
import { yamlScalar } from '../diagnostics/yaml-scalar.js';
import { DOCUMENT_KINDS, ID_PATTERN, type CatalogDocument, type DocumentKind } from '../model/types.js';
import type { YNode } from './tree.js';
import { describeNode, shorten } from './describe-node.js';

const KINDS: ReadonlySet<string> = new Set(DOCUMENT_KINDS);

function isKind(key: string): key is DocumentKind {
  return KINDS.has(key);
}

/** A valid id close to `id` (lower-cased, other characters turned to `_`), if there is one. */
export function fixId(id: string): string | undefined {
  const fixed = id
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return ID_PATTERN.test(fixed) && fixed !== id ? fixed : undefined;
}

/** Reads the kind and id of one document tree of `file`. */
export function identifyDocument(tree: YNode, file: string): { document?: CatalogDocument; diagnostics: Diagnostic[] } {
  const example = 'like `kpi: win_rate` or `source: opportunities`';
  if (tree.kind !== 'map') {
    return {
      diagnostics: [
        diagnostic(
          'load/not-a-mapping',
          tree.span,
          `a catalog document must be a mapping whose first key names its kind, ${example}; this one is ${describeNode(tree)}`,
        ),
      ],
    };
  }
  const first = tree.entries[0];
  if (first === undefined) {
    return {
      diagnostics: [
        diagnostic('load/not-a-mapping', tree.span, `this document is an empty mapping; its first key must name its kind, ${example}`),
      ],
    };
  }
  const kind = first.key;
  if (!isKind(kind)) {
    const later = tree.entries.find((e) => isKind(e.key));
    const near = closestName(kind, DOCUMENT_KINDS);
    const hint =
      later !== undefined
        ? `move \`${later.key}:\` to the top: the first key names the document's kind`
        : near !== undefined
          ? `did you mean \`${near}\`?`
          : undefined;
    return {
      diagnostics: [
        diagnostic(
          'load/unknown-kind',
          first.keySpan,
          `unknown document kind \`${kind}\`; the first key of a document names its kind: one of ${DOCUMENT_KINDS.map((k) => `\`${k}\``).join(', ')}`,
          { hint },
        ),
      ],
    };
  }
  const idNode = first.value;
  if (idNode.kind !== 'scalar' || typeof idNode.value !== 'string') {
    const span = idNode.kind === 'scalar' && idNode.value === null ? first.keySpan : idNode.span;
    return {
      diagnostics: [
        diagnostic('load/bad-id', span, `the id of a ${kind} must be a name matching \`[a-z][a-z0-9_]*\`; found ${describeNode(idNode)}`, {
          hint: `write the id after the kind, e.g. \`${kind}: my_${kind}\``,
        }),
      ],
    };
  }
  const id = idNode.value;
  const diagnostics: Diagnostic[] = [];
  if (!ID_PATTERN.test(id)) {
    const fixed = fixId(id);
    diagnostics.push(
      diagnostic(
        'load/bad-id',
        idNode.span,
        `\`${shorten(id)}\` is not a valid ${kind} id: ids match \`[a-z][a-z0-9_]*\` (lower-case letters, digits and \`_\`, starting with a letter)`,
        { hint: fixed === undefined ? undefined : `did you mean \`${yamlScalar(fixed)}\`?` },
      ),
    );
  }
  const document: CatalogDocument = { kind, id, idSpan: idNode.span, kindSpan: first.keySpan, file, tree };
  return { document, diagnostics };
}
