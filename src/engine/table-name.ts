/** The table of a source that names one (`table:`), as written and as SQL. */
import type { SourceDef } from '../model/types.js';
import type { Dialect } from '../sql/dialect.js';

/**
 * The schema and name of a source's table, as written (`crm.opportunities` → `crm`,
 * `opportunities`); a source that reads files is named by its id (what `kpic compile` writes
 * for a database engine).
 */
export function tableParts(source: SourceDef): string[] {
  return (source.table?.value ?? source.id).split('.');
}

/** The table as a FROM item, every part quoted. */
export function tableSql(source: SourceDef, dialect: Dialect): string {
  return tableParts(source)
    .map((p) => dialect.quoteIdentifier(p))
    .join('.');
}
