/**
 * Problems with a request, phrased in terms of the command line: the pipeline reports them as
 * diagnostics about the request's fields (`kpis`, `grain`, `by`, `from`, `to`), and only here do
 * those become the flags that set them.
 */
import type { Diagnostic, RequestField, RequestPart } from '../diagnostics/diagnostic.js';
import type { CliIo } from './io.js';
import { streamStyle } from './report.js';

/** The flag that sets each field of a request. */
const FLAGS = {
  kpis: '--kpi',
  grain: '--grain',
  by: '--by',
  from: '--from',
  to: '--to',
  out: '--out',
  quarantine: '--quarantine',
} as const satisfies Record<RequestField, string>;

function valueOf(parts: readonly RequestPart[], field: RequestField): string {
  return parts.find((p) => p.field === field)?.value ?? '';
}

/** A request problem as one line in flag terms (message, then hint). */
function requestProblemText(d: Diagnostic): string {
  const parts = d.request ?? [];
  let text: string;
  switch (d.code) {
    case 'query/bad-date': {
      const part = parts[0];
      text =
        part === undefined
          ? d.message
          : `${FLAGS[part.field]} needs a date from 0001-01-01 to 9999-12-31 written YYYY-MM-DD, not \`${part.value}\``;
      break;
    }
    case 'query/empty-range':
      text = `--from ${valueOf(parts, 'from')} is after --to ${valueOf(parts, 'to')}`;
      break;
    case 'output/overwrites-input':
    case 'output/same-file':
      text = `${parts.map((p) => FLAGS[p.field]).join(' and ')}: ${d.message}`;
      break;
    case 'query/repeated-dimension':
      text = `dimension \`${valueOf(parts, 'by')}\` is named twice in --by`;
      break;
    case 'query/repeated-kpi':
      text = `KPI \`${valueOf(parts, 'kpis')}\` is named twice in --kpi`;
      break;
    default:
      text = d.message;
  }
  return d.hint === undefined ? text : `${text}; ${d.hint}`;
}

/** Writes each request problem on its own line: `kpic: error[code] text`. */
export function printRequestProblems(io: CliIo, diagnostics: readonly Diagnostic[]): void {
  const style = streamStyle(io, io.stderr);
  for (const d of diagnostics) {
    const colour = d.severity === 'error' ? style.red : style.yellow;
    io.stderr.write(`${style.red(style.bold('kpic:'))} ${colour(style.bold(`${d.severity}[${d.code}]`))} ${requestProblemText(d)}\n`);
  }
}
