/**
 * `kpic alerts` output: a table for people, JSON (one document) and NDJSON (one alert a line)
 * for schedulers. Each firing alert with its values, addressees, commentary and — when
 * delivered — what happened for each addressee.
 */
import type { CommentLine } from '../scorecard/report.js';
import type { Dispatch, Outcome } from './dispatch.js';
import type { AlertEvaluation, Firing } from './evaluate.js';
import { addresseeText, alertJson, nodeText, valueText } from './message.js';

/** What rendering needs. */
export interface RenderInput {
  readonly evaluations: readonly AlertEvaluation[];
  readonly dispatch?: Dispatch | undefined;
  readonly currency: string;
  readonly notes: (f: Firing) => readonly CommentLine[];
}

const outcomesOf = (d: Dispatch | undefined, f: Firing): Outcome[] => d?.outcomes.filter((o) => o.firing === f) ?? [];

function outcomeJson(o: Outcome): Record<string, unknown> {
  return { to: o.addressee, status: o.status, where: o.where, ...(o.why === undefined ? {} : { why: o.why }) };
}

function firingJson(input: RenderInput, f: Firing): Record<string, unknown> {
  const delivery = outcomesOf(input.dispatch, f);
  return {
    ...alertJson(f, input.notes(f), input.currency),
    ...(input.dispatch === undefined ? {} : { delivery: delivery.map(outcomeJson) }),
  };
}

/** One JSON document: the periods evaluated, every firing alert, what was cleared. */
export function renderAlertsJson(input: RenderInput): string {
  const doc = {
    evaluated: input.evaluations.map((e) => ({ alert: e.alert, period: e.period.label, nodes: e.nodes.length, firing: e.firing.length })),
    alerts: input.evaluations.flatMap((e) => e.firing.map((f) => firingJson(input, f))),
    ...(input.dispatch === undefined ? {} : { cleared: input.dispatch.cleared }),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** One JSON object per firing alert, one per line. */
export function renderAlertsNdjson(input: RenderInput): string {
  return input.evaluations.flatMap((e) => e.firing.map((f) => `${JSON.stringify(firingJson(input, f))}\n`)).join('');
}

/** A readable summary. */
export function renderAlertsTable(input: RenderInput): string {
  const out: string[] = [];
  for (const e of input.evaluations) {
    out.push(
      `${e.alert} · ${e.period.label}: ${e.firing.length === 0 ? 'not firing' : `firing at ${e.firing.length} of ${e.nodes.length} nodes`}`,
    );
    for (const f of e.firing) {
      out.push(`  ${f.severity.toUpperCase()}${f.escalated ? ' (escalated)' : ''}  ${nodeText(f)}`);
      out.push(`    ${f.values.map((v) => `${v.text} = ${valueText(v, input.currency)}`).join('; ')}`);
      for (const n of input.notes(f)) out.push(`    note: “${n.body}” — ${n.author}, ${n.at.slice(0, 10)}`);
      const delivery = outcomesOf(input.dispatch, f);
      if (input.dispatch === undefined) out.push(`    to: ${f.to.map(addresseeText).join('; ') || 'nobody'}`);
      for (const o of delivery)
        out.push(
          `    ${o.status}: ${addresseeText(o.addressee)}${o.status === 'sent' ? ` → ${o.where.join(', ')}` : o.why === undefined ? '' : ` (${o.why})`}`,
        );
    }
  }
  for (const c of input.dispatch?.cleared ?? []) out.push(`cleared: ${c.alert} at ${c.node} (no longer firing)`);
  return `${out.join('\n')}\n`;
}
