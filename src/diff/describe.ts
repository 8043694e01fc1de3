/** Plain-words descriptions of changes, shared by the markdown, GitHub and changelog outputs. */
import type { DocRef, DocumentChange, FieldChange } from './types.js';

/** `` kpi `win_rate` ``. */
export function docLabel(doc: Pick<DocRef, 'kind' | 'id'>): string {
  return `${doc.kind} \`${doc.id}\``;
}

/** `` `value` `` for inline code, with backticks in the value made harmless. */
export function code(text: string): string {
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}

/** `perspectives › financial › bookings › weight`; the document itself for an empty path. */
function fieldLabel(f: FieldChange): string {
  return f.path.length === 0 ? 'the document' : f.path.join(' › ');
}

/** Prose fields: their change is named, not quoted (a paragraph does not fit on a line). */
const PROSE = new Set(['description']);

/** `formula: `a` → `b``, `column added: …`. */
export function describeField(f: FieldChange): string {
  const label = fieldLabel(f);
  const note = f.note === undefined ? '' : ` (${f.note})`;
  if (f.topic === 'layout') return `moved from ${code(f.before ?? '')} to ${code(f.after ?? '')}`;
  if (PROSE.has(f.path[f.path.length - 1] ?? '')) return `${label} ${f.change === 'changed' ? 'rewritten' : f.change}`;
  switch (f.change) {
    case 'added':
      return `${label} added: ${code(f.after ?? '')}${note}`;
    case 'removed':
      return `${label} removed (was ${code(f.before ?? '')})${note}`;
    case 'changed':
      return `${label}: ${code(f.before ?? '')} → ${code(f.after ?? '')}${note}`;
    default: {
      const never: never = f.change;
      return never;
    }
  }
}

/** One line per document change: what happened to it. */
export function describeChange(c: DocumentChange): string {
  switch (c.kind) {
    case 'added':
      return `new ${docLabel(c.doc)}${c.doc.title === undefined ? '' : ` (${c.doc.title})`}`;
    case 'removed':
      return `${docLabel(c.doc)} removed${c.note === undefined ? '' : `: ${c.note}`}`;
    case 'renamed':
      return c.alias
        ? `${docLabel(c.from)} renamed to ${code(c.doc.id)}; the old id stays as a deprecated alias`
        : `${docLabel(c.from)} renamed to ${code(c.doc.id)} without an alias: whatever names ${code(c.from.id)} breaks`;
    case 'changed':
      return `${docLabel(c.doc)}: ${describeFields(c.fields).join('; ')}`;
    default: {
      const never: never = c;
      return never;
    }
  }
}

/**
 * The fields of a change as reviewers read them: every field that matters (above patch) in full,
 * then the patch-level ones named together (`title and description also updated`).
 */
export function describeFields(fields: readonly FieldChange[]): string[] {
  const major = fields.filter((f) => f.class !== 'patch');
  if (major.length === 0) return fields.map(describeField);
  const minor = fields.filter((f) => f.class === 'patch').map(fieldLabel);
  const also =
    minor.length === 0
      ? []
      : [`${minor.length === 1 ? minor[0] : `${minor.slice(0, -1).join(', ')} and ${minor[minor.length - 1]}`} also updated`];
  return [...major.map(describeField), ...also];
}
