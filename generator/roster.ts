/**
 * The sales organisation over time: an enterprise head, one director per region, teams (each with
 * a manager) per region and function, and the reps in them. Simulated month by month over the
 * span: headcount grows with the business, people leave and are replaced, new teams open, reps
 * move between teams and regions, and one director change re-parents a region's managers.
 */
import { AS_OF_DAY, SPAN_START_DAY, dayOf, monthEnd, monthOf, monthStart } from './calendar.js';
import { FUNCTIONS, REGION_WEIGHTS, REGIONS, TEAM_SIZE, type Role } from './org.js';
import { createRng, type Rng } from './prng.js';
import { personName } from './names.js';
import { repTraits, type RepTraits } from './rep-traits.js';

/** A period in which a rep belongs to (or a manager leads) a team; `to` is inclusive, null = open. */
export interface Membership {
  readonly team: number;
  readonly from: number;
  to: number | null;
}

/** A person in the users table. Mutable only while the roster is being built. */
export interface RepRecord {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly level: 'head' | 'director' | 'manager' | 'rep';
  readonly hireDay: number;
  leaveDay: number | null;
  /** Region index of a director; -1 otherwise. */
  readonly directorOf: number;
  readonly memberships: Membership[];
  readonly traits: RepTraits;
}

/** One team: a function in a region, led by a succession of managers. */
export interface TeamRecord {
  readonly index: number;
  readonly name: string;
  readonly func: number;
  readonly region: number;
  readonly openedDay: number;
  /** Successive team leads; each `term` is also in that manager's memberships. */
  readonly managers: { readonly rep: number; readonly term: Membership }[];
}

/** A director's tenure over one region. */
interface DirectorTerm {
  readonly rep: number;
  readonly region: number;
  readonly from: number;
  readonly to: number | null;
}

/** The organisation as simulated; see {@link buildRoster}. */
export interface Roster {
  readonly reps: readonly RepRecord[];
  readonly teams: readonly TeamRecord[];
  readonly directors: readonly DirectorTerm[];
  readonly headIndex: number;
}

/** The day the EMEA director changes (the hierarchy above EMEA's teams is re-parented). */
const DIRECTOR_CHANGE_DAY = dayOf(2025, 7, 1);
const SPAN_MONTHS = monthOf(AS_OF_DAY) - monthOf(SPAN_START_DAY) + 1;
const REP_LEAVE_MONTHLY = 0.016;
const MANAGER_LEAVE_MONTHLY = 0.008;
const MOVE_MONTHLY = 0.009;

/** Average headcount a function needs in a region at a given scale, at the start and the end. */
function headcountTarget(scale: number, func: number, region: number, month: number): number {
  const f = FUNCTIONS[func];
  if (f === undefined) throw new Error(`unknown function ${func}`);
  const average = ((scale * f.workPerOpportunity) / 3 / f.perRepYear) * (REGION_WEIGHTS[region] ?? 0);
  const t = month / (SPAN_MONTHS - 1);
  return Math.max(2, Math.round(average * (0.8 + 0.45 * t)));
}

/** Simulates the organisation for `scale` opportunities over the span. Deterministic in `seed`. */
export function buildRoster(seed: number, scale: number): Roster {
  const rng = createRng(seed, 'roster');
  const reps: RepRecord[] = [];
  const teams: TeamRecord[] = [];
  const directors: DirectorTerm[] = [];
  const members: number[] = []; // open memberships per team
  const active = new Map<string, number>(); // `${func}/${region}` → reps in it now
  const teamsOf = new Map<string, number[]>();

  const addPerson = (role: Role, level: RepRecord['level'], hireDay: number, directorOf = -1): RepRecord => {
    const index = reps.length;
    const rep: RepRecord = {
      index,
      id: repId(index),
      name: personName(index),
      role,
      level,
      hireDay,
      leaveDay: null,
      directorOf,
      memberships: [],
      traits: repTraits(seed, index, role),
    };
    reps.push(rep);
    return rep;
  };

  const head = addPerson('manager', 'head', SPAN_START_DAY - rng.int(900, 2500));
  for (let r = 0; r < REGIONS.length; r++) {
    const d = addPerson('manager', 'director', SPAN_START_DAY - rng.int(300, 2000), r);
    if (r === 1) {
      d.leaveDay = DIRECTOR_CHANGE_DAY - 1;
      directors.push({ rep: d.index, region: r, from: d.hireDay, to: d.leaveDay });
      const next = addPerson('manager', 'director', DIRECTOR_CHANGE_DAY, r);
      directors.push({ rep: next.index, region: r, from: next.hireDay, to: null });
    } else {
      directors.push({ rep: d.index, region: r, from: d.hireDay, to: null });
    }
  }

  const key = (func: number, region: number): string => `${func}/${region}`;
  const finalTeams = (func: number, region: number): number => Math.ceil(headcountTarget(scale, func, region, SPAN_MONTHS - 1) / TEAM_SIZE);

  const hireManager = (team: TeamRecord, day: number): void => {
    const m = addPerson('manager', 'manager', day);
    const term: Membership = { team: team.index, from: Math.max(day, team.openedDay), to: null };
    m.memberships.push(term);
    team.managers.push({ rep: m.index, term });
  };

  const openTeam = (func: number, region: number, day: number, managerHired: number): void => {
    const list = teamsOf.get(key(func, region)) ?? [];
    teamsOf.set(key(func, region), list);
    const n = finalTeams(func, region);
    const label = `${REGIONS[region]} ${FUNCTIONS[func]?.label}${n > 1 ? ` ${list.length + 1}` : ''}`;
    const team: TeamRecord = { index: teams.length, name: label, func, region, openedDay: day, managers: [] };
    teams.push(team);
    members.push(0);
    list.push(team.index);
    hireManager(team, managerHired);
  };

  /** The least-staffed team of a function and region already open on `day` (−1 if none). */
  const smallestTeam = (func: number, region: number, day: number, except = -1): number => {
    let best = -1;
    for (const t of teamsOf.get(key(func, region)) ?? []) {
      if (t === except || (teams[t] as TeamRecord).openedDay > day) continue;
      if (best < 0 || (members[t] ?? 0) < (members[best] ?? 0)) best = t;
    }
    return best;
  };

  const join = (rep: RepRecord, team: number, day: number): void => {
    rep.memberships.push({ team, from: day, to: null });
    members[team] = (members[team] ?? 0) + 1;
    const t = teams[team] as TeamRecord;
    active.set(key(t.func, t.region), (active.get(key(t.func, t.region)) ?? 0) + 1);
  };

  const leaveTeam = (rep: RepRecord, lastDay: number): void => {
    const current = rep.memberships[rep.memberships.length - 1];
    if (current === undefined || current.to !== null) return;
    current.to = lastDay;
    members[current.team] = (members[current.team] ?? 0) - 1;
    const t = teams[current.team] as TeamRecord;
    active.set(key(t.func, t.region), (active.get(key(t.func, t.region)) ?? 0) - 1);
  };

  // The organisation as it stood when the data begins.
  const opened = SPAN_START_DAY - 2000;
  for (let func = 0; func < FUNCTIONS.length; func++) {
    for (let region = 0; region < REGIONS.length; region++) {
      const target = headcountTarget(scale, func, region, 0);
      const teamCount = Math.ceil(target / TEAM_SIZE);
      for (let k = 0; k < teamCount; k++) openTeam(func, region, opened, opened - rng.int(0, 900));
      for (let k = 0; k < target; k++) {
        const tenure = rng.chance(0.15) ? rng.int(10, 180) : rng.int(181, 1800);
        const rep = addPerson(FUNCTIONS[func]?.role ?? 'AE', 'rep', SPAN_START_DAY - tenure);
        join(rep, smallestTeam(func, region, rep.hireDay), rep.hireDay);
      }
    }
  }

  for (let m = 0; m < SPAN_MONTHS; m++) {
    simulateMonth(m);
  }

  function simulateMonth(m: number): void {
    const first = monthStart(monthOf(SPAN_START_DAY) + m);
    const last = monthEnd(monthOf(SPAN_START_DAY) + m);
    const population = reps.length;
    for (let i = 0; i < population; i++) {
      const rep = reps[i] as RepRecord;
      if (rep.leaveDay !== null || rep.hireDay >= first) continue;
      if (rep.level === 'rep') {
        if (rng.chance(REP_LEAVE_MONTHLY)) {
          rep.leaveDay = rng.int(first, last);
          leaveTeam(rep, rep.leaveDay);
        } else if (rng.chance(MOVE_MONTHLY)) {
          moveRep(rep, rng.int(first + 1, last));
        }
      } else if (rep.level === 'manager' && rng.chance(MANAGER_LEAVE_MONTHLY)) {
        const leave = rng.int(first, last - 1);
        rep.leaveDay = leave;
        const term = rep.memberships[rep.memberships.length - 1];
        if (term !== undefined) {
          term.to = leave;
          hireManager(teams[term.team] as TeamRecord, leave + 1);
        }
      }
    }
    for (let func = 0; func < FUNCTIONS.length; func++) {
      for (let region = 0; region < REGIONS.length; region++) {
        const target = headcountTarget(scale, func, region, m);
        while ((teamsOf.get(key(func, region))?.length ?? 0) < Math.ceil(target / TEAM_SIZE)) {
          const day = rng.int(first, last);
          openTeam(func, region, day, day);
        }
        while ((active.get(key(func, region)) ?? 0) < target) {
          const rep = addPerson(FUNCTIONS[func]?.role ?? 'AE', 'rep', rng.int(first, last));
          join(rep, smallestTeam(func, region, rep.hireDay), rep.hireDay);
        }
      }
    }
  }

  function moveRep(rep: RepRecord, day: number): void {
    const current = rep.memberships[rep.memberships.length - 1];
    if (current === undefined || current.from >= day) return;
    const from = teams[current.team] as TeamRecord;
    let dest = smallestTeam(from.func, from.region, day, from.index);
    if (dest < 0 && from.func < 2 && rng.chance(0.5)) dest = smallestTeam(from.func + 1, from.region, day);
    if (dest < 0) dest = smallestTeam(from.func, otherRegion(rng, from.region), day);
    if (dest < 0) return;
    leaveTeam(rep, day - 1);
    join(rep, dest, day);
  }

  return { reps, teams, directors, headIndex: head.index };
}

function otherRegion(rng: Rng, region: number): number {
  const step = rng.int(1, REGIONS.length - 1);
  return (region + step) % REGIONS.length;
}

/** The id of the rep at a 0-based index (`REP-00001`…). */
export function repId(index: number): string {
  return `REP-${String(index + 1).padStart(5, '0')}`;
}
