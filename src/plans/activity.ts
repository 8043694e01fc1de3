/**
 * When a rep is on a plan: the days of their spells in the plan's hierarchy whose member condition
 * holds, inside the plan's effective dates — as merged, sorted runs of ISO days. Active days
 * prorate quotas (a joiner or leaver mid-period) and decide which credits count (a credit counts
 * when its date is an active day of the credited rep).
 */
import type { Spell } from '../org/spells.js';
import { addDays, formatIsoDate } from '../query/calendar.js';
import { utcDay } from '../periods/period.js';

/** A run of days, first and last inclusive, ISO. */
interface DayRun {
  readonly start: string;
  readonly last: string;
}

/** A rep's time on a plan. */
export interface Activity {
  readonly runs: readonly DayRun[];
  /** The first day of the rep's earliest qualifying spell, before clipping to the plan (ramps count from it); null when open. */
  readonly firstDay: string | null;
}

const EARLIEST = '0001-01-01';
const LATEST = '9999-12-31';

/** Days from `a` to `b` inclusive (0 when b < a). */
export function daysInclusive(a: string, b: string): number {
  if (b < a) return 0;
  return Math.round((utcDay(b).getTime() - utcDay(a).getTime()) / 86_400_000) + 1;
}

/** Active days of each rep on a plan: spells where `planId` is among the spell's roles. */
export function activityByRep(spells: readonly Spell[], planId: string, from: string, to: string | undefined): Map<string, Activity> {
  const byRep = new Map<string, { runs: DayRun[]; first: string | null }>();
  for (const s of spells) {
    if (!s.roles.includes(planId)) continue;
    const entry = byRep.get(s.member) ?? { runs: [], first: s.from };
    if (s.from === null || (entry.first !== null && s.from < entry.first)) entry.first = s.from;
    const start = s.from === null || s.from < from ? from : s.from;
    const end = to === undefined ? (s.to ?? LATEST) : s.to === null || s.to > to ? to : s.to;
    if (end >= start) entry.runs.push({ start, last: end });
    byRep.set(s.member, entry);
  }
  const out = new Map<string, Activity>();
  for (const [rep, { runs, first }] of byRep) {
    const merged: DayRun[] = [];
    for (const r of [...runs].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))) {
      const prev = merged[merged.length - 1];
      const dayAfter = prev === undefined || prev.last === LATEST ? undefined : formatIsoDate(addDays(utcDay(prev.last), 1));
      if (prev !== undefined && (prev.last === LATEST || (dayAfter !== undefined && r.start <= dayAfter))) {
        if (r.last > prev.last) merged[merged.length - 1] = { start: prev.start, last: r.last };
      } else merged.push(r);
    }
    if (merged.length > 0) out.set(rep, { runs: merged, firstDay: first === null || first <= EARLIEST ? null : first });
  }
  return out;
}

/** How many active days fall in [start, last]. */
export function activeDaysIn(a: Activity, start: string, last: string): number {
  let n = 0;
  for (const r of a.runs) n += daysInclusive(r.start > start ? r.start : start, r.last < last ? r.last : last);
  return n;
}

/** Whether `day` is an active day. */
export function isActive(a: Activity, day: string): boolean {
  return a.runs.some((r) => r.start <= day && day <= r.last);
}
