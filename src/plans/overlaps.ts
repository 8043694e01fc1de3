/**
 * Two plans paying one rep for the same days (docs/plans.md#who-is-on-a-plan-and-when): a warning
 * at the second plan's `members:`, naming the reps and the first days both plans cover, since
 * a rep on two plans at once is paid twice for one deal unless that is meant (an overlay plan).
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Activity } from './activity.js';
import type { ResolvedPlan } from './resolved.js';

/** The first day on which both activities are active, with the last day of that shared run. */
function shared(a: Activity, b: Activity): { start: string; last: string } | undefined {
  for (const x of a.runs)
    for (const y of b.runs) {
      const start = x.start > y.start ? x.start : y.start;
      const last = x.last < y.last ? x.last : y.last;
      if (start <= last) return { start, last };
    }
  return undefined;
}

/** Warnings for every pair of plans with reps on both on the same days. */
export function overlappingPlans(
  plans: readonly { readonly plan: ResolvedPlan; readonly activity: ReadonlyMap<string, Activity> }[],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  plans.forEach((first, i) => {
    for (const second of plans.slice(i + 1)) {
      const both: string[] = [];
      for (const [rep, a] of first.activity) {
        const b = second.activity.get(rep);
        const s = b === undefined ? undefined : shared(a, b);
        if (s !== undefined) both.push(`${rep} ${s.start} to ${s.last === '9999-12-31' ? 'open' : s.last}`);
      }
      if (both.length === 0) continue;
      const shown = both.sort().slice(0, 3).join(', ');
      out.push(
        diagnostic(
          'plan/overlapping-plans',
          second.plan.span,
          `${both.length} rep${both.length === 1 ? ' is' : 's are'} on plans \`${first.plan.id}\` and \`${second.plan.id}\` on the same days (${shown}${both.length > 3 ? ', …' : ''}), so their deals pay twice`,
          { hint: 'make the `members:` conditions (or the `effective:` dates) exclusive; an overlay plan that should pay on top is meant' },
        ),
      );
    }
  });
  return out;
}
