/**
 * Reading and checking `access` documents against the resolved catalog and its hierarchies: the
 * hierarchy exists, every guarded column is a declared `source.column`, every role's fields and
 * every rule's role are defined, and every rule says whom it gives its role to. Problems are
 * `access/unknown-reference` diagnostics at the name at fault; a document with problems still
 * yields the parts that are sound.
 */
import { diagnostic, type Diagnostic, type PhaseResult } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/span.js';
import { didYouMean } from '../diagnostics/suggest.js';
import type { YNode } from '../load/tree.js';
import { booleanAt, entriesAt, itemsAt, stringAt, textAt } from '../model/read-node.js';
import type { CatalogDocument, Located } from '../model/types.js';
import type { ResolvedHierarchy } from '../org/hierarchy.js';
import type { ResolvedCatalog } from '../resolve/resolved.js';
import { ROW_SCOPES, type AccessPolicy, type AccessRole, type GuardedColumn, type RoleRule, type RowScope } from './model.js';

function strings(node: YNode | undefined): Located<string>[] {
  if (node?.kind !== 'seq') return [];
  return node.items.flatMap((i) => (i.kind === 'scalar' && typeof i.value === 'string' ? [{ value: i.value, span: i.span }] : []));
}

function unknown(out: Diagnostic[], span: Span, what: string, name: string, candidates: Iterable<string>): void {
  const list = [...candidates];
  out.push(
    diagnostic('access/unknown-reference', span, `unknown ${what} \`${name}\``, {
      hint: didYouMean(name, list) ?? (list.length === 0 ? undefined : `known: ${list.join(', ')}`),
    }),
  );
}

function readFields(resolved: ResolvedCatalog, doc: CatalogDocument, out: Diagnostic[]): Map<string, GuardedColumn[]> {
  const fields = new Map<string, GuardedColumn[]>();
  for (const e of entriesAt(doc.tree, 'fields')) {
    const columns: GuardedColumn[] = [];
    for (const c of strings(e.value)) {
      const [source = '', column = ''] = c.value.split('.');
      const def = resolved.catalog.sources.get(source);
      if (def === undefined) unknown(out, c.span, 'source', source, resolved.catalog.sources.keys());
      else if (!def.columns.has(column)) unknown(out, c.span, `column of source \`${source}\``, column, def.columns.keys());
      else columns.push({ source, column });
    }
    fields.set(e.key, columns);
  }
  return fields;
}

function readRoles(doc: CatalogDocument, fields: ReadonlyMap<string, unknown>, out: Diagnostic[]): Map<string, AccessRole> {
  const roles = new Map<string, AccessRole>();
  for (const e of entriesAt(doc.tree, 'roles')) {
    const m = e.value.kind === 'map' ? e.value : undefined;
    const rows = m === undefined ? undefined : stringAt(m, 'rows')?.value;
    const granted = new Set<string>();
    for (const f of strings(m?.byKey.get('fields')?.value)) {
      if (fields.has(f.value)) granted.add(f.value);
      else unknown(out, f.span, 'field', f.value, fields.keys());
    }
    roles.set(e.key, {
      kind: 'access-role',
      id: e.key,
      title: (m === undefined ? undefined : textAt(m, 'title')) ?? e.key,
      rows: (ROW_SCOPES as readonly string[]).includes(rows ?? '') ? (rows as RowScope) : 'self',
      fields: granted,
    });
  }
  return roles;
}

function readRules(doc: CatalogDocument, roles: ReadonlyMap<string, AccessRole>, out: Diagnostic[]): RoleRule[] {
  const rules: RoleRule[] = [];
  for (const item of itemsAt(doc.tree, 'users')) {
    if (item.kind !== 'map') continue;
    const role = stringAt(item, 'role');
    if (role === undefined) continue;
    if (!roles.has(role.value)) unknown(out, role.span, 'role', role.value, roles.keys());
    const rule: RoleRule = {
      kind: 'role-rule',
      role: role.value,
      users: new Set(strings(item.byKey.get('users')?.value).map((u) => u.value)),
      managers: booleanAt(item, 'managers') === true,
      members: booleanAt(item, 'members') === true,
      span: item.span,
    };
    if (rule.users.size === 0 && !rule.managers && !rule.members)
      out.push(
        diagnostic('access/unknown-reference', item.span, `the rule for role \`${role.value}\` gives it to nobody`, {
          hint: 'name `users: [...]`, or write `managers: true` or `members: true`',
        }),
      );
    else rules.push(rule);
  }
  return rules;
}

function readPolicy(
  resolved: ResolvedCatalog,
  hierarchies: ReadonlyMap<string, ResolvedHierarchy>,
  doc: CatalogDocument,
  out: Diagnostic[],
): AccessPolicy | undefined {
  const written = stringAt(doc.tree, 'hierarchy');
  let hierarchy = written?.value;
  if (written !== undefined && !hierarchies.has(written.value)) {
    unknown(out, written.span, 'hierarchy', written.value, hierarchies.keys());
    hierarchy = undefined;
  } else if (written === undefined) {
    if (hierarchies.size === 1) hierarchy = [...hierarchies.keys()][0];
    else
      out.push(
        diagnostic(
          'access/unknown-reference',
          doc.idSpan,
          `access \`${doc.id}\` must name its hierarchy: the catalog has ${hierarchies.size}`,
          {
            hint: hierarchies.size === 0 ? 'add a `hierarchy` document' : `add \`hierarchy: ${[...hierarchies.keys()][0] ?? ''}\``,
          },
        ),
      );
  }
  const fields = readFields(resolved, doc, out);
  const roles = readRoles(doc, fields, out);
  const rules = readRules(doc, roles, out);
  if (hierarchy === undefined) return undefined;
  return { kind: 'access-policy', id: doc.id, title: textAt(doc.tree, 'title') ?? doc.id, hierarchy, fields, roles, rules };
}

/** Every access document of the catalog, checked; by id. */
export function readAccess(
  resolved: ResolvedCatalog,
  hierarchies: ReadonlyMap<string, ResolvedHierarchy>,
): PhaseResult<ReadonlyMap<string, AccessPolicy>> {
  const diagnostics: Diagnostic[] = [];
  const policies = new Map<string, AccessPolicy>();
  for (const doc of resolved.catalog.documents) {
    if (doc.kind !== 'access') continue;
    const policy = readPolicy(resolved, hierarchies, doc, diagnostics);
    if (policy !== undefined) policies.set(doc.id, policy);
  }
  return { value: policies, diagnostics };
}
