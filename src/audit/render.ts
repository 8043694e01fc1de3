/**
 * An audit report as text: a table per check (its rule, owner, severity and remedy, then one line
 * per finding with the key and shown values), JSON (one document) or NDJSON (one finding a line,
 * for log pipelines and spreadsheets).
 */
import type { AuditReport, CheckOutcome, Finding } from './run.js';

function findingObject(o: CheckOutcome, f: Finding): Record<string, unknown> {
  const values: Record<string, string | null> = {};
  o.columns.forEach((c, i) => (values[c] = f.values[i] ?? null));
  const def = o.check.def;
  return {
    check: def.id,
    severity: def.severity,
    owner: def.owner,
    source: def.over.value,
    ...(f.group !== undefined ? { duplicate_of: f.group } : {}),
    values,
  };
}

function checkObject(o: CheckOutcome): Record<string, unknown> {
  const def = o.check.def;
  return {
    check: def.id,
    title: def.title ?? null,
    category: def.category ?? null,
    source: def.over.value,
    owner: def.owner,
    severity: def.severity,
    schedule: def.schedule,
    remedy: def.remedy,
    findings: o.findings.length,
  };
}

/** The report as one JSON document: the audit day, whether it failed, and every check with its findings. */
export function renderAuditJson(report: AuditReport): string {
  const checks = report.outcomes.map((o) => ({ ...checkObject(o), rows: o.findings.map((f) => findingObject(o, f)) }));
  return `${JSON.stringify({ day: report.day, failed: report.failed, checks }, null, 2)}\n`;
}

/** One JSON object per finding, a line each. */
export function renderAuditNdjson(report: AuditReport): string {
  return report.outcomes.flatMap((o) => o.findings.map((f) => `${JSON.stringify(findingObject(o, f))}\n`)).join('');
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

/** The report as plain-text tables, a section per check, and a summary line. */
export function renderAuditTable(report: AuditReport): string {
  const out: string[] = [];
  for (const o of report.outcomes) {
    const def = o.check.def;
    const n = o.findings.length;
    out.push(`${def.id} (${def.severity}, ${def.over.value}, owner ${def.owner}, ${def.schedule}): ${n} finding${n === 1 ? '' : 's'}`);
    if (def.title !== undefined) out.push(`  ${def.title}`);
    if (n > 0) {
      const dup = o.check.rule.kind === 'duplicates';
      const header = [...(dup ? ['duplicate of'] : []), ...o.columns];
      const rows = o.findings.map((f) => [...(dup ? [f.group ?? ''] : []), ...f.values.map((v) => v ?? '(empty)')]);
      out.push(...table(header, rows).map((l) => `  ${l}`));
      out.push(`  remedy: ${def.remedy.trim()}`);
    }
    out.push('');
  }
  const total = report.outcomes.reduce((s, o) => s + o.findings.length, 0);
  const failing = report.outcomes.filter((o) => o.check.def.severity === 'error' && o.findings.length > 0).length;
  out.push(
    `${report.outcomes.length} check${report.outcomes.length === 1 ? '' : 's'} as of ${report.day}: ${total} finding${total === 1 ? '' : 's'}` +
      (failing > 0 ? `; ${failing} error check${failing === 1 ? '' : 's'} failed` : ''),
  );
  return `${out.join('\n')}\n`;
}
