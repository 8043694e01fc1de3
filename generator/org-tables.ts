/**
 * The organisation's tables: `reps` (each person's latest position), `rep_assignments` (every
 * position over time, split wherever the team, the region or the manager changes) and
 * `training_completions`.
 */
import { AS_OF_DAY, SPAN_START_DAY, dayOf, formatDate } from './calendar.js';
import { writerOf, type GenContext } from './context.js';
import { csvText } from './csv-writer.js';
import { REGIONS } from './org.js';
import { createRng } from './prng.js';
import type { Membership, RepRecord, Roster, TeamRecord } from './roster.js';

/** One row of `rep_assignments`; `to` inclusive, null while current. */
interface Position {
  readonly team: string;
  readonly region: string;
  readonly manager: string;
  readonly from: number;
  readonly to: number | null;
}

/** Writes `reps` and `rep_assignments`. */
export function writeOrgTables(ctx: GenContext): void {
  const reps = writerOf(ctx, 'reps');
  const assignments = writerOf(ctx, 'rep_assignments');
  for (const rep of ctx.roster.reps) {
    const positions = positionsOf(ctx.roster, rep);
    const latest = positions[positions.length - 1];
    reps.line(
      `${rep.id},${csvText(rep.name)},${rep.role},${latest?.team ?? ''},${latest?.region ?? ''},` +
        `${latest?.manager ?? ''},${formatDate(rep.hireDay)},${rep.leaveDay === null ? '' : formatDate(rep.leaveDay)}`,
    );
    for (const p of positions) {
      assignments.line(`${rep.id},${p.team},${p.region},${p.manager},${formatDate(p.from)},${p.to === null ? '' : formatDate(p.to)}`);
    }
  }
}

/** A person's positions in time order. */
function positionsOf(roster: Roster, rep: RepRecord): Position[] {
  const head = roster.reps[roster.headIndex]?.id ?? '';
  switch (rep.level) {
    case 'head':
      return [{ team: '', region: '', manager: '', from: rep.hireDay, to: rep.leaveDay }];
    case 'director':
      return [{ team: '', region: REGIONS[rep.directorOf] ?? '', manager: head, from: rep.hireDay, to: rep.leaveDay }];
    case 'manager':
      return rep.memberships.flatMap((m) => {
        const team = roster.teams[m.team] as TeamRecord;
        const terms = roster.directors.filter((d) => d.region === team.region);
        return split(
          m,
          terms.map((d) => ({ rep: d.rep, from: d.from, to: d.to })),
          roster,
          team,
        );
      });
    case 'rep':
      return rep.memberships.flatMap((m) => {
        const team = roster.teams[m.team] as TeamRecord;
        return split(
          m,
          team.managers.map((t) => ({ rep: t.rep, from: t.term.from, to: t.term.to })),
          roster,
          team,
        );
      });
    default: {
      const never: never = rep.level;
      throw new Error(`unknown level ${String(never)}`);
    }
  }
}

/** Cuts a membership into positions by the terms of whoever it reports to. */
function split(
  m: Membership,
  bosses: readonly { rep: number; from: number; to: number | null }[],
  roster: Roster,
  team: TeamRecord,
): Position[] {
  const end = m.to ?? Infinity;
  const out: Position[] = [];
  for (const b of bosses) {
    const bEnd = b.to ?? Infinity;
    const from = Math.max(m.from, b.from);
    const to = Math.min(end, bEnd);
    if (from > to) continue;
    out.push({
      team: team.name,
      region: REGIONS[team.region] ?? '',
      manager: roster.reps[b.rep]?.id ?? '',
      from,
      to: to === Infinity ? null : to,
    });
  }
  return out;
}

/** Courses: onboarding ones after hire, yearly ones, and two launched during the span. */
export function writeTraining(ctx: GenContext): void {
  const out = writerOf(ctx, 'training_completions');
  for (const rep of ctx.roster.reps) {
    if (rep.level === 'head') continue;
    const rng = createRng(ctx.seed, 'training', rep.index);
    const last = Math.min(AS_OF_DAY, rep.leaveDay ?? AS_OF_DAY);
    const done: [string, number][] = [];
    const within = (course: string, day: number): void => {
      if (day >= SPAN_START_DAY && day <= last && day >= rep.hireDay) done.push([course, day]);
    };
    const sells = rep.role !== 'manager';
    const quota = rep.role === 'AE' || rep.role === 'AM';
    within('Product Fundamentals', rep.hireDay + rng.int(7, 30));
    if (sells && rng.chance(0.9)) within('Discovery & Qualification', rep.hireDay + rng.int(30, 90));
    for (const year of [2024, 2025, 2026]) {
      if (rng.chance(0.92)) within('Security & Compliance (annual)', dayOf(year, 1, 1) + rng.int(0, 89));
      if (quota && rng.chance(0.8 * rep.traits.learner)) within('Negotiation Skills', dayOf(year, 1, 1) + rng.int(0, 364));
    }
    if ((quota || rep.role === 'manager') && rng.chance(0.5 + 0.4 * rep.traits.learner)) {
      within('Forecasting Hygiene', Math.max(dayOf(2025, 4, 1), rep.hireDay) + rng.int(0, 120));
    }
    if (sells && rng.chance(rep.traits.learner)) {
      within('AI Product Certification', Math.max(dayOf(2026, 3, 1), rep.hireDay) + rng.int(0, 150));
    }
    done.sort((a, b) => a[1] - b[1]);
    for (const [course, day] of done) out.line(`${rep.id},${csvText(course)},${formatDate(day)}`);
  }
}
