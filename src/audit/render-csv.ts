/**
 * An audit report as CSV: one finding a line, with its check, who it is for, the record's key, the
 * values the check shows (`label=value; …`), its fingerprint and its review — for spreadsheets and
 * ticketing imports. Fields are quoted per RFC 4180; values are the data's own text.
 */
import { csvField } from '../results/csv.js';
import type { AuditReport, CheckOutcome, Finding } from './run.js';

const HEADER = [
  'check',
  'severity',
  'category',
  'owner',
  'source',
  'key',
  'rep',
  'team',
  'manager',
  'duplicate_of',
  'values',
  'fingerprint',
  'reviewed',
  'review_reason',
];

const line = (cells: readonly (string | null)[]): string => `${cells.map(csvField).join(',')}\n`;

/** The header row of the audit CSV (with its line break). */
export const AUDIT_CSV_HEADER = line(HEADER);

/** A finding as one CSV row (with its line break). */
export function csvLine(o: CheckOutcome, f: Finding): string {
  const def = o.check.def;
  const keyed = o.check.source.key !== undefined;
  const values = o.columns
    .map((c, i) => [c, f.values[i] ?? null] as const)
    .filter((_, i) => !keyed || i > 0)
    .map(([c, v]) => `${c}=${v ?? ''}`)
    .join('; ');
  return line([
    def.id,
    def.severity,
    def.category ?? null,
    def.owner,
    def.over.value,
    keyed ? (f.values[0] ?? null) : null,
    f.rep,
    f.team,
    f.manager,
    f.group ?? null,
    values,
    f.fingerprint,
    f.reviewed === undefined ? 'false' : 'true',
    f.reviewed?.reason ?? null,
  ]);
}

/** The report as CSV text with a header row. */
export function renderAuditCsv(report: AuditReport): string {
  return AUDIT_CSV_HEADER + report.outcomes.flatMap((o) => o.findings.map((f) => csvLine(o, f))).join('');
}
