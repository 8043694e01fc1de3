/**
 * The access model: who sees what in the web app. An `access` document names guarded fields
 * (source columns such as deal amounts, pay and quota), roles (which rows — by position in a
 * hierarchy — and which guarded fields each sees) and rules that give users roles. Plain data,
 * read and checked by read.ts; applied per user and period by grant.ts.
 */
import type { Span } from '../diagnostics/span.js';

/** Which nodes a role sees: every one, the user's managed subtrees, or the user's own member node. */
export type RowScope = 'all' | 'subtree' | 'self';

/** The row scopes, in the document's words. */
export const ROW_SCOPES: readonly RowScope[] = ['all', 'subtree', 'self'];

/** A role of the access document. */
export interface AccessRole {
  readonly kind: 'access-role';
  readonly id: string;
  readonly title: string;
  readonly rows: RowScope;
  /** Guarded fields (by name) the role sees. */
  readonly fields: ReadonlySet<string>;
}

/** A rule giving a role: to named users, to whoever manages a node, or to every member. */
export interface RoleRule {
  readonly kind: 'role-rule';
  readonly role: string;
  readonly users: ReadonlySet<string>;
  readonly managers: boolean;
  readonly members: boolean;
  readonly span: Span;
}

/** A guarded column: `source.column`. */
export interface GuardedColumn {
  readonly source: string;
  readonly column: string;
}

/** A checked access document. */
export interface AccessPolicy {
  readonly kind: 'access-policy';
  readonly id: string;
  readonly title: string;
  readonly hierarchy: string;
  /** Guarded field name → its columns. */
  readonly fields: ReadonlyMap<string, readonly GuardedColumn[]>;
  readonly roles: ReadonlyMap<string, AccessRole>;
  /** In order: the first that matches a user decides. */
  readonly rules: readonly RoleRule[];
}

/** Who is asking: the name they signed in with, and their member key in the hierarchy (if any). */
export interface Identity {
  readonly user: string;
  readonly member: string | undefined;
}
