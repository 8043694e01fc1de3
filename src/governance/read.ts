/**
 * Reads the governance of a catalog: the `governance` document (at most one), and the short form
 * `governance.approvals` of `catalog.yaml` (kind → seats), which becomes one rule per kind. Checks
 * that rules name defined seats (once a governance document defines any), that seats have someone
 * to approve, and that the review cycle is a duration.
 */
import { diagnostic, type Diagnostic, type PhaseResult } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/span.js';
import { didYouMeanInYaml } from '../diagnostics/suggest.js';
import { yamlScalar } from '../diagnostics/yaml-scalar.js';
import { parseFormula } from '../formula/parse.js';
import type { YMap, YNode } from '../load/tree.js';
import { DOCUMENT_KINDS, type Catalog, type CatalogDocument, type DocumentKind, type Located } from '../model/types.js';
import { DEFAULT_REVIEW_CYCLE, type ApprovalRule, type Governance, type ReviewCycle, type Seat } from './model.js';
import { CHANGE_CLASSES, CHANGE_KINDS, TOPICS } from './vocabulary.js';

function strings(node: YNode | undefined): Located<string>[] {
  if (node?.kind !== 'seq') return [];
  return node.items.flatMap((i) => (i.kind === 'scalar' && typeof i.value === 'string' ? [{ value: i.value, span: i.span }] : []));
}

function text(map: YMap, key: string): string | undefined {
  const v = map.byKey.get(key)?.value;
  return v?.kind === 'scalar' && typeof v.value === 'string' ? v.value : undefined;
}

function choices<T extends string>(map: YMap, key: string, allowed: readonly T[]): T[] | undefined {
  if (!map.byKey.has(key)) return undefined;
  return strings(map.byKey.get(key)?.value)
    .map((s) => s.value)
    .filter((v): v is T => (allowed as readonly string[]).includes(v));
}

function readSeats(doc: CatalogDocument): Map<string, Seat> {
  const seats = new Map<string, Seat>();
  const node = doc.tree.byKey.get('seats')?.value;
  if (node?.kind !== 'map') return seats;
  for (const e of node.entries) {
    const m = e.value.kind === 'map' ? e.value : undefined;
    const teamNode = m?.byKey.get('team')?.value;
    seats.set(e.key, {
      kind: 'seat',
      id: e.key,
      span: e.keySpan,
      title: m === undefined ? undefined : text(m, 'title'),
      members: strings(m?.byKey.get('members')?.value),
      team: teamNode?.kind === 'scalar' && typeof teamNode.value === 'string' ? { value: teamNode.value, span: teamNode.span } : undefined,
    });
  }
  return seats;
}

function describeRule(kinds: readonly string[] | undefined, changes: readonly string[] | undefined): string {
  const what = kinds === undefined ? 'documents' : kinds.map((k) => `${k}s`).join(', ');
  return changes === undefined ? `changes to ${what}` : `${changes.join(' or ')} ${what}`;
}

function readRules(doc: CatalogDocument): ApprovalRule[] {
  const node = doc.tree.byKey.get('rules')?.value;
  if (node?.kind !== 'seq') return [];
  const rules: ApprovalRule[] = [];
  for (const item of node.items) {
    if (item.kind !== 'map') continue;
    const seatsNode = item.byKey.get('seats')?.value;
    const seats = seatsNode?.kind === 'scalar' && seatsNode.value === 'all' ? 'all' : strings(seatsNode);
    const kinds = choices<DocumentKind>(item, 'kinds', DOCUMENT_KINDS);
    const changes = choices(item, 'changes', CHANGE_KINDS);
    rules.push({
      kind: 'approval-rule',
      span: item.span,
      title: text(item, 'title') ?? describeRule(kinds, changes),
      kinds,
      changes,
      classes: choices(item, 'classes', CHANGE_CLASSES),
      topics: choices(item, 'topics', TOPICS),
      seats,
    });
  }
  return rules;
}

/** `catalog.yaml`'s `governance.approvals`: one rule per kind. */
function catalogRules(catalog: Catalog): ApprovalRule[] {
  const meta = catalog.meta;
  const governance = meta?.tree.byKey.get('governance')?.value;
  const approvals = governance?.kind === 'map' ? governance.byKey.get('approvals')?.value : undefined;
  if (approvals?.kind !== 'map') return [];
  return approvals.entries
    .filter((e) => (DOCUMENT_KINDS as readonly string[]).includes(e.key))
    .map((e) => ({
      kind: 'approval-rule' as const,
      span: e.keySpan,
      title: `changes to ${e.key} documents (catalog.yaml)`,
      kinds: [e.key as DocumentKind],
      seats: strings(e.value),
    }));
}

function readCycle(doc: CatalogDocument, diagnostics: Diagnostic[]): ReviewCycle {
  const node = doc.tree.byKey.get('review_cycle')?.value;
  if (node?.kind !== 'scalar' || typeof node.value !== 'string') return DEFAULT_REVIEW_CYCLE;
  const parsed = parseFormula(node.value);
  const e = parsed.value;
  if (parsed.diagnostics.length === 0 && e.kind === 'duration' && e.amount > 0 && Number.isInteger(e.amount)) {
    return { amount: e.amount, unit: e.unit, text: node.value.trim() };
  }
  diagnostics.push(
    diagnostic('governance/bad-cycle', node.span, `\`review_cycle: ${node.value}\` is not a duration`, {
      hint: 'write a whole number of days, weeks, months, quarters or years, e.g. `1 year` or `2 quarters`',
    }),
  );
  return DEFAULT_REVIEW_CYCLE;
}

function checkSeats(rules: readonly ApprovalRule[], seats: ReadonlyMap<string, Seat>, diagnostics: Diagnostic[]): void {
  for (const rule of rules) {
    if (rule.seats === 'all') continue;
    for (const seat of rule.seats) {
      if (seats.has(seat.value)) continue;
      diagnostics.push(
        diagnostic('governance/unknown-seat', seat.span, `unknown seat \`${seat.value}\`: the governance document does not define it`, {
          hint: didYouMeanInYaml(seat.value, seats.keys()) ?? `seats: ${[...seats.keys()].map(yamlScalar).join(', ')}`,
        }),
      );
    }
  }
  for (const seat of seats.values()) {
    if (seat.members.length > 0 || seat.team !== undefined) continue;
    diagnostics.push(
      diagnostic('governance/empty-seat', seat.span, `seat \`${seat.id}\` has no members and no team, so nobody can approve for it`, {
        hint: 'add `members: [github-login, …]` (and `team: "@org/team"` for CODEOWNERS)',
      }),
    );
  }
}

/** The governance of `catalog`, with its diagnostics. */
export function readGovernance(catalog: Catalog): PhaseResult<Governance> {
  const diagnostics: Diagnostic[] = [];
  const docs = catalog.documents.filter((d) => d.kind === 'governance');
  const [doc, ...extra] = docs;
  for (const d of extra) {
    const first: Span = doc?.kindSpan ?? d.kindSpan;
    diagnostics.push(
      diagnostic('governance/duplicate-document', d.kindSpan, `a second \`governance\` document (\`${d.id}\`); a catalog has at most one`, {
        hint: 'merge the two into one document',
        related: [{ span: first, message: 'the first one' }],
      }),
    );
  }
  const rules = [...(doc === undefined ? [] : readRules(doc)), ...catalogRules(catalog)];
  const seats = doc === undefined ? new Map<string, Seat>() : readSeats(doc);
  if (doc !== undefined) checkSeats(rules, seats, diagnostics);
  return {
    value: {
      kind: 'governance',
      id: doc?.id,
      title: doc === undefined ? undefined : text(doc.tree, 'title'),
      seats,
      rules,
      reviewCycle: doc === undefined ? DEFAULT_REVIEW_CYCLE : readCycle(doc, diagnostics),
    },
    diagnostics,
  };
}
