/**
 * Which KPIs and scorecards a change can move: KPIs whose definition changed (or that were
 * renamed, added or removed) and every KPI that depends on a changed definition; scorecards that
 * score any of those, or KPIs whose targets or scoring changed, or that changed themselves.
 */
import type { ChangeImpact } from './impact.js';
import type { CatalogDiff, DocumentChange } from './types.js';
import type { ValueReason } from './value-types.js';

/** A KPI to compare: its id in each version (absent where it does not exist). */
export interface SelectedKpi {
  readonly baseId?: string | undefined;
  readonly headId?: string | undefined;
  readonly reason: ValueReason;
}

/** Whether a change alters what some number means (as opposed to how it is judged or documented). */
function changesDefinition(c: DocumentChange): boolean {
  switch (c.kind) {
    case 'added':
    case 'removed':
    case 'renamed':
      return true;
    case 'changed':
      return c.fields.some((f) => f.topic === 'definition' && f.class !== 'patch');
    default: {
      const never: never = c;
      return never;
    }
  }
}

/** The KPIs whose values to compare, by head id (base id for removed ones). */
export function selectKpis(
  diff: CatalogDiff,
  impacts: readonly ChangeImpact[],
  everyKpi: { readonly base: readonly string[]; readonly head: readonly string[] },
): SelectedKpi[] {
  const renamedTo = new Map<string, string>();
  for (const c of diff.changes) if (c.kind === 'renamed' && c.doc.kind === 'kpi') renamedTo.set(c.from.id, c.doc.id);
  const baseIdOf = (head: string): string | undefined => {
    for (const [from, to] of renamedTo) if (to === head) return from;
    return everyKpi.base.includes(head) ? head : undefined;
  };
  const out = new Map<string, SelectedKpi>();
  const add = (key: string, kpi: SelectedKpi): void => {
    if (!out.has(key)) out.set(key, kpi);
  };
  const definitional = new Set<string>();
  for (const c of diff.changes) {
    if (!changesDefinition(c)) continue;
    definitional.add(`${c.doc.kind}:${c.doc.id}`);
    if (c.doc.kind === 'catalog') for (const id of everyKpi.head) add(id, { baseId: baseIdOf(id), headId: id, reason: 'dependent' });
    if (c.doc.kind !== 'kpi') continue;
    if (c.kind === 'added') add(c.doc.id, { headId: c.doc.id, reason: 'added' });
    else if (c.kind === 'removed') add(`-${c.doc.id}`, { baseId: c.doc.id, reason: 'removed' });
    else if (c.kind === 'renamed') add(c.doc.id, { baseId: c.from.id, headId: c.doc.id, reason: 'renamed' });
    else add(c.doc.id, { baseId: c.doc.id, headId: c.doc.id, reason: 'changed' });
  }
  for (const impact of impacts) {
    if (!definitional.has(`${impact.changed.kind}:${impact.changed.id}`)) continue;
    for (const a of impact.affected) {
      if (a.kind !== 'kpi') continue;
      if (a.inHead) add(a.id, { baseId: baseIdOf(a.id), headId: a.id, reason: 'dependent' });
      else if (!everyKpi.head.includes(a.id)) add(`-${a.id}`, { baseId: a.id, reason: 'removed' });
    }
  }
  return [...out.values()];
}

/** Scorecards (head ids) a change can move: affected, changed, or scoring a KPI whose values, targets or scoring change. */
export function selectScorecards(
  diff: CatalogDiff,
  impacts: readonly ChangeImpact[],
  kpis: readonly SelectedKpi[],
  scorecards: ReadonlyMap<string, { readonly kpis: ReadonlySet<string> }>,
  variantsOf: (id: string) => string,
): string[] {
  const judged = new Set(kpis.flatMap((k) => (k.headId === undefined ? [] : [k.headId])));
  const touched = new Set<string>();
  for (const c of diff.changes) {
    if (c.class === 'patch') continue;
    if (c.kind === 'changed' && c.doc.kind === 'kpi') judged.add(c.doc.id);
    if (c.doc.kind === 'scorecard') touched.add(variantsOf(c.doc.id));
  }
  for (const i of impacts) for (const a of i.affected) if (a.kind === 'scorecard' && a.inHead) touched.add(variantsOf(a.id));
  return [...scorecards.entries()].filter(([id, sc]) => touched.has(id) || [...sc.kpis].some((k) => judged.has(k))).map(([id]) => id);
}
