/**
 * Reading and checking `alert` documents: the condition (and an escalation's) compiled with the
 * formula language's resolver (condition.ts), the hierarchy and levels it is evaluated at, a
 * condition on levels (`where`), the grain, severity and recipients. Run by `checkCatalog`, so
 * `kpic validate` reports every problem; `kpic alerts` evaluates what it returns.
 */
import { sortDiagnostics, type PhaseResult } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/span.js';
import { didYouMean } from '../diagnostics/suggest.js';
import type { Expr } from '../formula/ast.js';
import type { YMap } from '../load/tree.js';
import { choiceAt, formulaAt, itemsAt, mapAt, stringAt, textAt } from '../model/read-node.js';
import type { CatalogDocument, FormulaText } from '../model/types.js';
import type { ResolvedHierarchy } from '../org/hierarchy.js';
import { resolveLevelCondition } from '../org/level-condition.js';
import { createCheckContext, parseKindFormula, report, type CheckContext } from '../resolve/check-context.js';
import type { ResolvedCatalog } from '../resolve/resolved.js';
import { compileCondition } from './condition.js';
import { SEVERITIES, type AlertDef, type CompiledCondition, type Recipient, type Routing, type Severity } from './model.js';

const RECIPIENTS: readonly Recipient[] = ['manager', 'next_manager', 'owner'];

function condition(
  ctx: CheckContext,
  doc: CatalogDocument,
  formula: FormulaText | undefined,
  prefix: string,
): (CompiledCondition & { text: string }) | undefined {
  if (formula === undefined) return undefined;
  const file = ctx.resolved.catalog.files.get(formula.node.span.file)?.text ?? '';
  const text = (e: Expr): string => file.slice(e.span.start, e.span.end).replace(/\s+/g, ' ').trim();
  const compiled = compileCondition(ctx, parseKindFormula(ctx, formula), `alert \`${doc.id}\``, text, prefix);
  return compiled === undefined ? undefined : { ...compiled, text: formula.text.trim() };
}

function routing(map: YMap, fallback: Routing | undefined, defaultSeverity: Severity): Routing {
  const to = itemsAt(map, 'to').flatMap((i) =>
    i.kind === 'scalar' && RECIPIENTS.includes(i.value as Recipient) ? [i.value as Recipient] : [],
  );
  const channels = itemsAt(map, 'channels').flatMap((i) => (i.kind === 'scalar' && typeof i.value === 'string' ? [i.value] : []));
  return {
    severity: choiceAt(map, 'severity', SEVERITIES)?.value ?? defaultSeverity,
    to: map.byKey.has('to') ? to : (fallback?.to ?? ['manager']),
    channels: [...new Set([...(fallback?.channels ?? []), ...channels])],
  };
}

function levelsOf(ctx: CheckContext, doc: CatalogDocument, h: ResolvedHierarchy): number[] {
  const names = h.levels.map((l) => l.name);
  if (!doc.tree.byKey.has('at')) return names.slice(0, -1).map((_, i) => i);
  const out: number[] = [];
  for (const item of itemsAt(doc.tree, 'at')) {
    if (item.kind !== 'scalar' || typeof item.value !== 'string') continue;
    const i = names.indexOf(item.value);
    if (i >= 0) out.push(i);
    else
      report(ctx, 'alert/unknown-reference', item.span, `\`${item.value}\` is not a level of hierarchy \`${h.id}\``, {
        hint: didYouMean(item.value, names) ?? `levels: ${names.join(', ')}`,
      });
  }
  return [...new Set(out)].sort((a, b) => a - b);
}

function hierarchyOf(
  ctx: CheckContext,
  doc: CatalogDocument,
  hierarchies: ReadonlyMap<string, ResolvedHierarchy>,
): ResolvedHierarchy | undefined {
  const written = stringAt(doc.tree, 'hierarchy');
  if (written !== undefined) {
    const h = hierarchies.get(written.value);
    if (h === undefined)
      report(ctx, 'alert/unknown-reference', written.span, `unknown hierarchy \`${written.value}\``, {
        hint: didYouMean(written.value, hierarchies.keys()) ?? `hierarchies: ${[...hierarchies.keys()].join(', ') || 'none'}`,
      });
    return h;
  }
  if (hierarchies.size === 1) return [...hierarchies.values()][0];
  report(ctx, 'alert/unknown-reference', doc.idSpan, `alert \`${doc.id}\` must name its hierarchy: the catalog has ${hierarchies.size}`, {
    hint:
      hierarchies.size === 0
        ? 'add a `hierarchy` document that the alert is evaluated on'
        : `add \`hierarchy: ${[...hierarchies.keys()][0] ?? ''}\``,
  });
  return undefined;
}

function readAlert(ctx: CheckContext, doc: CatalogDocument, hierarchies: ReadonlyMap<string, ResolvedHierarchy>): AlertDef | undefined {
  const files = ctx.resolved.catalog.files;
  const h = hierarchyOf(ctx, doc, hierarchies);
  const when = condition(ctx, doc, formulaAt(doc.tree, 'when', files), 'f');
  const escalation = mapAt(doc.tree, 'escalate');
  const escalateWhen = escalation === undefined ? undefined : condition(ctx, doc, formulaAt(escalation, 'when', files), 'e');
  const levels = h === undefined ? [] : levelsOf(ctx, doc, h);
  const whereFormula = formulaAt(doc.tree, 'where', files);
  const where =
    h === undefined || whereFormula === undefined
      ? undefined
      : resolveLevelCondition(
          ctx,
          whereFormula,
          h.levels.map((l) => l.name),
          h.id,
        );
  if (h === undefined || when === undefined || (escalation !== undefined && escalateWhen === undefined)) return undefined;
  const base = routing(doc.tree, undefined, 'warning');
  const span: Span = doc.idSpan;
  return {
    kind: 'alert',
    id: doc.id,
    title: textAt(doc.tree, 'title') ?? doc.id,
    description: textAt(doc.tree, 'description'),
    when,
    hierarchy: h.id,
    levels,
    where,
    grain: choiceAt(doc.tree, 'grain', ['month', 'quarter', 'year'] as const)?.value ?? 'month',
    routing: base,
    escalate:
      escalation === undefined || escalateWhen === undefined ? undefined : { ...routing(escalation, base, 'critical'), when: escalateWhen },
    span,
  };
}

/** Every alert of the catalog, checked, by id; the diagnostics of every problem found. */
export function checkAlerts(
  resolved: ResolvedCatalog,
  hierarchies: ReadonlyMap<string, ResolvedHierarchy>,
): PhaseResult<ReadonlyMap<string, AlertDef>> {
  const ctx = createCheckContext(resolved);
  const alerts = new Map<string, AlertDef>();
  for (const doc of resolved.catalog.documents) {
    if (doc.kind !== 'alert' || alerts.has(doc.id)) continue;
    const alert = readAlert(ctx, doc, hierarchies);
    if (alert !== undefined) alerts.set(doc.id, alert);
  }
  return { value: alerts, diagnostics: sortDiagnostics(ctx.env.diagnostics) };
}
