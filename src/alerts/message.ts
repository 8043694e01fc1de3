/**
 * What an alert says: its subject line, its text (for e-mail and terminals) and its JSON (for
 * webhooks and `--format json`), with the values the condition read, the commentary managers
 * wrote on the figure, and who it went to.
 */
import type { CommentLine } from '../scorecard/report.js';
import { formatFigure } from '../scorecard/text.js';
import type { Addressee } from './routing.js';
import type { AlertValue, Firing } from './evaluate.js';

/** A value as text: figures in their unit, statuses as words. */
export function valueText(v: AlertValue, currency: string): string {
  if (typeof v.value === 'string') return v.value;
  return formatFigure(v.value, v.unit === 'ratio' ? 'percent' : v.unit, currency);
}

/** Who an addressee is, in words. */
export function addresseeText(a: Addressee): string {
  return a.kind === 'person'
    ? `${a.name} (${a.member}, ${a.as === 'manager' ? 'manager' : 'next manager'})`
    : `#${a.channel}${a.as === 'owner' ? ' (KPI owner)' : ''}`;
}

/** The node in words: `Team EMEA SMB (ACME Sales › EMEA)`. */
export function nodeText(f: Firing): string {
  return `${f.node.levelTitle} ${f.node.label}${f.node.path.length === 0 ? '' : ` (${f.node.path.join(' › ')})`}`;
}

/** The subject line. */
export function subjectOf(f: Firing): string {
  return `[kpic ${f.severity}${f.escalated ? ', escalated' : ''}] ${f.title} — ${f.node.label}, ${f.period.label}`;
}

/** The plain text of an alert. */
export function alertText(f: Firing, notes: readonly CommentLine[], currency: string): string {
  const lines = [
    `${f.title}`,
    '',
    `Where:     ${nodeText(f)}`,
    `Period:    ${f.period.label} (${f.period.start} – ${f.period.last})`,
    `Severity:  ${f.severity}${f.escalated ? ' (escalated)' : ''}`,
    `Condition: ${f.condition}`,
    '',
    'Values:',
    ...f.values.map((v) => `  ${v.text} = ${valueText(v, currency)}`),
  ];
  if (notes.length > 0)
    lines.push('', 'Commentary:', ...notes.map((n) => `  “${n.body}” — ${n.author}, ${n.at.slice(0, 10)}${n.edited ? ' (edited)' : ''}`));
  lines.push(
    '',
    `Sent to: ${f.to.map(addresseeText).join('; ') || 'nobody (no manager or channel)'}`,
    '',
    `Alert \`${f.alert}\` of the kpic catalog.`,
  );
  return `${lines.join('\n')}\n`;
}

/** An alert as plain JSON data. */
export function alertJson(f: Firing, notes: readonly CommentLine[], currency: string): Record<string, unknown> {
  return {
    alert: f.alert,
    title: f.title,
    severity: f.severity,
    escalated: f.escalated,
    period: { label: f.period.label, start: f.period.start, last: f.period.last },
    node: f.node,
    condition: f.condition,
    values: f.values.map((v) => ({ text: v.text, value: v.value, unit: v.unit ?? null, shown: valueText(v, currency) })),
    to: f.to,
    commentary: notes.map((n) => ({ kpi: n.kpi, body: n.body, author: n.author, at: n.at, edited: n.edited })),
  };
}
