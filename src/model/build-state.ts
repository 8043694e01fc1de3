/**
 * The state-over-time settings of a `source` document: `interval:` (each row holds between two
 * dates) and `changes:` (the source is a change log of another source's rows).
 */
import type { YMap } from '../load/tree.js';
import type { ChangeLogDef, IntervalDef, Located } from './types.js';
import { itemsAt, mapAt, stringAt } from './read-node.js';

/** The `interval:` of a source document, when it has a valid one. */
export function buildInterval(doc: YMap): IntervalDef | undefined {
  const m = mapAt(doc, 'interval');
  const from = m === undefined ? undefined : stringAt(m, 'from');
  if (m === undefined || from === undefined) return undefined;
  return { span: m.span, from, to: stringAt(m, 'to') };
}

/** The `changes:` of a source document, when it has a valid one. */
export function buildChangeLog(doc: YMap): ChangeLogDef | undefined {
  const m = mapAt(doc, 'changes');
  if (m === undefined) return undefined;
  const of = stringAt(m, 'of');
  const key = stringAt(m, 'key');
  const at = stringAt(m, 'at');
  const field = stringAt(m, 'field');
  const old = stringAt(m, 'old');
  const next = stringAt(m, 'new');
  if (of === undefined || key === undefined || at === undefined || field === undefined || old === undefined || next === undefined) {
    return undefined; // the schema phase said what is missing
  }
  const fields: Located<string>[] = [];
  for (const item of itemsAt(m, 'fields')) {
    if (item.kind === 'scalar' && typeof item.value === 'string') fields.push({ value: item.value, span: item.span });
  }
  return { span: m.span, of, key, at, field, old, new: next, fields: m.byKey.has('fields') ? fields : undefined };
}
