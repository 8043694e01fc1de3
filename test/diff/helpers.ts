/** Diff test helpers: two in-memory versions of a catalog, diffed. */
import { loadCatalogFromFiles } from '../../src/load/load-catalog.js';
import { diffCatalogs } from '../../src/diff/diff-catalogs.js';
import type { CatalogDiff, DocumentChange } from '../../src/diff/types.js';
import { CATALOG_FILES } from '../governance/fixture.js';

/** The diff from the fixture catalog to the fixture with `changes` applied (`null` removes a file). */
export function diffWith(
  changes: Readonly<Record<string, string | null>>,
  base: Readonly<Record<string, string>> = CATALOG_FILES,
): CatalogDiff {
  const head = new Map(Object.entries(base));
  for (const [name, text] of Object.entries(changes)) {
    if (text === null) head.delete(name);
    else head.set(name, text);
  }
  const load = (files: ReadonlyMap<string, string>) => {
    const loaded = loadCatalogFromFiles(files);
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) throw new Error(errors.map((d) => `${d.span.file} ${d.code} ${d.message}`).join('\n'));
    return loaded.value;
  };
  return diffCatalogs(
    { catalog: load(new Map(Object.entries(base))), info: { label: 'base', version: '1.0.0' } },
    { catalog: load(head), info: { label: 'head', version: '1.0.0' } },
  );
}

/** A change as a compact line: `changed kpi win_rate [breaking] formula: a → b (breaking definition)`. */
export function summary(c: DocumentChange): string {
  switch (c.kind) {
    case 'added':
    case 'removed':
      return `${c.kind} ${c.doc.kind} ${c.doc.id} [${c.class}]`;
    case 'renamed':
      return `renamed ${c.doc.kind} ${c.from.id} → ${c.doc.id}${c.alias ? ' (alias)' : ''} [${c.class}]`;
    case 'changed':
      return `changed ${c.doc.kind} ${c.doc.id} [${c.class}] ${c.fields
        .map(
          (f) =>
            `${f.path.join('/')}: ${f.before ?? '∅'} → ${f.after ?? '∅'} (${f.class} ${f.topic}${f.note === undefined ? '' : `, ${f.note}`})`,
        )
        .join('; ')}`;
    default: {
      const never: never = c;
      return never;
    }
  }
}
