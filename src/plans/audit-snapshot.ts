/**
 * What changed since a pay period was approved: a payroll amount that matches the period's
 * snapshot is explained by comparing the snapshot's statement lines with today's — deals whose
 * credit changed, deals no longer credited in the period (a date or amount changed, or the row is
 * gone), deals credited that were not, and a rep's days on the plan (a position change).
 */
import type { Decimal } from '../model/decimal.js';
import { sum } from './decimal-math.js';
import type { RepPeriod } from './report.js';
import type { SnapshotRow } from './snapshot.js';
import { amountText } from './text.js';

function dealCredits(
  lines: readonly { readonly deal?: string | null | undefined; readonly credit?: Decimal | null | undefined }[],
): Map<string, Decimal> {
  const out = new Map<string, Decimal[]>();
  for (const l of lines) if (l.deal != null && l.credit != null) out.set(l.deal, [...(out.get(l.deal) ?? []), l.credit]);
  return new Map([...out].map(([d, cs]) => [d, sum(cs)] as const));
}

/**
 * The cause of a difference found in the snapshot of the period, or undefined when the snapshot
 * does not explain it (none kept, or payroll did not pay what was approved).
 */
export function explainBySnapshot(
  snapshot: readonly SnapshotRow[] | undefined,
  rep: string,
  component: string,
  now: RepPeriod | undefined,
  paid: Decimal | null,
): string | undefined {
  if (snapshot === undefined) return undefined;
  const mine = snapshot.filter((r) => r.rep === rep);
  const then = mine.find((r) => r.row === 'period');
  const approved = mine.find((r) => r.row === 'component' && r.component === component)?.amount ?? null;
  if (now === undefined)
    return then === undefined
      ? undefined
      : `the rep's position changed since the period was approved: ${then.activeDays ?? 0} days on the plan then, none now`;
  if (paid === null || approved === null || approved.compare(paid) !== 0) return undefined;
  const changes: string[] = [];
  if (then?.activeDays != null && then.activeDays !== now.activeDays)
    changes.push(`the rep's position changed: ${then.activeDays} days on the plan then, ${now.activeDays} now`);
  const before = dealCredits(mine.filter((r) => r.row === 'line' && r.component === component));
  const after = dealCredits(now.lines.filter((l) => l.component === component));
  for (const [deal, credit] of [...before].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const c = after.get(deal);
    if (c === undefined) changes.push(`deal ${deal} is no longer credited in the period (its date or amount changed, or the row is gone)`);
    else if (c.compare(credit) !== 0) changes.push(`deal ${deal}'s credit changed from ${amountText(credit)} to ${amountText(c)}`);
  }
  for (const deal of [...after.keys()].sort())
    if (!before.has(deal)) changes.push(`deal ${deal} is credited in the period now, not when it was approved`);
  return `paid as approved (${amountText(approved)}); since then ${changes.length === 0 ? "the plan's rules changed (same deals and days, another amount)" : changes.join('; ')}`;
}
