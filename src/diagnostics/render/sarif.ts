/**
 * SARIF 2.1.0 (the OASIS static-analysis format read by GitHub code scanning and IDEs): one run
 * of the `kpic` tool, one rule per code used (described from the code table), one result per
 * diagnostic. Artifact URIs are relative to the working directory with `/` separators, like the
 * github format; regions use the same lines and columns as every other format (UTF-16 columns,
 * exclusive end column).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIAGNOSTIC_CODES, type DiagnosticCode } from '../codes.js';
import type { Diagnostic } from '../diagnostic.js';
import { cwdRelative, type RenderContext } from './context.js';
import { diagnosticPosition, spanRegion, type Region } from './positions.js';

const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** A path as a URI reference: relative paths percent-encoded segment by segment, absolute ones as `file:` URIs. */
export function artifactUri(file: string): string {
  if (path.isAbsolute(file)) return pathToFileURL(file).href;
  return file.split('/').map(encodeURIComponent).join('/');
}

function region(r: Region): Record<string, number> {
  return { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn };
}

function physical(uri: string, r: Region): unknown {
  return { physicalLocation: { artifactLocation: { uri: artifactUri(uri) }, region: region(r) } };
}

/** The SARIF log as an object (JSON-serialisable). */
export function sarifLog(diagnostics: readonly Diagnostic[], context: RenderContext, version: string): unknown {
  const codes = [...new Set(diagnostics.map((d) => d.code))].sort();
  const index = new Map<DiagnosticCode, number>(codes.map((c, i) => [c, i]));
  const rules = codes.map((code) => ({
    id: code,
    shortDescription: { text: DIAGNOSTIC_CODES[code].summary },
    defaultConfiguration: { level: DIAGNOSTIC_CODES[code].severity },
  }));
  const results = diagnostics.map((d) => {
    const p = diagnosticPosition(d, context.files);
    const file = p.inData ? p.file : cwdRelative(context, p.file);
    const related = (d.related ?? []).map((r, i) => ({
      id: i,
      message: { text: r.message },
      ...(physical(cwdRelative(context, r.span.file), spanRegion(r.span, context.files)) as object),
    }));
    return {
      ruleId: d.code,
      ruleIndex: index.get(d.code),
      level: d.severity,
      message: { text: d.hint === undefined ? d.message : `${d.message} (hint: ${d.hint})` },
      locations: [physical(file, p)],
      ...(related.length > 0 ? { relatedLocations: related } : {}),
    };
  });
  return {
    version: '2.1.0',
    $schema: SCHEMA,
    runs: [{ tool: { driver: { name: 'kpic', version, rules } }, columnKind: 'utf16CodeUnits', results }],
  };
}

/** The SARIF log as pretty-printed JSON with a trailing newline. */
export function renderSarif(diagnostics: readonly Diagnostic[], context: RenderContext, version: string): string {
  return `${JSON.stringify(sarifLog(diagnostics, context, version), null, 2)}\n`;
}
