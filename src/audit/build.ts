/**
 * Reads `check` documents into {@link CheckDef}s. Like the other model builders it reports
 * nothing: the schema phase checked the shapes; a document the schema rejected is left out.
 */
import type { SourceText } from '../diagnostics/span.js';
import { choiceAt, entriesAt, formulaAt, formulaOf, itemsAt, numberAt, stringAt, textAt } from '../model/read-node.js';
import type { Catalog, CatalogDocument } from '../model/types.js';
import {
  CHECK_SEVERITIES,
  type CheckCategory,
  type CheckDef,
  type CheckRule,
  type CheckSchedule,
  type RelatedDef,
  type ReviewDef,
} from './model.js';

const CATEGORIES: readonly CheckCategory[] = ['hygiene', 'manipulation', 'reconciliation'];
const SCHEDULES: readonly CheckSchedule[] = ['hourly', 'daily', 'weekly', 'monthly', 'quarterly'];

function buildCheck(doc: CatalogDocument, files: ReadonlyMap<string, SourceText>): CheckDef | undefined {
  const m = doc.tree;
  const over = stringAt(m, 'over');
  const owner = textAt(m, 'owner');
  const severity = choiceAt(m, 'severity', CHECK_SEVERITIES)?.value;
  const schedule = choiceAt(m, 'schedule', SCHEDULES)?.value;
  const remedy = textAt(m, 'remedy');
  const fails = formulaAt(m, 'fails', files);
  const duplicates = formulaAt(m, 'duplicates', files);
  const rule: CheckRule | undefined =
    fails !== undefined && duplicates === undefined
      ? { kind: 'fails', condition: fails }
      : duplicates !== undefined && fails === undefined
        ? {
            kind: 'duplicates',
            value: duplicates,
            similarity: numberAt(m, 'similarity'),
            same: itemsAt(m, 'same').flatMap((item) => {
              const f = formulaOf(item, files);
              return f === undefined ? [] : [f];
            }),
          }
        : undefined;
  if (over === undefined || owner === undefined || severity === undefined || schedule === undefined || remedy === undefined)
    return undefined;
  if (rule === undefined) return undefined;
  const show = itemsAt(m, 'show').flatMap((item) => {
    const f = formulaOf(item, files);
    return f === undefined ? [] : [f];
  });
  const related = entriesAt(m, 'related').flatMap((e): RelatedDef[] => {
    const formula = formulaOf(e.value, files);
    return formula === undefined ? [] : [{ name: e.key, span: e.keySpan, formula }];
  });
  const reviewed = itemsAt(m, 'reviewed').flatMap((item): ReviewDef[] => {
    if (item.kind !== 'map') return [];
    const finding = textAt(item, 'finding');
    const reason = textAt(item, 'reason');
    return finding === undefined || reason === undefined
      ? []
      : [{ finding, reason, by: textAt(item, 'by'), on: textAt(item, 'on'), span: item.span }];
  });
  return {
    kind: 'check',
    id: doc.id,
    file: doc.file,
    span: doc.idSpan,
    title: textAt(m, 'title'),
    description: textAt(m, 'description'),
    category: choiceAt(m, 'category', CATEGORIES)?.value,
    over,
    owner,
    severity,
    schedule,
    remedy,
    where: formulaAt(m, 'where', files),
    related,
    rule,
    show,
    reviewed,
  };
}

/** The catalog's checks by id, in document order (the first of a repeated id wins). */
export function buildChecks(catalog: Catalog): ReadonlyMap<string, CheckDef> {
  const checks = new Map<string, CheckDef>();
  for (const doc of catalog.documents) {
    if (doc.kind !== 'check' || checks.has(doc.id)) continue;
    const check = buildCheck(doc, catalog.files);
    if (check !== undefined) checks.set(doc.id, check);
  }
  return checks;
}
