/**
 * An audit report as SARIF 2.1.0, the static-analysis interchange format code-scanning tools read:
 * each check is a rule (its title, description, remedy and default level), each finding a result
 * located at its check document and naming the record (logical location: source and key), with
 * its fingerprint as a partial fingerprint and a reviewed finding as an accepted suppression.
 */
import type { Span } from '../diagnostics/span.js';
import type { CheckSeverity } from './model.js';
import type { AuditReport } from './run.js';

/** What the SARIF needs besides the report. */
export interface SarifContext {
  /** kpic's version. */
  readonly version: string;
  /** The catalog folder as a `file:` URI ending in `/`: check documents are relative to it. */
  readonly catalogUri: string;
  /** The 1-based line of a position in a catalog file. */
  lineOf(span: Span): number;
}

const LEVELS: Record<CheckSeverity, string> = { error: 'error', warning: 'warning', info: 'note' };

/** The report as a SARIF log (JSON text). */
export function renderAuditSarif(report: AuditReport, ctx: SarifContext): string {
  const rules = report.outcomes.map((o) => {
    const def = o.check.def;
    const title = def.title ?? def.id;
    return {
      id: def.id,
      name: def.id,
      shortDescription: { text: title },
      fullDescription: { text: (def.description ?? title).trim() },
      help: { text: def.remedy.trim() },
      defaultConfiguration: { level: LEVELS[def.severity] },
      properties: { category: def.category ?? null, owner: def.owner, schedule: def.schedule, source: def.over.value },
    };
  });
  const results = report.outcomes.flatMap((o, ruleIndex) => {
    const def = o.check.def;
    const keyed = o.check.source.key !== undefined;
    return o.findings.map((f) => {
      const key = keyed ? (f.values[0] ?? '') : '';
      const shown = o.columns.map((c, i) => `${c} = ${f.values[i] ?? '(empty)'}`).join(', ');
      const values = Object.fromEntries(o.columns.map((c, i) => [c, f.values[i] ?? null]));
      return {
        ruleId: def.id,
        ruleIndex,
        level: LEVELS[def.severity],
        message: { text: `${def.title ?? def.id}: ${shown}${f.group === undefined ? '' : ` (duplicate of "${f.group}")`}` },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: def.file, uriBaseId: 'CATALOG' },
              region: { startLine: ctx.lineOf(def.span) },
            },
            logicalLocations: [{ name: key, fullyQualifiedName: `${def.over.value}/${key}`, kind: 'object' }],
          },
        ],
        partialFingerprints: { 'kpicFinding/v1': f.fingerprint },
        ...(f.reviewed === undefined ? {} : { suppressions: [{ kind: 'external', status: 'accepted', justification: f.reviewed.reason }] }),
        properties: { rep: f.rep, team: f.team, manager: f.manager, values },
      };
    });
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'kpic', version: ctx.version, rules } },
        originalUriBaseIds: { CATALOG: { uri: ctx.catalogUri } },
        invocations: [{ executionSuccessful: true, properties: { day: report.day, failed: report.failed } }],
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
