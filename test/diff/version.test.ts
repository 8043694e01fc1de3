/**
 * Versions: the bump each change class requires, `--check-version`'s verdict and message, and the
 * changelog entry and its check in CHANGELOG.md.
 */
import { describe, expect, it } from 'vitest';
import { changelogEntry, checkChangelog } from '../../src/diff/changelog.js';
import type { CatalogDiff } from '../../src/diff/types.js';
import { bumpBetween, checkVersion, nextVersion, parseSemver, requiredBump } from '../../src/diff/version.js';
import { KPIS_YAML } from '../governance/fixture.js';
import { diffWith } from './helpers.js';

const at = { file: 'catalog.yaml', start: 0, end: 0 };
const breaking = diffWith({
  'kpis/kpis.yaml': KPIS_YAML.replace('formula: won_deals / closed_deals', 'formula: bookings / sum(amount where closed)'),
});
const minor = diffWith({ 'kpis/kpis.yaml': KPIS_YAML.replace('target: 0.6', 'target: 0.65') });
const patch = diffWith({ 'kpis/kpis.yaml': KPIS_YAML.replace('owner: finance', 'owner: revops') });

function versions(d: CatalogDiff, base: string | undefined, head: string | undefined): CatalogDiff {
  return { ...d, base: { ...d.base, version: base }, head: { ...d.head, version: head } };
}

describe('semver', () => {
  it('parses versions and measures bumps', () => {
    expect(parseSemver('1.4.0')).toEqual({ major: 1, minor: 4, patch: 0, suffix: '' });
    expect(parseSemver('2.0.0-rc.1')?.suffix).toBe('-rc.1');
    expect(parseSemver('1.4')).toBeUndefined();
    expect(parseSemver('01.0.0')).toBeUndefined();
    const v = (t: string) => parseSemver(t) ?? parseSemver('0.0.0')!;
    expect(bumpBetween(v('1.4.2'), v('2.0.0'))).toBe('major');
    expect(bumpBetween(v('1.4.2'), v('1.5.0'))).toBe('minor');
    expect(bumpBetween(v('1.4.2'), v('1.4.3'))).toBe('patch');
    expect(bumpBetween(v('1.4.2'), v('1.4.2'))).toBe('none');
    expect(bumpBetween(v('1.4.2'), v('1.3.9'))).toBe('lower');
    expect(nextVersion(v('1.4.2'), 'major')).toBe('2.0.0');
    expect(nextVersion(v('1.4.2'), 'minor')).toBe('1.5.0');
    expect(nextVersion(v('1.4.2'), 'patch')).toBe('1.4.3');
  });

  it('breaking needs major (minor before 1.0.0), minor needs minor, patch needs patch', () => {
    expect(requiredBump('breaking', parseSemver('1.0.0'))).toBe('major');
    expect(requiredBump('breaking', parseSemver('0.3.0'))).toBe('minor');
    expect(requiredBump('minor', parseSemver('1.0.0'))).toBe('minor');
    expect(requiredBump('patch', parseSemver('1.0.0'))).toBe('patch');
    expect(requiredBump(undefined, parseSemver('1.0.0'))).toBe('none');
  });
});

describe('--check-version', () => {
  it('a bump that is too small fails, at the version, with the version to set', () => {
    const check = checkVersion(versions(breaking, '1.0.0', '1.1.0'), at);
    expect(check.ok).toBe(false);
    expect([check.required, check.actual, check.suggested]).toEqual(['major', 'minor', '2.0.0']);
    expect(check.diagnostics.map((d) => [d.code, d.message, d.hint])).toEqual([
      [
        'diff/version-bump',
        'the version goes from 1.0.0 to 1.1.0 (a minor bump), but the changes (1 breaking) need a major bump: 2.0.0',
        'set `version: 2.0.0`',
      ],
    ]);
  });

  it('enough is enough: a larger bump than needed passes too', () => {
    expect(checkVersion(versions(breaking, '1.0.0', '2.0.0'), at).ok).toBe(true);
    expect(checkVersion(versions(minor, '1.0.0', '1.1.0'), at).ok).toBe(true);
    expect(checkVersion(versions(minor, '1.0.0', '2.0.0'), at).ok).toBe(true);
    expect(checkVersion(versions(patch, '1.0.0', '1.0.1'), at).ok).toBe(true);
    expect(checkVersion(versions(breaking, '0.4.2', '0.5.0'), at).ok).toBe(true);
  });

  it('an unchanged version, a lower one, a missing one and a malformed one fail', () => {
    expect(checkVersion(versions(patch, '1.0.0', '1.0.0'), at).diagnostics[0]?.message).toBe(
      'the version stays 1.0.0, but the changes (1 patch) need a patch bump: 1.0.1',
    );
    expect(checkVersion(versions(minor, '1.2.0', '1.1.9'), at).diagnostics[0]?.message).toBe('the version goes down from 1.2.0 to 1.1.9');
    expect(checkVersion(versions(minor, '1.2.0', undefined), at).diagnostics[0]?.message).toBe(
      'the catalog has no `version`, but it changed (1 minor)',
    );
    expect(checkVersion(versions(minor, '1.2.0', 'v1.3'), at).diagnostics[0]?.message).toBe(
      '`v1.3` is not a semantic version (MAJOR.MINOR.PATCH)',
    );
  });

  it('no change needs no bump; a base without a version accepts any head version', () => {
    const none = diffWith({});
    expect(checkVersion(versions(none, '1.0.0', '1.0.0'), at).ok).toBe(true);
    expect(checkVersion(versions(breaking, undefined, '0.1.0'), at).ok).toBe(true);
  });
});

describe('the changelog', () => {
  it('the entry groups the changes by class under the version', () => {
    const both = diffWith({
      'kpis/kpis.yaml': KPIS_YAML.replace('formula: won_deals / closed_deals', 'formula: bookings / sum(amount where closed)').replace(
        'owner: finance',
        'owner: revops',
      ),
    });
    expect(changelogEntry(both, '2.0.0')).toBe(
      [
        '## 2.0.0',
        '',
        '### Breaking changes',
        '',
        '- kpi `win_rate`: formula: `won_deals / closed_deals` → `bookings / sum(amount where closed)`',
        '',
        '### Documentation and layout',
        '',
        '- kpi `bookings`: owner: `finance` → `revops`',
        '',
      ].join('\n'),
    );
  });

  it('CHANGELOG.md needs an entry for the new version that names every breaking change', () => {
    const d = versions(breaking, '1.0.0', '2.0.0');
    expect(checkChangelog('# Changelog\n\n## 1.0.0\n\n- first\n', d).map((x) => x.message)).toEqual([
      'CHANGELOG.md has no entry for version 2.0.0',
    ]);
    expect(checkChangelog('# Changelog\n\n## 2.0.0\n\n- faster\n\n## 1.0.0\n\n- win_rate\n', d).map((x) => x.message)).toEqual([
      'the 2.0.0 entry of CHANGELOG.md does not mention the breaking change to `win_rate`',
    ]);
    expect(checkChangelog('# Changelog\n\n## [2.0.0] - 2026-01-05\n\n- `win_rate` is now by value\n', d)).toEqual([]);
  });
});
