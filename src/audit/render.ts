/**
 * An audit report as text: a table per check (its rule, owner, severity and remedy, then one line
 * per finding with the key, shown values, who it is for and its fingerprint) and totals per
 * check, rep and team; JSON (one document) or NDJSON (one finding a line, for log pipelines).
 */
import type { AuditReport, CheckOutcome, Finding } from './run.js';
import { auditTotals, type Total } from './totals.js';

/** A finding as a plain object: its check, who it is for, its values by label, and its review. */
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
    rep: f.rep,
    team: f.team,
    manager: f.manager,
    values,
    fingerprint: f.fingerprint,
    reviewed: f.reviewed === undefined ? null : { reason: f.reviewed.reason, by: f.reviewed.by ?? null, on: f.reviewed.on ?? null },
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
    reviewed: o.findings.filter((f) => f.reviewed !== undefined).length,
  };
}

/** The report as one JSON document: the audit day, whether it failed, every check with its findings, and totals. */
export function renderAuditJson(report: AuditReport): string {
  const checks = report.outcomes.map((o) => ({ ...checkObject(o), rows: o.findings.map((f) => findingObject(o, f)) }));
  const totals = auditTotals(report);
  const stale = report.staleReviews.map((s) => ({ check: s.check, finding: s.review.finding, reason: s.review.reason }));
  return `${JSON.stringify(
    { day: report.day, failed: report.failed, checks, totals, skipped: report.skipped, stale_reviews: stale },
    null,
    2,
  )}\n`;
}

/** A finding as one NDJSON line (with its line break). */
export function ndjsonLine(o: CheckOutcome, f: Finding): string {
  return `${JSON.stringify(findingObject(o, f))}\n`;
}

/** Plain-text table lines: a header, a rule, the rows; columns padded to their widest cell. */
function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function totalsLines(title: string, totals: readonly Total[]): string[] {
  if (totals.length === 0) return [];
  const rows = totals.map((t) => [t.name, String(t.open), String(t.reviewed)]);
  return [title, ...textTable(['', 'open', 'reviewed'], rows).map((l) => `  ${l}`), ''];
}

/** The report as plain-text tables, a section per check, totals per check, rep and team, and a summary line. */
export function renderAuditTable(report: AuditReport): string {
  const out: string[] = [];
  for (const o of report.outcomes) {
    const def = o.check.def;
    const n = o.findings.length;
    const reviewed = o.findings.filter((f) => f.reviewed !== undefined).length;
    out.push(
      `${def.id} (${def.severity}, ${def.over.value}, owner ${def.owner}, ${def.schedule}): ${plural(n, 'finding')}` +
        (reviewed > 0 ? `, ${reviewed} reviewed` : ''),
    );
    if (def.title !== undefined) out.push(`  ${def.title}`);
    if (n > 0) {
      const dup = o.check.rule.kind === 'duplicates';
      const who = (['rep', 'manager'] as const).filter((k) => o.findings.some((f) => f[k] !== null));
      const header = [...(dup ? ['duplicate of'] : []), ...o.columns, ...who, 'fingerprint', ...(reviewed > 0 ? ['reviewed'] : [])];
      const rows = o.findings.map((f) => [
        ...(dup ? [f.group ?? ''] : []),
        ...f.values.map((v) => v ?? '(empty)'),
        ...who.map((k) => f[k] ?? ''),
        f.fingerprint,
        ...(reviewed > 0 ? [f.reviewed?.reason ?? ''] : []),
      ]);
      out.push(...textTable(header, rows).map((l) => `  ${l}`));
      out.push(`  remedy: ${def.remedy.trim()}`);
    }
    out.push('');
  }
  const totals = auditTotals(report);
  if (totals.open + totals.reviewed > 0) {
    out.push(
      ...totalsLines(
        'findings by check',
        totals.byCheck.filter((t) => t.open + t.reviewed > 0),
      ),
    );
    out.push(...totalsLines('findings by rep', totals.byRep), ...totalsLines('findings by team', totals.byTeam));
  }
  for (const s of report.staleReviews)
    out.push(`stale review: ${s.check} ${s.review.finding} matches no finding (it changed or is gone): "${s.review.reason}"`);
  if (report.skipped.length > 0) out.push(`not run (no such dimension on their source): ${report.skipped.join(', ')}`);
  const failing = report.outcomes.filter(
    (o) => o.check.def.severity === 'error' && o.findings.some((f) => f.reviewed === undefined),
  ).length;
  out.push(
    `${plural(report.outcomes.length, 'check')} as of ${report.day}: ${plural(totals.open + totals.reviewed, 'finding')}` +
      (totals.reviewed > 0 ? ` (${totals.reviewed} reviewed)` : '') +
      (failing > 0 ? `; ${plural(failing, 'error check')} failed` : ''),
  );
  return `${out.join('\n')}\n`;
}
