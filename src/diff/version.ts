/**
 * Catalog versions: semver of `catalog.yaml`'s `version`, the bump a diff requires (its largest
 * change class: breaking → major, minor → minor, patch → patch; before 1.0.0 a breaking change
 * needs a minor bump, as semver allows anything there and Cargo and npm read `0.x` this way), and
 * the check `kpic diff --check-version` makes.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/span.js';
import type { ChangeClass } from '../governance/vocabulary.js';
import type { CatalogDiff } from './types.js';

/** A parsed semantic version (pre-release and build parts are kept as written). */
export interface SemVer {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  readonly suffix: string;
}

/** How far one version is from another. */
export type Bump = 'major' | 'minor' | 'patch' | 'none';

const BUMPS: readonly Bump[] = ['none', 'patch', 'minor', 'major'];

/** `1.4.0` → its parts; undefined when it is not semver. */
export function parseSemver(text: string): SemVer | undefined {
  const m = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)((?:-|\+).*)?$/.exec(text.trim());
  if (m === null) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), suffix: m[4] ?? '' };
}

/** The bump from `base` to `head`, or `lower` when the head is an older version. */
export function bumpBetween(base: SemVer, head: SemVer): Bump | 'lower' {
  const cmp = (a: number, b: number): number => Math.sign(a - b);
  const order = cmp(head.major, base.major) || cmp(head.minor, base.minor) || cmp(head.patch, base.patch);
  if (order < 0) return 'lower';
  if (head.major > base.major) return 'major';
  if (head.minor > base.minor) return 'minor';
  if (head.patch > base.patch) return 'patch';
  return 'none';
}

/** The bump the largest change class requires, from `base`. */
export function requiredBump(largest: ChangeClass | undefined, base: SemVer | undefined): Bump {
  switch (largest) {
    case undefined:
      return 'none';
    case 'breaking':
      return base !== undefined && base.major === 0 ? 'minor' : 'major';
    case 'minor':
      return 'minor';
    case 'patch':
      return 'patch';
    default: {
      const never: never = largest;
      return never;
    }
  }
}

/** `base` raised by `bump`. */
export function nextVersion(base: SemVer, bump: Bump): string {
  switch (bump) {
    case 'major':
      return `${base.major + 1}.0.0`;
    case 'minor':
      return `${base.major}.${base.minor + 1}.0`;
    case 'patch':
      return `${base.major}.${base.minor}.${base.patch + 1}`;
    case 'none':
      return `${base.major}.${base.minor}.${base.patch}`;
    default: {
      const never: never = bump;
      return never;
    }
  }
}

/** The outcome of `--check-version`. */
export interface VersionCheck {
  readonly kind: 'version-check';
  readonly base?: string | undefined;
  readonly head?: string | undefined;
  readonly required: Bump;
  /** The bump made, `lower`, or undefined when it cannot be told (no or malformed versions). */
  readonly actual?: Bump | 'lower' | undefined;
  /** The version to set when the bump is too small. */
  readonly suggested?: string | undefined;
  readonly ok: boolean;
  readonly diagnostics: readonly Diagnostic[];
}

function counts(diff: CatalogDiff): string {
  const n = (c: ChangeClass): number => diff.changes.filter((x) => x.class === c).length;
  const parts = (['breaking', 'minor', 'patch'] as const).filter((c) => n(c) > 0).map((c) => `${n(c)} ${c}`);
  return parts.join(', ');
}

/** Checks the head's version against the base's for `diff`; `where` is the head's `version:` (or the catalog id). */
export function checkVersion(diff: CatalogDiff, where: Span): VersionCheck {
  const base = diff.base.version === undefined ? undefined : parseSemver(diff.base.version);
  const head = diff.head.version === undefined ? undefined : parseSemver(diff.head.version);
  const required = requiredBump(diff.largest, base);
  const common = { kind: 'version-check' as const, base: diff.base.version, head: diff.head.version, required };
  if (required === 'none') return { ...common, actual: base && head ? bumpBetween(base, head) : undefined, ok: true, diagnostics: [] };
  const suggested = base === undefined ? undefined : nextVersion(base, required);
  const fail = (message: string, actual?: Bump | 'lower'): VersionCheck => ({
    ...common,
    actual,
    suggested,
    ok: false,
    diagnostics: [
      diagnostic('diff/version-bump', where, message, {
        hint: suggested === undefined ? 'write the version as MAJOR.MINOR.PATCH, e.g. `version: 1.0.0`' : `set \`version: ${suggested}\``,
      }),
    ],
  });
  if (head === undefined) {
    return fail(
      diff.head.version === undefined
        ? `the catalog has no \`version\`, but it changed (${counts(diff)})`
        : `\`${diff.head.version}\` is not a semantic version (MAJOR.MINOR.PATCH)`,
    );
  }
  if (base === undefined) return { ...common, ok: true, diagnostics: [] };
  const actual = bumpBetween(base, head);
  if (actual === 'lower') return fail(`the version goes down from ${diff.base.version ?? ''} to ${diff.head.version ?? ''}`, actual);
  if (BUMPS.indexOf(actual) >= BUMPS.indexOf(required)) return { ...common, actual, ok: true, diagnostics: [] };
  const made =
    actual === 'none'
      ? `stays ${diff.head.version ?? ''}`
      : `goes from ${diff.base.version ?? ''} to ${diff.head.version ?? ''} (a ${actual} bump)`;
  return fail(`the version ${made}, but the changes (${counts(diff)}) need a ${required} bump: ${suggested ?? ''}`, actual);
}
