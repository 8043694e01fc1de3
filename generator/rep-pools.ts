/**
 * Who can own a deal or work a lead: for each month of the span and each function and region,
 * the reps who belonged to such a team in that month. Picking checks the exact days, so a deal
 * goes to someone employed (and in that team) from the day it is created until it closes.
 */
import { AS_OF_DAY, SPAN_START_DAY, monthOf } from './calendar.js';
import { FUNCTIONS, REGIONS } from './org.js';
import type { Rng } from './prng.js';
import type { RepRecord, Roster } from './roster.js';

/** Rep lookup by function, region and date. */
export interface RepPools {
  /**
   * A rep of `func` in `region` on `day` who is still employed on `untilDay`; failing that, one
   * employed on `day`; −1 only if the function has nobody there that month.
   */
  pick(rng: Rng, func: number, region: number, day: number, untilDay: number): number;
}

const FIRST_MONTH = monthOf(SPAN_START_DAY);
const MONTHS = monthOf(AS_OF_DAY) - FIRST_MONTH + 1;

/** Indexes the roster's team memberships by month. */
export function buildPools(roster: Roster): RepPools {
  const slots = REGIONS.length * FUNCTIONS.length;
  const lists: number[][] = Array.from({ length: MONTHS * slots }, () => []);
  for (const rep of roster.reps) {
    if (rep.level !== 'rep') continue;
    for (const m of rep.memberships) {
      const team = roster.teams[m.team];
      if (team === undefined) continue;
      const from = Math.max(0, monthOf(m.from) - FIRST_MONTH);
      const to = Math.min(MONTHS - 1, monthOf(m.to ?? AS_OF_DAY) - FIRST_MONTH);
      for (let k = from; k <= to; k++) {
        const list = lists[k * slots + team.func * REGIONS.length + team.region];
        if (list !== undefined && list[list.length - 1] !== rep.index) list.push(rep.index);
      }
    }
  }
  const pools = lists.map((l) => Int32Array.from(l));
  const reps = roster.reps;

  const inTeam = (rep: RepRecord, func: number, region: number, day: number): boolean => {
    for (const m of rep.memberships) {
      if (m.from <= day && (m.to === null || m.to >= day)) {
        const team = roster.teams[m.team];
        return team !== undefined && team.func === func && team.region === region;
      }
    }
    return false;
  };
  const employed = (rep: RepRecord, day: number): boolean => rep.hireDay <= day && (rep.leaveDay === null || rep.leaveDay >= day);

  return {
    pick(rng, func, region, day, untilDay) {
      const k = Math.min(MONTHS - 1, Math.max(0, monthOf(day) - FIRST_MONTH));
      const pool = pools[k * slots + func * REGIONS.length + region];
      if (pool === undefined || pool.length === 0) return -1;
      for (let attempt = 0; attempt < 12; attempt++) {
        const i = pool[Math.floor(rng.next() * pool.length)] ?? -1;
        const rep = reps[i];
        if (rep !== undefined && employed(rep, day) && employed(rep, untilDay) && inTeam(rep, func, region, day)) {
          return i;
        }
      }
      for (const i of pool) {
        const rep = reps[i];
        if (rep !== undefined && employed(rep, day) && inTeam(rep, func, region, day)) return i;
      }
      return pool[0] ?? -1;
    },
  };
}
