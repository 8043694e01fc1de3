/**
 * The approvals a change needs: each document change is seen as facets (its kind, what happened,
 * the class and topic of each changed field) and every rule whose conditions all hold for a facet
 * adds its seats. The rules in force are those of the base version, so a pull request cannot
 * lower the bar for itself; a change to the rules is itself a change that needs approval.
 */
import type { CatalogDiff, DocumentChange } from './types.js';
import type { DocumentKind } from '../model/types.js';
import type { ApprovalRule, Governance } from '../governance/model.js';
import type { ChangeClass, ChangeKind, Topic } from '../governance/vocabulary.js';

/** One aspect of a change that rules are matched against. */
interface Facet {
  readonly kind: DocumentKind;
  readonly change: ChangeKind;
  readonly class: ChangeClass;
  readonly topic: Topic;
}

/** Why a seat must approve: a rule and the documents it covers. */
interface ApprovalReason {
  readonly rule: string;
  /** `` kpi `win_rate` `` labels of the documents. */
  readonly documents: readonly string[];
}

/** A seat that must approve. */
export interface RequiredSeat {
  readonly seat: string;
  readonly title?: string | undefined;
  readonly members: readonly string[];
  readonly team?: string | undefined;
  /** Whether the governance document defines the seat (otherwise nobody is known to fill it). */
  readonly defined: boolean;
  readonly reasons: readonly ApprovalReason[];
}

function facets(c: DocumentChange): Facet[] {
  const kind = c.doc.kind;
  switch (c.kind) {
    case 'added':
    case 'removed':
    case 'renamed':
      return c.topics.map((topic) => ({ kind, change: c.kind, class: c.class, topic }));
    case 'changed':
      return c.fields.map((f) => ({ kind, change: 'changed' as const, class: f.class, topic: f.topic }));
    default: {
      const never: never = c;
      return never;
    }
  }
}

function matches(rule: ApprovalRule, f: Facet): boolean {
  return (
    (rule.kinds?.includes(f.kind) ?? true) &&
    (rule.changes?.includes(f.change) ?? true) &&
    (rule.classes?.includes(f.class) ?? true) &&
    (rule.topics?.includes(f.topic) ?? true)
  );
}

/** The seats whose approval `diff` needs under `governance`, in the order the governance lists them. */
export function requiredApprovals(governance: Governance, diff: CatalogDiff): RequiredSeat[] {
  const reasons = new Map<string, Map<string, Set<string>>>();
  for (const c of diff.changes) {
    const label = `${c.doc.kind} \`${c.doc.id}\``;
    const fs = facets(c);
    for (const rule of governance.rules) {
      if (!fs.some((f) => matches(rule, f))) continue;
      const seats = rule.seats === 'all' ? [...governance.seats.keys()] : rule.seats.map((s) => s.value);
      for (const seat of seats) {
        const byRule = reasons.get(seat) ?? new Map<string, Set<string>>();
        const docs = byRule.get(rule.title) ?? new Set<string>();
        docs.add(label);
        byRule.set(rule.title, docs);
        reasons.set(seat, byRule);
      }
    }
  }
  const order = [...governance.seats.keys()];
  const rank = (s: string): number => (order.includes(s) ? order.indexOf(s) : order.length);
  return [...reasons.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : 1))
    .map(([seat, byRule]) => {
      const def = governance.seats.get(seat);
      return {
        seat,
        title: def?.title,
        members: def?.members.map((m) => m.value) ?? [],
        team: def?.team?.value,
        defined: def !== undefined,
        reasons: [...byRule.entries()].map(([rule, docs]) => ({ rule, documents: [...docs] })),
      };
    });
}
