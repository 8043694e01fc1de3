/**
 * Notes that travel with the figures of a report but have no row of their own: the children's
 * exceptions (a figure must never hide one) and, once per KPI, why a KPI is not available at the
 * children's level. A child's missing value already shows as `—` in its table.
 */
import type { ScorecardReport } from './report.js';

/** The notes on the children of a report, in child order, then one line per reason. */
export function childNotes(report: ScorecardReport): string[] {
  const out: string[] = [];
  const unavailable = new Map<string, string>();
  for (const c of report.children?.nodes ?? []) {
    for (const p of c.perspectives) {
      for (const k of p.kpis) {
        for (const e of k.exceptions) out.push(`${c.label} · ${k.title}: ${k.notes.find((t) => t.includes(`\`${e.rule}\``)) ?? e.rule}`);
        if (k.state === 'not-applicable' && !unavailable.has(k.title))
          unavailable.set(k.title, k.notes[k.notes.length - 1] ?? 'not available');
      }
    }
  }
  const byReason = new Map<string, string[]>();
  for (const [title, reason] of unavailable) byReason.set(reason, [...(byReason.get(reason) ?? []), title]);
  for (const [reason, titles] of byReason) out.push(`${titles.join(', ')}: ${reason}`);
  return out;
}
