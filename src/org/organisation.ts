/**
 * The organisation as of a period, in one call: read the hierarchy's spells from the data, place
 * each member by the spell in force on the deciding day, and build the tree. What every reader of
 * figures by node (scorecards, pay plans, alerts, a web app) starts from.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Database } from '../engine/duckdb.js';
import type { Failure } from '../pipeline.js';
import type { ResolvedCatalog, ResolvedKpi } from '../resolve/resolved.js';
import type { ResolvedHierarchy } from './hierarchy.js';
import { readSpells, spellsAsOf, type DateSpan, type RoleCondition } from './spells.js';
import { buildOrgTree, type OrgNode } from './tree.js';

/** The organisation of one period. */
export interface Organisation {
  readonly hierarchy: ResolvedHierarchy;
  readonly tree: OrgNode;
  /** The day whose positions place the members: the period's last day (`period_end`) or first. */
  readonly membershipDate: string;
}

/** What reading the organisation needs besides the hierarchy and the period. */
export interface OrganisationOptions {
  readonly dataDir: string;
  readonly db: Database;
  /** Roles whose conditions are evaluated on each member's spell (`OrgNode.roles`). */
  readonly roles: readonly RoleCondition[];
  /** A KPI whose descriptive fields the synthetic read borrows (any KPI of the catalog). */
  readonly like: ResolvedKpi;
  /** Where warnings of the read (quarantined rows…) are collected. */
  readonly warnings: Diagnostic[];
}

/** The day that decides membership in `period` under `h`. */
export function membershipDate(h: ResolvedHierarchy, period: DateSpan): string {
  return h.asOf === 'period_end' ? period.last : period.start;
}

/** The organisation of `h` in `period`; data problems come back as a {@link Failure}. */
export async function readOrganisation(
  resolved: ResolvedCatalog,
  h: ResolvedHierarchy,
  period: DateSpan,
  options: OrganisationOptions,
): Promise<Organisation | Failure> {
  const spells = await readSpells(resolved, h, options.roles, options.like, { ...options, date: period.start });
  if (!Array.isArray(spells)) return spells as Failure;
  return { hierarchy: h, tree: buildOrgTree(h, spellsAsOf(spells, period, h.asOf)), membershipDate: membershipDate(h, period) };
}
