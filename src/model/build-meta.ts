/** Builds the {@link CatalogMeta} from the `catalog` document. */
import type { CatalogDocument, CatalogMeta } from './types.js';
import { DEFAULT_CALENDAR } from './calendar.js';
import { choiceAt, entriesAt, mapAt, numberAt, stringAt, textAt } from './read-node.js';

/** Defaults: currency `USD`, fiscal year starting in January, weeks starting on Monday. */
export function buildMeta(doc: CatalogDocument): CatalogMeta {
  const m = doc.tree;
  const calendar = mapAt(m, 'calendar');
  const fy = calendar === undefined ? undefined : numberAt(calendar, 'fiscal_year_start')?.value;
  const approvals = new Map<string, readonly string[]>();
  const governance = mapAt(m, 'governance');
  for (const e of governance === undefined ? [] : entriesAt(governance, 'approvals')) {
    if (e.value.kind !== 'seq') continue;
    const seats: string[] = [];
    for (const item of e.value.items) {
      if (item.kind === 'scalar' && typeof item.value === 'string') seats.push(item.value);
    }
    approvals.set(e.key, seats);
  }
  return {
    ...doc,
    kind: 'catalog',
    version: stringAt(m, 'version'),
    title: textAt(m, 'title'),
    currency: textAt(m, 'currency') ?? 'USD',
    data: stringAt(m, 'data'),
    asOf: stringAt(m, 'as_of'),
    calendar: {
      fiscalYearStart: fy !== undefined && Number.isInteger(fy) && fy >= 1 && fy <= 12 ? fy : DEFAULT_CALENDAR.fiscalYearStart,
      weekStart:
        (calendar === undefined ? undefined : choiceAt(calendar, 'week_start', ['monday', 'sunday'] as const)?.value) ??
        DEFAULT_CALENDAR.weekStart,
    },
    approvals,
  };
}
