/**
 * The changelog entry of a diff (to paste into the catalog's `CHANGELOG.md`), and the check
 * `kpic diff --check-version` makes of that file when the catalog keeps one: an entry headed by
 * the new version, naming every document with a breaking change.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ChangeClass } from '../governance/vocabulary.js';
import { describeChange } from './describe.js';
import type { CatalogDiff } from './types.js';

/** The catalog-relative name of the changelog. */
export const CHANGELOG_FILE = 'CHANGELOG.md';

const HEADINGS: Readonly<Record<ChangeClass, string>> = {
  breaking: 'Breaking changes',
  minor: 'New and changed',
  patch: 'Documentation and layout',
};

/** Markdown for `CHANGELOG.md`: a `## <version>` heading and the changes grouped by class. */
export function changelogEntry(diff: CatalogDiff, version: string | undefined): string {
  const lines = [`## ${version ?? 'Unreleased'}`];
  for (const cls of ['breaking', 'minor', 'patch'] as const) {
    const changes = diff.changes.filter((c) => c.class === cls);
    if (changes.length === 0) continue;
    lines.push('', `### ${HEADINGS[cls]}`, '', ...changes.map((c) => `- ${describeChange(c)}`));
  }
  if (diff.changes.length === 0) lines.push('', 'No changes to the catalog’s meaning.');
  return `${lines.join('\n')}\n`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The entry for `version` in a changelog's text: from its heading to the next heading as high. */
function entryOf(text: string, version: string): { start: number; body: string } | undefined {
  const heading = new RegExp(`^(#{1,3})\\s*\\[?v?${escapeRegExp(version)}\\]?(?=\\s|$)`, 'm');
  const m = heading.exec(text);
  if (m === null) return undefined;
  const level = m[1]?.length ?? 2;
  const rest = text.slice(m.index + m[0].length);
  const next = new RegExp(`^#{1,${level}}\\s`, 'm').exec(rest);
  return { start: m.index, body: next === null ? rest : rest.slice(0, next.index) };
}

/** Problems with `CHANGELOG.md` (its text) for the head version of `diff`. */
export function checkChangelog(text: string, diff: CatalogDiff): Diagnostic[] {
  const version = diff.head.version;
  if (version === undefined || diff.changes.length === 0) return [];
  const whole = { file: CHANGELOG_FILE, start: 0, end: 0 };
  const entry = entryOf(text, version);
  if (entry === undefined) {
    return [
      diagnostic('diff/changelog', whole, `${CHANGELOG_FILE} has no entry for version ${version}`, {
        hint: `add a \`## ${version}\` section (kpic diff prints one to paste)`,
      }),
    ];
  }
  const at = { file: CHANGELOG_FILE, start: entry.start, end: entry.start + text.slice(entry.start).indexOf('\n') };
  const out: Diagnostic[] = [];
  for (const c of diff.changes) {
    if (c.class !== 'breaking') continue;
    const ids = c.kind === 'renamed' ? [c.from.id, c.doc.id] : [c.doc.id];
    if (ids.some((id) => new RegExp(`(^|[^A-Za-z0-9_])${escapeRegExp(id)}([^A-Za-z0-9_]|$)`).test(entry.body))) continue;
    out.push(
      diagnostic(
        'diff/changelog',
        at.end < at.start ? whole : at,
        `the ${version} entry of ${CHANGELOG_FILE} does not mention the breaking change to \`${ids[0] ?? ''}\``,
        {
          hint: `add a line such as: - ${describeChange(c)}`,
        },
      ),
    );
  }
  return out;
}
