/**
 * Pay that changes per rep: the plans a change touches (a plan document changed, or a plan
 * depending on a changed document) computed under both versions on the same data, in the head's
 * latest complete pay period, rep by rep. A plan that cannot be computed in a version is listed
 * as skipped with the reason.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Decimal } from '../model/decimal.js';
import { checkPlans } from '../plans/check.js';
import { evaluatePayouts } from '../plans/evaluate.js';
import type { PlanPayout } from '../plans/report.js';
import type { ChangeImpact } from './impact.js';
import type { CheckedCatalog, Database } from './pipeline-adapter.js';
import type { CatalogDiff } from './types.js';
import type { PayChange, PlanPayouts, PlanPayoutsSection } from './value-types.js';

/** The plans whose pay a change may move (ids in either version). */
export function touchedPlans(diff: CatalogDiff, impacts: readonly ChangeImpact[]): string[] {
  const out = new Set<string>();
  for (const c of diff.changes) if (c.doc.kind === 'plan') out.add(c.doc.id);
  for (const i of impacts) for (const a of i.affected) if (a.kind === 'plan') out.add(a.id);
  return [...out].sort();
}

function payByRep(p: PlanPayout | undefined): Map<string, { name: string; pay: Decimal }> {
  const out = new Map<string, { name: string; pay: Decimal }>();
  for (const r of p?.reps ?? []) {
    const x = r.periods[0];
    if (x !== undefined) out.set(r.rep, { name: r.name, pay: x.pay });
  }
  return out;
}

function size(c: PayChange): number {
  return Math.abs((c.head?.toNumber() ?? 0) - (c.base?.toNumber() ?? 0));
}

/** Pay per rep under both versions for the plans `ids`; undefined when there is none to compare. */
export async function planPayoutsSection(
  ids: readonly string[],
  versions: { readonly base: CheckedCatalog; readonly head: CheckedCatalog },
  options: { readonly dataDir: string; readonly db: Database },
): Promise<{ readonly section: PlanPayoutsSection; readonly diagnostics: Diagnostic[] } | undefined> {
  if (ids.length === 0) return undefined;
  const plans = { base: checkPlans(versions.base.resolved).value, head: checkPlans(versions.head.resolved).value };
  const out: PlanPayouts[] = [];
  const skipped: { id: string; reason: string }[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const id of ids) {
    const inHead = plans.head.has(id);
    const first = inHead ? 'head' : 'base';
    const primary = await evaluatePayouts(versions[first].resolved, plans[first], { plan: id }, options);
    if (!primary.ok) {
      skipped.push({ id, reason: primary.message });
      continue;
    }
    const period = primary.report.periods[primary.report.periods.length - 1];
    if (period === undefined) {
      skipped.push({ id, reason: 'no pay period with data' });
      continue;
    }
    const otherSide = first === 'head' ? 'base' : 'head';
    const other = plans[otherSide].has(id)
      ? await evaluatePayouts(versions[otherSide].resolved, plans[otherSide], { plan: id, period }, options)
      : undefined;
    if (other !== undefined && !other.ok) {
      skipped.push({ id, reason: `${otherSide}: ${other.message}` });
      continue;
    }
    diagnostics.push(...primary.diagnostics, ...(other?.diagnostics ?? []));
    const a = payByRep(primary.report.plans[0]);
    const b = payByRep(other?.report.plans[0]);
    const [base, head] = first === 'head' ? [b, a] : [a, b];
    const reps = [...new Set([...base.keys(), ...head.keys()])].sort();
    const changes = reps
      .map((rep) => ({
        rep,
        name: head.get(rep)?.name ?? base.get(rep)?.name ?? rep,
        base: base.get(rep)?.pay ?? null,
        head: head.get(rep)?.pay ?? null,
      }))
      .filter((c) => c.base === null || c.head === null || c.base.compare(c.head) !== 0)
      .sort((x, y) => size(y) - size(x) || (x.rep < y.rep ? -1 : 1));
    const title = primary.report.plans[0]?.title ?? id;
    out.push({ plan: id, title, period, compared: reps.length, changes });
  }
  return { section: { kind: 'plan-payouts', plans: out, skipped }, diagnostics };
}
