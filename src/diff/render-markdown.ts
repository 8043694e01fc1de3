/**
 * The diff as a pull-request comment: a short summary for the committee first — what changed and
 * how large it is, which numbers and statuses move, who must approve, whether the version is
 * right — then the details folded away (`<details>`): every change, the downstream impact, the
 * values under both versions, the changelog entry.
 */
import type { RequiredSeat } from './required.js';
import type { ChangeClass } from '../governance/vocabulary.js';
import { code, describeChange, describeFields, docLabel } from './describe.js';
import type { ChangeImpact } from './impact.js';
import { sectionDetails, sectionSummary } from './markdown-values.js';
import type { DiffReport } from './report.js';
import type { DocumentChange } from './types.js';

const CLASS_WORDS: Readonly<Record<ChangeClass, string>> = { breaking: 'breaking', minor: 'minor', patch: 'patch' };

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function details(title: string, body: readonly string[]): string[] {
  return ['<details>', `<summary>${title}</summary>`, '', ...body, '', '</details>', ''];
}

function headline(r: DiffReport): string {
  const { base, head } = r.diff;
  const from = base.version ?? '(no version)';
  const to = head.version ?? '(no version)';
  return `### Catalog change: ${code(r.catalog.id)} ${from} → ${to}`;
}

function classLine(r: DiffReport): string {
  const n = (c: ChangeClass): number => r.diff.changes.filter((x) => x.class === c).length;
  if (r.diff.changes.length === 0) return 'No change to the catalog’s meaning (layout and comments aside).';
  const counts = (['breaking', 'minor', 'patch'] as const).map((c) => `${n(c)} ${CLASS_WORDS[c]}`).join(' · ');
  return `**${plural(r.diff.changes.length, 'changed document')}**: ${counts}.`;
}

function versionLine(r: DiffReport): string {
  const v = r.version;
  if (v.required === 'none') return '';
  if (v.ok) return `Version: ${v.required} bump required, ${v.head ?? ''} is right.`;
  const suggested = v.suggested === undefined ? '' : ` (suggested: ${code(v.suggested)})`;
  return `**Version: the changes need a ${v.required} bump${suggested}; the catalog says ${code(v.head ?? 'no version')}.**`;
}

function changeRow(c: DocumentChange): string {
  const text = c.kind === 'changed' ? `${docLabel(c.doc)}${c.doc.title === undefined ? '' : ` (${c.doc.title})`}` : describeChange(c);
  const what = c.kind === 'changed' ? describeFields(c.fields).join('<br>') : '';
  return `| ${c.class} | ${text.replace(/\|/g, '\\|')} | ${what.replace(/\|/g, '\\|')} |`;
}

function impactLines(impacts: readonly ChangeImpact[]): string[] {
  const lines: string[] = [];
  for (const i of impacts) {
    if (i.affected.length === 0) continue;
    const direct = i.affected.filter((a) => a.distance === 1).map((a) => docLabel(a));
    const indirect = i.affected.filter((a) => a.distance > 1).map((a) => `${docLabel(a)} (through ${code(a.through.id)})`);
    lines.push(`- ${docLabel(i.changed)} → ${[...direct, ...indirect].join(', ')}`);
  }
  return lines;
}

function impactSummary(impacts: readonly ChangeImpact[]): string {
  const all = new Map<string, string>();
  for (const i of impacts) for (const a of i.affected) all.set(`${a.kind}:${a.id}`, a.kind);
  if (all.size === 0) return '';
  const byKind = new Map<string, number>();
  for (const kind of all.values()) byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
  const parts = [...byKind.entries()].map(([kind, n]) => plural(n, kind));
  return `**Downstream**: ${parts.join(', ')} depend on what changed (details below).`;
}

function approvalLine(seat: RequiredSeat): string {
  const who = seat.team ?? (seat.members.length > 0 ? seat.members.map((m) => `@${m}`).join(', ') : 'no members named');
  const why = seat.reasons.map((r) => r.rule).join('; ');
  return `- **${seat.title ?? seat.seat}** (${code(seat.seat)}: ${who}) — ${why}`;
}

function approvalsSection(r: DiffReport): string[] {
  if (r.rulesFrom === 'none') return ['**Approvals**: the catalog names no approval rules.'];
  if (r.approvals.length === 0) return ['**Approvals**: no rule asks for an approval of these changes.'];
  const from = r.rulesFrom === 'head' ? ' (the rules of this new catalog)' : '';
  return [`**Approvals needed**${from}:`, ...r.approvals.map(approvalLine)];
}

/** The report as a pull-request comment. */
export function renderDiffMarkdown(r: DiffReport): string {
  const out: string[] = [headline(r), '', classLine(r)];
  const version = versionLine(r);
  if (version !== '') out.push('', version);
  if (r.diff.changes.length > 0) {
    out.push('', '| class | document | what changed |', '| --- | --- | --- |', ...r.diff.changes.map(changeRow));
  }
  const values = r.values;
  if (values.kind === 'value-impact') {
    for (const s of values.sections) {
      const lines = sectionSummary(s, values.currency);
      if (lines.length > 0) out.push('', ...lines);
    }
  } else if (r.diff.changes.length > 0) out.push('', `Numbers: not computed (${values.reason}).`);
  const downstream = impactSummary(r.impacts);
  if (downstream !== '') out.push('', downstream);
  if (r.diff.changes.length > 0) out.push('', ...approvalsSection(r));
  out.push('');
  const impact = impactLines(r.impacts);
  if (impact.length > 0) out.push(...details('Downstream impact', impact));
  if (values.kind === 'value-impact') {
    for (const s of values.sections) {
      const d = sectionDetails(s, values.currency);
      out.push(...details(d.title, d.body));
    }
  }
  if (r.diff.changes.length > 0) out.push(...details('Changelog entry', ['```markdown', r.changelog.trimEnd(), '```']));
  out.push(`<sub>${r.diff.base.label} → ${r.diff.head.label} · generated by kpic diff</sub>`, '');
  return out.join('\n');
}
