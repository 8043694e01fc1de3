/**
 * The diff as GitHub Actions workflow commands: an annotation on each changed line of the head
 * (a warning for breaking changes, a notice otherwise), one on each KPI whose numbers move, and a
 * summary with the approvals needed on `catalog.yaml`. Removed documents are annotated on the
 * catalog document, since their lines no longer exist. Version and changelog problems are errors.
 */
import { cwdRelative, type RenderContext } from '../diagnostics/render/context.js';
import { escapeData, escapeProperty, renderGithubDiagnostic } from '../diagnostics/render/github.js';
import { spanRegion } from '../diagnostics/render/positions.js';
import type { Span } from '../diagnostics/span.js';
import { describeChange, describeField, docLabel } from './describe.js';
import { shownDelta, shownPair } from './format.js';
import type { DiffReport } from './report.js';

function command(level: 'notice' | 'warning', span: Span, title: string, message: string, context: RenderContext): string {
  const r = spanRegion(span, context.files);
  const props = [
    ['file', cwdRelative(context, span.file)],
    ['line', String(r.line)],
    ['endLine', String(r.endLine)],
    ['title', title],
  ]
    .map(([k, v]) => `${k}=${escapeProperty(v ?? '')}`)
    .join(',');
  return `::${level} ${props}::${escapeData(message)}`;
}

/** The report as workflow commands, one per line; `anchor` is where general notes go (the catalog id). */
export function renderDiffGithub(r: DiffReport, context: RenderContext, anchor: Span): string {
  const out: string[] = [];
  for (const c of r.diff.changes) {
    const level = c.class === 'breaking' ? 'warning' : 'notice';
    const title = `kpic diff: ${c.class} change`;
    if (c.kind === 'changed') {
      for (const f of c.fields) {
        const span = f.inHead ? f.span : c.doc.span;
        out.push(
          command(
            f.class === 'breaking' ? 'warning' : 'notice',
            span,
            `kpic diff: ${f.class} change`,
            `${docLabel(c.doc)}: ${describeField(f)}`,
            context,
          ),
        );
      }
    } else out.push(command(level, c.kind === 'removed' ? anchor : c.doc.span, title, describeChange(c), context));
  }
  if (r.values.kind === 'value-impact') {
    const currency = r.values.currency;
    for (const s of r.values.sections) {
      if (s.kind !== 'kpi-values') continue;
      for (const k of s.kpis) {
        const span = r.diff.changes.find((c) => c.doc.kind === 'kpi' && c.doc.id === k.kpi && c.kind !== 'removed')?.doc.span;
        const whole = k.cells.filter((c) => c.by === undefined);
        const latest = whole[whole.length - 1];
        if (span === undefined || latest === undefined || !k.moved) continue;
        const period = s.periods.find((p) => p.start === latest.period)?.label ?? latest.period;
        const message = `${k.kpi} in ${period}: ${shownPair(latest.base, latest.head, k.unit, currency)} (${shownDelta(latest.base, latest.head, k.unit, currency)}); moves in ${whole.filter((c) => !c.same).length} of ${whole.length} periods`;
        out.push(command('notice', span, 'kpic diff: numbers move', message, context));
      }
    }
  }
  if (r.approvals.length > 0) {
    const seats = r.approvals.map((s) => `${s.seat} (${s.reasons.map((x) => x.rule).join('; ')})`).join(', ');
    out.push(command('notice', anchor, 'kpic diff: approvals needed', `approvals needed: ${seats}`, context));
  }
  if (r.versionChecked) for (const d of [...r.version.diagnostics, ...r.changelogProblems]) out.push(renderGithubDiagnostic(d, context));
  return out.map((l) => `${l}\n`).join('');
}
